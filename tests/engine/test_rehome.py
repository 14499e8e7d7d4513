"""A cached per-article result moved to another source: new article id, every span-named id rebuilt,
offsets and text untouched — equal to analysing the text again under the new source."""

from dataclasses import replace

from storyline.config import Settings
from storyline.engine.rehome import rehome
from storyline.ids import span_id
from storyline.pipeline import analyze_one, read_all


def test_rehome_gives_what_a_fresh_analysis_under_the_new_source_gives(data_dir):
    docs, _ = read_all([data_dir / "mini" / "korsa_herald.txt"])
    model = Settings().spacy_model
    first = analyze_one(docs[0], model)
    moved_doc = replace(docs[0], source=docs[0].source.replace("mini", "elsewhere"))
    moved = rehome(first, moved_doc.source)
    assert moved == analyze_one(moved_doc, model)
    assert moved.article.id != first.article.id and moved.article.text == first.article.text
    q = moved.quotes[0]
    assert q.span.article_id == moved.article.id and q.id == span_id("q_", moved.article.id, q.span.start, q.span.end)


def test_rehome_to_the_same_source_is_the_same_result(data_dir):
    docs, _ = read_all([data_dir / "mini" / "korsa_herald.txt"])
    result = analyze_one(docs[0], Settings().spacy_model)
    assert rehome(result, docs[0].source) is result
