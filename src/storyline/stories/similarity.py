"""How close an article is to a story (or to another article): text, anchors, and time together.

Same language: a weighted sum of TF-IDF cosine on content words and on anchors. Different
languages: anchors only, since content words cannot match across a language boundary. Either way
the score decays with the days between the article and the story's latest report, so a thread about
the same people weeks later becomes a new story instead of swelling an old one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from .features import ArticleFeatures
from .state import ClusterState, Sketch, StoryState

TEXT_WEIGHT = 0.85
ANCHOR_WEIGHT = 0.15
DECAY_DAYS = 14.0
GRACE_DAYS = 7


def weighted_norm(vec: dict[str, float], idf: Callable[[str], float]) -> float:
    return math.sqrt(sum((v * idf(t)) ** 2 for t, v in vec.items()))


def cosine(a: dict[str, float], a_norm: float, b: dict[str, float], b_norm: float,
           idf: Callable[[str], float]) -> float:
    if not a_norm or not b_norm:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[t] * idf(t) ** 2 for t, v in a.items() if t in b)
    return dot / (a_norm * b_norm)


def decay(day: date | None, first: date | None, last: date | None) -> float:
    """1.0 within the story's dates and a week's grace (threads go quiet between developments); then
    falls off with the gap; 1.0 when a date is unknown."""
    return decay_between(day, day, first, last)


def decay_between(lo: date | None, hi: date | None, first: date | None, last: date | None) -> float:
    """``decay`` for a report known only to lie within [lo, hi] (either end may be open: an undated
    article's estimated window). The gap is the shortest the window allows."""
    if first is None or last is None or (lo is None and hi is None):
        return 1.0
    if lo is not None and lo > last:
        gap = (lo - last).days
    elif hi is not None and hi < first:
        gap = (first - hi).days
    else:
        gap = 0
    return math.exp(-max(0, gap - GRACE_DAYS) / DECAY_DAYS)


def when(x: ArticleFeatures | Sketch) -> tuple[date | None, date | None]:
    """A report's place in time: its day, or the window an undated article's text allows."""
    if x.day is not None:
        return x.day, x.day
    return getattr(x, "window", (None, None))


def combine(text_sim: float, anchor_sim: float, same_language: bool) -> float:
    if same_language:
        return TEXT_WEIGHT * text_sim + ANCHOR_WEIGHT * anchor_sim
    return anchor_sim


def article_to_story(state: ClusterState, f: ArticleFeatures, f_norms: tuple[float, float], s: StoryState) -> float:
    text = cosine(f.words, f_norms[0], s.words, s.words_norm, state.idf_words)
    anch = cosine(f.anchors, f_norms[1], s.anchors, s.anchors_norm, state.idf_anchors)
    return combine(text, anch, f.language in s.languages) * decay_between(*when(f), s.first, s.last)


def pair_score(state: ClusterState, a: ArticleFeatures | Sketch, a_norms: tuple[float, float],
               b: ArticleFeatures | Sketch, b_norms: tuple[float, float]) -> float:
    """One report against another (an article or a member's sketch); same scale as article_to_story."""
    text = cosine(a.words, a_norms[0], b.words, b_norms[0], state.idf_words)
    anch = cosine(a.anchors, a_norms[1], b.anchors, b_norms[1], state.idf_anchors)
    b_lo, b_hi = when(b)
    if b_lo is None or b_hi is None or b_lo != b_hi:  # the other side must be one known day
        b_lo, b_hi = None, None
    return combine(text, anch, a.language == b.language) * decay_between(*when(a), b_lo, b_hi)


def norms(state: ClusterState, x: ArticleFeatures | Sketch) -> tuple[float, float]:
    """Words and anchors norms under the IDF of the moment."""
    return weighted_norm(x.words, state.idf_words), weighted_norm(x.anchors, state.idf_anchors)


def article_to_article(state: ClusterState, a: ArticleFeatures, b: ArticleFeatures) -> float:
    """Pairwise story similarity (used by the SemEval benchmark); same scale as article_to_story."""
    return pair_score(state, a, norms(state, a), b, norms(state, b))


def member_support(state: ClusterState, f: ArticleFeatures, f_norms: tuple[float, float],
                   sketches: list[Sketch]) -> float:
    """How close the article comes to the nearest sketched member (same scale as a pair score)."""
    best = 0.0
    for k in sketches:
        if k.norms is None or k.norms[0] != state.idf_generation:  # IDF refreshed: recompute
            k.norms = (state.idf_generation, *norms(state, k))
        best = max(best, pair_score(state, f, f_norms, k, k.norms[1:]))
    return best
