"""The corpus stages extend an earlier run's stories when given its state (no spaCy needed)."""

from __future__ import annotations

from storyline.pipeline import ArticleResult, run_corpus_stages
from storyline.stories.state import ClusterState

from .conftest import BRIDGE_2, BUDGET_2, make
from .test_cluster import STRIKE_2


def results(articles):
    return [ArticleResult(article=a, sentences=[(0, len(a.text))]) for a in articles]


def test_second_run_extends_first_runs_stories_through_saved_state(corpus, tmp_path):
    state = ClusterState()
    first = run_corpus_stages(results(corpus[:4]), story_state=state)
    state.save(tmp_path / "stories_state.json")
    ids_before = {s.id: set(s.article_ids) for s in first.stories}

    later = [make("x/bridge-followup.txt", BRIDGE_2.replace("Wednesday", "Thursday"), "2025-04-03", "X"),
             make("x/budget-vote.txt", BUDGET_2, "2025-04-03", "Y"),
             make("x/strike.txt", STRIKE_2, "2025-04-04", "Z")]
    second = run_corpus_stages(results(later), story_state=ClusterState.load(tmp_path / "stories_state.json"))
    story_of = {aid: s.id for s in second.stories for aid in s.article_ids}
    bridge_story = next(sid for sid, members in ids_before.items() if corpus[0].id in members)
    budget_story = next(sid for sid, members in ids_before.items() if corpus[3].id in members)
    assert story_of[later[0].id] == bridge_story
    assert story_of[later[1].id] == budget_story
    assert story_of[later[2].id] not in ids_before
