"""The PolNeAR scorer (benchmarks/quotes.py) names each gold Source; a Source that names nobody
must not borrow whoever was named before it, and "they" is never one person."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _bench():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("quotes_bench", BENCH / "quotes.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _resolve(text, sources, names):
    q = _bench()
    gold = [q.Relation([(0, 1)], (text.index(s), text.index(s) + len(s)), "indirect") for s in sources]
    q.resolve_sources(text, gold, [(text.index(n), text.index(n) + len(n), n, lab) for n, lab in names])
    return gold


def test_anonymous_and_group_sources_are_not_resolved_to_an_earlier_name():
    text = ("Senator Ted Cruz said the plan would fail. Critics say it will pass. Some experts have concluded "
            "the opposite. A Mexican official who was not authorized to speak said more. U.S. officials said so.")
    gold = _resolve(text, ["Senator Ted Cruz", "Critics", "Some experts", "A Mexican official who was not "
                           "authorized to speak", "U.S. officials"], [("Ted Cruz", "PERSON"), ("U.S.", "GPE")])
    assert gold[0].source_name == "Ted Cruz" and not gold[0].unnamed
    assert all(g.unnamed and g.source_name is None for g in gold[1:])


def test_a_surname_the_ner_missed_is_still_a_name_and_they_is_not_one_person():
    text = "Bernie Sanders spoke first. Sanders said he would stay. Ms. Lee and her aides left. They said no."
    gold = _resolve(text, ["Bernie Sanders", "Sanders", "They"], [("Bernie Sanders", "PERSON")])
    assert not gold[1].unnamed and gold[1].source_name == "Bernie Sanders"
    assert gold[2].source_name is None


def test_a_relative_pronoun_after_a_nameless_group_names_nobody():
    text = "Senator Ted Cruz spoke. If superdelegates were eliminated, senators who wanted to attend would run."
    gold = _resolve(text, ["Senator Ted Cruz", "who"], [("Ted Cruz", "PERSON")])
    assert gold[1].unnamed and gold[1].source_name is None


def test_who_after_a_place_or_committee_is_the_person_before_it():
    text = "Senator Ted Cruz of Texas, who has blasted the deal, will speak. CNN, which reported it, agreed."
    gold = _resolve(text, ["who", "which"], [("Ted Cruz", "PERSON"), ("Texas", "GPE"), ("CNN", "ORG")])
    assert gold[0].source_name == "Ted Cruz" and gold[1].source_name == "CNN"


def test_a_described_person_is_a_person_not_the_place_in_the_description():
    text = "Marco Rubio spoke. CNN reported it. The Florida senator said he would stay."
    gold = _resolve(text, ["Marco Rubio", "CNN", "The Florida senator"],
                    [("Marco Rubio", "PERSON"), ("CNN", "ORG"), ("Florida", "GPE")])
    assert gold[2].source_name == "Marco Rubio"


def test_an_organisation_matches_with_or_without_its_article():
    q = _bench()
    text = "The figures come from the National Golf Foundation."
    g = q.Relation([(0, 1)], (text.index("the National"), len(text) - 1), "indirect",
                   source_name="the National Golf Foundation")
    p = q.Pred([(0, 1)], "indirect", "National Golf Foundation", None)
    assert q.speaker_ok(text, g, p)


def test_a_group_whose_name_only_modifies_it_is_not_that_name():
    text = ("Jewish leaders objected. Sanders's supporters cheered. Hillary Clinton and her allies said no. "
            "Senator Ted Cruz agreed.")
    gold = _resolve(text, ["Jewish leaders", "Sanders's supporters", "Hillary Clinton and her allies", "Senator Ted Cruz"],
                    [("Jewish", "ORG"), ("Sanders", "PERSON"), ("Hillary Clinton", "PERSON"), ("Ted Cruz", "PERSON")])
    assert gold[0].unnamed and gold[1].unnamed
    assert gold[2].source_name == "Hillary Clinton" and gold[3].source_name == "Ted Cruz"


def test_shares_capitalised_groups_and_bare_documents_name_nobody():
    # regressions: "Sixty-six" was cut at its hyphen, a sentence-initial "Aides"/"People" was taken
    # for a name, and "the editorial" borrowed the person named before it
    text = ("Hillary Clinton spoke in Ohio. Sixty-six percent said it made no difference. Aides to Clinton say "
            "she is shifting. People briefed on the talks said little. Current and former officials said more. "
            "The editorial said she was wrong. Sanders of Vermont said no.")
    gold = _resolve(text, ["Hillary Clinton", "Sixty-six percent", "Aides to Clinton", "People briefed on the talks",
                           "Current and former officials", "The editorial", "Sanders of Vermont"],
                    [("Hillary Clinton", "PERSON"), ("Clinton", "PERSON"), ("Sanders", "PERSON"), ("Vermont", "GPE")])
    assert not gold[0].unnamed
    assert all(g.unnamed and g.source_name is None for g in gold[1:6])
    assert not gold[6].unnamed and gold[6].source_name == "Sanders"


def test_an_unnamed_person_described_by_a_name_is_not_that_name():
    text = ("Hillary Clinton spoke in Ohio. A Clinton campaign official said she would return. An aide, "
            "Huma Abedin, said more. One Sanders supporter said no.")
    gold = _resolve(text, ["Hillary Clinton", "A Clinton campaign official", "An aide, Huma Abedin,",
                           "One Sanders supporter"],
                    [("Hillary Clinton", "PERSON"), ("Clinton", "PERSON"), ("Huma Abedin", "PERSON"), ("Sanders", "PERSON")])
    assert gold[1].unnamed and gold[3].unnamed
    assert not gold[2].unnamed and gold[2].source_name == "Huma Abedin"


def test_hand_resolved_sources_are_compared_by_name_not_by_overlap():
    q = _bench()
    text = "Donald Trump arrived. He said taxes would fall. The campaign said it raised money."
    he, camp = text.index("He"), text.index("The campaign")
    gold = [q.Relation([(0, 1)], (he, he + 2), "indirect"), q.Relation([(0, 1)], (camp, camp + 12), "indirect")]
    hand = {("a", he, he + 2): ("PERSON", "Donald Trump"), ("a", camp, camp + 12): ("ORG", "Trump campaign")}
    assert q.apply_hand("a", gold, hand) == 2
    # our mention overlapping "He" but naming someone else is wrong; the right name is right
    assert not q.speaker_ok(text, gold[0], q.Pred([(0, 1)], "indirect", "Mike Pence", (he, he + 2)))
    assert q.speaker_ok(text, gold[0], q.Pred([(0, 1)], "indirect", "Trump", None))
    # a campaign is not its candidate
    assert not q.speaker_ok(text, gold[1], q.Pred([(0, 1)], "indirect", "Trump", None))
    assert q.speaker_ok(text, gold[1], q.Pred([(0, 1)], "indirect", "Donald Trump campaign", None))


def test_a_joint_speaker_is_right_only_when_each_of_its_people_is_the_sources():
    q = _bench()
    text = "Hillary Clinton and Bernie Sanders spoke. They said wages must rise."
    they = text.index("They")
    gold = [q.Relation([(0, 1)], (they, they + 4), "indirect")]
    q.apply_hand("a", gold, {("a", they, they + 4): ("PERSON", "Hillary Clinton; Bernie Sanders")})
    pred = lambda who: q.Pred([(0, 1)], "indirect", who, (they, they + 4))  # noqa: E731
    assert q.speaker_ok(text, gold[0], pred("Hillary Clinton and Bernie Sanders"))
    assert not q.speaker_ok(text, gold[0], pred("Hillary Clinton and Donald Trump"))
    # a name that is one organisation with "and" in it is not split when it is not a pronoun's
    assert not q.speaker_ok(text, gold[0], q.Pred([(0, 1)], "indirect", "Procter and Gamble", None))



def test_the_dev_hand_resolution_file_is_well_formed():
    q = _bench()
    hand = q.hand_sources("dev")
    assert len(hand) > 900
    cats = {c for c, _ in hand.values()}
    assert cats <= {"PERSON", "ORG", "GROUP", "ANON", "WRITER", "DOC", "UNCLEAR"}
    assert all(n != "-" for c, n in hand.values() if c in ("PERSON", "ORG"))
    assert all(n == "-" for c, n in hand.values() if c in ("GROUP", "ANON", "WRITER", "UNCLEAR"))


@pytest.mark.parametrize("ours,gold,same", [
    ("Reuters", "Reuters/Ipsos", True), ("Bloomberg poll", "Bloomberg", True),
    ("Suu Kyi", "Aung San Suu Kyi", True), ("Clinton team", "Clinton campaign", True),
    ("CBS News", "New York Times/CBS News", True), ("Washington Post-ABC News", "ABC News", True),
    ("Rasmussen", "Rasmussen Reports", True), ("Quinnipiac", "Quinnipiac University", True),
    ("FEC filings", "Federal Election Commission", True), ("IG", "State Department inspector general", True),
    ("Clinton", "Clinton Foundation", False), ("Obama", "Obama administration", False),
    ("Trump", "Trump Organization", False), ("Mauricio Fraga", "Rosenfeld", False),
    ("DNC", "Republican National Committee", False), ("GOP", "Donald Trump", False),
])
def test_same_source_matches_an_organisations_forms(ours, gold, same):
    assert _bench().same_source(ours, gold) is same


def _pred(q, text, words, kind="direct", speaker=None):
    a = text.index(words)
    return q.Pred([(a, a + len(words))], kind, speaker, None)


def test_interrupted_quote_is_joined_across_a_reported_clause_in_its_attribution():
    # '"A," she said, adding that B. "C."': our reported clause B is its own relation and does not
    # keep the two halves of the quote apart
    q = _bench()
    text = ('"The turnout speaks volumes," she said, adding that the campaign of Vera Holm will work hard. '
            '"They are waiting to be courted."')
    preds = [_pred(q, text, "The turnout speaks volumes", speaker="Vera Holm"),
             _pred(q, text, "the campaign of Vera Holm will work hard", kind="indirect", speaker="Vera Holm"),
             _pred(q, text, "They are waiting to be courted.", speaker="Vera Holm")]
    merged = q.merge_interrupted(text, preds)
    assert [len(p.spans) for p in merged if p.kind == "direct"] == [2]


def test_quotes_stay_apart_when_a_reported_sentence_of_its_own_sits_between():
    q = _bench()
    text = ('"I never promised to pay," Ivo Brandt said. Asked whether he had encouraged the crowd, '
            'Brandt replied, "Maybe so."')
    preds = [_pred(q, text, "I never promised to pay", speaker="Ivo Brandt"),
             _pred(q, text, "he had encouraged the crowd", kind="indirect", speaker="Ivo Brandt"),
             _pred(q, text, "Maybe so.", speaker="Ivo Brandt")]
    merged = q.merge_interrupted(text, preds)
    assert [len(p.spans) for p in merged if p.kind == "direct"] == [1, 1]


def test_a_title_before_the_speaker_ends_no_sentence_between_the_halves_of_a_quote():
    # regression: the stop of "Sen." was read as a sentence end, so the reported clause in the
    # attribution ("who said ...") seemed a sentence of its own and kept the two halves apart
    q = _bench()
    text = ('"The turnout speaks volumes," said Sen. Vera Holm, who said the campaign will work hard. '
            '"They are waiting to be courted."')
    preds = [_pred(q, text, "The turnout speaks volumes", speaker="Vera Holm"),
             _pred(q, text, "the campaign will work hard", kind="indirect", speaker="Vera Holm"),
             _pred(q, text, "They are waiting to be courted.", speaker="Vera Holm")]
    assert [len(p.spans) for p in q.merge_interrupted(text, preds) if p.kind == "direct"] == [2]
    # a short name ending a sentence is no title: "Holm. Asked ..." still ends it
    text = ('"I never promised to pay," said Ivo Holm. Asked whether he had encouraged the crowd, '
            'Holm replied, "Maybe so."')
    preds = [_pred(q, text, "I never promised to pay", speaker="Ivo Holm"),
             _pred(q, text, "he had encouraged the crowd", kind="indirect", speaker="Ivo Holm"),
             _pred(q, text, "Maybe so.", speaker="Ivo Holm")]
    assert [len(p.spans) for p in q.merge_interrupted(text, preds) if p.kind == "direct"] == [1, 1]
