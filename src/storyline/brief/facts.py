"""What a sentence states, reduced to what can be compared across outlets: its content words, and
its key terms (numbers and names). Two tests rest on these: whether two sentences state one fact
(the summary keeps one of them) and whether another outlet's sentence supports a bullet (it may
then be cited beside it).

Content words (``text.words.content_words``) leave out function words in any supported language, so
two sentences do not look alike for sharing "after", "would" and "about".
"""

from __future__ import annotations

import re
from ..config import BRIEF
from ..text.words import content_words

_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?")
_NAME = re.compile(r"(?<=[\w,;:)] )[A-ZÀ-Þ][\w'’-]+")


def key_terms(text: str) -> frozenset[str]:
    """Numbers (separators dropped) and capitalised words after the first: what a fact is about."""
    return frozenset({re.sub(r"[,\u00a0 ](?=\d{3})", "", n) for n in _NUMBER.findall(text)} | set(_NAME.findall(text)))


def figures(keys: frozenset[str]) -> frozenset[str]:
    """The figures of 100 or more among key terms: "40,000" and "40 000" name one amount."""
    return frozenset(k for k in keys if k.isdigit() and int(k) >= 100)


_SMALL = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty").split()
_COUNT = re.compile(r"(?i)\b(\d+|" + "|".join(_SMALL) + r")\s+([a-z]+)")


def counts(text: str) -> frozenset[tuple[str, str]]:
    """What a sentence counts: (number, the word after it), number words as digits: "Three people
    died" and "3 people were killed" both count ("3", "people")."""
    out = set()
    for n, word in _COUNT.findall(text):
        n = n.lower()
        out.add((str(_SMALL.index(n) + 1) if n in _SMALL else n, word.lower()))
    return frozenset(out)


def same_fact(a: frozenset[str], b: frozenset[str], a_keys: frozenset[str] = frozenset(),
              b_keys: frozenset[str] = frozenset(), a_counts: frozenset[tuple[str, str]] = frozenset(),
              b_counts: frozenset[tuple[str, str]] = frozenset()) -> bool:
    """One fact twice: the word sets coincide (Jaccard), most of the shorter one is in the other, or
    both give the same figure, or count the same thing alike, and share a few words ("40,000 tonnes
    stuck" / "40 000 tonnes remained"; "Three people died in a burning bank" / "three people were
    killed when … a bank")."""
    if not a or not b:
        return False
    shared = len(a & b)
    j = shared / len(a | b)
    same_amount = bool(figures(a_keys) & figures(b_keys)) or bool(a_counts & b_counts)
    return (j >= BRIEF.distinct_jaccard or shared / min(len(a), len(b)) >= BRIEF.distinct_share
            or (same_amount and j >= BRIEF.same_figure_jaccard))


def supports(bullet: str, other: str) -> bool:
    """``other`` states the fact of ``bullet``: it holds at least half of the bullet's content words,
    or every number and name of it (a rewording: "killed 12" / "12 people died in Harlow")."""
    mine = content_words(bullet)
    if mine and len(mine & content_words(other)) >= BRIEF.support_share * len(mine):
        return True
    key = key_terms(bullet)
    return len(key) >= 2 and key <= key_terms(other)
