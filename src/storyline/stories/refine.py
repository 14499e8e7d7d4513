"""Periodic repair of single-pass mistakes: move misplaced articles, merge stories that converged.

A single pass is order-dependent: an early article joins before the story that fits it best exists,
and two reports of one event can found two stories when the link between them arrives later. One
leave-one-out reassignment round and a merge round fix both without re-clustering the world. The
older story's id survives a merge, so ids stay stable.
"""

from __future__ import annotations

from .assign import Index, active, add_member, norms, remove_member, THRESHOLD
from .features import ArticleFeatures
from .similarity import article_to_story, combine, cosine, decay
from .state import ClusterState, StoryState

MOVE_MARGIN = 0.04
MERGE_THRESHOLD = 0.45


def reassign(state: ClusterState, feats: dict[str, ArticleFeatures], index: Index | None = None,
             threshold: float = THRESHOLD) -> int:
    """Move each article whose own story (without it) fits worse than another; returns moves made."""
    moves = 0
    for sid in list(state.stories):
        s = state.stories.get(sid)
        if s is None or s.roundup or len(s.members) < 2:
            continue
        for aid in list(s.members):
            f = feats.get(aid)
            if f is None or len(s.members) < 2:
                continue
            fn = norms(state, f)
            remove_member(state, s, f)
            own = article_to_story(state, f, fn, s)
            pool = index.candidates(f, state) if index is not None else set(state.stories)
            best, best_sid = own, s.id
            for cid in pool:
                c = state.stories.get(cid)
                if c is None or c is s or not active(c, f) or not c.members:
                    continue
                sc = article_to_story(state, f, fn, c)
                if sc > best + MOVE_MARGIN and sc >= threshold:
                    best, best_sid = sc, cid
            target = state.stories[best_sid]
            add_member(state, target, f)
            if target is not s:
                moves += 1
                if index is not None:
                    index.add(target.id, f, state)
        if not s.members:
            del state.stories[sid]
    return moves


def story_similarity(state: ClusterState, a: StoryState, b: StoryState) -> float:
    text = cosine(a.words, a.words_norm, b.words, b.words_norm, state.idf_words)
    anch = cosine(a.anchors, a.anchors_norm, b.anchors, b.anchors_norm, state.idf_anchors)
    same = bool(set(a.languages) & set(b.languages))
    d = 1.0
    if a.first and a.last and b.first and b.last:
        d = max(decay(b.first, a.first, a.last), decay(b.last, a.first, a.last))
    return combine(text, anch, same) * d


def merge(state: ClusterState, feats: dict[str, ArticleFeatures], threshold: float = MERGE_THRESHOLD) -> int:
    """Merge story pairs whose centroids agree; the older story absorbs the younger."""
    merges = 0
    changed = True
    while changed:
        changed = False
        live = sorted((s for s in state.stories.values() if not s.roundup),
                      key=lambda s: (s.first.isoformat() if s.first else "9999", s.id))
        best: tuple[float, StoryState, StoryState] | None = None
        for i, a in enumerate(live):
            for b in live[i + 1:]:
                sc = story_similarity(state, a, b)
                if sc >= threshold and (best is None or sc > best[0]):
                    best = (sc, a, b)
        if best:
            _, keep, gone = best
            for aid in list(gone.members):
                f = feats[aid]
                remove_member(state, gone, f)
                add_member(state, keep, f)
            del state.stories[gone.id]
            merges += 1
            changed = True
    return merges
