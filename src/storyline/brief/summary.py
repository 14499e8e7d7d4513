"""The extractive summary: 5-8 sentences chosen across outlets, most-corroborated first, no repeats.

Extractive on purpose: a sentence copied from an article is supported by construction, and
corroboration (similar sentences in other outlets) decides what leads. Copies are not corroboration,
so only originals vote. Each outlet may lead at most twice, so the summary reads across sources.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Article, BriefSentence, Span, Story
from ..resources import lines
from ..text.datelines import dateline_end
from ..text.glyphs import DASHES, DOUBLE_OPEN, balanced_quotes
from ..text.words import jaccard, jaccard_neighbours, words

SUMMARY_MIN, SUMMARY_MAX = 5, 8
SUPPORT_SIM = 0.25
REDUNDANT_SIM = 0.35
SAME_FIGURE_SIM = 0.12
PER_OUTLET = 2
_JUNK = re.compile(r"(?i)^(timeline\b|sources?:|read more|related|share|advertisement|©|\d+\.\s)|https?://")


@cache
def _dangling(language: str) -> frozenset[str]:
    try:
        return frozenset(lines(f"brief/dangling_{language}.txt"))
    except FileNotFoundError:
        return frozenset()


@cache
def _formulaic(language: str) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{p})" for p in lines(f"brief/formulaic_{language}.txt")), re.I)
    except FileNotFoundError:
        return None


def _sentence(a: Article, s: int, e: int) -> Span | None:
    s += dateline_end(a.text[s:e].lstrip()) + len(a.text[s:e]) - len(a.text[s:e].lstrip())
    raw = a.text[s:e]
    body = raw.strip()
    if len(body) < 40 or len(body) > 400 or body.endswith(("?", ":")) or _JUNK.search(body):
        return None  # a question or a lead-in ("The Latest on the race (all times EDT):") states nothing
    stock = _formulaic((a.language or "en").split("-")[0])
    if stock is not None and stock.search(body):
        return None
    if body[0] in DOUBLE_OPEN + DASHES or not balanced_quotes(body):
        return None  # a bare quote or half a quote reads as the brief's own voice; quotes have their section
    first = body.split(maxsplit=1)[0].strip(",;:").lower()
    if first in _dangling((a.language or "en").split("-")[0]):
        return None  # "She said..." needs the sentence before it
    lead = len(raw) - len(raw.lstrip())
    return a.span(s + lead, s + lead + len(body))


_FIGURE = re.compile(r"\d[\d,. \u00a0]*\d|\d")


def figures(text: str) -> set[str]:
    """Figures of 100 or more with house-style separators removed: '40,000' and '40 000' are one."""
    out = set()
    for m in _FIGURE.finditer(text):
        digits = re.sub(r"[,. \u00a0](?=\d{3}\b)", "", m.group(0)).strip()
        if digits.isdigit() and int(digits) >= 100:
            out.add(digits)
    return out


def _redundant(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """Same point twice: many shared words, or the same figure and a few shared words."""
    j = jaccard(a[0], b[0])
    return j >= REDUNDANT_SIM or (bool(a[1] & b[1]) and j >= SAME_FIGURE_SIM)


def _readable(sp: Span, support: list[Span], articles: dict[str, Article]) -> Span:
    """The wording to show for a corroborated point: a machine translation's sentence is evidence,
    but an outlet's own sentence saying the same thing reads better."""
    if not articles[sp.article_id].provenance.translated_by:
        return sp
    return next((x for x in support if not articles[x.article_id].provenance.translated_by), sp)


def summary_sentences(story: Story, articles: dict[str, Article],
                      sentences: dict[str, list[tuple[int, int]]]) -> list[BriefSentence]:
    originals = [articles[i] for i in story.article_ids if i not in story.copies and i in articles]
    outlet = {a.id: a.outlet or a.source for a in originals}
    cands: list[tuple[Span, set[str], int]] = []
    for a in originals:
        for rank, (s, e) in enumerate(sentences.get(a.id, [])):
            sp = _sentence(a, s, e)
            if sp:  # a dateline's place and date still count as what the sentence is about
                cands.append((sp, words(a.text[s:e]), rank))
    scored = []
    near = jaccard_neighbours([ws for _, ws, _ in cands], SUPPORT_SIM)
    for (sp, ws, rank), others in zip(cands, near):
        support = [cands[j][0] for j in others if outlet[cands[j][0].article_id] != outlet[sp.article_id]]
        outlets = {outlet[o.article_id] for o in support}
        scored.append((len(outlets) + 1.0 / (2 + rank), sp, ws, support))
    scored.sort(key=lambda t: (-t[0], t[1].article_id, t[1].start))
    chosen: list[BriefSentence] = []
    chosen_words: list[tuple[set[str], set[str]]] = []
    per_outlet: dict[str, int] = {}
    for relax in (False, True):
        for _, sp, ws, support in scored:
            if len(chosen) >= SUMMARY_MAX or (relax and len(chosen) >= SUMMARY_MIN):
                break
            if any(_redundant((ws, figures(sp.text)), c) for c in chosen_words):
                continue
            o = outlet[sp.article_id]
            if not relax and per_outlet.get(o, 0) >= PER_OUTLET:
                continue
            best: dict[str, Span] = {}
            for x in support:
                best.setdefault(outlet[x.article_id], x)
            lead = _readable(sp, list(best.values()), articles)
            shown = (words(lead.text), figures(lead.text))
            if lead is not sp and any(_redundant(shown, c) for c in chosen_words):
                continue  # the wording we would show is already a point of the summary
            cites = [lead, *(x for x in [sp, *best.values()] if x is not lead)]
            chosen.append(BriefSentence(text=lead.text, citations=cites, section="summary"))
            chosen_words.append((ws, figures(sp.text)))
            if lead is not sp:
                chosen_words.append(shown)
            per_outlet[o] = per_outlet.get(o, 0) + 1
    return chosen
