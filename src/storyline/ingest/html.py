"""Main text and metadata from HTML with trafilatura; the page is parsed, never executed or rendered."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import parse_publish_date


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    import trafilatura  # lazy: only HTML inputs pay its import

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=False, deduplicate=False,
    )
    if doc is None:
        return HtmlExtract("", None, None, None, None, url)
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    published = parse_publish_date(get("date")) if get("date") else None
    # trafilatura separates paragraphs with single newlines; we use blank lines between paragraphs.
    text = "\n\n".join(p.strip() for p in (get("text") or "").split("\n") if p.strip())
    return HtmlExtract(text, get("title"), get("sitename"), get("author"), published, get("url") or url)
