"""Voices per outlet: who is quoted, how often, and from which side (country and kind of voice);
and how often an outlet rests on unnamed sources ("two officials said"), which a fact-checker
weighs differently from a named minister.

A speaker's side is read from the words just before their name in the story's own text ("Aldorian
Foreign Minister Dmitri Volkhov", "Korsa's defence minister"): a country is any place entity of the
story whose name shares a five-letter stem with a capitalised word there; the kind of voice
(official, expert, civil society, business) comes from role words in ``voice_roles.tsv``.

A voice is a person or an organisation, one row per entity: "Trump" quoted without an entity joins
the one story person whose name ends in it ("Donald Trump"); a place speaks only in its own quoted
words ("Aldoria said: ..."), never through reported speech, where it is mostly a sentence's setting;
a speaker that is not an entity and does not read as a name (a fragment, "the") is nobody's voice.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from ..model import Evidenced, Quote, Span
from ..quotes.lexicon import speech_cue
from ..resources import table
from ..text.glyphs import ENGLISH_DOUBLE
from .context import StoryContext

WINDOW = 60
STEM = 5


@cache
def _roles() -> list[tuple[re.Pattern[str], str]]:
    rows = sorted((r for r in table("compare/voice_roles.tsv") if len(r) >= 2), key=lambda r: -len(r[0]))
    return [(re.compile(r"(?i)\b" + re.escape(r[0]) + r"\b"), r[1]) for r in rows]


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


@dataclass
class Voice:
    name: str
    side: str | None
    kind: str | None


def _places(ctx: StoryContext) -> dict[str, str]:
    """folded stem -> place name, for the story's countries and regions."""
    out: dict[str, str] = {}
    # the country's name ("Aldoria") over its adjective ("Aldorian") when both are entities
    for e in sorted(ctx.entities.values(), key=lambda e: (e.type != "GPE", e.name)):
        if e.type in ("GPE", "NORP") and len(e.name) >= STEM and " " not in e.name.strip():
            out.setdefault(_fold(e.name)[:STEM], e.name)
    return out


def title_phrase(text: str, start: int) -> str:
    """The words that can qualify a name: back to the previous clause break, except that a comma
    right before the name keeps the appositive before it ("Korsa's defence minister, Anna K.")."""
    lo = max(0, start - WINDOW)
    before = text[lo:start]
    stripped = before.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1]
    cut = max(stripped.rfind(ch) for ch in ",;:.()\n" + ENGLISH_DOUBLE)
    return stripped[cut + 1:]


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_VOICE_TYPES = frozenset({"PERSON", "ORG", "NORP"}) | _PLACE_TYPES
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][\w.'’-]*")


@dataclass
class _People:
    """The story's people by folded full name and by folded last name (None: two share it), each to
    one key: the entity id when there is one, else the name as quoted."""

    full: dict[str, str]
    last: dict[str, str | None]


def _people(ctx: StoryContext) -> _People:
    full: dict[str, str] = {}
    for e in sorted(ctx.entities.values(), key=lambda e: e.id):
        if e.type == "PERSON" and " " in e.name.strip():
            full.setdefault(_fold(e.name), e.id)
    for q in ctx.quotes:  # people the entity stage missed, as the quote stage named them
        words = (q.speaker or "").split()
        if not q.speaker_entity and len(words) >= 2 and all(_NAME_WORD.fullmatch(w) for w in words):
            full.setdefault(_fold(q.speaker or ""), q.speaker or "")
    last: dict[str, str | None] = {}
    for name, key in full.items():
        surname = name.split()[-1]
        last[surname] = None if surname in last and last[surname] != key else key
    return _People(full, last)


def _speaker_key(q: Quote, ctx: StoryContext, people: _People) -> str | None:
    """Whose voice a quote is: direct words always, reported speech only with a speech cue; keyed
    by entity id (or one spelling of the name), so one person is one row however an outlet names them."""
    if q.kind == "indirect" and not speech_cue(q.cue):
        return None
    ent = ctx.entities.get(q.speaker_entity or "")
    if ent is not None and (ent.type not in _VOICE_TYPES or (ent.type in _PLACE_TYPES and q.kind != "direct")):
        return None
    name = _fold((ent.name if ent is not None else q.speaker or "").strip())
    if ent is None or ent.type == "PERSON":
        same = people.full.get(name) or (people.last.get(name) if " " not in name else None)
        if same:
            return same  # "King" and "Billy King", an entity or not, are one voice
    if ent is not None:
        return ent.id
    words = (q.speaker or "").split()
    if not words or len(words) > 5 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None  # a fragment or a description, not a name
    return q.speaker


def _place_words(text: str, places: dict[str, str]) -> list[str]:
    """The story's places named by capitalised words of ``text`` ("Aldorian" -> Aldoria), in order."""
    return [places[_fold(w)[:STEM]] for w in re.findall(r"\b[A-ZÀ-Þ][\w]+", text) if _fold(w)[:STEM] in places]


def _window_evidence(ctx: StoryContext, sp: Span, places: dict[str, str], name: str,
                     sides: Counter[str], kinds: Counter[str]) -> None:
    """Side and kind from the title phrase before one mention ("Aldorian Foreign Minister X")."""
    text = ctx.articles[sp.article_id].text
    window = title_phrase(text, sp.start)
    own = places.get(_fold(name)[:STEM])
    near = [p for p in _place_words(window, places) if p != own]
    if near:  # the nearest place word in the title phrase
        sides[near[-1]] += 1
    for pat, kind in _roles():
        if pat.search(window):
            kinds[kind] += 1
            break


Evidence = tuple[Counter[str], Counter[str]]  # sides, kinds


def _entity_evidence(ctx: StoryContext, key: str, places: dict[str, str], name: str) -> tuple[Evidence, Evidence]:
    """What the entity itself says of its side and kind: from its name and roles, and from its
    mentions' title phrases (kept apart so the quote's own speaker span counts in between, as
    before: Counter ties go to what came first)."""
    sides: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    m_sides: Counter[str] = Counter()
    m_kinds: Counter[str] = Counter()
    ent = ctx.entities.get(key)
    if ent is None:
        return (sides, kinds), (m_sides, m_kinds)
    if ent.type == "GPE" and _fold(ent.name)[:STEM] in places:
        sides[places[_fold(ent.name)[:STEM]]] += 100  # "Aldoria said": a country speaks for itself
    if ent.type in ("ORG", "NORP") and " " in ent.name:
        for place in _place_words(ent.name, places):  # "the Varnian Grain Board" speaks for Varnia
            sides[place] += 2
    for role in ent.roles:  # "Aldorian Foreign Minister": the entity stage kept the title words
        for place in _place_words(role, places):
            sides[place] += 2
        for pat, kind in _roles():
            if pat.search(role):
                kinds[kind] += 1
                break
    for sp in ent.mentions:
        if sp.article_id in ctx.articles:
            _window_evidence(ctx, sp, places, name, m_sides, m_kinds)
    return (sides, kinds), (m_sides, m_kinds)


def describe_voices(ctx: StoryContext) -> dict[str, Voice]:
    """Each quoted speaker's side (the place their titles tie them to) and kind (official, expert...),
    weighted by how often they are quoted. The entity's own evidence is computed once per speaker:
    per quote it was quadratic in a prominent speaker's quotes times mentions."""
    places = _places(ctx)
    sides: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    own: dict[str, tuple[Evidence, Evidence]] = {}
    outlets = {o.lower() for o in ctx.outlets}
    people = _people(ctx)
    for q in ctx.quotes:
        key = _speaker_key(q, ctx, people)
        if not key or not q.speaker or q.speaker.lower() in outlets:  # "X told Korsa Herald" is not Korsa Herald speaking
            continue
        names[key] = ctx.entities[key].name if key in ctx.entities else key  # a key without entity is a name
        if key not in own:
            own[key] = _entity_evidence(ctx, key, places, names[key])
        (e_sides, e_kinds), (m_sides, m_kinds) = own[key]
        sides[key].update(e_sides)
        kinds[key].update(e_kinds)
        if q.speaker_span:
            _window_evidence(ctx, q.speaker_span, places, names[key], sides[key], kinds[key])
        sides[key].update(m_sides)
        kinds[key].update(m_kinds)
    return {k: Voice(n, sides[k].most_common(1)[0][0] if sides[k] else None,
                     kinds[k].most_common(1)[0][0] if kinds[k] else None) for k, n in names.items()}


def voices(ctx: StoryContext) -> tuple[list[Evidenced], dict[str, dict[str, list[Quote]]]]:
    """One item per outlet, and outlet -> speaker key -> quotes (for the gap finder)."""
    who = describe_voices(ctx)
    by_outlet: dict[str, dict[str, list[Quote]]] = defaultdict(lambda: defaultdict(list))
    unnamed: dict[str, list[Quote]] = defaultdict(list)
    people = _people(ctx)
    for q in ctx.quotes:
        key = _speaker_key(q, ctx, people)
        if key in who:
            by_outlet[ctx.outlet(q.span.article_id)][key].append(q)
        elif q.speaker is None and q.source is not None and not (q.kind == "indirect" and not speech_cue(q.cue)):
            unnamed[ctx.outlet(q.span.article_id)].append(q)  # "two officials said": a voice, though nameless
    items = []
    for outlet in sorted(set(by_outlet) | set(unnamed)):
        speakers = by_outlet.get(outlet, {})
        parts = []
        for key, qs in sorted(speakers.items(), key=lambda kv: (-len(kv[1]), who[kv[0]].name)):
            v = who[key]
            label = ", ".join(x for x in (v.side if v.side != v.name else None, v.kind) if x)
            parts.append(f"{v.name}{' (' + label + ')' if label else ''} ×{len(qs)}")
        nameless = unnamed.get(outlet, [])
        if nameless:
            # whose claims rest on sources the reader cannot check: "unnamed sources ×3 (two officials, ...)"
            said_by = list(dict.fromkeys(q.source.text for q in nameless if q.source))
            parts.append(f"unnamed sources ×{len(nameless)} ({', '.join(said_by[:3])}{', …' if len(said_by) > 3 else ''})")
        sides = Counter(who[k].side for k in speakers if who[k].side)
        text = f"{outlet} quotes " + "; ".join(parts)
        if len(sides) == 1 and sum(sides.values()) >= 2:
            text += f" — every voice with a known side is {next(iter(sides))}"
        items.append(Evidenced(text=text, kind="voices", outlets=[outlet],
                               evidence=[q.span for qs in speakers.values() for q in qs]
                               + [sp for q in nameless for sp in (q.span, q.source) if sp is not None]))
    return items, {o: dict(s) for o, s in by_outlet.items()}
