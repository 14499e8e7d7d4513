"""The quotes page: every quote with who said it, how sure the speaker is, where it ran, and a
citation to the words in the article; filterable by speaker, outlet and story with a plain GET form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..brief.render import MAX_TEXT_CHARS, clip
from ..config import Settings
from ..model import Article, Entity, Quote
from ..quotes.lookup import spoken_by
from ..quotes.trust import is_sure
from ..text.plural import counted
from .cite import Citer
from .layout import esc, href, pager, time_tag

PAGE_SIZE = 100


def filter_quotes(quotes: Sequence[Quote], articles: Mapping[str, Article], entities: Mapping[str, Entity],
                  speaker: str | None = None, outlet: str | None = None,
                  story_articles: set[str] | None = None) -> list[Quote]:
    out = []
    for q in quotes:
        a = articles.get(q.span.article_id)
        if a is None or (story_articles is not None and a.id not in story_articles):
            continue
        if outlet and (a.outlet or "").lower() != outlet.lower():
            continue
        if speaker and not spoken_by(q, speaker, entities):
            continue
        out.append(q)
    return out


def who(q: Quote) -> str:
    """The speaker, linked to their entity page when resolved; else who the text says speaks."""
    if q.speaker and q.speaker_entity:
        return f"<a href='{esc(href('/entities', q.speaker_entity))}'>{esc(q.speaker)}</a>"
    if q.speaker:
        return esc(q.speaker)
    if q.source is not None:
        return f"unnamed: {esc(clip(q.source.text, 200))}"
    return "<span class='dim'>speaker unknown</span>"


def quote_item(q: Quote, articles: Mapping[str, Article], citer: Citer, sure: float) -> str:
    """One quote: the words, then speaker · confidence · kind · outlet · date, then its citation.
    Below ``sure`` (Settings.speaker_sure) the speaker is only "attributed to"."""
    a = articles[q.span.article_id]
    doubtful = bool(q.speaker) and not is_sure(q.confidence, sure)
    bits = [f"— {'attributed to ' if doubtful else ''}{who(q)}"]
    if q.speaker:
        bits.append(f"<span class='conf'>speaker {'uncertain, ' if doubtful else ''}confidence "
                    f"{q.confidence:.2f}</span>")
    bits += [esc(q.kind), esc(a.label), time_tag(a.published)]
    return (f"<article class='quote' id='{esc('q-' + q.id)}'><blockquote><p>“{esc(clip(q.text, MAX_TEXT_CHARS))}”</p>"
            f"</blockquote><p class='meta'>{' · '.join(bits)}{citer.cite([q.span], label='[in context]')}</p></article>")


def quote_list(quotes: Sequence[Quote], articles: Mapping[str, Article], citer: Citer) -> str:
    sure = Settings().speaker_sure
    return "".join(quote_item(q, articles, citer, sure) for q in quotes)


def filter_form(speaker: str | None, outlet: str | None, story: str | None, outlets: Sequence[str],
                speakers: Sequence[str] = ()) -> str:
    """GET form: a speaker box that suggests the known speakers (a datalist, no script) and an outlet menu."""
    suggestions = "".join(f"<option value='{esc(s)}'>" for s in speakers)
    options = "".join(f"<option value='{esc(o)}'{' selected' if outlet and o.lower() == outlet.lower() else ''}>"
                      f"{esc(o)}</option>" for o in outlets)
    keep_story = f"<input type='hidden' name='story' value='{esc(story)}'>" if story else ""
    return (f"<form class='filters' method='get' action='/quotes'>{keep_story}"
            f"<label for='speaker'>Speaker<input type='text' id='speaker' name='speaker' value='{esc(speaker)}' "
            f"maxlength='500' list='speakers'></label><datalist id='speakers'>{suggestions}</datalist>"
            f"<label for='outlet'>Outlet<select id='outlet' name='outlet'><option value=''>any outlet</option>"
            f"{options}</select></label><button class='go' type='submit'>Filter</button>"
            f"<a href='/quotes'>clear filters</a></form>")


def quotes_body(chosen: Sequence[Quote], articles: Mapping[str, Article], outlets: Sequence[str],
                speaker: str | None, outlet: str | None, story: tuple[str, str] | None, offset: int,
                speakers: Sequence[str] = ()) -> str:
    """The page for the quotes the filters chose (``story``: its id and title): heading, what is
    filtered, the form, one page of quotes and a link to the next."""
    shown = chosen[offset:offset + PAGE_SIZE]
    scope = [f"by speaker “{esc(speaker)}”" if speaker else "", f"in {esc(outlet)}" if outlet else "",
             f"in the story <a href='{esc(href('/stories', story[0]))}'>{esc(story[1])}</a>" if story else ""]
    scope_line = " ".join(s for s in scope if s)
    count = f"{counted(len(chosen), 'quote')}{' ' + scope_line if scope_line else ''}"
    more = pager("/quotes", offset, PAGE_SIZE, len(chosen), speaker=speaker, outlet=outlet,
                 story=story[0] if story else None)
    listing = quote_list(shown, articles, Citer(articles)) or "<p>No quotes match these filters.</p>"
    return (f"<h1>Quotes</h1>{filter_form(speaker, outlet, story[0] if story else None, outlets, speakers)}"
            f"<p class='meta' id='count'>{count}</p><div class='quotes'>{listing}</div>{more}")
