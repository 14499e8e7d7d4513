"""Numbers are compared only when they count one thing for one subject, place and time, read from
real parses of invented reports: the dead and the injured, the bullets that hit and the bullets in a
gun, another month's quake, a win-loss record, a value inside another outlet's range and reports
months apart are no conflicts; two outlets' tolls of one quake are."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.compare.compare import compare_story
from storyline.model import Article, Story
from storyline.time.claims import extract_claims, governing_verb
from storyline.time.expressions import extract_times


@pytest.fixture(scope="module")
def parse() -> Callable[[str], object]:
    from storyline.config import Settings
    from storyline.nlp.spacy_pipeline import annotate

    model = Settings().spacy_model
    return lambda text: annotate(text, model)


def _compare(parse, texts: dict[str, str], published: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"Outlet {k.upper()}", text=t, language="en",
                       published=(published or {}).get(k, "2025-11-28")) for k, t in texts.items()}
    claims, sentences = [], {}
    for k, a in arts.items():
        doc = parse(a.text)
        busy = [(t.span.start, t.span.end) for t in extract_times(a, doc) if t.kind != "duration"]
        claims += extract_claims(a, busy, doc)
        sentences[k] = [(s.start_char, s.end_char) for s in doc.sents]
    return compare_story(Story(id="s", title="t", article_ids=list(arts)), arts, [], claims, [], sentences, {})


def _conflicts(parse, texts: dict[str, str], published: dict[str, str] | None = None) -> list[str]:
    return [c.text for c in _compare(parse, texts, published).conflicts if c.kind == "number"]


def test_a_death_toll_and_an_injured_count_are_not_a_conflict(parse):
    assert _conflicts(parse, {
        "a": "The earthquake on the island of Varo killed 12 people on Sunday, officials said.",
        "b": "The earthquake on the island of Varo injured 40 people on Sunday, officials said."}) == []


def test_two_outlets_with_12_and_15_dead_in_one_quake_are_a_conflict(parse):
    found = _conflicts(parse, {
        "a": "The earthquake on the island of Varo killed 12 people on Sunday, officials said.",
        "b": "The earthquake on the island of Varo killed 15 people on Sunday, rescuers said."})
    assert len(found) == 1 and "12 people" in found[0] and "15 people" in found[0], found


def test_the_bullets_that_hit_and_the_bullets_in_a_gun_are_two_measures(parse):
    assert _conflicts(parse, {
        "a": "Outside the Orvel depot on Monday, seven bullets hit the driver, the autopsy showed.",
        "b": ("Outside the Orvel depot on Monday, the driver's gun was loaded with four bullets, "
              "the autopsy showed.")}) == []


def test_a_toll_of_another_months_quake_is_not_this_quakes_toll(parse):
    assert _conflicts(parse, {
        "a": "The earthquake on the island of Varo killed 10 people on Sunday, officials said.",
        "b": "An earthquake on the island of Varo killed 7 people in September, officials said."}) == []


def test_a_win_loss_record_is_not_a_count(parse):
    """The claim keeps a pair's first number only: "9-14" and "9-20" would agree, "9-14" and "5-14"
    would conflict, on a number nobody reported alone."""
    comp = _compare(parse, {
        "a": "The Harlow Hawks fired their coach after a 9-14 start to the season.",
        "b": "The Harlow Hawks fired their coach after a 9-20 start to the season."})
    assert [c for c in comp.conflicts if c.kind == "number"] == []
    assert not any("start" in a.text for a in comp.agreements), [a.text for a in comp.agreements]


def test_a_value_inside_another_outlets_range_agrees(parse):
    assert _conflicts(parse, {
        "a": "As many as 35 to 40 volunteer firefighters fought the blaze at the Orvel church, the chief said.",
        "b": "About 40 volunteer firefighters fought the blaze at the Orvel church, the chief said."}) == []


def test_reports_months_apart_count_two_episodes(parse):
    texts = {"a": "Internet traffic slowed after three undersea cables were damaged off the coast of Lumo.",
             "b": "Internet traffic slowed after two undersea cables were damaged off the coast of Lumo."}
    assert _conflicts(parse, texts, {"a": "2025-01-30", "b": "2025-12-19"}) == []
    assert len(_conflicts(parse, texts, {"a": "2025-12-19", "b": "2025-12-20"})) == 1  # one episode: a conflict


def test_distances_of_two_things_are_two_measures(parse):
    assert _conflicts(parse, {
        "a": "The Orvel depot, where the shots were fired, is about 15 miles north of Harlow.",
        "b": "A driver 50 miles north of Harlow spotted the car after the shots were fired."}) == []


def test_one_value_told_with_two_verbs_or_beside_a_date_still_agrees(parse):
    comp = _compare(parse, {
        "a": "About 40,000 tonnes of wheat were stuck at Port Selvik on Monday, the grain board said.",
        "b": "About 40,000 tonnes of wheat remained at Port Selvik after the March closure, the grain board said."},
        {"a": "2025-11-03", "b": "2025-11-04"})
    rows = [a for a in comp.agreements if a.text.startswith("tonnes")]
    assert len(rows) == 1 and rows[0].outlets == ["Outlet A", "Outlet B"], [a.text for a in comp.agreements]


def test_the_verb_or_noun_a_count_belongs_to(parse):
    def role(text: str, phrase: str) -> str | None:
        i = text.index(phrase)
        return governing_verb(parse(text), i, i + len(phrase))

    assert role("The quake killed 10 people on Sunday.", "10 people") == "killed"
    assert role("Ten people were killed on Sunday.", "Ten people") == "killed"
    assert role("Police said the gun was loaded with four bullets.", "four bullets") == "loaded"
    assert role("Six rifles, 12 magazines and 300 rounds were found.", "300 rounds") == "found"
    assert role("Planners are working on a force of about 10,000 troops.", "about 10,000 troops") == "force"
    assert role("The depot is about 15 miles north of Harlow.", "about 15 miles") == "is"
    assert role("A driver 50 miles north of Harlow saw the car.", "50 miles") == "driver"
    assert governing_verb(None, 0, 4) is None
