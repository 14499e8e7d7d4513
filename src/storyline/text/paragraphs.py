"""Paragraphs of cleaned text: cleaning always separates paragraphs with a blank line."""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: the stretches between blank lines (a line of only spaces is
    blank too), skipping stretches that hold nothing but whitespace. Ends exclude the break."""
    out, start = [], 0
    for m in _BLANK_LINE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def paragraph_at(paragraphs: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The paragraph holding ``pos`` (or ending right at it); ``(pos, pos)`` between paragraphs."""
    return next(((a, b) for a, b in paragraphs if a <= pos < b or (pos == b)), (pos, pos))
