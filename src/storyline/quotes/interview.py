"""Interview layouts: turns set out as "Q: …" / "A: …", "Interviewer: …", "Name: …" (bold or
not, "**Name:** …"), or as dash lines with no attribution ("— Why did you leave?" then "— I needed
silence."). Questions are the interviewer's, answers the interviewee's; a named turn is its
label's.

Why a layout of its own: the turns carry no speech verbs, so a quote found in one (a quoted or
dash-opened turn) takes whoever was named last -- the interviewee, as the introduction names
them -- or the voice of the turn before, the interviewer's for an answer.

Turns with no quotation mark or dash are not made quotes here: news corpora (PolNeAR) do not count
a transcript's turns as quotations, and listing them would flood a brief with every question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..config import Settings
from ..model import Mention
from .attribute import Attribution
from .people import People, Referent

_TURN = re.compile(r"[ \t]*(?:\*\*|__)?(?P<label>Q|A|Question|Answer|Interviewer|"
                   r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3})[ \t]*(?P<sep>:|(?<=[QA])\.)[ \t]*(?:\*\*|__)?[ \t]+"
                   r"(?:\*\*|__)?(?=\S)")
_QUESTION = {"q", "question", "interviewer"}
_ANSWER = {"a", "answer"}
_DASH_TURN = re.compile(r"[ \t]*[—–][ \t]+(?=\S)")
_INTERVIEW_VERBS = {"interviewed", "interviews", "interviewing", "spoke", "speaks", "talked", "talks", "asked",
                    "asks", "sat"}  # "sat down with"
MIN_TURNS = Settings().quote_interview_min_turns  # a layout, not one "Name: …" headline or caption
TURN_CONFIDENCE = Settings().quote_turn_confidence
TURN_SHARE = Settings().quote_turn_share


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    label: tuple[int, int]
    role: str  # "question" | "answer" | "named"


def _line_turn(text: str, lo: int, hi: int, persons: list[tuple[int, int, str]]) -> Turn | None:
    end = hi - (len(text[lo:hi]) - len(text[lo:hi].rstrip()))
    if (d := _DASH_TURN.match(text, lo, hi)) is not None:
        # a dash line with no dash or comma attribution: a question if it asks one
        if re.search(r"[,.!?…]\s+[—–]\s|\s[—–]\s", text[d.end():end]):
            return None
        return Turn(d.end(), end, (lo, d.end()), "question" if text[end - 1] == "?" else "answer")
    m = _TURN.match(text, lo, hi)
    if m is None:
        return None
    label = m.group("label")
    if label.lower() in _QUESTION:
        return Turn(m.end(), end, m.span("label"), "question")
    if label.lower() in _ANSWER:
        return Turn(m.end(), end, m.span("label"), "answer")
    a, b = m.span("label")
    # a named turn's label is a person of the article: named there, or the surname of one named
    if m.group("sep") == ":" and any(x < b and a < y or label == name.split()[-1] for x, y, name in persons):
        return Turn(m.end(), end, (a, b), "named")
    return None


def find_turns(text: str, paragraphs: list[tuple[int, int]], mentions: list[Mention]) -> list[Turn]:
    """The turns of interview layouts: runs of at least ``MIN_TURNS`` turn lines in a row (no
    other line between), with both questions and answers, or two people taking turns. A lone
    "Sanders: Win in a walk." heading a section, or a tally ("Clinton: 547."), is none."""
    persons = [(m.span.start, m.span.end, m.span.text) for m in mentions if m.label == "PERSON"]
    runs: list[list[Turn]] = [[]]
    for lo, hi in paragraphs:
        for line in re.finditer(r"[^\n]+", text[lo:hi]):
            if not line.group(0).strip():
                continue
            t = _line_turn(text, lo + line.start(), lo + line.end(), persons)
            if t is None or not re.search(r"[^\W\d_]", text[t.start:t.end]):
                runs.append([])
            else:
                runs[-1].append(t)
    out = []
    for run in runs:
        roles = {t.role for t in run}
        named = {text[slice(*t.label)] for t in run if t.role == "named"}
        if len(run) >= MIN_TURNS and ({"question", "answer"} <= roles or len(named) >= 2):
            out += run
    return out


def _pair(doc: Doc | None, people: People, lo: int, hi: int) -> tuple[Referent | None, Referent | None]:
    """Interviewer and interviewee from the introduction text[lo:hi]: "Lena Marsh interviewed
    Oskar Brandt" (subject asks, object answers), "Oskar Brandt spoke to the Review" (a person
    who speaks to an outlet answers); else the one person the introduction names answers."""
    if doc is not None and (span := doc.char_span(lo, hi, alignment_mode="contract")) is not None:
        for verb in (t for t in span if t.lower_ in _INTERVIEW_VERBS):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            objs += [p for c in verb.subtree if c.dep_ == "prep" and c.lower_ in ("with", "to") for p in c.children
                     if p.dep_ == "pobj"]
            asker = _person(subj, people) if subj is not None else None
            answerer = next((r for o in objs if (r := _person(o, people)) is not None), None)
            if answerer is not None:
                return asker, answerer
            if asker is not None:
                return None, asker
    named = {people.full_name(r): r for r in people.refs if lo <= r.start < hi and r.kind == "person"}
    return None, (next(iter(named.values())) if len(named) == 1 else None)


def _person(tok: Token, people: People) -> Referent | None:
    """The person a noun names, itself or through its apposition ("the novelist Oskar Brandt")."""
    for t in [tok, *(c for c in tok.children if c.dep_ == "appos")]:
        r = people.at(t.idx, t.idx + len(t))
        if r is not None and r.kind == "person":
            return r
    return None


def _said_by(r: Referent | None, people: People) -> Attribution:
    if r is None:
        return Attribution(how="turn")  # a turn, its speaker unnamed: kept, unattributed
    return Attribution(people.full_name(r), (r.mention.span.start, r.mention.span.end), None, None,
                       TURN_CONFIDENCE, "name")


def _label_name(label: str, people: People) -> str:
    """The person a turn's label names: the label itself when it gives a full name (the NER may
    have swallowed the label's colon or bold marks), else the one person with that surname."""
    if len(label.split()) >= 2:
        return label
    r = people.surname(label, len(people.text))
    return people.full_name(r) if r is not None else label


def turn_of(turns: list[Turn], atts: list[Attribution], start: int, end: int) -> Attribution | None:
    """The speaker of the interview turn that a quote is (most of), if any."""
    for t, att in zip(turns, atts):
        if min(end, t.end) - max(start, t.start) >= TURN_SHARE * (t.end - t.start):
            return att
    return None


def turn_speakers(text: str, turns: list[Turn], people: People, doc: Doc | None) -> list[Attribution]:
    """Who speaks each turn: a named turn its label's person, a question the interviewer and an
    answer the interviewee, as the introduction before the first turn names them (nobody, rather
    than a guess, when it does not)."""
    if not turns:
        return []
    first = min(t.label[0] for t in turns)
    asker, answerer = _pair(doc, people, 0, first)
    out = []
    for t in turns:
        if t.role == "named":
            out.append(Attribution(_label_name(text[slice(*t.label)], people), t.label, None, None, TURN_CONFIDENCE, "name"))
        else:
            out.append(_said_by(asker if t.role == "question" else answerer, people))
    return out
