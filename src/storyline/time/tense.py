"""Which way a bare weekday or month points: the tense of the clause that holds it.

"met on Thursday" is the Thursday before the publish date and "will meet on Thursday" the one after,
but a sentence often mixes both ("will meet on Friday, the ministry confirmed on Sunday"), so the
tense is read from the verb that governs the expression in the dependency parse, not from the
sentence. Without a parse (other languages, or no spaCy Doc) a clause window and marker lexicons
stand in. ``None`` means no evidence either way: the caller then takes the nearest candidate.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from ..resources import base_language, lines
from ..text.glyphs import ENGLISH_DOUBLE

Direction = Literal["past", "future", "present"]

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
_MODAL = {"would", "could", "may", "might", "should", "must", "can", "ca"}
# heads of "X to <verb>" and participles that put the governed verb ahead of the anchor
_FUTURE_HEADS = {"due", "expected", "set", "scheduled", "planned", "plan", "plans", "planning", "going",
                 "hope", "hopes", "hoping", "intend", "intends", "aim", "aims", "prepare", "prepares",
                 "preparing", "poised", "slated", "likely", "want", "wants", "postponed", "rescheduled",
                 "delayed", "moved", "upcoming", "ahead"}
_BE = {"is", "are", "am", "'s", "'re"}
# words just before the expression that decide the reading on their own
_LEFT_FUTURE = re.compile(
    r"(?i)(?:\b(?:set|scheduled|slated|planned|due|postponed|moved|delayed|pushed\s+back|rescheduled|"
    r"adjourned|deferred|verschoben|vertagt)\s+(?:\w+\s+){0,3}?(?:to|until|for|till|on|auf)"
    r"|\bahead\s+of|\bin\s+time\s+for|\bpreparing\s+for)\s*(?:the\s+|next\s+)?$"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014" + re.escape(ENGLISH_DOUBLE) + r"]|\b(?:and|but|who|which|while|after|when|where|und|aber|die|der|nachdem)\b")


@cache
def _markers(kind: str, lang: str) -> tuple[str, ...]:
    try:
        return lines(f"time/{kind}_markers_{lang}.txt")
    except FileNotFoundError:
        return lines(f"time/{kind}_markers_en.txt")


def _has_marker(text: str, kind: str, lang: str) -> bool:
    low = f" {text.lower()} "
    return any(re.search(rf"(?<![\w']){re.escape(m)}(?!\w)", low) for m in _markers(kind, lang))


def left_cue(text: str, start: int) -> Direction | None:
    """'postponed to Friday', 'set for Friday', 'ahead of Friday's vote': future by wording alone."""
    left = text[max(0, start - 60) : start]
    return "future" if _LEFT_FUTURE.search(left) else None


def clause_window(text: str, start: int, end: int) -> str:
    """The text between the clause breaks around [start, end)."""
    line_start = max(text.rfind("\n", 0, start) + 1, max((m.end() for m in re.finditer(r"[.!?]\s", text[:start])), default=0))
    left = text[line_start:start]
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(left)]
    a = line_start + (cuts[-1] if cuts else 0)
    right_end = min((i for i in (text.find("\n", end), text.find(". ", end)) if i != -1), default=len(text))
    right = text[end:right_end]
    m = _CLAUSE_BREAK.search(right)
    b = end + (m.start() if m else len(right))
    return text[a:start] + " " + text[end:b]


def lexical_direction(text: str, start: int, end: int, lang: str) -> Direction | None:
    window = clause_window(text, start, end)
    if _has_marker(window, "future", lang):
        return "future"
    if _has_marker(window, "past", lang):
        return "past"
    return None


def _verb_direction(v: Any, depth: int = 0) -> Direction | None:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.text.lower() for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if v.text.lower() in _FUTURE_HEADS and (v.tag_ in ("VBN", "JJ") or words & _BE):
        return "future"  # "is scheduled for", "due on"
    if words & _MODAL:
        return "past" if {"have", "'ve"} & words else "future"
    if any(a.tag_ == "VBD" for a in auxes) or v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN" and not auxes and v.dep_ in ("acl", "ccomp", "xcomp", "oprd", "advcl", "conj") \
            and v.head is not v and depth < 3:
        return _verb_direction(v.head, depth + 1)  # "a structure agreed by April": the head decides
    if v.tag_ == "VBN" and {"has", "have", "had", "'s", "'ve", "been"} & words:
        return "past"
    if v.tag_ == "VBN" and not auxes:
        # a root participle without auxiliary is usually a misparse ("The border stays closed"
        # with 'stays' read as a noun): no evidence, let the markers decide
        return None if v.dep_ == "ROOT" else "past"
    if v.tag_ == "VB" and "to" in words and depth < 3 and v.head is not v:
        h = v.head
        if h.text.lower() in _FUTURE_HEADS or h.lemma_ in ("be",) or h.text.lower() in _BE:
            return "future"
        if h.pos_ in ("VERB", "AUX", "ADJ"):
            up = _verb_direction(h, depth + 1)
            return up if up != "past" else "future"  # "agreed to send X on Friday": sending is ahead
    if v.tag_ in ("VBZ", "VBP", "VBG") or words & _BE:
        return "present"
    return None


def parsed_direction(doc: Any, start: int, end: int) -> Direction | None:
    """Tense of the verb governing the characters [start, end) in a spaCy Doc."""
    tok = _governing_verb(doc, start, end)
    return _verb_direction(tok) if tok is not None else None


def _governing_verb(doc: Any, start: int, end: int) -> Any:
    """The verb (or auxiliary) the span hangs from, within eight steps up the parse; None if none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 8:
        tok = tok.head
        seen += 1
    return tok if tok.pos_ in ("VERB", "AUX") else None


def future_from_past(doc: Any, start: int, end: int) -> bool:
    """A future reading that is future only as seen from a past event, not from the writing: "forced
    it to close in December 2007", "started to experience problems on 8 October 2011", "a team some
    thought would be a contender in 2012", "the marks set by Pool in 1952". Such a date may lie
    before publication. Not: the verb's own "will" ("said it will open in May 2026"), and not
    scheduling words right before the date ("the trial was set for March 2014")."""
    if doc is None or left_cue(doc.text, start):
        return False
    tok = _governing_verb(doc, start, end)
    if tok is None or {c.text.lower() for c in tok.children if c.dep_ in ("aux", "auxpass")} & _FUTURE_AUX:
        return False
    for _ in range(6):
        if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in tok.children if c.dep_ in ("aux", "auxpass")):
            return True
        if tok.head is tok:
            break
        tok = tok.head
    return False


def direction(text: str, start: int, end: int, lang: str | None, doc: Any = None) -> Direction | None:
    cue = left_cue(text, start)
    if cue:
        return cue
    lang = base_language(lang)
    if doc is not None and lang == "en":
        d = parsed_direction(doc, start, end)
        if d is not None:
            return d
    return lexical_direction(text, start, end, lang)
