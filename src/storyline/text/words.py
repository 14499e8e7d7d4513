"""Word sets and their similarity: what the stages that match sentences across outlets compare."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

from ..resources import lines

_W = re.compile(r"\w+")
STOP = frozenset(
    "the a an of to in on at for and or but is are was were be been by with from that this it its as "
    "he she they his her their said says will would has have had not no".split()
)


def words(text: str) -> set[str]:
    return {w for w in _W.findall(text.lower()) if w not in STOP and len(w) > 1}


@cache
def _function_words() -> frozenset[str]:
    return frozenset(w for ln in lines("stories/stopwords.txt") for w in ln.split())


def content_words(text: str) -> frozenset[str]:
    """``words`` without function words of any supported language (the story stage's list) or
    numbers: what two sentences must share to be about the same thing, not "after" and "would"."""
    return frozenset(w for w in words(text) if w not in _function_words() and not w.isdigit())


def stem(word: str) -> str:
    """A crude English stem, enough that "cracks", "cracked" and "crack" (or "injured", "injuring"
    and "injure") meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def jaccard_neighbours(sets: Sequence[set[str]], threshold: float) -> list[list[int]]:
    """For each set, the indices of the other sets with ``jaccard >= threshold`` (threshold > 0).

    Exact, but without comparing all pairs (prefix filtering, as in set-similarity joins): two sets
    with Jaccard >= t share at least ceil(t * |A|) words, so each must share one of its
    |A| - ceil(t * |A|) + 1 rarest words with the other. A story of 500 articles has ~15,000
    sentences; all pairs would be 10^8 comparisons.
    """
    df: dict[str, int] = {}
    for s in sets:
        for w in s:
            df[w] = df.get(w, 0) + 1
    index: dict[str, list[int]] = {}
    out: list[list[int]] = [[] for _ in sets]
    prefixes = []
    for i, s in enumerate(sets):
        ordered = sorted(s, key=lambda w: (df[w], w))
        prefixes.append(ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1] if ordered else [])
        for w in prefixes[i]:
            index.setdefault(w, []).append(i)
    for i, s in enumerate(sets):
        seen: set[int] = set()
        for w in prefixes[i]:
            for j in index[w]:
                if j != i and j not in seen:
                    seen.add(j)
                    if jaccard(s, sets[j]) >= threshold:
                        out[i].append(j)
        out[i].sort()
    return out
