"""Where a search hit sits in its text: the query's words, the words of a text that match them, and
a window of words around a hit. Plain offsets, for every surface (the reader marks them in HTML, the
CLI in colour, the store picks a hit's first matching word).

A hit shown alone ("mass", "air") says nothing, so surfaces show ~20 words around it with every
query word marked. Matching is by a shared stem, as the full-text index stems ("talks" finds "talk").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+", re.U)
WINDOW_WORDS = 20


def query_terms(query: str) -> list[str]:
    """The words of a query worth marking (longer than two letters when there are any), lowercased."""
    words = [w.lower() for w in _WORD.findall(query)]
    return list(dict.fromkeys([w for w in words if len(w) > 2] or words))


def matches(token: str, terms: list[str]) -> bool:
    """A word matches a term outright or by a shared stem (its first ``max(4, len - 2)`` letters)."""
    tok = token.lower()
    return any(tok == t or (len(t) > 3 and tok.startswith(t[:max(4, len(t) - 2)])) for t in terms)


def term_ranges(text: str, terms: list[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Offsets of every word of ``text[lo:hi]`` that matches a query term."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text, lo, len(text) if hi is None else hi)
            if matches(m.group(), terms)]


def window(text: str, start: int, end: int, words: int = WINDOW_WORDS) -> tuple[int, int]:
    """Offsets of about ``words`` words centred on ``start:end``, cut at word boundaries."""
    side = max(1, words // 2)
    before = [m.start() for m in _WORD.finditer(text, 0, start)]
    after = [m.end() for m in _WORD.finditer(text, end)]
    lo = before[-side] if len(before) >= side else 0
    hi = after[side - 1] if len(after) >= side else len(text)
    return min(lo, start), max(hi, end)


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ranges joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def segments(text: str, lo: int, hi: int, ranges: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text[lo:hi]`` as pieces in order, each flagged when it is one of ``ranges`` (clipped to the
    slice, joined where they touch): what a surface marks, in HTML or in colour."""
    out, pos = [], lo
    for a, b in merged([(max(a, lo), min(b, hi)) for a, b in ranges if a < hi and b > lo]):
        out += [(text[pos:a], False), (text[a:b], True)]
        pos = b
    out.append((text[pos:hi], False))
    return out


def context(text: str, start: int, end: int, terms: list[str],
            words: int = WINDOW_WORDS) -> tuple[int, int, list[tuple[int, int]]]:
    """The window around a hit and the ranges to mark in it: the hit itself and every query word."""
    lo, hi = window(text, start, end, words)
    marks = ([(start, end)] if end > start else []) + term_ranges(text, terms, lo, hi)
    return lo, hi, merged(marks)
