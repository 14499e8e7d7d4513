import pytest
from pydantic import ValidationError

from storyline.model import (
    Article, Corpus, Entity, Quote, Span, SpanError, check_spans, iter_spans, validate_corpus,
)

TEXT = "Defence Minister Anna Kowalczyk said the mission \"cannot start without air cover\"."


def art(text: str = TEXT) -> Article:
    return Article(id="a1", source="x.txt", text=text)


def test_article_span_slices_the_text():
    a = art()
    s = a.span(17, 31)
    assert s.text == "Anna Kowalczyk"
    assert (s.article_id, s.start, s.end) == ("a1", 17, 31)


def test_article_span_out_of_bounds_is_an_error():
    with pytest.raises(SpanError):
        art().span(10, len(TEXT) + 5)


def test_span_with_wrong_length_is_rejected():
    with pytest.raises(ValidationError):
        Span(article_id="a1", start=0, end=4, text="Defence")


def test_span_end_before_start_is_rejected():
    with pytest.raises(ValidationError):
        Span(article_id="a1", start=5, end=2, text="")


def test_check_spans_detects_text_that_is_not_the_slice():
    a = art()
    good = a.span(17, 31)
    forged = Span(article_id="a1", start=17, end=31, text="Ana Kovalchik!")
    assert check_spans([a], [good]) == []
    problems = check_spans([a], [forged])
    assert len(problems) == 1 and "Ana Kovalchik" in problems[0]


def test_check_spans_detects_unknown_article():
    orphan = Span(article_id="nope", start=0, end=3, text="Def")
    assert "unknown article" in check_spans([art()], [orphan])[0]


def test_validate_corpus_finds_nested_bad_span():
    a = art()
    bad = Span(article_id="a1", start=0, end=7, text="Defense")  # US spelling, not what the article says
    q = Quote(id="q1", span=a.span(50, 82), text=TEXT[50:82], kind="direct", speaker="Anna Kowalczyk",
              speaker_span=bad, confidence=0.9)
    corpus = Corpus(articles=[a], quotes=[q])
    assert len(list(iter_spans(corpus))) == 2
    with pytest.raises(SpanError):
        validate_corpus(corpus)


def test_records_forbid_unknown_fields():
    with pytest.raises(ValidationError):
        Entity(id="e1", name="Anna Kowalczyk", type="PERSON", nickname="Anna")


def test_corpus_json_roundtrip_keeps_contract_fields():
    a = art()
    corpus = Corpus(articles=[a], entities=[Entity(id="e1", name="Anna Kowalczyk", type="PERSON",
                                                   mentions=[a.span(17, 31)])])
    back = Corpus.model_validate_json(corpus.model_dump_json())
    assert back == corpus
    dumped = corpus.model_dump(mode="json")
    for key in ("schema_version", "articles", "entities", "quotes", "times", "events", "claims", "stories", "briefs"):
        assert key in dumped


def test_an_article_is_labelled_by_its_outlet_or_else_its_file_name():
    from storyline.model import Article

    pasted = Article(id="a1", source="/home/ana/news/week 12/report-3.txt", text="x")
    assert pasted.label == "report-3.txt"
    assert pasted.model_copy(update={"outlet": "Harlow Gazette"}).label == "Harlow Gazette"
    assert Article(id="a2", source="C:\\\\news\\\\item.html", text="x").label == "item.html"
    assert Article(id="a3", source="-", text="x").label == "-"
