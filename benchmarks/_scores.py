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


def pairwise(gold: Mapping[Hashable, str], pred: Mapping[Hashable, Hashable],
             kind_of: Mapping[Hashable, str]) -> tuple[dict, list[tuple[Hashable, Hashable]]]:
    """Pairwise merge precision and recall of a clustering ``pred`` of the mentions of ``gold``, with
    recall per corruption kind against the person's "clean" mention, and the falsely merged pairs
    (for a caller that looks at which people were fused)."""
    tp = fp = fn = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_merges = []
    keys = sorted(gold)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
            tp += same_gold and same_pred
            fn += same_gold and not same_pred
            if same_pred and not same_gold:
                fp += 1
                false_merges.append((a, b))
            if same_gold and (kind_of[a] == "clean") != (kind_of[b] == "clean"):
                k = kind_of[b] if kind_of[a] == "clean" else kind_of[a]
                by_kind[k][1] += 1
                by_kind[k][0] += int(same_pred)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return ({"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
             "true_pairs": tp, "false_merge_pairs": fp, "missed_pairs": fn,
             "recall_vs_clean_by_corruption": {k: round(v[0] / v[1], 3) for k, v in sorted(by_kind.items()) if v[1]}},
            false_merges)
