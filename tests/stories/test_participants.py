"""Two events of one kind with different people: split apart even when undated and worded alike."""

from __future__ import annotations

from collections import Counter

from storyline.stories.cluster import cluster_stories
from storyline.stories.features import Signals
from storyline.stories.participants import contrast, name_counts, name_key

from .conftest import make

# Two singers check into two clinics, weeks apart; nobody dated the pages. The wording is the same
# kind of story; only the people and places differ.
MARSH = [
    ("Singer Celia Marsh has checked into the Pinecrest clinic for treatment, her spokesman Owen Lutz said. "
     "Marsh cancelled the last dates of her tour. Lutz asked fans to respect her privacy while she is treated."),
    ("Celia Marsh entered rehab at Pinecrest on Friday, her representative confirmed. The singer had missed "
     "two concerts this month. Marsh thanked her fans in a short statement."),
    ("Pop singer Celia Marsh checked herself into a treatment centre, Pinecrest, after cancelling her tour. "
     "Marsh has not said what she is being treated for. Her band said the tour would resume next year."),
]
WOLFE = [
    ("Singer Dana Wolfe has checked into the Harbourview clinic for treatment, her lawyer Petra Salo said. "
     "Wolfe cancelled her summer concerts. Salo asked fans to respect her privacy while she is treated."),
    ("Dana Wolfe entered rehab at Harbourview on Monday, her lawyer confirmed. The singer had missed "
     "a court date this month. Wolfe thanked her fans in a short statement."),
    ("Pop singer Dana Wolfe checked herself into a treatment centre, Harbourview, after a court hearing. "
     "Wolfe has not said what she is being treated for. A judge said Wolfe must stay for ninety days."),
]
# one singer, two lawyers quoted on different days: one story
ONE_STORY = [
    "Singer Dana Wolfe will enter rehab, her lawyer Petra Salo said. Salo said Wolfe chose the clinic herself.",
    "Dana Wolfe arrived at Harbourview, lawyer Petra Salo said. Wolfe will stay ninety days, Salo added.",
    "Dana Wolfe hired a new lawyer, Ivo Brandt, on Monday. Brandt said Wolfe is doing well. Wolfe thanked fans.",
    "Lawyer Ivo Brandt said Dana Wolfe left Harbourview. Brandt said Wolfe finished the programme.",
]
NAMES = ["Celia Marsh", "Marsh", "Owen Lutz", "Lutz", "Dana Wolfe", "Wolfe", "Petra Salo", "Salo",
         "Ivo Brandt", "Brandt"]
PLACES = ["Pinecrest", "Harbourview"]


def counts(text: str) -> Counter[str]:
    """What NER would give for these texts: each full name once, and the surname alone elsewhere."""
    found = []
    rest = text
    for name in sorted(NAMES, key=len, reverse=True):
        found += [(name, "PERSON")] * rest.count(name)
        rest = rest.replace(name, "")
    found += [(p, "FAC") for p in PLACES for _ in range(text.count(p))]
    return name_counts(found)


def test_name_key_is_loose_for_people_and_whole_for_places():
    assert name_key("Ms. Dana Wolfe's", "PERSON") == name_key("Wolfe", "PERSON") == "p:wolfe"
    assert name_key("Arcade Joseph Vance Jr.", "PERSON") == "p:vance"
    assert name_key("the Harbour Authority", "ORG") == "n:harbour authority"


def test_two_camps_about_different_people_are_a_contrast():
    members = {f"m{i}": counts(t) for i, t in enumerate(MARSH)} | {f"w{i}": counts(t) for i, t in enumerate(WOLFE)}
    c = contrast(members)
    assert c is not None
    assert {c.camp_a, c.camp_b} == {frozenset({"m0", "m1", "m2"}), frozenset({"w0", "w1", "w2"})}


def test_one_protagonist_quoted_through_two_lawyers_is_no_contrast():
    assert contrast({f"o{i}": counts(t) for i, t in enumerate(ONE_STORY)}) is None


def test_undated_same_kind_events_with_different_people_are_two_stories():
    arts = [make(f"pages/marsh{i}.txt", t, None, f"Outlet {i}") for i, t in enumerate(MARSH)]
    arts += [make(f"pages/wolfe{i}.txt", t, None, f"Outlet {i}") for i, t in enumerate(WOLFE)]
    names = {a.id: counts(a.text) for a in arts}
    together = cluster_stories(arts, {})
    assert len(together) == 1, "without participants the two rehab stories read as one (the failure fixed here)"
    apart = {frozenset(s.article_ids) for s in cluster_stories(arts, {k: Signals(names=v) for k, v in names.items()})}
    assert apart == {frozenset(a.id for a in arts[:3]), frozenset(a.id for a in arts[3:])}


def test_named_days_separate_same_kind_events_in_different_weeks():
    """Undated pages, same people-free wording; the days the texts name are the only difference."""
    flood = ("The river burst its banks on {day}, flooding the lower town. Residents were moved to the school "
             "hall and the main road was closed while pumps worked through the night.")
    arts = [make(f"pages/flood{i}.txt", flood.format(day=d) + f" Report {i}.", None, "Outlet")
            for i, d in enumerate(["3 March 2025", "3 March 2025", "14 April 2025", "14 April 2025"])]
    days = {a.id: ["2025-03-03" if "March" in a.text else "2025-04-14"] for a in arts}
    stories = {frozenset(s.article_ids) for s in cluster_stories(arts, {k: Signals(days=tuple(v)) for k, v in days.items()})}
    assert stories == {frozenset(a.id for a in arts[:2]), frozenset(a.id for a in arts[2:])}


def test_a_threads_developments_two_weeks_apart_stay_one_story():
    """Announced on the 11th, a hearing on the 24th: the days differ, the story does not."""
    first = {"p:kowal": 3, "n:harbour works": 2, "d:2025-03-11": 2}
    later = {"p:kowal": 2, "n:harbour works": 1, "d:2025-03-24": 2}
    members = {"a1": first, "a2": dict(first), "b1": later, "b2": dict(later), "b3": dict(later)}
    assert contrast(members) is None


def test_the_later_event_may_recall_the_earlier_one():
    """Every report on the second arrest recalls the first player; none on the first names the second."""
    first = {"p:okafor": 4, "n:harbour city": 1}
    second = {"p:lindgren": 4, "p:okafor": 1, "n:harbour city": 1}
    members = {f"f{i}": dict(first) for i in range(3)} | {f"s{i}": dict(second) for i in range(3)}
    c = contrast(members)
    assert c is not None and {c.a, c.b} == {"p:okafor", "p:lindgren"}
    # when both camps name each other, it is one story about two people
    first_both = dict(first, **{"p:lindgren": 1})
    members = {f"f{i}": dict(first_both) for i in range(3)} | {f"s{i}": dict(second) for i in range(3)}
    assert contrast(members) is None


def test_a_person_against_a_place_is_no_contrast():
    place_led = {"n:aldstadt": 3}
    person_led = {"p:varga": 3}
    members = {f"a{i}": dict(place_led) for i in range(6)} | {f"b{i}": dict(person_led) for i in range(2)}
    assert contrast(members) is None
