"""RawDoc -> Article: the one place that combines reader metadata, HTML extraction and cleaning."""

from __future__ import annotations

from urllib.parse import urlparse

from ..ids import article_id
from ..model import Article, ParagraphLanguage, Provenance
from ..nlp.language import detect_language, dominant_language, foreign_paragraphs, paragraph_languages
from .clean import clean_text
from .dates import parse_publish_date, path_date, sane_date
from .header import display_name
from .html import defuse, extract_html, fallback_text
from .quality import is_paywall_line, quality_flags
from .readers import RawDoc, ReadError
from .sanitize import clean_meta, language_code


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _meta(value: str | None) -> str | None:
    """Title, outlet, byline and url as the reader gave them or as the page says: either way a
    bounded, control-free line (a 5 MB <title> is cut)."""
    return clean_meta(value) if value else value


def build_article(doc: RawDoc) -> Article:
    meta = dict(doc.meta)
    title = meta.get("title")
    outlet = meta.get("outlet")
    url = meta.get("url")
    html_date, cut = None, False
    if doc.kind == "html":
        ex = extract_html(doc.content, url)
        raw, zones = ex.text, False
        if not raw.strip():  # the extractor gave up (hostile or broken markup): treat as pasted text
            raw, zones = fallback_text(defuse(doc.content)[0]), True
        title = title or ex.title
        outlet = outlet or ex.outlet
        url = url or ex.url
        html_date, cut = ex.published, ex.cut
        byline = meta.get("byline") or ex.byline
    else:
        raw, zones, byline = doc.content, True, meta.get("byline")
    guess, _ = detect_language(raw)
    cleaned = clean_text(raw, meta_title=title, zones=zones, outlet=outlet,
                         language=meta.get("language") or guess)
    if not cleaned.text.strip():
        raise ReadError(doc.source, "no article text left after cleaning")
    url = url or cleaned.url  # the address line a paste opened with

    published, published_source = None, "unknown"
    if meta.get("published"):
        published = parse_publish_date(str(meta["published"]))
        published_source = "metadata" if published else "unknown"
    if published is None and (html_date := sane_date(html_date)):
        published, published_source = html_date, "metadata"
    if published is None and sane_date(cleaned.published):
        published, published_source = cleaned.published, cleaned.published_source
    if published is None and (in_path := path_date(url or "") or path_date(doc.source)):
        published, published_source = in_path, "url"

    paras = paragraph_languages(cleaned.text)
    language = language_code(meta.get("language")) or dominant_language(paras, cleaned.text)
    foreign = foreign_paragraphs(paras, language)
    prov: Provenance = cleaned.provenance
    removed_texts = [r.text for r in cleaned.removed]
    quality = quality_flags(cleaned.text, removed_texts, published,
                            "machine_translated" in cleaned.quality, bool(foreign))
    if cut and "truncated" not in quality:
        quality.insert(0, "truncated")
    if "paywalled" not in quality and any(is_paywall_line(t) for t in removed_texts):
        quality.append("paywalled")
    quality += [q for q in meta.get("quality", []) if q not in quality]  # e.g. invalid_unicode
    text = cleaned.text
    extra = meta.get("extra", {})
    return Article(
        id=article_id(doc.source, text),
        source=doc.source,
        outlet=_meta(display_name(outlet) if outlet else (cleaned.outlet or outlet_from_url(url))),
        title=_meta(cleaned.title or title),
        byline=_meta(byline or cleaned.byline),
        url=_meta(url),
        published=published,
        published_source=published_source,  # type: ignore[arg-type]
        language=language,
        text=text,
        removed=cleaned.removed,
        provenance=prov,
        quality=quality,
        extra=dict(extra) if isinstance(extra, dict) else {"extra": extra},
        paragraph_languages=[ParagraphLanguage(start=p.start, end=p.end, language=p.language, score=p.score)
                             for p in paras],
    )
