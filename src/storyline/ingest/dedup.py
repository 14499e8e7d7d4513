"""Exact and near-duplicate articles, and loose rewrites, so one wire story is not counted as many.

Exact: hash of normalized text. Near-duplicate: MinHash LSH over word 5-gram shingles (datasketch),
confirmed by exact Jaccard. Rewrite: the same report retold paragraph by paragraph in new words;
shingles miss it (few 5-grams survive), so paragraphs are aligned by their content words instead,
and a rewrite needs most paragraphs of *both* articles to find a counterpart, which two
independent reports of the same event rarely do. Paragraph alignment is only tried against
candidates from a second, loose LSH over whole-article content words (a retelling shares a third
of them; unrelated reports rarely a sixth), so the cost does not grow with every pair of articles.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from ..model import Article
from .linefeatures import stopwords

_W = re.compile(r"\w+")
NEAR_DUP = 0.8
NUM_PERM = 64
PARA_MATCH = 0.4  # share of a paragraph's content words found in its best counterpart
REWRITE = 0.75  # share of paragraphs, in both articles, that have a counterpart
MIN_PARAS = 3
REWRITE_CANDIDATE = 0.15  # content-word Jaccard at which the loose LSH proposes a rewrite pair
REWRITE_CANDIDATES = 20  # of those, the closest this many are aligned (a wire story's 40 retellings)


def _shingles(text: str, k: int) -> set[str]:
    words = _W.findall(text.lower())
    return {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}


def _original_first(a: Article) -> tuple[str, int, str]:
    """Earliest published first; on the same day, an article crediting no one before a copy."""
    return (a.published or "9999", 1 if a.provenance.syndicated_from else 0, a.source)


def _paragraph_words(a: Article) -> list[set[str]]:
    stops = stopwords(a.language)
    return [ws for p in a.text.split("\n\n") if len(p) > 60
            if (ws := {w for w in _W.findall(p.lower()) if w not in stops and len(w) > 2})]


def _aligned(xs: list[set[str]], ys: list[set[str]]) -> tuple[float, float]:
    """(share of xs with a counterpart in ys, mean best overlap)."""
    best = [max(len(x & y) / max(1, min(len(x), len(y))) for y in ys) for x in xs]
    return sum(b >= PARA_MATCH for b in best) / len(best), sum(best) / len(best)


def rewrite_score(a: list[set[str]], b: list[set[str]]) -> tuple[float, float]:
    if len(a) < MIN_PARAS or len(b) < MIN_PARAS:
        return 0.0, 0.0
    fa, oa = _aligned(a, b)
    fb, ob = _aligned(b, a)
    return min(fa, fb), (oa + ob) / 2


def find_duplicates(articles: Sequence[Article]) -> list[Article]:
    """Articles with ``duplicate_of`` / ``rewrite_of`` set; the earliest published is the original."""
    order = sorted(articles, key=_original_first)
    by_hash: dict[str, str] = {}
    lsh = MinHashLSH(threshold=NEAR_DUP, num_perm=NUM_PERM)
    loose = MinHashLSH(threshold=REWRITE_CANDIDATE, num_perm=NUM_PERM)
    sketches: dict[str, MinHash] = {}
    sh5: dict[str, set[str]] = {}
    paras: dict[str, list[set[str]]] = {}
    updates: dict[str, dict] = {}
    rank: dict[str, int] = {}  # originals in publish order: a copy points at the earliest
    for a in order:
        h = hashlib.sha1(" ".join(_W.findall(a.text.lower())).encode()).hexdigest()
        if h in by_hash:
            updates[a.id] = {"duplicate_of": by_hash[h]}
            continue
        by_hash[h] = a.id
        s5 = _shingles(a.text, 5)
        mh = MinHash(num_perm=NUM_PERM)
        mh.update_batch([s.encode() for s in s5])
        cands = sorted(c for c in lsh.query(mh) if len(s5 & sh5[c]) / max(1, len(s5 | sh5[c])) >= NEAR_DUP)
        if cands:
            updates[a.id] = {"duplicate_of": min(cands, key=lambda c: rank[c])}
            continue
        lsh.insert(a.id, mh)
        sh5[a.id] = s5
        rank[a.id] = len(rank)
        pa = _paragraph_words(a)
        mw = MinHash(num_perm=NUM_PERM)
        mw.update_batch([w.encode() for w in set().union(*pa)])
        near = sorted(loose.query(mw), key=lambda o: (-mw.jaccard(sketches[o]), o))[:REWRITE_CANDIDATES]
        scored = [(rewrite_score(pa, paras[other]), other) for other in sorted(near)]
        good = [(s, o) for s, o in scored if s[0] >= REWRITE]
        if good:
            (share, overlap), other = max(good)
            updates[a.id] = {"rewrite_of": other, "rewrite_overlap": round(overlap, 3)}
        else:
            paras[a.id] = pa
            sketches[a.id] = mw
            loose.insert(a.id, mw)
    return [a.model_copy(update=updates[a.id]) if a.id in updates else a for a in articles]

