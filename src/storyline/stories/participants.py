"""Who an article is about, and whether a group of reports is two events with different people.

Topic words cannot tell two events of one kind apart: two actresses checking into rehab, two
linemen of one team arrested for drunk driving, two aides of one president dying share nearly
every content word, so a centroid that blends them looks like one story. What differs is who took
part. Within such a blend, the reports fall into two camps, each centrally about its own name
(mentioned at least twice and at least half as often as the report's most mentioned name), and
each camp barely mentions the other's name: that *contrast* is the evidence of two events.

The later event often recalls the earlier one ("the second player arrested this season, after
…"), never the other way round: so it is enough that one camp (almost) never names the other's
name. One story about two people (a defendant and a lawyer) does not split: its reports name both
both ways, or one name tops both camps. Contrasts are of like with like: two people, two places or
bodies, two days a month apart; a person against a place is two sides of one story.

Keys are deliberately loose: a person is keyed by surname ("Lindsay Lohan", "Lohan", "Lohan's" are
one key), organisations and places by their whole folded name, so two spellings of one name are
not mistaken for a contrast by being strict.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

PERSON_LABELS = frozenset({"PERSON"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
MIN_CENTRAL_MENTIONS = 2
CENTRAL_SHARE = 0.5
MIN_CAMP = 2  # reports on each side of a contrast, and at least this share of the group:
MIN_CAMP_SHARE = 0.2  # (tuned on ECB+ odd topics; see benchmarks/clustering.py)
MAX_CROSS = 0.15  # share of one camp's reports (the one that does not recall the other) naming the other's name
MAX_KEYS = 40
MIN_DAYS_APART = 31  # two named days (keys 'd:YYYY-MM-DD') contrast only a month apart or more:
# a thread's developments (announced on the 11th, a hearing on the 24th) are one story  # candidate names tried per group (the most often central ones)


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def name_key(text: str, label: str) -> str | None:
    """The loose key of one mention: 'p:' and a person's surname, otherwise 'n:' and the folded
    name without 'the' (the prefix lets a contrast tell a shared protagonist from a shared place)."""
    words = [w.strip(".,'’\"") for w in _fold(text).replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return None
    if label in PERSON_LABELS:
        while len(words) > 1 and words[-1] in GENERATIONAL:
            words = words[:-1]
        return "p:" + words[-1] if len(words[-1]) > 1 else None
    return "n:" + " ".join(words)


def name_counts(mentions: Iterable[tuple[str, str]]) -> Counter[str]:
    """(text, label) of an article's name mentions -> how often each key is mentioned."""
    out: Counter[str] = Counter()
    for text, label in mentions:
        if label in NAME_LABELS:
            key = name_key(text, label)
            if key:
                out[key] += 1
    return out


def central(counts: Mapping[str, int]) -> frozenset[str]:
    """The names an article keeps returning to; empty for an article that names no one twice."""
    if not counts:
        return frozenset()
    top = max(counts.values())
    floor = max(MIN_CENTRAL_MENTIONS, CENTRAL_SHARE * top)
    return frozenset(k for k, c in counts.items() if c >= floor)


@dataclass(frozen=True)
class Contrast:
    """Two camps of reports, each about its own name (``a`` and ``b``)."""

    a: str
    b: str
    camp_a: frozenset[str]
    camp_b: frozenset[str]
    cross: int  # reports of one camp that name the other camp's name at all


def _votes(camp: Sequence[Mapping[str, int]]) -> Counter[str]:
    """How many of a camp's reports are centrally about each name."""
    votes: Counter[str] = Counter()
    for counts in camp:
        votes.update(central(counts))
    return votes


def _top(votes: Counter[str], aside: set[str]) -> set[str]:
    """The names most of a camp's reports are about (ties kept), ``aside`` not counted."""
    kept = {k: v for k, v in votes.items() if k not in aside}
    best = max(kept.values(), default=0)
    return {k for k, v in kept.items() if v == best}


def _most(votes: int, camp: Sequence[str]) -> bool:
    """At least half the camp."""
    return 2 * votes >= len(camp)


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[2:]) - date.fromisoformat(b[2:])).days)
    except ValueError:
        return 0


def contrast(members: Mapping[str, Mapping[str, int]]) -> Contrast | None:
    """The clearest split of ``members`` (report id -> name counts) into two camps about different
    names, or None when there is none. A camp holds the reports mentioning its name more often than
    the other's; each name must top its camp, and few reports may name the other camp's name."""
    often: Counter[str] = Counter()
    for counts in members.values():
        often.update(central(counts))
    keys = [k for k, n in often.most_common(MAX_KEYS) if n >= MIN_CAMP]
    best: tuple[int, Contrast] | None = None
    for a, b in combinations(keys, 2):
        if a[:2] != b[:2]:
            continue  # like with like: two people, two places or bodies, two days; not a person and a place
        if a.startswith("d:") and _days_apart(a, b) < MIN_DAYS_APART:
            continue  # days of one week: the developments of one event, not two events
        camp_a = [m for m, c in members.items() if c.get(a, 0) > c.get(b, 0)]
        camp_b = [m for m, c in members.items() if c.get(b, 0) > c.get(a, 0)]
        floor = max(MIN_CAMP, MIN_CAMP_SHARE * len(members))
        if len(camp_a) < floor or len(camp_b) < floor:
            continue
        cross_a = sum(1 for m in camp_a if members[m].get(b))
        cross_b = sum(1 for m in camp_b if members[m].get(a))
        if min(cross_a / len(camp_a), cross_b / len(camp_b)) > MAX_CROSS:
            continue
        cross = cross_a + cross_b
        score = min(len(camp_a), len(camp_b)) - cross
        if best is not None and score <= best[0]:
            continue
        # each name tops its camp, and the camps share no top name: a story of one protagonist
        # seen through two lawyers has the protagonist on top of both camps and stays one story
        votes_a, votes_b = _votes([members[m] for m in camp_a]), _votes([members[m] for m in camp_b])
        # a place or body most reports of both camps are about is the topic (the city both riots
        # were in), not a participant: set aside before asking what tops each camp. A person is not
        # set aside: one protagonist on top of both camps means one story.
        topic = {k for k in votes_a if k.startswith("n:") and _most(votes_a[k], camp_a) and _most(votes_b[k], camp_b)}
        top_a, top_b = _top(votes_a, topic), _top(votes_b, topic)
        if a not in top_a or b not in top_b or top_a & top_b:
            continue
        best = (score, Contrast(a, b, frozenset(camp_a), frozenset(camp_b), cross))
    return best[1] if best else None
