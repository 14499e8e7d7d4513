"""The extractive summary: 3-7 bullets, each a distinct fact, the first saying what happened.

Extractive on purpose: a sentence copied from an article is supported by construction. The lead is
the sentence whose words the most outlets share (see ``lead``), not the most-copied sentence; the
other bullets follow by the same corroboration, each a fact no earlier bullet states. Copies are not
corroboration, so only originals vote. Each outlet may give at most ``per_outlet`` bullets before the
others have had their turn, so the summary reads across sources.

Extra citations are other outlets' sentences stating the same fact (``facts.supports``); a span is
cited once in the whole summary, so two bullets never cite each other's words.
"""

from __future__ import annotations

import re
from functools import cache

from ..config import BRIEF
from ..model import Article, BriefSentence, Span, Story
from ..resources import base_language, lines
from ..text.datelines import dateline_end
from ..text.glyphs import DASHES, DOUBLE_OPEN, balanced_quotes
from .facts import content_words, same_fact, supports
from .lead import Candidate, corroboration, is_body, lead_score, make_candidate, outlet_vocabulary

_JUNK = re.compile(r"(?i)^(timeline\b|sources?:|read more|related|share|advertisement|©|\d+\.\s)|https?://")


@cache
def _formulaic(language: str) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{p})" for p in lines(f"brief/formulaic_{language}.txt")), re.I)
    except FileNotFoundError:
        return None


def _sentence(a: Article, s: int, e: int) -> Span | None:
    """The sentence [s, e) as a span fit to be a bullet (dateline cut), or None when it states nothing
    a reader can take alone: a question, a lead-in, a stock line, a bare or broken quote."""
    s += dateline_end(a.text[s:e].lstrip()) + len(a.text[s:e]) - len(a.text[s:e].lstrip())
    raw = a.text[s:e]
    body = raw.strip()
    if len(body) < 40 or len(body) > 400 or body.endswith(("?", ":")) or _JUNK.search(body):
        return None  # a question or a lead-in ("The Latest on the race (all times EDT):") states nothing
    stock = _formulaic(base_language(a.language))
    if stock is not None and stock.search(body):
        return None
    if body[0] in DOUBLE_OPEN + DASHES or not balanced_quotes(body):
        return None  # a bare quote or half a quote reads as the brief's own voice; quotes have their section
    lead = len(raw) - len(raw.lstrip())
    return a.span(s + lead, s + lead + len(body))


def _candidates(originals: list[Article], sentences: dict[str, list[tuple[int, int]]],
                outlet: dict[str, str]) -> list[Candidate]:
    out = []
    for a in originals:
        rank = 0
        for s, e in sentences.get(a.id, []):
            body = is_body(a.text[s:e])
            sp = _sentence(a, s, e)
            if sp is not None:
                out.append(make_candidate(sp, outlet[a.id], (a.published or "9999")[:10], rank, base_language(a.language)))
            rank += body
    return out


def _readable(sp: Span, support: list[Span], articles: dict[str, Article]) -> Span:
    """The wording to show for a corroborated point: a machine translation's sentence is evidence,
    but an outlet's own sentence saying the same thing reads better."""
    if not articles[sp.article_id].provenance.translated_by:
        return sp
    return next((x for x in support if not articles[x.article_id].provenance.translated_by), sp)


def _key(sp: Span) -> tuple[str, int, int]:
    return sp.article_id, sp.start, sp.end


def _overlaps(sp: Span, used: set[tuple[str, int, int]]) -> bool:
    return any(a == sp.article_id and s < sp.end and sp.start < e for a, s, e in used)


def _supporters(c: Candidate, cands: list[Candidate], used: set[tuple[str, int, int]]) -> list[Candidate]:
    """The best sentence of each other outlet stating ``c``'s fact, most words in common first."""
    best: dict[str, tuple[int, Candidate]] = {}
    for x in cands:
        if x.outlet == c.outlet or not (x.words & c.words or x.keys & c.keys) or _overlaps(x.span, used):
            continue
        if supports(c.span.text, x.span.text):
            shared = len(x.words & c.words)
            if x.outlet not in best or shared > best[x.outlet][0]:
                best[x.outlet] = (shared, x)
    return [x for _, x in sorted(best.values(), key=lambda t: (-t[0], t[1].day, t[1].span.article_id))]


def summary_sentences(story: Story, articles: dict[str, Article],
                      sentences: dict[str, list[tuple[int, int]]]) -> list[BriefSentence]:
    originals = [articles[i] for i in story.article_ids if i not in story.copies and i in articles]
    outlet = {a.id: a.outlet or a.source for a in originals}  # identity, not display: two files are two sources
    cands = _candidates(originals, sentences, outlet)
    in_order = sorted(originals, key=lambda a: (a.published or "9999", a.id))
    corroboration(cands, outlet_vocabulary(
        [(outlet[a.id], content_words(a.text[s:e])) for a in in_order for s, e in sentences.get(a.id, [])]))
    language = base_language(originals[0].language) if originals else "en"
    usable = [c for c in cands if c.standalone]
    whole = [c for c in usable if c.complete] or usable  # a headline leads only a story of headlines
    lead = max(whole, key=lambda c: (lead_score(c, language), c.score), default=None)
    ranked = sorted(usable, key=lambda c: (-c.score, c.day, c.span.article_id, c.span.start))
    if lead is not None:
        ranked = [lead] + [c for c in ranked if c is not lead]
    chosen: list[tuple[Candidate, list[Candidate]]] = []
    used: set[tuple[str, int, int]] = set()
    per_outlet: dict[str, int] = {}
    for relax in (False, True):
        for c in ranked:
            if len(chosen) >= BRIEF.summary_max or (relax and len(chosen) >= BRIEF.summary_min):
                break
            if _overlaps(c.span, used) or any(same_fact(c.roots, x.roots, c.keys, x.keys, c.counts, x.counts)
                                              for x, _ in chosen):
                continue
            if not relax and (per_outlet.get(c.outlet, 0) >= BRIEF.per_outlet or not c.complete):
                continue  # a headline or half a sentence is a bullet only when whole sentences run out
            backing = _supporters(c, cands, used | {_key(x.span) for x, _ in chosen})[:BRIEF.max_extra_citations]
            chosen.append((c, backing))
            used.add(_key(c.span))
            used.update(_key(x.span) for x in backing)
            per_outlet[c.outlet] = per_outlet.get(c.outlet, 0) + 1
    # importance, then time: the lead stays first; the rest by how many outlets state them, then date
    head, rest = chosen[:1], sorted(chosen[1:], key=lambda t: (-len(t[1]), t[0].day, t[0].span.start))
    out = []
    for c, backing in head + rest:
        spans = [c.span, *(x.span for x in backing)]
        shown = _readable(c.span, spans[1:], articles)
        out.append(BriefSentence(text=shown.text, citations=[shown, *(x for x in spans if x is not shown)],
                                 section="summary"))
    return out
