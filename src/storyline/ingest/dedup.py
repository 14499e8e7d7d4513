"""Exact and near-duplicate articles, and loose rewrites, so one wire story is not counted as many.

Exact: hash of normalized text. Near-duplicate: MinHash LSH over word 5-gram shingles (datasketch),
confirmed by exact Jaccard. Rewrite: same facts reworded, detected by shingle containment of
3-grams between articles, which survives paraphrase of some sentences but not all.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from ..model import Article

_W = re.compile(r"\w+")
NEAR_DUP = 0.8
REWRITE = 0.12


def _shingles(text: str, k: int) -> set[str]:
    words = _W.findall(text.lower())
    return {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}


def _published_key(a: Article) -> tuple[str, str]:
    return (a.published or "9999", a.source)


def find_duplicates(articles: Sequence[Article]) -> list[Article]:
    """Articles with ``duplicate_of`` / ``rewrite_of`` set; the earliest published is the original."""
    order = sorted(articles, key=_published_key)
    by_hash: dict[str, str] = {}
    lsh = MinHashLSH(threshold=NEAR_DUP, num_perm=64)
    sh5: dict[str, set[str]] = {}
    sh3: dict[str, set[str]] = {}
    updates: dict[str, dict] = {}
    for a in order:
        h = hashlib.sha1(" ".join(_W.findall(a.text.lower())).encode()).hexdigest()
        if h in by_hash:
            updates[a.id] = {"duplicate_of": by_hash[h]}
            continue
        by_hash[h] = a.id
        s5 = _shingles(a.text, 5)
        mh = MinHash(num_perm=64)
        for s in s5:
            mh.update(s.encode())
        cands = [c for c in lsh.query(mh) if len(s5 & sh5[c]) / max(1, len(s5 | sh5[c])) >= NEAR_DUP]
        if cands:
            updates[a.id] = {"duplicate_of": cands[0]}
            continue
        lsh.insert(a.id, mh)
        sh5[a.id] = s5
        s3 = _shingles(a.text, 3)
        best, best_score = None, 0.0
        for other, o3 in sh3.items():
            score = len(s3 & o3) / max(1, min(len(s3), len(o3)))
            if score > best_score:
                best, best_score = other, score
        if best and best_score >= REWRITE:
            updates[a.id] = {"rewrite_of": best, "rewrite_overlap": round(best_score, 3)}
        sh3[a.id] = s3
    return [a.model_copy(update=updates[a.id]) if a.id in updates else a for a in articles]
