"""`storyline eval` scoring: each capability row counts what it should, on the fixture corpus."""

import copy

from storyline.evaluate.gold import score

GOLD = {
    "articles": {
        "korsa_herald.txt": {"published": "2025-03-14", "boilerplate": ["Skip to main content", "Advertisement"],
                             "keep": ["Defence ministers of 18 countries met in Lindhaven on Friday"]},
        "aldoria_today.json": {"published": "2025-03-15"},
        "nordwire.jsonl#1": {"published": "2025-03-18"},
        "nordwire.jsonl#2": {"published": "2025-03-20"},
    },
    "stories": {"S1": {"articles": ["korsa_herald.txt", "aldoria_today.json", "nordwire.jsonl#1"]},
                "S2": {"articles": ["nordwire.jsonl#2"]}},
    "people": [{"name": "Anna Lindqvist", "variants": []}],
    "must_not_merge": [["Anna Kowalczyk", "Anna Lindqvist"]],
    "quotes": [{"article": "korsa_herald.txt", "text": "This is a reckless gamble", "kind": "direct",
                "speaker": "Anna Lindqvist"}],
    "dates": [{"article": "korsa_herald.txt", "text": "on Wednesday", "value": "2025-03-19"}],
    "numbers": [{"article": "nordwire.jsonl#2", "text": "40,000 tonnes", "value": 40000}],
    "open_questions": [{"article": "korsa_herald.txt", "text": "It remains to be seen whether Aldoria"}],
}


def rows(gold, corpus):
    return {s.name: s for s in score(gold, corpus)}


def test_scores_on_fixture(mini_corpus):
    r = rows(GOLD, mini_corpus)
    assert r["articles found"].value == 1.0
    assert r["publish dates"].value == 1.0
    assert r["boilerplate removed"].value == 1.0
    assert r["quote speaker accuracy"].value == 1.0
    assert r["dates normalized"].value == 1.0
    assert r["numbers"].value == 1.0
    assert r["no false merges"].value == 1.0
    assert r["brief sentences cited"].value == 1.0


def test_wrong_gold_values_are_counted_as_misses(mini_corpus):
    gold = copy.deepcopy(GOLD)
    gold["articles"]["korsa_herald.txt"]["published"] = "2025-03-13"
    gold["dates"][0]["value"] = "2025-03-12"
    gold["quotes"][0]["speaker"] = "Dmitri Volkhov"
    gold["numbers"][0]["value"] = 41000
    gold["articles"]["korsa_herald.txt"]["keep"].append("A sentence the article never had.")
    r = rows(gold, mini_corpus)
    assert r["publish dates"].correct == 3
    assert r["dates normalized"].correct == 0
    assert r["quote speaker accuracy"].correct == 0
    assert r["numbers"].correct == 0
    assert r["body lines kept"].correct == 1 and r["body lines kept"].total == 2


def test_bcubed_penalises_a_split_story(mini_corpus):
    together = rows(GOLD, mini_corpus)["story BCubed F1"]
    gold = copy.deepcopy(GOLD)
    # claim every article is its own story: unless the system also split them, precision/recall drop
    gold["stories"] = {f"S{i}": {"articles": [k]} for i, k in enumerate(GOLD["articles"])}
    apart = rows(gold, mini_corpus)["story BCubed F1"]
    assert together.value != apart.value
