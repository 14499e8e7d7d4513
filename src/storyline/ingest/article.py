"""RawDoc -> Article: the one place that combines reader metadata, HTML extraction and cleaning."""

from __future__ import annotations

import hashlib
from urllib.parse import urlparse

from ..model import Article, Provenance
from .clean import clean_text
from .dates import parse_publish_date
from .html import extract_html
from .readers import RawDoc, ReadError


def article_id(source: str, text: str) -> str:
    """Stable id: the same source with the same cleaned text always gets the same id."""
    return hashlib.sha1(f"{source}\x00{text}".encode()).hexdigest()[:16]


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def build_article(doc: RawDoc) -> Article:
    meta = dict(doc.meta)
    title = meta.get("title")
    if doc.kind == "html":
        ex = extract_html(doc.content, meta.get("url"))
        cleaned = clean_text(ex.text, meta_title=title or ex.title, zones=False)
        cleaned.title = title or ex.title
        outlet = meta.get("outlet") or ex.outlet
        byline = meta.get("byline") or ex.byline
        html_date = ex.published
        url = meta.get("url") or ex.url
    else:
        cleaned = clean_text(doc.content, meta_title=title)
        outlet = meta.get("outlet") or cleaned.outlet
        byline = meta.get("byline") or cleaned.byline
        html_date = None
        url = meta.get("url")
    if not cleaned.text.strip():
        raise ReadError(doc.source, "no article text left after cleaning")

    published, published_source = None, "unknown"
    if meta.get("published"):
        published = parse_publish_date(str(meta["published"]))
        published_source = "metadata" if published else "unknown"
    if published is None and html_date:
        published, published_source = html_date, "metadata"
    if published is None and cleaned.published:
        published, published_source = cleaned.published, cleaned.published_source

    quality: list[str] = list(cleaned.quality)
    prov: Provenance = cleaned.provenance
    if prov.translated_by:
        quality.append("machine_translated")
    if published is None:
        quality.append("date_uncertain")
    text = cleaned.text
    return Article(
        id=article_id(doc.source, text),
        source=doc.source,
        outlet=outlet or _outlet_from_url(url),
        title=cleaned.title,
        byline=byline,
        url=url,
        published=published,
        published_source=published_source,  # type: ignore[arg-type]
        language=meta.get("language"),
        text=text,
        removed=cleaned.removed,
        provenance=prov,
        quality=quality,
        extra=meta.get("extra", {}),
    )
