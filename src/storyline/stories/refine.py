"""Periodic repair of single-pass mistakes: move misplaced articles, split off articles that fit
nowhere any more, merge stories that converged.

A single pass is order-dependent: an early article joins before the story that fits it best exists,
and two reports of one event can found two stories when the link between them arrives later. One
leave-one-out reassignment round and a merge round fix both without re-clustering the world. The
older story's id survives a merge, so ids stay stable.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from .assign import THRESHOLD, Index, active, add_member, new_story, norms, remove_member, supported
from .bisect import blend_split
from .features import ArticleFeatures
from .participants import MIN_CAMP, contrast
from .similarity import article_to_story, combine, cosine, decay
from .state import ClusterState, StoryState

MOVE_MARGIN = 0.04
SECURE = 0.6
SECURE_SIZE = 10
SPLIT_BELOW = 0.8
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
            if len(s.members) >= SECURE_SIZE and article_to_story(state, f, fn, s) >= SECURE:
                continue  # firmly in a big story even counting itself (in a small one, itself is the story)
            remove_member(state, s, f)
            own = article_to_story(state, f, fn, s)
            pool = index.candidates(f, state) if index is not None else set(state.stories)
            best, best_sid = own, s.id
            for cid in pool:
                c = state.stories.get(cid)
                if c is None or c is s or not active(c, f) or not c.members:
                    continue
                sc = article_to_story(state, f, fn, c)
                if sc > best + MOVE_MARGIN and sc >= threshold and supported(state, f, fn, c):
                    best, best_sid = sc, cid
            if best_sid == s.id and own < SPLIT_BELOW * threshold:
                split_off(state, f)  # fits nowhere any more: the story grew away from it
                moves += 1
                continue
            target = state.stories[best_sid]
            add_member(state, target, f)
            if target is not s:
                moves += 1
                if index is not None:
                    index.add(target.id, f, state)
        if not s.members:
            del state.stories[sid]
    return moves


def split_off(state: ClusterState, f: ArticleFeatures) -> StoryState:
    """A story of its own for an article that no longer fits its story; its id is stable because it
    is named after the article, like every story."""
    return new_story(state, f)


def story_similarity(state: ClusterState, a: StoryState, b: StoryState) -> float:
    text = cosine(a.words, a.words_norm, b.words, b.words_norm, state.idf_words)
    anch = cosine(a.anchors, a.anchors_norm, b.anchors, b.anchors_norm, state.idf_anchors)
    same = bool(set(a.languages) & set(b.languages))
    d = 1.0
    if a.first and a.last and b.first and b.last:
        d = max(decay(b.first, a.first, a.last), decay(b.last, a.first, a.last))
    return combine(text, anch, same) * d


def split_by_contrast(state: ClusterState, feats: dict[str, ArticleFeatures], index: Index | None = None) -> int:
    """Split stories whose reports fall into two camps about different people (participants.py).

    The camp holding the story's founder keeps the story id; the other camp founds a story named
    after its earliest report. Reports in neither camp go where their text fits better. Stories with
    members from an earlier run (features not kept) are left as they are. Returns splits made."""
    splits = 0
    for sid in list(state.stories):
        s = state.stories[sid]
        if s.roundup or len(s.members) < 2 * MIN_CAMP or any(m not in feats for m in s.members):
            continue
        c = contrast({m: feats[m].names for m in s.members})
        if c is None:
            continue
        stay, leave = (c.camp_a, c.camp_b) if s.members[0] not in c.camp_b else (c.camp_b, c.camp_a)
        undecided = [m for m in s.members if m not in stay and m not in leave]
        for m in [m for m in s.members if m in leave]:
            remove_member(state, s, feats[m])
        moved = sorted(leave, key=lambda m: (feats[m].day is None, feats[m].day or date.min, m))  # publish order
        other = new_story(state, feats[moved[0]])
        for m in moved[1:]:
            add_member(state, other, feats[m])
        for m in undecided:
            f = feats[m]
            fn = norms(state, f)
            remove_member(state, s, f)
            own = article_to_story(state, f, fn, s)
            add_member(state, other if article_to_story(state, f, fn, other) > own else s, f)
        if index is not None:
            for m in other.members:
                index.add(other.id, feats[m], state)
        splits += 1
    return splits


def split_blends(state: ClusterState, feats: dict[str, ArticleFeatures], index: Index | None = None) -> int:
    """Cut stories that read as two events of one kind (bisect.py) until no part does; the part
    holding the founder keeps the story id, the other founds a story named after its earliest
    report. Stories with members from an earlier run (features not kept) are left as they are.
    Returns splits made."""
    splits = 0
    todo = [sid for sid in state.stories if not state.stories[sid].roundup]
    while todo:
        s = state.stories.get(todo.pop())
        if s is None or any(m not in feats for m in s.members):
            continue
        members = list(s.members)
        cut = blend_split([feats[m] for m in members])
        if cut is None:
            continue
        left = [members[i] for i in cut.left]
        right = [members[i] for i in cut.right]
        leave = right if members[0] in left else left
        other = _move_out(state, s, leave, feats, index)
        todo += [s.id, other.id]
        splits += 1
    return splits


def _move_out(state: ClusterState, s: StoryState, leave: list[str], feats: dict[str, ArticleFeatures],
              index: Index | None) -> StoryState:
    """Members ``leave`` of ``s`` found a story of their own, named after the earliest of them."""
    for m in leave:
        remove_member(state, s, feats[m])
    moved = sorted(leave, key=lambda m: (feats[m].day is None, feats[m].day or date.min, m))  # publish order
    other = new_story(state, feats[moved[0]])
    for m in moved[1:]:
        add_member(state, other, feats[m])
    if index is not None:
        for m in other.members:
            index.add(other.id, feats[m], state)
    return other


def _blocks(state: ClusterState, stories: list[StoryState], k: int = 8) -> dict[str, list[StoryState]]:
    """Stories sharing one of their heaviest terms; only these pairs are worth scoring."""
    blocks: dict[str, list[StoryState]] = defaultdict(list)
    for s in stories:
        top_w = sorted(s.words, key=lambda t: -s.words[t] * state.idf_words(t))[:k]
        top_a = sorted(s.anchors, key=lambda t: -s.anchors[t] * state.idf_anchors(t))[:k]
        for t in ["w:" + t for t in top_w] + ["a:" + t for t in top_a]:
            blocks[t].append(s)
    return blocks


def merge(state: ClusterState, feats: dict[str, ArticleFeatures], threshold: float | None = None,
          max_rounds: int = 3, keep_blends_apart: bool = False) -> int:
    """Merge story pairs whose centroids agree; the older story absorbs the younger."""
    threshold = MERGE_THRESHOLD if threshold is None else threshold
    merges = 0
    for _ in range(max_rounds):
        live = [s for s in state.stories.values() if not s.roundup]
        pairs: dict[tuple[str, str], float] = {}
        for block in _blocks(state, live).values():
            if len(block) > 200:  # a term every story shares is no evidence of anything
                continue
            for i, a in enumerate(block):
                for b in block[i + 1:]:
                    key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                    if key not in pairs:
                        pairs[key] = story_similarity(state, a, b)
        done: set[str] = set()
        round_merges = 0
        for (x, y), sc in sorted(pairs.items(), key=lambda kv: -kv[1]):
            if sc < threshold:
                break
            if x in done or y in done:
                continue
            a, b = state.stories[x], state.stories[y]
            keep, gone = sorted((a, b), key=lambda s: (s.first.isoformat() if s.first else "9999", s.id))
            if any(aid not in feats for aid in gone.members):
                continue  # members from an earlier run (features not kept): moving half a story is worse
            if all(aid in feats for aid in keep.members) and contrast(
                    {m: feats[m].names for m in keep.members + gone.members}) is not None:
                continue  # two events of one kind with different people: similar words, not one story
            if keep_blends_apart and all(aid in feats for aid in keep.members) and blend_split(
                    [feats[m] for m in keep.members + gone.members]) is not None:
                continue  # together they would read as two events (bisect.py): the split would undo it
            for aid in list(gone.members):
                remove_member(state, gone, feats[aid])
                add_member(state, keep, feats[aid])
            del state.stories[gone.id]
            done |= {x, y}
            round_merges += 1
        merges += round_merges
        if not round_merges:
            break
    return merges
