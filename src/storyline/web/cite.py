"""Citation markers: one per source article per sentence, each opening a popover with the cited words.

A brief sentence often rests on several spans of the same article (a voices line on dozens): drawn
one marker per span that reads "[5] [5] [5] [5]". Here the spans are grouped by article and
deduplicated, so each source appears once per sentence, and its popover lists every distinct
passage with a link to the article view at that span. Popovers use the HTML ``popover`` attribute
with ``<button popovertarget>``: they open, close on Escape and take focus without any script.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..brief.render import clip, group_spans
from ..model import Article, Span
from ..text.plural import counted
from .layout import article_href, day, esc

CONTEXT_CHARS = 90  # context either side of the cited words in a popover
MAX_CITED_CHARS = 400  # cited words shown in a popover before an ellipsis
MAX_PASSAGES = 4  # passages listed in one popover; the rest are counted
MAX_MARKERS = 6  # more sources than this in one sentence (with a page that lists them): a count + link
MAX_SPANS = 4  # more distinct passages than this in one sentence (with a page that lists them): the same


def in_context(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> str:
    """The cited words marked, with a little text either side cut at word boundaries (HTML)."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    before, after = text[lo:start], text[end:hi]
    if lo > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if hi < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return f"{esc(before)}<mark>{esc(clip(text[start:end], MAX_CITED_CHARS))}</mark>{esc(after)}"


class Citer:
    """Renders markers for one page: popover ids must be unique on the page, so one Citer numbers
    them all. ``numbers`` maps an article to its source number on a story page; elsewhere a marker
    is labelled with the outlet."""

    def __init__(self, articles: Mapping[str, Article], numbers: Mapping[str, int] | None = None):
        self.articles = articles
        self.numbers = numbers or {}
        self.made = 0

    def label(self, article: Article) -> str:
        n = self.numbers.get(article.id)
        return f"[{n}]" if n is not None else f"[{article.label}]"

    def cite(self, spans: Iterable[Span], more_href: str | None = None, label: str | None = None) -> str:
        """Markers for one sentence's spans. With ``more_href`` (a page listing them), more than
        MAX_MARKERS sources or MAX_SPANS passages collapse to a count that links there. ``label``
        replaces the source number or outlet on every marker."""
        groups = {aid: ss for aid, ss in group_spans(spans).items() if aid in self.articles}
        total = sum(len(ss) for ss in groups.values())
        if more_href and (len(groups) > MAX_MARKERS or total > MAX_SPANS):
            return (f' <a class="cite-more" href="{esc(more_href)}">{counted(total, "passage")} in '
                    f'{counted(len(groups), "article")}</a>')
        order = sorted(groups, key=lambda aid: self.numbers.get(aid, len(self.numbers) + 1))  # [1] [4], not [4] [1]
        return "".join(self.marker(self.articles[aid], groups[aid], label) for aid in order)

    def marker(self, article: Article, spans: list[Span], label: str | None = None) -> str:
        """One button and its popover: the source, then each passage with a link to it."""
        self.made += 1
        pid = f"cite-{self.made}"
        label = label or self.label(article)
        outlet = article.label
        passages = "".join(
            f'<span class="passage">“{in_context(article.text, s.start, s.end)}”'
            f'<a class="open" href="{esc(article_href(article.id, s.start, s.end))}">open in the article →</a></span>'
            for s in spans[:MAX_PASSAGES])
        rest = (f'<a class="open" href="{esc(article_href(article.id))}">'
                f'{counted(len(spans) - MAX_PASSAGES, "more passage")} in this article</a>'
                if len(spans) > MAX_PASSAGES else "")
        return (f' <button type="button" class="cite" popovertarget="{pid}" '
                f'aria-label="Source {esc(label.strip("[]"))}: {esc(outlet)}">{esc(label)}</button>'
                f'<span popover id="{pid}" class="pop" role="note">'
                f'<span class="src">{esc(label)} {esc(outlet)} · {esc(day(article.published))}'
                f' — {esc(clip(article.title or article.source, 200))}</span>{passages}{rest}</span>')
