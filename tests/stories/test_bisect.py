"""A story blending two events of one kind is cut in two; one event told by many outlets is not."""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pytest

from storyline.stories import bisect as bisect_module
from storyline.stories import refine
from storyline.stories.assign import add_member, new_story, observe
from storyline.stories.bisect import bisect, blend_split, local_vectors
from storyline.stories.cluster import cluster_stories
from storyline.stories.features import Signals, features
from storyline.stories.participants import name_counts
from storyline.stories.refine import merge
from storyline.stories.state import ClusterState

from .conftest import make

# Two river floods, four years apart, in two towns; nobody dated the pages and the wording is the
# wording of any flood report. Only the town, its river, its mayor and the year differ.
VELMOR = [
    ("The Tessel river burst its banks in Velmor on Sunday, flooding hundreds of homes. Mayor Tomas Erlich "
     "said the water rose faster than in any flood he remembered. Erlich opened the Velmor sports hall to "
     "families who had to leave. It was the worst flood in Velmor since 2011."),
    ("Hundreds of residents of Velmor spent the night in the sports hall after the Tessel flooded the old "
     "town. Mayor Tomas Erlich asked for army help with sandbags. Erlich said no one was missing. The 2019 "
     "flood season had been quiet until the storm."),
    ("Floodwater from the Tessel covered the main square of Velmor, and firefighters used boats to reach "
     "elderly residents. Mayor Erlich said pumps would run all week. Velmor schools will stay closed. "
     "Insurers said the 2019 damage would be counted in millions."),
    ("Velmor began cleaning up after the Tessel flood as the water fell on Tuesday. Mayor Tomas Erlich "
     "thanked volunteers and said homes near the river would be inspected. Erlich promised a new flood "
     "wall for Velmor before the next winter."),
    ("Army engineers reached Velmor on Monday to shore up the Tessel embankment. Mayor Tomas Erlich said "
     "the 2019 flood had cut power to half of Velmor. Erlich asked drivers to avoid the river road."),
]
DUNSTEY = [
    ("The Marrow river burst its banks in Dunstey on Sunday, flooding hundreds of homes. Mayor Anja Kovic "
     "said the water rose faster than in any flood she remembered. Kovic opened the Dunstey school gym to "
     "families who had to leave. It was the worst flood in Dunstey since 2015."),
    ("Hundreds of residents of Dunstey spent the night in the school gym after the Marrow flooded the low "
     "streets. Mayor Anja Kovic asked for army help with sandbags. Kovic said two people were missing. The "
     "2023 flood season had been quiet until the storm."),
    ("Floodwater from the Marrow covered the market square of Dunstey, and firefighters used boats to reach "
     "elderly residents. Mayor Kovic said pumps would run all week. Dunstey schools will stay closed. "
     "Insurers said the 2023 damage would be counted in millions."),
    ("Dunstey began cleaning up after the Marrow flood as the water fell on Tuesday. Mayor Anja Kovic "
     "thanked volunteers and said homes near the river would be inspected. Kovic promised a new flood "
     "wall for Dunstey before the next winter."),
    ("Army engineers reached Dunstey on Monday to shore up the Marrow embankment. Mayor Anja Kovic said "
     "the 2023 flood had cut power to half of Dunstey. Kovic asked drivers to avoid the river road."),
]
# one flood told by ten outlets in their own words: the same town, mayor and river throughout, each
# report with its own side details (a rescued dog, a closed bridge, a charity appeal)
ONE_FLOOD = [
    "The Tessel flooded Velmor on Sunday. Mayor Tomas Erlich said a family and their dog were rescued by boat.",
    "Velmor mayor Tomas Erlich closed the old bridge over the Tessel as the flood peaked in Velmor.",
    "A charity appeal for Velmor flood victims raised money overnight, Mayor Erlich said. The Tessel is falling.",
    "Erlich, the mayor of Velmor, said the Tessel flood reached the station. Trains to Velmor were stopped.",
    "Velmor schools are closed after the Tessel flood; Mayor Tomas Erlich said they reopen next week in Velmor.",
    "Insurers sent assessors to Velmor after the Tessel flood, Mayor Erlich said. Erlich asked for patience.",
    "Volunteers filled sandbags in Velmor overnight as the Tessel rose. Mayor Tomas Erlich thanked them.",
    "The Tessel flood cut power to parts of Velmor; Mayor Erlich said crews restored most lines by noon.",
    "Army engineers arrived in Velmor to shore up the Tessel embankment, Mayor Tomas Erlich said.",
    "Velmor farmers lost crops in the Tessel flood. Mayor Erlich said the town would ask for state aid.",
]
PEOPLE = ["Tomas Erlich", "Erlich", "Anja Kovic", "Kovic"]
PLACES = ["Velmor", "Dunstey", "Tessel", "Marrow"]


def counts(text: str) -> Counter[str]:
    """What NER would give for these texts: people by surname, places by name."""
    found, rest = [], text
    for name in sorted(PEOPLE, key=len, reverse=True):
        found += [(name, "PERSON")] * rest.count(name)
        rest = rest.replace(name, "")
    found += [(p, "GPE") for p in PLACES for _ in range(text.count(p))]
    return name_counts(found)


def articles(texts: list[str], prefix: str) -> list:
    return [make(f"pages/{prefix}{i}.txt", t, None, f"Outlet {i}") for i, t in enumerate(texts)]


def signals(arts: list) -> dict[str, Signals]:
    return {a.id: Signals(names=counts(a.text)) for a in arts}


def test_local_weights_ignore_what_every_member_shares_and_what_only_one_has():
    vecs = local_vectors([{"flood": 1.0, "velmor": 1.0, "dog": 1.0}, {"flood": 1.0, "velmor": 1.0},
                          {"flood": 1.0, "dunstey": 1.0}])
    assert "flood" not in vecs[0] and "dog" not in vecs[0]  # shared by all / said by one report only
    assert vecs[0] == pytest.approx({"velmor": 1.0}) and vecs[2] == {}


def test_bisect_finds_two_weakly_linked_groups():
    sim = np.full((6, 6), 0.02)
    sim[:3, :3] = sim[3:, 3:] = 0.6
    np.fill_diagonal(sim, 1.0)
    order = [3, 0, 4, 1, 5, 2]  # shuffled, so the halves are not just the first and last rows
    cut = bisect(sim[np.ix_(order, order)], min_part=3)
    assert cut is not None
    assert {frozenset(order[i] for i in cut.left), frozenset(order[i] for i in cut.right)} == \
        {frozenset({0, 1, 2}), frozenset({3, 4, 5})}
    assert cut.ratio == pytest.approx(0.02 / 0.6)


def test_undated_floods_in_two_towns_and_years_are_two_stories():
    arts = articles(VELMOR, "velmor") + articles(DUNSTEY, "dunstey")
    want = {frozenset(a.id for a in arts[:5]), frozenset(a.id for a in arts[5:])}
    assert {frozenset(s.article_ids) for s in cluster_stories(arts, signals(arts))} == want


def test_the_cut_of_two_floods_follows_the_towns(monkeypatch):
    arts = articles(VELMOR, "velmor") + articles(DUNSTEY, "dunstey")
    sig = signals(arts)
    cut = blend_split([features(a, sig[a.id]) for a in arts])
    assert cut is not None
    assert {frozenset(cut.left), frozenset(cut.right)} == {frozenset(range(5)), frozenset(range(5, 10))}
    # with no contrast of names looked for, the cut alone keeps the floods apart ...
    monkeypatch.setattr(refine, "contrast", lambda members: None)
    want = {frozenset(a.id for a in arts[:5]), frozenset(a.id for a in arts[5:])}
    assert {frozenset(s.article_ids) for s in cluster_stories(arts, sig)} == want
    # ... and without it the single pass reads them as one flood story: the failure it repairs
    monkeypatch.setattr(bisect_module, "STORIES", dataclasses.replace(bisect_module.STORIES, blend_max_ratio=0.0))
    assert len(cluster_stories(arts, sig)) == 1


def test_one_flood_rewritten_by_ten_outlets_stays_one_story():
    arts = articles(ONE_FLOOD, "one")
    assert blend_split([features(a, s) for a, s in zip(arts, signals(arts).values())]) is None
    assert len(cluster_stories(arts, signals(arts))) == 1


def test_reports_without_known_participants_are_not_cut():
    """No entities (the stream without spaCy): no evidence of who each report is about."""
    arts = articles(VELMOR, "velmor") + articles(DUNSTEY, "dunstey")
    assert blend_split([features(a) for a in arts]) is None


def test_merge_keeps_two_events_apart_when_asked(monkeypatch):
    monkeypatch.setattr(refine, "contrast", lambda members: None)  # the cut alone must keep them apart
    arts = articles(VELMOR, "velmor") + articles(DUNSTEY, "dunstey")
    sig = signals(arts)
    feats = {a.id: features(a, sig[a.id]) for a in arts}
    state = ClusterState()
    for f in feats.values():
        observe(state, f)
    for group in (arts[:5], arts[5:]):
        s = new_story(state, feats[group[0].id])
        for a in group[1:]:
            add_member(state, s, feats[a.id])
    assert merge(state, feats, threshold=0.0, keep_blends_apart=True) == 0
    assert len(state.stories) == 2
    assert merge(state, feats, threshold=0.0) == 1
