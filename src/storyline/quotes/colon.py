"""Speech after a colon introduction whose opening quotation mark was lost: 'He said: We will not
leave.' or 'Petrov said: We will not leave."' (only the closing mark left, often with a further
attribution: ',” he added.'). Machine translation and copy-paste drop marks; the colon after a
speech verb still says that what follows is the speaker's own words.

Why only right after a cue: a colon also introduces lists and explanations ("three reasons: The
port is closed, ..."); only a speech verb within the last words before it makes the rest speech.
And with no mark left at all, only words in the first or second person: "Insiders said: Trump's
lead is too large" is the writer's summary (indirect, as news corpora count it), "He said: We
will not leave" the speaker's own words, as reported speech would have shifted them to "they".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Settings
from ..text.glyphs import DOUBLE_CLOSE, DOUBLE_OPEN
from .attribute import find_cues

_INTRO = re.compile(r":[ \t]+(?=[A-ZÀ-ÞА-ЯІЇЄ])")
_SENTENCE_END = re.compile(r"[.!?…][ \t]+")
_OWN_WORDS = re.compile(r"(?i)\b(?:I|I'm|I’m|me|my|mine|we|we're|we’re|us|our|ours|you|your)\b")
_CLOSE = re.compile(r"(?<=[\w.,!?…])[" + re.escape(DOUBLE_CLOSE) + r"](?=[ \t,;]|$)")
MAX_GAP_WORDS = Settings().quote_colon_gap_words  # between the cue and the colon: "said:", "told reporters:"


@dataclass(frozen=True)
class ColonSpeech:
    start: int
    end: int
    intro: tuple[int, int]  # the introducing clause, up to the colon
    close_mark: int | None = None  # the orphaned closing mark, if one is left
    tail: tuple[int, int] | None = None  # an attribution after that mark (',” he added.')


def _introduced(text: str, lo: int, colon: int) -> tuple[int, int] | None:
    """The clause before the colon when a speech cue ends it."""
    sent_lo = max([lo] + [m.end() for m in _SENTENCE_END.finditer(text, lo, colon)])
    cues = find_cues(text, sent_lo, colon)
    if not cues or len(text[cues[-1][1]:colon].split()) > MAX_GAP_WORDS:
        return None
    return sent_lo, colon


def find_colon_speech(text: str, paragraphs: list[tuple[int, int]]) -> list[ColonSpeech]:
    """Colon-introduced speech with no opening mark, one per line at most (the first colon)."""
    out: list[ColonSpeech] = []
    for lo, hi in paragraphs:
        for line in re.finditer(r"[^\n]+", text[lo:hi]):
            a, b = lo + line.start(), lo + line.end()
            m = _INTRO.search(text, a, b)
            if m is None or (intro := _introduced(text, a, m.start())) is None:
                continue
            rest = text[m.end():b]
            close = _CLOSE.search(rest)
            if any(g in rest[: close.start() if close else len(rest)] for g in DOUBLE_OPEN):
                continue  # a quotation of its own opens after the colon: the usual layout
            if close is None:
                if not _OWN_WORDS.search(rest):
                    continue
                end = b - (len(rest) - len(rest.rstrip()))
                out.append(ColonSpeech(m.end(), end, intro))
                continue
            end = m.end() + close.start()
            while end > m.end() and text[end - 1] in ",;":
                end -= 1
            tail_lo = m.end() + close.end()
            tail = (tail_lo, b) if find_cues(text, tail_lo, b) and len(text[tail_lo:b].split()) <= 8 else None
            out.append(ColonSpeech(m.end(), end, intro, m.end() + close.start(), tail))
    return out
