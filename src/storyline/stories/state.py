"""The clusterer's memory, kept small and serialisable so a later run can extend earlier stories.

Centroids are sums of sublinear term frequencies, not TF-IDF vectors: document frequencies keep
changing as articles arrive, so IDF is applied when scoring, never baked in. Centroids are pruned to
their heaviest terms, which bounds memory on long streams without changing what a story is about.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

MAX_TERMS = 400
WINDOW_DAYS = 45  # a story takes new articles dated within this many days of its own (see assign)
STATE_VERSION = 1
SKETCH_TERMS = 60  # terms kept per member sketch
RECENT = 8  # member sketches kept per story: the founder and the latest arrivals


@dataclass
class Sketch:
    """A member article in brief (its heaviest terms): enough to ask whether a newcomer resembles
    some actual report of the story, not only the story's blended centroid."""

    id: str
    words: dict[str, float]
    anchors: dict[str, float]
    language: str | None = None
    day: date | None = None
    norms: tuple[int, float, float] | None = field(default=None, repr=False, compare=False)  # (IDF generation, words, anchors)

    def to_json(self) -> dict:
        return {"id": self.id, "words": self.words, "anchors": self.anchors, "language": self.language,
                "day": self.day.isoformat() if self.day else None}

    @classmethod
    def from_json(cls, d: dict) -> Sketch:
        return cls(id=d["id"], words=dict(d["words"]), anchors=dict(d["anchors"]), language=d.get("language"),
                   day=date.fromisoformat(d["day"]) if d.get("day") else None)


@dataclass
class StoryState:
    id: str
    members: list[str]
    words: dict[str, float] = field(default_factory=dict)
    anchors: dict[str, float] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    first: date | None = None
    last: date | None = None
    roundup: bool = False
    recent: list[Sketch] = field(default_factory=list)
    # norms under the IDF of the moment they were computed; refreshed on every update
    words_norm: float = 0.0
    anchors_norm: float = 0.0

    def to_json(self) -> dict:
        d = {k: getattr(self, k) for k in ("id", "members", "words", "anchors", "languages", "roundup")}
        d["first"] = self.first.isoformat() if self.first else None
        d["last"] = self.last.isoformat() if self.last else None
        d["recent"] = [k.to_json() for k in self.recent]
        return d

    @classmethod
    def from_json(cls, d: dict) -> StoryState:
        return cls(id=d["id"], members=list(d["members"]), words=dict(d["words"]), anchors=dict(d["anchors"]),
                   languages=dict(d["languages"]), roundup=bool(d.get("roundup")),
                   first=date.fromisoformat(d["first"]) if d.get("first") else None,
                   last=date.fromisoformat(d["last"]) if d.get("last") else None,
                   recent=[Sketch.from_json(k) for k in d.get("recent", [])])


@dataclass
class ClusterState:
    n_docs: int = 0
    df_words: Counter[str] = field(default_factory=Counter)
    df_anchors: Counter[str] = field(default_factory=Counter)
    stories: dict[str, StoryState] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    _idf_cache: dict[str, tuple[int, float]] = field(default_factory=dict, repr=False)
    _idf_n: int = 0

    def _idf(self, key: str, df: int) -> float:
        """Cached IDF, refreshed whenever the corpus has grown by 5%: IDF moves by log(1.05) at most
        in between, and recomputing a logarithm per term per comparison dominated long streams."""
        if self.n_docs > 1.05 * self._idf_n + 1:
            self._idf_cache.clear()
            self._idf_n = self.n_docs
        hit = self._idf_cache.get(key)
        if hit is None or hit[0] != df:  # a term's own document frequency is never stale
            hit = self._idf_cache[key] = (df, math.log((1 + self.n_docs) / (1 + df)) + 1.0)
        return hit[1]

    @property
    def idf_generation(self) -> int:
        """Changes whenever cached IDF values are refreshed (every 5 % of growth): norms computed
        under one generation stay valid, to the same tolerance, until the next."""
        return self._idf_n

    def idf_words(self, t: str) -> float:
        return self._idf("w" + t, self.df_words.get(t, 0))

    def idf_anchors(self, t: str) -> float:
        return self._idf("a" + t, self.df_anchors.get(t, 0))

    def save(self, path: Path, sketch_days: int = WINDOW_DAYS) -> None:
        """Member sketches are kept only for stories that a later article could still join (dated
        within ``sketch_days`` of the newest story): they are most of the file otherwise."""
        days = [s.last for s in self.stories.values() if s.last]
        horizon = max(days).toordinal() - sketch_days if days else None
        stories = []
        for s in self.stories.values():
            d = s.to_json()
            if horizon is not None and s.last and s.last.toordinal() < horizon:
                d["recent"] = []
            stories.append(d)
        data = {"version": STATE_VERSION, "n_docs": self.n_docs, "df_words": self.df_words,
                "df_anchors": self.df_anchors, "seen": sorted(self.seen), "stories": stories}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> ClusterState:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"{path}: story state version {data.get('version')} != {STATE_VERSION}")
        st = cls(n_docs=data["n_docs"], df_words=Counter(data["df_words"]), df_anchors=Counter(data["df_anchors"]),
                 seen=set(data["seen"]))
        for d in data["stories"]:
            s = StoryState.from_json(d)
            st.stories[s.id] = s
            for m in s.members:
                st.story_of[m] = s.id
        for s in st.stories.values():
            refresh_norms(st, s)
        return st


def prune(weights: dict[str, float], limit: int = MAX_TERMS) -> dict[str, float]:
    if len(weights) <= 2 * limit:
        return weights
    return dict(sorted(weights.items(), key=lambda kv: -kv[1])[:limit])


def refresh_norms(state: ClusterState, s: StoryState) -> None:
    s.words_norm = math.sqrt(sum((v * state.idf_words(t)) ** 2 for t, v in s.words.items()))
    s.anchors_norm = math.sqrt(sum((v * state.idf_anchors(t)) ** 2 for t, v in s.anchors.items()))
