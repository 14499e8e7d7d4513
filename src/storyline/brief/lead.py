"""Which sentences say what happened: corroboration across articles, not repetition of a sentence.

A story's central event is what most of its outlets report, in their own words. So a sentence is
weighted by how many *other* outlets use its content words (names, the event verb, the place), not
by how many near-copies of it exist: four outlets printing one wire sentence make that sentence
frequent, not central. News puts what happened first, so an article's early body sentences weigh
more; a lead must stand alone, name an actor and report in the past tense ("struck", "was
arrested") rather than plan or comment.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..config import BRIEF
from ..model import Span
from ..resources import lines
from ..text.words import jaccard_neighbours, stem
from .facts import content_words, counts, key_terms
from .standalone import needs_context

COPY_SIM = 0.8  # two sentences this alike are one sentence copied, not two outlets agreeing
_TERMINAL = re.compile(r"[.!][\"'”’)]*$")
_STATEMENT_END = re.compile(r"\.[\"'”’)]*$")
_REGULAR_PAST = re.compile(r"\b[a-z]{3,}ed\b")
_SPLIT_INITIAL = re.compile(r"^[A-Z]\.\s")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


@cache
def _irregular_past(language: str) -> frozenset[str]:
    try:
        return frozenset(lines(f"brief/past_verbs_{language}.txt"))
    except FileNotFoundError:
        return frozenset()


@cache
def _subjectless(language: str) -> frozenset[str]:
    try:
        return frozenset(w for ln in lines(f"brief/subjectless_openers_{language}.txt") for w in ln.split())
    except FileNotFoundError:
        return frozenset()


@dataclass
class Candidate:
    """One sentence that may become a bullet, with what the summary compares it by."""

    span: Span
    outlet: str
    day: str
    body_rank: int  # among the article's body sentences (headlines and date lines do not count)
    words: frozenset[str]
    keys: frozenset[str]
    standalone: bool
    score: float = 0.0
    counts: frozenset[tuple[str, str]] = frozenset()  # what it counts ("3", "people"): facts.counts
    complete: bool = True  # a full sentence, not a headline or a piece of one: ``is_fragment``
    roots: frozenset[str] = frozenset()  # its words' stems: "retained"/"retain" are one word to ``same_fact``


def is_body(text: str) -> bool:
    """A body sentence ends like one: a headline or a date line does not."""
    return bool(_TERMINAL.search(text.rstrip()))


def headline_case(text: str) -> bool:
    """Most longer words after the first capitalised: a headline ("Mayor Quits Over Bridge Repair
    Costs"), whose grammar leaves out what a sentence says."""
    rest = _LONG_WORD.findall(text)[1:]
    return len(rest) >= BRIEF.headline_min_words and (
        sum(w[0].isupper() for w in rest) >= BRIEF.headline_capital_share * len(rest))


def is_fragment(text: str, language: str = "en") -> bool:
    """True when ``text`` is not a whole statement a reader could take as the brief's own line: a
    headline or a time stamp (no full stop; an exclamation is the outlet's voice, not a report), the
    second half of a sentence split in two (it opens in lower case, also behind an editor's bracket:
    "[who had been fired] and hired him.", or with the letter left over from an abbreviation: "S.
    Marshals said"), or a clause whose subject was left in the sentence before ("Was arrested on
    Sunday after the crash.")."""
    body = text.strip()
    if not _STATEMENT_END.search(body) or body.lstrip("[(‘'")[:1].islower() or _SPLIT_INITIAL.match(body):
        return True
    opening = re.match(r"([^\W\d_]+)\s+(\S)", body)  # "Will Harlan said" names someone: a capital follows
    return headline_case(body) or (opening is not None and opening.group(1).lower() in _subjectless(language)
                                   and not opening.group(2).isupper())


def stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


def make_candidate(span: Span, outlet: str, day: str, body_rank: int, language: str) -> Candidate:
    return Candidate(span, outlet, day, body_rank, content_words(span.text), key_terms(span.text),
                     not needs_context(span.text, language), counts=counts(span.text),
                     complete=not is_fragment(span.text, language), roots=stems(content_words(span.text)))


def reports_past_event(text: str, language: str = "en") -> bool:
    low = text.lower()
    return bool(_REGULAR_PAST.search(low)) or any(w in _irregular_past(language) for w in re.findall(r"[a-z]+", low))


def corroboration(cands: list[Candidate], outlet_words: dict[str, set[str]]) -> None:
    """Score each candidate: the share of the other outlets using each of its words, summed and
    damped by length, then by its place in its article."""
    n = len(outlet_words)
    df: Counter[str] = Counter(w for ws in outlet_words.values() for w in ws)
    for c in cands:
        own = stems(c.words)
        if n < 2 or not own:
            shared = float(len(own) > 0)
        else:
            shared = sum((df[w] - 1) / (n - 1) for w in own) / len(own) ** BRIEF.length_damping
        c.score = shared / (1 + BRIEF.lead_position_decay * c.body_rank)


def is_statistics_line(c: Candidate) -> bool:
    """A sentence of many figures ("completed 29-of-34 passes for 364 yards and three touchdowns")
    is a box score or a table row: one player's or one place's numbers, not what happened."""
    return sum(1 for k in c.keys if k[:1].isdigit()) > BRIEF.lead_max_numbers


def lead_score(c: Candidate, language: str = "en") -> float:
    """A candidate's fitness to open the brief: 0 when it cannot stand alone, is not a whole sentence
    or sits too deep in its article; its corroboration, raised for a named actor and a past-tense event verb."""
    if not (c.standalone and c.complete) or c.body_rank >= BRIEF.lead_window or is_statistics_line(c):
        return 0.0
    bonus = BRIEF.actor_bonus if any(k[:1].isalpha() for k in c.keys) else 1.0
    if reports_past_event(c.span.text, language):
        bonus *= BRIEF.past_bonus
    return c.score * bonus


def outlet_vocabulary(sentences: list[tuple[str, frozenset[str]]]) -> dict[str, set[str]]:
    """outlet -> the content words it wrote about the story in its own words. A sentence another
    outlet already printed (near-)verbatim counts once, for the first outlet: a line every outlet
    copies from the wire is repeated, not corroborated."""
    near = jaccard_neighbours([set(ws) for _, ws in sentences], COPY_SIM)
    out: dict[str, set[str]] = {}
    for i, (outlet, ws) in enumerate(sentences):
        if not any(j < i and sentences[j][0] != outlet for j in near[i]):
            out.setdefault(outlet, set()).update(stems(ws))
    return out
