"""Split a story that blends two events of one kind, by what its reports do *not* all share.

Two earthquakes, two coaches fired by one team, two browser patches a few years apart share nearly
every topic word, so against the whole corpus their reports look like one story. Within the story,
though, the words and names every report shares say nothing; what is left (who, where, which
numbers, which days) falls into two groups when the story is two events, and into no clear groups
when it is one event told by many outlets. So the story's reports are compared with document
frequencies computed *inside the story* (a name every member mentions weighs nothing), the story is
cut in two along its similarity graph (spectral bisection: the cut that separates the most weakly
linked halves), and the cut is kept only when reports across it are far less alike than reports
within each half.

Two views of a report are compared, each under the story's own IDF, and their similarities averaged:
its anchors (name keys, numbers, entity ids, named days) and its participants (the people, places
and days it is about, from NER). Without participants nothing is cut: a blend is a claim about who
each report is about, and word shapes alone (perturbed copies of a few texts) fall into groups too.

The cost is quadratic in a story's size, never in the corpus's; stories larger than
``blend_max_size`` are not examined.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..config import STORIES
from .features import ArticleFeatures


@dataclass(frozen=True)
class Bisection:
    """Two halves of a story's reports (indices into the members given) and how clearly apart they
    are: ``ratio`` is the mean similarity across the cut over the mean similarity within the halves."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    ratio: float


def local_vectors(bags: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
    """Unit vectors weighted by IDF *within* the group: a term every member has weighs nothing, a
    term few members have weighs most, and a term only one member has is dropped (it links no two
    reports; kept, it would only dilute the ones that do)."""
    n = len(bags)
    df = Counter(t for bag in bags for t in bag)
    out = []
    for bag in bags:
        w = {t: v * math.log(n / df[t]) for t, v in bag.items() if 1 < df[t] < n}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        out.append({t: x / norm for t, x in w.items()})
    return out


def participants(f: ArticleFeatures) -> dict[str, float]:
    """Who and when a report is about: its participant names and named days (features.Signals),
    damped so that a name repeated ten times does not outweigh the rest."""
    return {k: math.log1p(c) for k, c in f.names.items()}


def similarity_matrix(vectors: Sequence[Mapping[str, float]]) -> np.ndarray:
    n = len(vectors)
    sim = np.eye(n)
    for i in range(n):
        vi = vectors[i]
        for j in range(i + 1, n):
            vj = vectors[j]
            small, big = (vi, vj) if len(vi) <= len(vj) else (vj, vi)
            sim[i, j] = sim[j, i] = sum(x * big.get(t, 0.0) for t, x in small.items())
    return sim


def _ratio(sim: np.ndarray, left: Sequence[int], right: Sequence[int]) -> float:
    """Mean similarity across the cut over mean similarity within the halves (self pairs left out)."""
    inner = 0.0
    pairs = 0
    for part in (left, right):
        block = sim[np.ix_(part, part)]
        inner += float(block.sum() - np.trace(block))
        pairs += len(part) * (len(part) - 1)
    within = inner / pairs if pairs else 0.0
    cross = float(sim[np.ix_(left, right)].mean()) if len(left) and len(right) else 0.0
    return cross / within if within > 0 else math.inf


def bisect(sim: np.ndarray, min_part: int) -> Bisection | None:
    """The normalised cut along the Fiedler vector of the similarity graph (the sweep over its
    order that cuts the least weight relative to each side's volume), halves at least ``min_part``."""
    n = len(sim)
    if n < 2 * min_part:
        return None
    deg = sim.sum(axis=1)
    inv = 1.0 / np.sqrt(deg)
    lap = np.eye(n) - inv[:, None] * sim * inv[None, :]
    _, vecs = np.linalg.eigh(lap)
    order = np.argsort(inv * vecs[:, 1], kind="stable")
    total = deg.sum()
    best: tuple[float, int] | None = None
    for k in range(min_part, n - min_part + 1):
        left, right = order[:k], order[k:]
        cut = float(sim[np.ix_(left, right)].sum())
        vol = float(deg[left].sum())
        ncut = cut / vol + cut / (total - vol)
        if best is None or ncut < best[0]:
            best = (ncut, k)
    if best is None:
        return None
    left, right = sorted(int(i) for i in order[:best[1]]), sorted(int(i) for i in order[best[1]:])
    return Bisection(tuple(left), tuple(right), _ratio(sim, left, right))


def blend_split(members: Sequence[ArticleFeatures]) -> Bisection | None:
    """The cut of a story's reports into two events, or None when they read as one event."""
    st = STORIES
    if len(members) > st.blend_max_size or sum(1 for f in members if f.names) < 2 * st.blend_min_part:
        return None  # who the reports are about is unknown (no entities): no evidence of two events
    sim = (similarity_matrix(local_vectors([f.anchors for f in members]))
           + similarity_matrix(local_vectors([participants(f) for f in members]))) / 2
    cut = bisect(sim, st.blend_min_part)
    return cut if cut is not None and cut.ratio <= st.blend_max_ratio else None
