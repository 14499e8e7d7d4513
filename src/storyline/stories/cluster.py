"""Incremental story clustering: articles arrive in publish order and join a story or start one.

Representation: TF-IDF of the text, plus the set of canonical entities, with a time decay so an
old thread does not swallow a new event about the same people. Copies join their original's story.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from ..model import Article, Story

THRESHOLD = 0.22
TEXT_WEIGHT = 0.6
ENTITY_WEIGHT = 0.4
DECAY_DAYS = 21.0


@dataclass
class _Open:
    members: list[str]
    centroid: np.ndarray
    entities: dict[str, int] = field(default_factory=dict)
    last: date | None = None


def _day(a: Article) -> date | None:
    try:
        return date.fromisoformat(a.published[:10]) if a.published else None
    except ValueError:
        return None


def story_id(first_article_id: str) -> str:
    """Stable across runs: a story is named by the article that started it."""
    return "s_" + hashlib.sha1(first_article_id.encode()).hexdigest()[:10]


def similarity(vec: np.ndarray, ents: set[str], when: date | None, s: _Open) -> float:
    text_sim = float(vec @ s.centroid / ((np.linalg.norm(s.centroid) or 1.0)))
    ent_keys = set(s.entities)
    ent_sim = len(ents & ent_keys) / max(1, min(len(ents), len(ent_keys))) if ents and ent_keys else 0.0
    decay = 1.0
    if when and s.last:
        decay = math.exp(-abs((when - s.last).days) / DECAY_DAYS)
    return (TEXT_WEIGHT * text_sim + ENTITY_WEIGHT * ent_sim) * decay


def cluster_stories(articles: Sequence[Article], entities_of: dict[str, set[str]]) -> list[Story]:
    originals = [a for a in articles if not a.duplicate_of]
    if not originals:
        return []
    order = sorted(originals, key=lambda a: (a.published or "9999", a.source))
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1, max_df=0.9 if len(order) > 5 else 1.0)
    X = vec.fit_transform([f"{a.title or ''} {a.text}" for a in order]).toarray()
    open_stories: list[_Open] = []
    for row, a in zip(X, order):
        ents = entities_of.get(a.id, set())
        when = _day(a)
        scores = [similarity(row, ents, when, s) for s in open_stories]
        best = int(np.argmax(scores)) if scores else -1
        if best >= 0 and scores[best] >= THRESHOLD:
            s = open_stories[best]
            n = len(s.members)
            s.centroid = (s.centroid * n + row) / (n + 1)
            s.members.append(a.id)
            for e in ents:
                s.entities[e] = s.entities.get(e, 0) + 1
            s.last = max(filter(None, [s.last, when]), default=None)
        else:
            open_stories.append(_Open([a.id], row.copy(), {e: 1 for e in ents}, when))
    by_id = {a.id: a for a in articles}
    story_of = {m: i for i, s in enumerate(open_stories) for m in s.members}
    copies: dict[int, dict[str, str]] = {}
    for a in articles:
        if a.duplicate_of and a.duplicate_of in story_of:
            i = story_of[a.duplicate_of]
            open_stories[i].members.append(a.id)
            copies.setdefault(i, {})[a.id] = a.duplicate_of
    stories = []
    for i, s in enumerate(open_stories):
        members = sorted(s.members, key=lambda m: (by_id[m].published or "9999", by_id[m].source))
        dates = sorted(by_id[m].published[:10] for m in members if by_id[m].published)
        first = by_id[s.members[0]]
        stories.append(Story(id=story_id(first.id), title=first.title or first.text[:80], article_ids=members,
                             first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                             copies=copies.get(i, {})))
    return stories
