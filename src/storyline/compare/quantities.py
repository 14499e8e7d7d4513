"""Which numeric claims in different articles measure the same thing.

Two numbers are one quantity when their units name the same kind of thing (``units.tsv``: troops,
soldiers and Soldaten are all troops), their magnitudes are within a factor of four, neither is a
rate the other is not, and they count the same thing: the words just before them meet ("a *force*
of about 10,000", "a *force* of up to 25,000") or their sentences share words. Without the last two tests, "18 euros per tonne" and "20 million
euros a year" would be a conflict. And they must be set in the same place and time: "8 dead in
Harlow" and "30 dead in Brevik", or "12 killed in 2004" and "40 killed in 2019", are two measures.
So are "10 killed" and "10 injured", "11 Yemeni pirates" and "23 pirates", and two players' carries
(see ``measure``). Two different values must moreover count what the same thing happened to (the
bullets that hit, not the bullets in the gun), at one time (no other month or year named, reports
not months apart): only then is another outlet's value a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from ..config import BRIEF
from ..model import Claim, Span
from ..resources import lines, table
from ..text.words import content_words, jaccard, words
from .context import StoryContext
from .measure import actor, box_score_classes, elsewhen, frame, is_score, narrowing, outcome, people_classes, role

MAX_RATIO = 4.0
UNITLESS = "?"
HEAD_CHARS = 30
TAIL_CHARS = 25
MEASURE_WORDS = 2
_RATE = re.compile(r"(?i)\s*(?:of \w+\s+)?(?:a|an|per|each|every|pro|je|im)\s+(year|month|week|day|hour|tonne|ton|person|head|capita|jahr|monat|woche|tag)s?\b")
# percentages and durations: "four seasons", "two decades" time a career or a contract, they do not count the event
SKIP_CLASSES = frozenset({"%", "day", "hour", "week", "month", "year", "minute", "time", "second", "season",
                          "decade", "century"})
MIN_CONTEXT = 0.12
SEVERAL = 3
SAME_CONTEXT = 0.3  # sentences this alike speak of one thing even when the words next to the numbers differ
SAME_VALUE = 0.05
_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")  # capitalised, not opening the sentence
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@cache
def _qualifiers() -> frozenset[str]:
    """Words around a number that say how exact it is, not what it counts ("about", "up to")."""
    return frozenset(w for ln in lines("compare/number_qualifiers.txt") for w in ln.split())


@cache
def _calendar() -> frozenset[str]:
    """Day and month names: capitalised, yet they date a count rather than say whose it is."""
    return frozenset(w for ln in lines("compare/calendar_words_en.txt") for w in ln.split())


@cache
def _units() -> dict[str, str]:
    return {row[0]: row[1] for row in table("compare/units.tsv") if len(row) >= 2}


def quantity_class(unit: str | None) -> str | None:
    if not unit:
        return None
    u = unit.lower().strip()
    units = _units()
    if u in units:
        return units[u]
    if u.isalpha() and len(u) > 3:
        return u[:-1] if u.endswith("s") else u
    return None


@dataclass
class Reported:
    claim: Claim
    outlet: str
    day: str | None
    sentence: Span
    context: set[str] = field(default_factory=set)
    rate: str | None = None  # "per tonne", "a year": the denominator, when the number is a rate
    head: set[str] = field(default_factory=set)  # words just before the number: "a *force* of up to"
    tail: set[str] = field(default_factory=set)  # words just after it: "10 people *were killed*"
    places: frozenset[str] = frozenset()  # the story's places its sentence names
    years: frozenset[str] = frozenset()  # the years its sentence names
    names: frozenset[str] = frozenset()  # the other names its sentence gives (whose count it is)
    outcome: str | None = None  # "dead", "injured", "missing": what the count of people measures
    narrow: frozenset[str] = frozenset()  # words narrowing the subject: "11 *Yemeni* pirates"
    actor: str | None = None  # for a game statistic: the player named last before the number
    frame: frozenset[str] = frozenset()  # cues setting it in another time or scope: "a week earlier", "so far"
    role: str | None = None  # what happened to what is counted: "destroyed" four villages (measure.role)
    elsewhen: frozenset[str] = frozenset()  # years and months named that are not its article's own time

    @property
    def value(self) -> float:
        return float(self.claim.value or 0.0)


def _year_like(c: Claim) -> bool:
    return c.value is not None and float(c.value).is_integer() and 1900 <= c.value <= 2100


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE * max(abs(a), abs(b), 1e-9)


def agree(a: Reported, b: Reported) -> bool:
    """One value, or one inside the other's stated range: "as many as 35 to 40 firefighters" and
    "about 40 firefighters" agree."""
    if same_value(a.value, b.value):
        return True
    return any(x.claim.qualifier == "range" and x.claim.low is not None and x.claim.high is not None
               and x.claim.low <= y.value <= x.claim.high for x, y in ((a, b), (b, a)))


def _apart(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and not a & b


def _related(a: Reported, b: Reported) -> bool:
    if a.rate != b.rate:  # "20 million euros a year" is not "9 million euros" so far
        return False
    if _apart(a.places, b.places) or _apart(a.years, b.years) or _apart(a.names, b.names):
        return False  # the same kind of count, of another place, year or subject
    if a.outcome != b.outcome or a.narrow != b.narrow or a.frame != b.frame:
        return False  # the dead and the injured, a part of the group and all of it, then and now
    if not same_value(a.value, b.value) and _other_scope(a, b):
        return False  # two values can disagree only about one thing at one time
    cls = quantity_class(a.claim.unit)
    beside = bool((a.head | a.tail) & (b.head | b.tail))
    if cls in box_score_classes() and not (a.actor and a.actor == b.actor and beside):
        return False  # whose statistic, and which one, must be said in both sentences
    if cls in people_classes() and a.outcome is None and not _doing(a) & _doing(b):
        return False  # "people" alone: what they did must be said next to both numbers
    lo, hi = sorted((abs(a.value), abs(b.value)))
    if lo == 0 or hi / lo > MAX_RATIO:
        return False
    # what is counted is said around the number ("a *force* of", "people *were killed*"): sentences that
    # merely share words ("quake", "Tuesday") count different things as often as the same one
    return (same_value(a.value, b.value) or beside
            or jaccard(a.context, b.context) >= SAME_CONTEXT)


def _other_scope(a: Reported, b: Reported) -> bool:
    """The counts are not known to be of one thing at one time: different things happened to what
    they count (the bullets that hit, the bullets in the gun; a count the parse could not place
    against one it could: without a parse, as in German, neither has a role), a year or month one
    names that the other does not ("seven killed in September" is another quake), or reports
    months apart. Asked only of different values: one value told with two verbs or beside a date
    ("40,000 tonnes stuck", "40,000 tonnes remained") still agrees."""
    return (a.role != b.role or (a.elsewhen != b.elsewhen and not a.elsewhen & b.elsewhen)
            or _days_apart(a.day, b.day) > BRIEF.same_time_days)


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two publication days; 0 when either is unknown (nothing parts them then)."""
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else 0
    except ValueError:
        return 0


def _doing(r: Reported) -> set[str]:
    """The words beside a count of people other than the count itself ("three people"): what the
    people did or had done to them ("freed", "interviewed")."""
    return (r.head | r.tail) - set(re.findall(r"\w+", r.claim.span.text.lower()))


def reported_claims(ctx: StoryContext, claims: Sequence[Claim]) -> dict[str, list[Reported]]:
    """Claims of the story's originals, by quantity class; percentages, durations and bare years left
    out. Numbers without a unit ("a force of up to 25,000") go to class ``UNITLESS``."""
    out: dict[str, list[Reported]] = {}
    for c in claims:
        aid = c.span.article_id
        if aid not in ctx.articles or c.value is None:
            continue
        cls = quantity_class(c.unit)
        if cls is None and c.unit is None and abs(c.value) >= 100 and not _year_like(c):
            cls = UNITLESS
        if cls is None or cls in SKIP_CLASSES or is_score(c.span.text, c.unit):
            continue
        sent = ctx.sentence_span(aid, c.span.start) or c.span
        ctx_words = {w for w in words(sent.text) if not w.isdigit()}
        after = ctx.articles[aid].text[c.span.end:c.span.end + 24]
        m = _RATE.match(after)
        rate = m.group(1).lower().rstrip("s") if m else None
        before = ctx.articles[aid].text[max(sent.start, c.span.start - HEAD_CHARS):c.span.start]
        head = _measure_words(before, from_end=True) | _measure_words(_own_words(c), from_end=False)
        after_claim = ctx.articles[aid].text[c.span.end:min(sent.end, c.span.end + TAIL_CHARS)]
        tail = _measure_words(after_claim, from_end=False)
        years = frozenset(y for y in _YEAR.findall(sent.text) if y != c.span.text.strip())
        places = frozenset(p for p in _story_places(ctx) if p in sent.text)
        names = frozenset(w for n in _NAME.findall(sent.text) if not any(n in p for p in places)
                          for w in n.split()) - _calendar()
        text = ctx.articles[aid].text
        what = outcome(text[sent.start:c.span.start], text[c.span.end:sent.end])
        out.setdefault(cls, []).append(Reported(c, ctx.outlet(aid), ctx.day(aid), sent, ctx_words, rate, head,
                                                tail, places, years, names, what, narrowing(c.span.text, c.unit),
                                                actor(text[sent.start:c.span.start]), frame(sent.text),
                                                role(c.role), elsewhen(sent.text, ctx.day(aid))))
    return out


def _own_words(c: Claim) -> str:
    """The claim's words after its number and unit: "tonnes *of grain*" says what is counted."""
    return re.sub(r"^.*?\d[\d,. ]*\s*\S*", "", c.span.text, count=1)


def _measure_words(text: str, from_end: bool) -> set[str]:
    """The content words next to a number, MEASURE_WORDS of them on that side: "an earthquake on a Gulf
    island that *killed* 10 people" counts the dead, and the island further away says nothing of it."""
    found = [w for w in re.findall(r"\w+", text.lower()) if w in content_words(w) and w not in _qualifiers()]
    return set(found[-MEASURE_WORDS:] if from_end else found[:MEASURE_WORDS])


def _story_places(ctx: StoryContext) -> frozenset[str]:
    return frozenset(e.name for e in ctx.entities.values() if e.type in ("GPE", "LOC", "FAC") and len(e.name) > 2)


def _one_measure(reps: list[Reported]) -> list[Reported]:
    """One class's reports without those of articles giving SEVERAL or more different values of it:
    such an article counts several things of that kind (yards rushing, receiving, per season), and
    which of them another outlet's number should match cannot be told from the words around it."""
    values: dict[str, list[float]] = {}
    for r in reps:
        seen = values.setdefault(r.claim.span.article_id, [])
        if not any(same_value(v, r.value) for v in seen):
            seen.append(r.value)
    return [r for r in reps if len(values[r.claim.span.article_id]) < SEVERAL]


def sides(by_value: list[list[Reported]]) -> tuple[list[str], list[str]]:
    """(outlets giving the main value, outlets with an article giving another value and not the main
    one). An article that gives both has not contradicted anyone: it reported two numbers, often of
    two things, or told its own update. An outlet whose figure changed between its articles is in both."""
    main = {r.claim.span.article_id for r in by_value[0]}
    support = sorted({r.outlet for r in by_value[0]})
    return support, sorted({r.outlet for v in by_value[1:] for r in v if r.claim.span.article_id not in main})


def quantity_groups(ctx: StoryContext, claims: Sequence[Claim]) -> list[tuple[str, list[Reported]]]:
    """Single-link groups of reports of one quantity, largest first. Chains stay short because two
    reports relate only when the words around their numbers meet and their places, years and names
    do not part them ("10 killed" and "10 injured" share a value, not a measure)."""
    groups: list[tuple[str, list[Reported]]] = []
    reported = reported_claims(ctx, claims)
    unitless = reported.pop(UNITLESS, [])
    for cls, all_reps in sorted(reported.items()):
        reps = _one_measure(all_reps)
        parent = list(range(len(reps)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i in range(len(reps)):
            for j in range(i + 1, len(reps)):
                if _related(reps[i], reps[j]):
                    parent[find(i)] = find(j)
        by_root: dict[int, list[Reported]] = {}
        for i, r in enumerate(reps):
            by_root.setdefault(find(i), []).append(r)
        groups += [(cls, g) for g in by_root.values()]
    for r in unitless:  # a bare number joins the quantity its sentence talks about, if any
        best = max(((max(jaccard(r.context, x.context) for x in g), i) for i, (_, g) in enumerate(groups)
                    if any(_related(r, x) for x in g)), default=None)
        if best and best[0] >= MIN_CONTEXT:
            groups[best[1]][1].append(r)
    groups.sort(key=lambda g: (-len({r.outlet for r in g[1]}), g[0]))
    return groups


def value_groups(reps: list[Reported]) -> list[list[Reported]]:
    """Reports grouped by value (within 5%), most widely reported value first, then earliest."""
    vals: list[list[Reported]] = []
    for r in sorted(reps, key=lambda r: (r.day or "9999", r.claim.span.start)):
        for v in vals:
            if agree(v[0], r):
                v.append(r)
                break
        else:
            vals.append([r])
    vals.sort(key=lambda v: (-len({r.outlet for r in v}), min(r.day or "9999" for r in v)))
    return vals
