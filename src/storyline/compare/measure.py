"""What a count measures, beyond its unit: the outcome word next to it, the words that narrow its
subject, and whether it is a game statistic. Two counts of one unit are still two measures when

* the nearest outcome word differs: "killed 10 people" and "10 people were injured" (``outcomes_en.tsv``);
* a word between the number and its unit narrows the subject: "11 Yemeni pirates" are a part of
  "23 pirates", "13 loaded magazines" not all "12 magazines" (``broad_modifiers_en.txt`` lists the
  words that do not narrow, like "major" or "separate");
* one is set in another frame by a cue the other lacks: another time ("a week earlier", "in each of
  the past five seasons"), a running total ("so far") or a wider scope ("across the continent";
  ``frame_cues_en.txt``);
* they are box-score figures ("22 carries", "nine carries", ``box_score_units_en.txt``) whose
  nearest named actor before the number differs (the player, not the team every sentence names), or
  without a shared word saying which statistic (rushing, receiving).

Word lists, not a model: each rule is one reader's test of "same measure", stated where it can be read.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import lines, table

OUTCOME_CHARS = 40  # how far from the number an outcome word may stand and still say what it counts
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_CLAUSE = re.compile(r"[,;:.()]|\b(?:and|while|but|as|whereas|plus)\b")  # another count's outcome lies past these


@cache
def _outcomes() -> dict[str, str]:
    return {row[0]: row[1] for row in table("compare/outcomes_en.tsv") if len(row) >= 2}


@cache
def _broad() -> frozenset[str]:
    return frozenset(w for ln in lines("compare/broad_modifiers_en.txt") for w in ln.split())


@cache
def _number_words() -> frozenset[str]:
    """Words that state a number or its precision ("three", "dozen", "at least"): not a narrowing."""
    rows = table("time/quantities_en.tsv")
    return frozenset(w for row in rows if len(row) >= 2 for w in row[1].lower().split()) | frozenset(
        w for ln in lines("compare/number_qualifiers.txt") for w in ln.split())


@cache
def _frame() -> re.Pattern[str]:
    cues = sorted(lines("compare/frame_cues_en.txt"), key=len, reverse=True)
    return re.compile(r"(?i)\b(" + "|".join(re.escape(c) for c in cues) + r")\b")


def frame(sentence: str) -> frozenset[str]:
    """The cues in a count's sentence setting it in another time, a running total or a wider scope."""
    return frozenset(m.lower() for m in _frame().findall(sentence))


@cache
def people_classes() -> frozenset[str]:
    return frozenset(lines("compare/people_units_en.txt"))


@cache
def box_score_classes() -> frozenset[str]:
    return frozenset(lines("compare/box_score_units_en.txt"))


@cache
def _openers() -> frozenset[str]:
    return frozenset(w for ln in lines("compare/sentence_openers_en.txt") for w in ln.split())


def actor(before: str) -> str | None:
    """The last capitalised word before the number in its sentence: whose statistic it is."""
    names = [w for w in re.findall(r"\b[A-Z][a-z]+(?:'s)?", before) if w not in _openers()]
    return names[-1].removesuffix("'s") if names else None


def outcome(before: str, after: str) -> str | None:
    """The outcome nearest the number: ``before`` ends at the number, ``after`` starts after the claim."""
    table_ = _outcomes()
    before = _CLAUSE.split(before[-OUTCOME_CHARS:])[-1]
    after = _CLAUSE.split(after[:OUTCOME_CHARS])[0]
    near: list[tuple[int, str]] = []
    for m in _WORD.finditer(before):
        if (o := table_.get(m.group().lower())) is not None:
            near.append((len(before) - m.end(), o))
    for m in _WORD.finditer(after):
        if (o := table_.get(m.group().lower())) is not None:
            near.append((m.start(), o))
    return min(near)[1] if near else None


def narrowing(claim_text: str, unit: str | None) -> frozenset[str]:
    """Words between the number and the unit that narrow what is counted ("Yemeni", "loaded")."""
    if not unit:
        return frozenset()
    end = claim_text.lower().rfind(unit.lower())
    if end <= 0:
        return frozenset()
    between = (w.lower() for w in _WORD.findall(claim_text[:end]))
    skip = _broad() | _number_words()
    return frozenset(w for w in between if w not in skip and not w.endswith("ly"))
