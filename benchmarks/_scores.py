"""Clustering scores shared by the benchmarks (stories on ECB+, people on ECB+)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping


def bcubed(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a response clustering ``pred`` of the items of ``gold``:
    per item, the share of its response cluster that shares its gold cluster, and the reverse."""
    by_pred: dict = defaultdict(set)
    by_gold: dict = defaultdict(set)
    for i in gold:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in gold:
        both = len(by_pred[pred[i]] & by_gold[gold[i]])
        p += both / len(by_pred[pred[i]])
        r += both / len(by_gold[gold[i]])
    n = len(gold) or 1
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
