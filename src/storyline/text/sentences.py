"""Sentences: the parser's sentences cut at our paragraphs, lookup by offset, and a parser-free
sentence around an offset for stages that have no parse at hand."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

def sentence_at(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The (start, end) sentence holding character ``pos``; sentences are sorted by start."""
    i = bisect_right([s for s, _ in sentences], pos) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return None


def split_paragraphs(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut sentences at paragraph breaks: a parser's sentence never spans two paragraphs of ours."""
    out = []
    for s, e in sentences:
        start = s
        while (i := text.find("\n\n", start, e)) != -1:
            if text[start:i].strip():
                out.append((start, i))
            start = i + 2
        if text[start:e].strip():
            out.append((start, e))
    return out


_ANY_STOP = re.compile(r"[.!?\n]")
_STOP_BEFORE = re.compile(r"[.!?]\s|\n")
_STOP_AFTER = re.compile(r"[.!?](?:\s|$)|\n")


def sentence_around(text: str, start: int, end: int | None = None, *, any_stop: bool = False) -> tuple[int, int]:
    """(lo, hi) of the sentence holding ``text[start:end]`` without a parse: from just after the
    last sentence end before ``start`` to just after the first one at or after ``end`` (or ``start``).
    A line break always ends a sentence (cleaned text is not hard-wrapped).

    By default a stop (. ! ?) ends a sentence only when whitespace (or the text's end) follows,
    and that whitespace goes with the sentence before it: "3.5 million" and "U.S." stay whole,
    as numeric claims need. ``any_stop=True`` ends a sentence at every stop, the stop staying with
    the sentence before: coreference only wants a few words of context around a name and prefers
    a window cut too short to one running into the next sentence."""
    end = start if end is None else end
    if any_stop:
        lo = max((m.end() for m in _ANY_STOP.finditer(text, 0, start)), default=0)
        m = _ANY_STOP.search(text, end)
    else:
        lo = max((m.end() for m in _STOP_BEFORE.finditer(text, 0, start)), default=0)
        m = _STOP_AFTER.search(text, end)
    return lo, m.end() if m else len(text)
