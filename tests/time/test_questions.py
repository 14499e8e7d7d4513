"""Open questions: markers, direct questions, and deduplication across outlets."""

from __future__ import annotations

from storyline.compare.questions import open_questions
from storyline.text.sentences import split_paragraphs


def sentences(text):
    import re

    return split_paragraphs(text, [(m.start(), m.end()) for m in re.finditer(r"[^.?!]+[.?!]", text)])


def test_the_same_question_from_two_outlets_is_one_item(article):
    a = article("Ministers met. No decision has been made on the size of the force or its commander.", aid="a", outlet="Nordwire")
    b = article("No decision has been made on the size of the force, its commander or its cost. Talks go on.", aid="b",
                outlet="Baltic Ledger")
    qs = open_questions([a, b], {"a": sentences(a.text), "b": sentences(b.text)})
    assert len(qs) == 1
    assert {s.article_id for s in qs[0].evidence} == {"a", "b"}
    assert qs[0].outlets == ["Nordwire", "Baltic Ledger"]


def test_a_copy_still_counts_as_evidence(article):
    orig = article("It remains to be seen whether Aldoria will reopen the rail link.", aid="o", outlet="Korsa Herald")
    copy = article("It remains to be seen whether Aldoria will reopen the rail link.", aid="c", outlet="Lindhaven Post",
                   duplicate_of="o")
    qs = open_questions([copy, orig], {"o": sentences(orig.text), "c": sentences(copy.text)})
    assert len(qs) == 1 and qs[0].evidence[0].article_id == "o"
    assert {s.article_id for s in qs[0].evidence} == {"o", "c"}


def test_markers_questions_and_what_is_not_one(article):
    text = ('Will Aldoria commit its fighter jets? "Who pays for this?" asked one deputy. '
            "Officials would not confirm whether the delay was linked to Aldoria. "
            "The committee is expected to hold its first hearing next week. The vote passed.")
    a = article(text, aid="x")
    qs = {q.text: q.kind for q in open_questions([a], {"x": sentences(text)})}
    assert qs.get("Will Aldoria commit its fighter jets?") == "question"
    assert any(t.startswith("Officials would not confirm") for t in qs)
    assert any(t.startswith("The committee is expected to") for t in qs)
    assert not any("Who pays" in t for t in qs)
    assert not any("The vote passed" in t for t in qs)


def test_german_open_question(article):
    text = "Das Parlament soll am Mittwoch abstimmen. Ob Aldorien seine Haltung ändert, bleibt abzuwarten."
    a = article(text, aid="d", language="de")
    qs = open_questions([a], {"d": sentences(text)})
    assert [q.text for q in qs] == ["Ob Aldorien seine Haltung ändert, bleibt abzuwarten."]


def test_has_not_said_whether_is_open(article):
    # regression: demo gold korsa_herald_grain_talks.txt was missed before this marker existed
    text = "Aldoria has not said whether the transit fees will be part of the talks. Varga will travel anyway."
    a = article(text, aid="g")
    assert [q.text for q in open_questions([a], {"g": sentences(text)})] == [
        "Aldoria has not said whether the transit fees will be part of the talks."]
