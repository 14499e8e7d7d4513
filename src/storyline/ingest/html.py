"""Main text and metadata from HTML with trafilatura; the page is parsed, never executed or rendered.

trafilatura runs in precision mode first: on news pages it drops more furniture (teasers, share
bars) at a small cost in recall. When that leaves almost nothing (< MIN_PRECISE_CHARS), the
precision filter was too strict for this page, so the default mode gets a second look and wins
if it finds at least twice as much text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.casing import lower
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


# htmldate's extensive search runs dateparser over free text with all ~200 locales, compiling their
# regexes on first use: ~4 s per process, for dates our own dateline/"Published" rules find anyway.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def _extract(html: str, url: str | None, precision: bool):
    import trafilatura  # lazy: only HTML inputs pay its import

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=precision, deduplicate=False, date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, RecursionError, MemoryError):  # lxml on hostile markup
        return None


def _text(doc) -> str:
    if doc is None:
        return ""
    return (doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)) or ""


_INVISIBLE_OPEN = re.compile(r"(?i)<(script|style|noscript|template|svg|head)\b")
_BLOCK_TAG = re.compile(r"(?i)</?(p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|nav|aside|"
                        r"blockquote|figure|figcaption|ul|ol|table|main|dd|dt)\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]*>")


def _drop_invisible(html: str) -> str:
    """Remove script/style/... elements in one left-to-right pass (a lazy regex is quadratic on
    pages with many unclosed <script> tags)."""
    low = lower(html)  # positions in low are positions in html
    out, pos = [], 0
    while m := _INVISIBLE_OPEN.search(html, pos):
        out.append(html[pos:m.start()])
        end = low.find(f"</{m.group(1).lower()}", m.end())
        if end == -1:
            return "".join(out)  # unclosed: the rest of the page is inside it
        close = low.find(">", end)
        pos = len(html) if close == -1 else close + 1
    out.append(html[pos:])
    return " ".join(out)


def fallback_text(html: str) -> str:
    """Visible text by plain tag stripping, one block element per paragraph.

    For pages the parser gives up on (nesting deeper than libxml2 follows, broken markup): the
    text-only cleaner then treats the result like a page copied from a browser.
    """
    import html as html_lib

    text = _drop_invisible(html)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = html_lib.unescape(_ANY_TAG.sub(" ", text))
    paras = (" ".join(p.split()) for p in text.split("\n\n"))
    return "\n\n".join(p for p in paras if p)


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
