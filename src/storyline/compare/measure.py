"""What a count measures, beyond its unit: the outcome word next to it, the words that narrow its
subject, and whether it is a game statistic. Two counts of one unit are still two measures when

* the nearest outcome word differs: "killed 10 people" and "10 people were injured" (``outcomes_en.tsv``);
* the verbs (or nouns) the counts belong to differ (the parse's ``Claim.role``): "seven bullets
  *entered* his body" and "a gun *loaded* with four bullets", "*razed* four villages" and "*homes* in
  five villages" (forms and near synonyms fold through ``outcomes_en.tsv``, then ``roles_en.tsv``,
  then a stem); for two different values only, one value may be told with two verbs;
* a word between the number and its unit narrows the subject: "11 Yemeni pirates" are a part of
  "23 pirates", "13 loaded magazines" not all "12 magazines" (``broad_modifiers_en.txt`` lists the
  words that do not narrow, like "major" or "separate");
* one is set in another frame by a cue the other lacks: another time ("a week earlier", "in each of
  the past five seasons"), a running total ("so far") or a wider scope ("across the continent";
  ``frame_cues_en.txt``);
* they are box-score figures ("22 carries", "nine carries", ``box_score_units_en.txt``) whose
  nearest named actor before the number differs (the player, not the team every sentence names), or
  without a shared word saying which statistic (rushing, receiving).

Counts of one measure must also share a time: a year or a month the sentence names that is not its
article's own ("killed seven people in September" in a November report, ``elsewhen``) sets the
count in another time than the counts that name none. A hyphenated pair before a score noun ("a
9-14 start", ``score_nouns_en.txt``) is a record or a score: two numbers, not one count.

Word lists, not a model: each rule is one reader's test of "same measure", stated where it can be read.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import lines, table
from ..text.words import stem

OUTCOME_CHARS = 40  # how far from the number an outcome word may stand and still say what it counts
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_CLAUSE = re.compile(r"[,;:.()]|\b(?:and|while|but|as|whereas|plus)\b")  # another count's outcome lies past these


@cache
def _outcomes() -> dict[str, str]:
    return {row[0]: row[1] for row in table("compare/outcomes_en.tsv") if len(row) >= 2}


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_PAIR = re.compile(r"^\$?\d[\d,.]*\s*[-–]\s*\$?\d[\d,.]*(?:\s+([A-Za-z]+))?")


@cache
def _month_names() -> frozenset[str]:
    """Capitalised month names and abbreviations (the calendar list's, day names left out)."""
    return frozenset(w for w in (x for ln in lines("compare/calendar_words_en.txt") for x in ln.split())
                     if w[:3].lower() in _MONTHS)


@cache
def _score_nouns() -> frozenset[str]:
    return frozenset(w for ln in lines("compare/score_nouns_en.txt") for w in ln.split())


def is_score(claim_text: str, unit: str | None) -> bool:
    """A hyphenated pair with no unit or a score noun ("284-286", "9-14 start", "20 - 13 win"): a
    record or a score, whose claim keeps the first number only, so "9-14" and "9-20" would agree and
    "9-14" and "5-14" conflict on a number nobody reported alone."""
    m = _PAIR.match(claim_text.strip())
    if not m:
        return False
    noun = (m.group(1) or unit or "").lower()
    return not noun or noun in _score_nouns()


def elsewhen(sentence: str, day: str | None) -> frozenset[str]:
    """The years and months a count's sentence names that are not its article's own time (the
    publication month or the one before): "at least seven people died in September" in a November
    report. Without a publication date every named year and month counts."""
    year, month = (int(day[:4]), int(day[5:7])) if day and len(day) >= 7 and day[:4].isdigit() else (None, None)
    out = {y for y in _YEAR.findall(sentence) if year is None or int(y) != year}
    names = _month_names()
    for i, m in enumerate(re.finditer(r"\b[A-Z][a-z]{2,8}\b", sentence)):
        w = m.group()
        if w not in names or (i == 0 and m.start() == 0 and w == "May"):
            continue  # "May" opening a sentence is as likely the verb
        n = _MONTHS.index(w[:3].lower()) + 1
        if month is None or n not in (month, (month - 2) % 12 + 1):
            out.add(w[:3].lower())
    return frozenset(out)


@cache
def _roles() -> dict[str, str]:
    return {row[0]: row[1] for row in table("compare/roles_en.tsv") if len(row) >= 2}


def role(verb: str | None) -> str | None:
    """What happened to what a count counts, one word for the forms of one happening: the outcome
    ("killed", "died": dead), a listed synonym ("razed", "levelled": destroyed), else the stem."""
    if not verb:
        return None
    v = verb.lower()
    return _outcomes().get(v) or _roles().get(v) or stem(v)


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
