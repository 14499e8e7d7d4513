"""Main text and metadata from HTML with trafilatura; the page is parsed, never executed or rendered.

trafilatura runs in precision mode first: on news pages it drops more furniture (teasers, share
bars) at a small cost in recall. When that leaves almost nothing (< MIN_PRECISE_CHARS), the
precision filter was too strict for this page, so the default mode gets a second look and wins
if it finds at least twice as much text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_publish_date

MIN_PRECISE_CHARS = 500
RECALL_GAIN = 2.0
MAX_HTML_CHARS = 8_000_000  # real article pages are far smaller; beyond this the page is cut
# A tag longer than this is hostile or an inline blob (data: URIs); parsers slow down
# superlinearly on such tags and they never carry article text.
_HUGE_TAG = re.compile(r"<[a-zA-Z][^<>]{20000,}>")


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    url: str | None
    cut: bool = False


def _extract(html: str, url: str | None, precision: bool):
    import trafilatura  # lazy: only HTML inputs pay its import

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=precision, deduplicate=False,
        )
    except (ValueError, RecursionError, MemoryError):  # lxml on hostile markup
        return None


def _text(doc) -> str:
    if doc is None:
        return ""
    return (doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)) or ""


def defuse(html: str) -> tuple[str, bool]:
    """The page without giant tags, cut to MAX_HTML_CHARS; True if it had to be cut."""
    cut = len(html) > MAX_HTML_CHARS
    html = html[:MAX_HTML_CHARS]
    if len(html) > 20000:
        html = _HUGE_TAG.sub(" ", html)
    return html, cut


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    html, cut = defuse(html)
    doc = _extract(html, url, precision=True)
    text = _text(doc)
    if len(text) < MIN_PRECISE_CHARS:
        loose = _extract(html, url, precision=False)
        if len(_text(loose)) >= RECALL_GAIN * max(1, len(text)):
            doc, text = loose, _text(loose)
    if doc is None:
        return HtmlExtract("", None, None, None, None, url, cut)
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    published = parse_publish_date(get("date")) if get("date") else None
    # trafilatura separates paragraphs with single newlines; we use blank lines between paragraphs.
    text = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
    return HtmlExtract(text, get("title"), get("sitename"), get("author"), published, get("url") or url, cut)
