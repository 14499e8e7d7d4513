"""Incremental story clustering: articles arrive in publish order and join a story or start one.

The pipeline entry point. Originals are clustered (features -> single pass -> refine); copies
(``duplicate_of``) then join their original's story and are listed in ``Story.copies``. Passing an
existing :class:`ClusterState` extends earlier stories with new articles instead of starting over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..config import STORIES
from ..model import Article, Story
from .assign import Index, assign
from .features import ArticleFeatures, Signals, features
from .refine import merge, reassign, split_blends, split_by_contrast
from .state import ClusterState


def publish_order(a: Article) -> tuple:
    """Dated articles first, by date; undated ones last (they are scored without time decay)."""
    return (a.published is None, a.published or "", a.source.replace("\\", "/").rsplit("/", 1)[-1], a.id)


def root_of(a: Article, by_id: dict[str, Article]) -> str:
    """Follow duplicate_of to the original (chains happen when a copy of a copy is ingested)."""
    seen = {a.id}
    while a.duplicate_of and a.duplicate_of in by_id and a.duplicate_of not in seen:
        a = by_id[a.duplicate_of]
        seen.add(a.id)
    return a.id


def cluster_into(state: ClusterState, articles: Sequence[Article], signals: Mapping[str, Signals],
                 refine: bool = True) -> dict[str, ArticleFeatures]:
    """Add the originals among ``articles`` not yet in ``state``; returns the features it computed.
    ``signals``: what earlier stages found in each article (``features.Signals``); may be empty."""
    originals = sorted((a for a in articles if not a.duplicate_of and a.id not in state.seen), key=publish_order)
    feats = {a.id: features(a, signals.get(a.id)) for a in originals}
    index = Index() if len(state.stories) + len(originals) > 200 else None
    for a in originals:
        assign(state, feats[a.id], index)
    if refine and feats:
        reassign(state, feats, index)
        merge(state, feats)
        split_by_contrast(state, feats, index)
        split_blends(state, feats, index)
        merge(state, feats, threshold=STORIES.rejoin_threshold, keep_blends_apart=True)
    return feats


def to_stories(state: ClusterState, articles: Sequence[Article]) -> list[Story]:
    by_id = {a.id: a for a in articles}
    members: dict[str, list[str]] = {sid: [m for m in s.members if m in by_id] for sid, s in state.stories.items()}
    copies: dict[str, dict[str, str]] = {}
    for a in articles:
        if not a.duplicate_of:
            continue
        root = root_of(a, by_id)
        sid = state.story_of.get(root)
        if sid in members and root != a.id:
            members[sid].append(a.id)
            copies.setdefault(sid, {})[a.id] = root
    stories = []
    for sid, ids in members.items():
        if not ids:
            continue
        ids = sorted(ids, key=lambda m: publish_order(by_id[m]))
        dates = sorted(by_id[m].published[:10] for m in ids if by_id[m].published)
        stories.append(Story(id=sid, title=headline(state, sid, ids, by_id), article_ids=ids,
                             first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                             copies=copies.get(sid, {}), kind="roundup" if state.stories[sid].roundup else "event"))
    return sorted(stories, key=lambda s: (s.first_seen or "9999", s.id))


def headline(state: ClusterState, sid: str, ids: list[str], by_id: dict[str, Article]) -> str:
    """The title of the member whose title words are most central to the story; page furniture
    ('We use cookies', outlet mastheads) scores low because the story's words are not in it."""
    from .features import content_words

    s = state.stories[sid]
    best, best_score = None, -1.0
    for m in ids:
        title = (by_id[m].title or "").strip()
        words = content_words(title)
        if not title or len(words) < 3:
            continue
        score = sum(s.words.get(w, 0.0) * state.idf_words(w) for w in words) / (len(words) ** 0.5)
        if score > best_score:
            best, best_score = title, score
    if best:
        return best
    first = by_id[ids[0]]
    if first.title:
        return first.title
    line = first.text.strip().split("\n", 1)[0]  # the opening line, not a run into the next paragraph
    return line if len(line) <= 120 else line[:117].rsplit(" ", 1)[0] + "…"


def cluster_stories(articles: Sequence[Article], signals: Mapping[str, Signals],
                    state: ClusterState | None = None) -> list[Story]:
    state = state if state is not None else ClusterState()
    cluster_into(state, articles, signals)
    return to_stories(state, articles)
