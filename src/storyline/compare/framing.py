"""Framing per outlet: scare quotes and "so-called", naming variants, loaded words, adopted terms.

Loaded words count only in an outlet's own narration: inside a quote they are the speaker's words,
and reporting them is not framing. A term one outlet puts in scare quotes and another uses bare
shows whose vocabulary each outlet adopts; an outlet that does both is on the distancing side only,
so an item never says one outlet both uses and avoids a term. Naming variants that differ only in
case, accents, punctuation, quotation marks or a possessive ("Volkhov's", "VOLKHOV") are one
spelling, not a choice worth a line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from ..model import Evidenced, Span
from ..resources import base_language, lines
from ..text.glyphs import APOSTROPHES, DOUBLE_END, DOUBLE_OPEN, ENGLISH_SINGLE_OPEN
from .context import StoryContext

_OPEN, _CLOSE = re.escape(DOUBLE_OPEN + ENGLISH_SINGLE_OPEN), re.escape(DOUBLE_END + APOSTROPHES)
_SO_CALLED = re.compile(r"(?i)\b(?:so[- ]called|sogenannte[nmrs]?)\s+([" + _OPEN + "]?)([^" + _CLOSE + r"\n.,;:]{2,40}?)([" + _CLOSE + r"]|(?=[.,;:\n]|\s(?:a|an|the|which|that|under|over)\b))")
_QUOTED = re.compile(r"(?<![\w])([" + _OPEN + "])([^" + _CLOSE + r"\n]{2,40}?)([" + _CLOSE + r"])(?![\w])")
MAX_SCARE_WORDS = 4


@cache
def _loaded(language: str) -> re.Pattern[str] | None:
    try:
        words = lines(f"compare/loaded_{language}.txt")
    except FileNotFoundError:
        return None
    words = sorted(words, key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def _scare_quotes(ctx: StoryContext) -> tuple[list[Evidenced], dict[str, list[tuple[str, Span]]]]:
    """Items, and term -> [(outlet, span)] of every distancing use (for the adoption check)."""
    items: list[Evidenced] = []
    terms: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    for aid in sorted(ctx.articles):
        a, outlet = ctx.articles[aid], ctx.outlet(aid)
        seen: set[tuple[int, int]] = set()
        for m in _SO_CALLED.finditer(a.text):
            term = m.group(2).strip()
            span = a.span(m.start(), m.end())
            seen.add((m.start(2), m.end(2)))
            terms[term.lower()].append((outlet, span))
            items.append(Evidenced(text=f'{outlet} writes "{span.text}"', kind="so-called", outlets=[outlet],
                                   evidence=[span]))
        for m in _QUOTED.finditer(a.text):
            inner = m.group(2).strip()
            n_words = len(inner.split())
            if (m.start(2), m.end(2)) in seen or not (1 <= n_words <= MAX_SCARE_WORDS) or inner[-1] in ".!?,":
                continue
            if all(w[:1].isupper() for w in inner.split()):  # a quoted name ("Northern Shield") is not a sneer
                continue
            if m.group(1) in "'‘" and m.group(3) not in "'’":
                continue
            if ctx.is_quoted_speech(aid, m.start(2), m.end(2)):
                continue  # a speaker's words reported in part, not the outlet keeping a term at a distance
            span = a.span(m.start(), m.end())
            terms[inner.lower()].append((outlet, span))
            items.append(Evidenced(text=f"{outlet} puts {span.text} in quotation marks", kind="scare-quote",
                                   outlets=[outlet], evidence=[span]))
    return items, terms


def _adopted_terms(ctx: StoryContext, terms: dict[str, list[tuple[str, Span]]]) -> list[Evidenced]:
    items = []
    for term, uses in sorted(terms.items()):
        distancing = {o for o, _ in uses}
        if len(term) < 4:
            continue
        adopted: list[tuple[str, Span]] = []
        pattern = re.compile(r"(?i)(?<![\w" + _OPEN + "])" + re.escape(term) + r"(?![\w" + _CLOSE + "])")
        for aid in sorted(ctx.articles):
            outlet = ctx.outlet(aid)
            a = ctx.articles[aid]
            for m in pattern.finditer(a.text):
                before = a.text[max(0, m.start() - 12):m.start()].lower()
                if "so-called" in before or "so called" in before or ctx.in_quote(aid, m.start(), m.end()):
                    continue
                adopted.append((outlet, a.span(m.start(), m.end())))
                break
        adopted = [(o, sp) for o, sp in adopted if o not in distancing]  # one outlet cannot do both
        if adopted:
            users = sorted({o for o, _ in adopted})
            items.append(Evidenced(
                text=f'"{term}": used as a plain term by {", ".join(users)}; kept at a distance by '
                     f'{", ".join(sorted(distancing))}',
                kind="adopted-term", outlets=users, evidence=[s for _, s in adopted] + [s for _, s in uses][:3]))
    return items


def _naming_form(text: str) -> str | None:
    """The name as an outlet spells it, or None for what is not a spelling choice: role references
    ("the council chief"), acronyms ("NDC"), and a leading article ("the Northern Defence Council")."""
    form = text.strip()
    if form.lower().startswith("the "):
        form = form[4:]
    if not form or not form[0].isupper() or (form.isupper() and len(form) <= 6):
        return None
    return form


def _spelling(form: str) -> str:
    """A name without what is typography, not spelling: case, quotation marks, punctuation and a
    possessive go; letters stay, so "Kovalchik" and "Kowalczyk" remain two spellings."""
    form = re.sub(r"['’]s$", "", form.strip())
    return " ".join(re.sub(r"[^\w\s-]", "", form).lower().split())


def _naming_variants(ctx: StoryContext) -> list[Evidenced]:
    items = []
    for ent in sorted(ctx.entities.values(), key=lambda e: e.name):
        forms: dict[str, dict[str, Span]] = defaultdict(dict)
        for sp in ent.mentions:
            form = _naming_form(sp.text)
            if sp.article_id in ctx.articles and form:
                forms[form].setdefault(ctx.outlet(sp.article_id), sp)
        spelled: dict[str, dict[str, Span]] = {}
        for f, by_outlet in forms.items():  # typographic variants of one spelling count as that spelling
            for o, sp in by_outlet.items():
                spelled.setdefault(_spelling(f), {}).setdefault(o, sp)
        forms = defaultdict(dict, {next(f for f in forms if _spelling(f) == k): v for k, v in spelled.items()})
        full = [f for f in forms if not any(f != g and _spelling(f) in _spelling(g) for g in forms)]
        if len(full) < 2 or len({o for f in full for o in forms[f]}) < 2:
            continue
        parts = [f'"{f}" ({", ".join(sorted(forms[f]))})' for f in sorted(full, key=lambda f: -len(forms[f]))]
        items.append(Evidenced(text=f"{ent.name} is written " + " vs ".join(parts), kind="naming",
                               outlets=sorted({o for f in full for o in forms[f]}),
                               evidence=[sp for f in full for sp in forms[f].values()]))
    return items


def _loaded_words(ctx: StoryContext) -> list[Evidenced]:
    items = []
    per_outlet: dict[str, list[Span]] = defaultdict(list)
    for aid in sorted(ctx.articles):
        a = ctx.articles[aid]
        pat = _loaded(base_language(a.language))
        if pat is None:
            continue
        for m in pat.finditer(a.text):
            if not ctx.in_quote(aid, m.start(), m.end()):
                per_outlet[ctx.outlet(aid)].append(a.span(m.start(), m.end()))
    for outlet, spans in sorted(per_outlet.items()):
        counts: dict[str, int] = defaultdict(int)
        for s in spans:
            counts[s.text.lower()] += 1
        listed = ", ".join(f"{w} ({n})" if n > 1 else w for w, n in sorted(counts.items()))
        items.append(Evidenced(text=f"{outlet} uses loaded words in its own voice: {listed}", kind="loaded-words",
                               outlets=[outlet], evidence=spans))
    return items


def framing(ctx: StoryContext) -> list[Evidenced]:
    scare, terms = _scare_quotes(ctx)
    return scare + _adopted_terms(ctx, terms) + _naming_variants(ctx) + _loaded_words(ctx)
