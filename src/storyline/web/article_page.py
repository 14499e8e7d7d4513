"""The article view: the cleaned text a citation points into, with every cited span marked and the
requested one marked apart at the ``#span`` anchor, under a header saying who published it when."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Story
from ..text.plural import counted
from .layout import esc, href, time_tag
from .snippet import article_paragraphs


def when(a: Article) -> str:
    """The publish date; for an undated article the estimated window, else "date unknown"."""
    if a.published:
        return time_tag(a.published)
    est = a.published_estimate
    if est and (est.earliest or est.latest):
        return (f"date unknown (estimated {esc(est.earliest or '…')} – {esc(est.latest or '…')})")
    return "date unknown"


def _source_link(a: Article) -> str:
    """The original address as a link only when it is a web address (never a javascript: URL)."""
    if a.url and a.url.lower().startswith(("http://", "https://")):
        return f"<a href='{esc(a.url)}' rel='noreferrer noopener'>original page</a>"
    return ""


def article_body(a: Article, cited: Sequence[tuple[int, int]], focus: tuple[int, int] | None,
                 stories: Sequence[Story]) -> str:
    bits = [esc(a.label), when(a)]
    bits += [f"by {esc(a.byline)}"] if a.byline else []
    bits += [f"language: {esc(a.language)}"] if a.language else []
    bits += [f"machine-translated ({esc(a.provenance.translated_by)})"] if a.provenance.translated_by else []
    link = _source_link(a)
    bits += [link] if link else []
    in_stories = ", ".join(f"<a href='{esc(href('/stories', s.id))}'>{esc(s.title)}</a>" for s in stories)
    note = ""
    if focus is None:
        note = f"<p class='meta'>{counted(len(cited), 'cited passage')} marked.</p>"
    else:
        note = "<p class='meta'><a href='#span'>Jump to the cited words</a></p>"
    paras = "".join(f"<p>{p}</p>" for p in article_paragraphs(a.text, cited, focus))
    return (f"<article><h1>{esc(a.title or a.source)}</h1><p class='meta'>{' · '.join(bits)}</p>"
            + (f"<p class='meta'>In {'stories' if len(stories) > 1 else 'story'}: {in_stories}</p>" if stories else "")
            + f"{note}<div class='article-text'>{paras}</div></article>")
