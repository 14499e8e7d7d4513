"""Counts of one unit that measure different things never make a conflict: the dead and the injured,
a part of a group and all of it, two players' game statistics. Invented stories."""

from __future__ import annotations

from .test_like_with_like import _story


def test_killed_and_injured_counts_are_two_measures():
    comp = _story({"a": "The blast at the Orvel depot killed 12 people on Monday, the fire service said.",
                   "b": "The blast at the Orvel depot injured 40 people on Monday, the fire service said.",
                   "c": "At the Orvel depot on Monday, 12 people were killed and 40 people were injured."},
                  [("a", "12 people", 12, "people"), ("b", "40 people", 40, "people"),
                   ("c", "12 people", 12, "people"), ("c", "40 people", 40, "people")])
    assert [c for c in comp.conflicts if c.kind == "number"] == []


def test_missing_and_dead_are_not_one_count_but_two_tolls_of_the_dead_are():
    differ = _story({"a": "Rescuers said 9 people were missing after the Tarn ferry sank on Sunday.",
                     "b": "Rescuers said the Tarn ferry sinking on Sunday killed 11 people."},
                    [("a", "9 people", 9, "people"), ("b", "11 people", 11, "people")])
    assert [c for c in differ.conflicts if c.kind == "number"] == []
    same = _story({"a": "Rescuers said the Tarn ferry sinking on Sunday killed 9 people.",
                   "b": "Rescuers said the Tarn ferry sinking on Sunday killed 11 people."},
                  [("a", "9 people", 9, "people"), ("b", "11 people", 11, "people")])
    assert len([c for c in same.conflicts if c.kind == "number"]) == 1


def test_a_narrowed_group_is_a_part_not_a_conflicting_total():
    comp = _story({"a": "The navy said it held 11 Veskan pirates after the raid on the tanker.",
                   "b": "The navy said it held 23 pirates after the raid on the tanker."},
                  [("a", "11 Veskan pirates", 11, "pirates"), ("b", "23 pirates", 23, "pirates")])
    assert [c for c in comp.conflicts if c.kind == "number"] == []


def test_a_broad_adjective_does_not_narrow():
    comp = _story({"a": "The quake near Lumo was followed by four major aftershocks, the agency said.",
                   "b": "The quake near Lumo was followed by three strong aftershocks, the agency said."},
                  [("a", "four major aftershocks", 4, "aftershocks"), ("b", "three strong aftershocks", 3, "aftershocks")])
    assert len([c for c in comp.conflicts if c.kind == "number"]) == 1


def test_box_scores_of_different_players_are_not_compared():
    comp = _story({"a": "Dario Fenwick ran for 120 yards on 22 carries as the Gulls won.",
                   "b": "Mats Orlen added 40 yards on nine carries for the Gulls.",
                   "c": "The Gulls won after Fenwick ran for 118 yards on 21 carries."},
                  [("a", "22 carries", 22, "carries"), ("b", "nine carries", 9, "carries"),
                   ("c", "21 carries", 21, "carries"), ("a", "120 yards", 120, "yards"),
                   ("b", "40 yards", 40, "yards"), ("c", "118 yards", 118, "yards")])
    numbers = [c.text for c in comp.conflicts if c.kind == "number"]
    assert all("nine" not in t and "40 yards" not in t for t in numbers)


def test_bare_counts_of_people_meet_only_when_the_words_beside_them_do():
    differ = _story({"a": "Outside the Kelm court, 120 people marched to the town hall on Friday evening.",
                     "b": "Outside the Kelm court, reporters interviewed 90 people on Friday evening."},
                    [("a", "120 people", 120, "people"), ("b", "90 people", 90, "people")])
    assert [c for c in differ.conflicts if c.kind == "number"] == []
    same = _story({"a": "Outside the Kelm court, 120 people marched to the town hall on Friday evening.",
                   "b": "Outside the Kelm court, 90 people marched to the town hall on Friday evening."},
                  [("a", "120 people", 120, "people"), ("b", "90 people", 90, "people")])
    assert len([c for c in same.conflicts if c.kind == "number"]) == 1


def test_durations_of_careers_are_not_counts_of_the_event():
    comp = _story({"a": "The coach of the Vesk Rovers, fired on Monday, spent four seasons with the club.",
                   "b": "The coach of the Vesk Rovers, fired on Monday, spent three seasons with the club."},
                  [("a", "four seasons", 4, "seasons"), ("b", "three seasons", 3, "seasons")])
    assert [c for c in comp.conflicts if c.kind == "number"] == []


def test_a_count_set_in_another_time_is_another_measure():
    comp = _story({"a": "The Tarn ferry carried 300 passengers when it ran aground near Osk on Sunday.",
                   "b": "A week earlier, the Tarn ferry carried 420 passengers past Osk without trouble."},
                  [("a", "300 passengers", 300, "passengers"), ("b", "420 passengers", 420, "passengers")])
    assert [c for c in comp.conflicts if c.kind == "number"] == []


def test_a_running_total_or_a_wider_scope_is_another_measure():
    total = _story({"a": "In the raid on Friday the coast guard seized 300 rounds of ammunition from the boat.",
                    "b": "So far the coast guard has seized 900 rounds of ammunition from smugglers' boats."},
                   [("a", "300 rounds", 300, "rounds"), ("b", "900 rounds", 900, "rounds")])
    scope = _story({"a": "Police in Osk made 80 arrests during Saturday's protests over the fuel tax.",
                    "b": "Police made 200 arrests across the country during Saturday's protests over the fuel tax."},
                   [("a", "80 arrests", 80, "arrests"), ("b", "200 arrests", 200, "arrests")])
    for comp in (total, scope):
        assert [c for c in comp.conflicts if c.kind == "number"] == []
