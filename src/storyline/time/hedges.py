"""Hedges: the words that make a statement uncertain, per language, as data.

Two lexicons with two jobs: ``hedges_<lang>.txt`` marks a sentence whose numbers or claims are
hedged ("reportedly", "may", "is expected to"); ``open_questions_<lang>.txt`` (regular expressions)
marks a sentence that states what is *not known* and so belongs to a story's open questions.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import base_language, lines


@cache
def _hedge_rx(lang: str) -> re.Pattern[str]:
    try:
        words = lines(f"time/hedges_{lang}.txt")
    except FileNotFoundError:
        words = lines("time/hedges_en.txt")
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w']){alt}(?!\w)")


@cache
def _open_rx(lang: str) -> re.Pattern[str] | None:
    try:
        pats = lines(f"time/open_questions_{lang}.txt")
    except FileNotFoundError:
        return None
    return re.compile("(?i)(?<!\\w)(?:" + "|".join(f"(?:{p})" for p in pats) + ")(?!\\w)")


def hedge_markers(sentence: str, lang: str | None = "en") -> list[str]:
    """The hedge words present in ``sentence`` (empty when it is stated as fact)."""
    return [m.group(0) for m in _hedge_rx(base_language(lang)).finditer(sentence)]


def is_hedged(sentence: str, lang: str | None = "en") -> bool:
    s = sentence.rstrip()
    return bool(hedge_markers(s, lang)) or s.endswith("?")


def open_question_marker(sentence: str, lang: str | None = "en") -> str | None:
    """The phrase that makes ``sentence`` an open question, in its language or English."""
    for code in dict.fromkeys((base_language(lang), "en")):
        rx = _open_rx(code)
        m = rx.search(sentence) if rx else None
        if m:
            return m.group(0)
    return None
