"""Single-pass assignment: each article, in publish order, joins its best story or starts one.

Candidates come from an inverted index over anchors and each article's most distinctive words, and
only stories active within ``WINDOW_DAYS`` are scored, so the cost per article stays flat as the
stream grows. A roundup (a digest page summarising several stories) is detected from its segments
and kept apart: folding it into one story would make that story claim the others' facts.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .features import ArticleFeatures
from .similarity import article_to_story, cosine, member_support, norms, weighted_norm
from .state import RECENT, SKETCH_TERMS, WINDOW_DAYS, ClusterState, Sketch, StoryState, prune, refresh_norms

THRESHOLD = 0.20
# A story's centroid blends all its reports; an election thread's centroid resembles every election
# article a little. Joining also needs one actual member this close (measured on PolNeAR's US
# election news: wrong joins had their closest member at 0.12-0.16, right ones at 0.18-0.44).
MEMBER_SUPPORT = 0.17
INDEX_TERMS = 12
SEGMENT_THRESHOLD = 0.2
SEGMENT_MARGIN = 1.5


def story_id(founder_article_id: str) -> str:
    """Stable across runs: a story is named after the article that started it."""
    return "s_" + hashlib.sha1(founder_article_id.encode()).hexdigest()[:10]


@dataclass
class Index:
    """(week, term) -> story ids; a superset is fine (candidates are scored exactly).

    Bucketed by the week of each member's date so a query touches only the weeks inside
    ``WINDOW_DAYS``: without it, postings of common names grow with the stream and so does the
    cost of every article. Undated members sit in their own bucket, which every query reads."""

    postings: dict[int | None, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))

    def add(self, sid: str, f: ArticleFeatures, state: ClusterState) -> None:
        bucket = self.postings[_week(f)]
        for t in key_terms(f, state):
            bucket[t].add(sid)

    def candidates(self, f: ArticleFeatures, state: ClusterState) -> set[str]:
        week = _week(f)
        if week is None:
            weeks: list[int | None] = list(self.postings)
        else:
            span = WINDOW_DAYS // 7 + 1
            weeks = [w for w in range(week - span, week + span + 1) if w in self.postings] + [None]
        terms = key_terms(f, state)
        out: set[str] = set()
        for w in weeks:
            bucket = self.postings.get(w)
            if bucket:
                for t in terms:
                    out |= bucket.get(t, set())
        return out


def _week(f: ArticleFeatures) -> int | None:
    return f.day.toordinal() // 7 if f.day else None


def key_terms(f: ArticleFeatures, state: ClusterState) -> list[str]:
    words = sorted(f.words, key=lambda t: -f.words[t] * state.idf_words(t))[:INDEX_TERMS]
    anchors = sorted(f.anchors, key=lambda t: -f.anchors[t] * state.idf_anchors(t))[:INDEX_TERMS]
    return ["w:" + t for t in words] + ["a:" + t for t in anchors]


def observe(state: ClusterState, f: ArticleFeatures) -> None:
    """Count the article into document frequencies before scoring it (its own terms exist)."""
    state.n_docs += 1
    state.df_words.update(f.words.keys())
    state.df_anchors.update(f.anchors.keys())


def add_member(state: ClusterState, s: StoryState, f: ArticleFeatures) -> None:
    s.members.append(f.id)
    for t, v in f.words.items():
        s.words[t] = s.words.get(t, 0.0) + v
    for t, v in f.anchors.items():
        s.anchors[t] = s.anchors.get(t, 0.0) + v
    s.words, s.anchors = prune(s.words), prune(s.anchors)
    if f.language:
        s.languages[f.language] = s.languages.get(f.language, 0) + 1
    if f.day:
        s.first = min(filter(None, [s.first, f.day]))
        s.last = max(filter(None, [s.last, f.day]))
    state.story_of[f.id] = s.id
    sketch = Sketch(f.id, _top(f.words), _top(f.anchors), f.language, f.day)
    s.recent = (s.recent[:1] + s.recent[1:][-(RECENT - 2):] + [sketch]) if s.recent else [sketch]
    refresh_norms(state, s)


def _top(vec: dict[str, float]) -> dict[str, float]:
    return vec if len(vec) <= SKETCH_TERMS else dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:SKETCH_TERMS])


def supported(state: ClusterState, f: ArticleFeatures, fn: tuple[float, float], s: StoryState) -> bool:
    """Some sketched member resembles the article (stories from before sketches existed pass);
    ``fn`` are the article's norms, computed once by the caller for all its candidate stories."""
    return not s.recent or member_support(state, f, fn, s.recent) >= MEMBER_SUPPORT


def remove_member(state: ClusterState, s: StoryState, f: ArticleFeatures) -> None:
    s.members.remove(f.id)
    for t, v in f.words.items():
        if t in s.words:
            s.words[t] -= v
            if s.words[t] <= 1e-9:
                del s.words[t]
    for t, v in f.anchors.items():
        if t in s.anchors:
            s.anchors[t] -= v
            if s.anchors[t] <= 1e-9:
                del s.anchors[t]
    if f.language and s.languages.get(f.language):
        s.languages[f.language] -= 1
        if not s.languages[f.language]:
            del s.languages[f.language]
    state.story_of.pop(f.id, None)
    s.recent = [k for k in s.recent if k.id != f.id]
    refresh_norms(state, s)


def new_story(state: ClusterState, f: ArticleFeatures, roundup: bool = False) -> StoryState:
    sid = story_id(f.id)
    n = 1
    while sid in state.stories:  # a founder split off from the story named after it
        n += 1
        sid = story_id(f"{f.id}#{n}")
    s = StoryState(id=sid, members=[], roundup=roundup)
    state.stories[sid] = s
    add_member(state, s, f)
    return s


def active(s: StoryState, f: ArticleFeatures) -> bool:
    if s.roundup:
        return False
    if f.day is None or s.last is None or s.first is None:
        return True
    return (f.day - s.last).days <= WINDOW_DAYS and (s.first - f.day).days <= WINDOW_DAYS


def is_roundup(state: ClusterState, f: ArticleFeatures, candidates: list[StoryState]) -> bool:
    """Most segments each clearly about one existing story, several stories, none dominating.

    A segment votes only when its best story beats the runner-up by ``SEGMENT_MARGIN``: stories that
    share people (a minister in two threads) make a segment ambiguous, and ambiguity is no evidence
    of a digest. A new story that recalls older ones in a paragraph or two is not a roundup."""
    if len(f.segments) < 3 or len(candidates) < 2:
        return False
    votes: Counter[str] = Counter()
    for seg in f.segments:
        n = weighted_norm(seg, state.idf_words)
        scored = sorted(((cosine(seg, n, s.words, s.words_norm, state.idf_words), s.id) for s in candidates),
                        reverse=True)
        (best, sid), runner_up = scored[0], scored[1][0]
        if best >= SEGMENT_THRESHOLD and best >= SEGMENT_MARGIN * runner_up:
            votes[sid] += 1
    if len(votes) < 2 or sum(votes.values()) < 0.5 * len(f.segments):
        return False
    return votes.most_common(1)[0][1] < 0.6 * sum(votes.values())


def assign(state: ClusterState, f: ArticleFeatures, index: Index | None = None,
           threshold: float = THRESHOLD) -> StoryState:
    """Put one article into the state; returns the story it joined or started."""
    observe(state, f)
    fn = norms(state, f)
    pool = index.candidates(f, state) if index is not None else set(state.stories)
    cands = [state.stories[sid] for sid in pool if sid in state.stories and active(state.stories[sid], f)]
    if is_roundup(state, f, cands):
        s = new_story(state, f, roundup=True)
    else:
        scored = sorted(((article_to_story(state, f, fn, s), s.id) for s in cands), reverse=True)
        fit = next((sid for sc, sid in scored if sc >= threshold and supported(state, f, fn, state.stories[sid])), None)
        if fit is not None:
            s = state.stories[fit]
            add_member(state, s, f)
        else:
            s = new_story(state, f)
    state.seen.add(f.id)
    if index is not None:
        index.add(s.id, f, state)
    return s
