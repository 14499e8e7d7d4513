"""Nothing lost: one bad record never costs the batch.

Each test reproduces one input that used to crash a stage or the whole run (or lose the rest of the
batch); each input now gives an article or exactly one error line, and ``analysis.json`` is written.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from storyline import Settings, analyze
from storyline.ingest.readers import RawDoc, read_inputs
from storyline.ingest.sanitize import INVALID_UNICODE, MAX_META_CHARS, clean_source, language_code
from storyline.model import Article, Corpus, Quote, drop_invalid_spans
from storyline.pipeline import run_corpus_stages

BODY = ("Korsa closed its busiest border crossing with Aldoria on Friday, officials in Lindhaven said. "
        "Trucks waited for hours at the crossing while the council in Lindhaven met to discuss the decision. "
        "Nordwire reporters saw long queues on both sides of the border.")


def run(*paths: Path) -> Corpus:
    corpus = analyze([str(p) for p in paths], Settings(workers=1))
    corpus.model_dump_json()  # analysis.json can be written
    return corpus


# 1. text that JSON cannot hold, and metadata that is not metadata -----------------------------

def test_lone_surrogate_in_a_json_field_is_replaced_and_flagged(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"title": "Border closed \\ud800", "text": "%s"}' % BODY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "x", "byline": "Anna \ud800Berg", "text": BODY,
                                                  "note": "\udfff"}) + "\n", encoding="utf-8",
                                      errors="surrogatepass")
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    corpus = run(tmp_path)
    assert corpus.errors == []
    by_name = {Path(a.source).name: a for a in corpus.articles}
    assert by_name["a.json"].title == "Border closed \ufffd"
    assert INVALID_UNICODE in by_name["a.json"].quality
    b = by_name["b.jsonl#1"]
    assert b.byline == "Anna \ufffdBerg" and b.extra["note"] == "\ufffd" and INVALID_UNICODE in b.quality
    assert INVALID_UNICODE not in by_name["ok.txt"].quality


def test_file_name_that_is_not_utf8_keeps_a_printable_source(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"), "w", encoding="utf-8") as f:
        f.write(BODY)
    (tmp_path / "ok.txt").write_text(BODY.replace("Friday", "Monday"), encoding="utf-8")
    corpus = run(tmp_path)
    assert corpus.errors == []
    assert sorted(Path(a.source).name for a in corpus.articles) == ["bad\\xff.txt", "ok.txt"]
    assert clean_source("dir/bad\udcff.txt") == "dir/bad\\xff.txt"
    assert clean_source("two\nlines\x00.txt") == "two\\x0alines\\x00.txt"


def test_metadata_is_bounded_and_free_of_control_characters(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps({
        "title": "Korsa " * 1_000_000, "outlet": "Nord\x00wire\x07", "url": "https://nordwire.example/" + "x" * 5000,
        "author": "Anna\x1b[31m Berg", "text": BODY}), encoding="utf-8")
    (a,) = run(tmp_path).articles
    assert len(a.title) == MAX_META_CHARS and a.title.endswith("…")
    assert a.outlet == "Nordwire" and a.byline == "Anna[31m Berg"
    assert len(a.url) <= MAX_META_CHARS


@pytest.mark.parametrize("bad", ["x" * 300, "en\x00/../x", "../../etc/passwd", "english", "", "e n"])
def test_a_language_that_is_no_code_is_ignored_and_detected(tmp_path: Path, bad: str) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"title": "Border", "language": bad, "text": BODY}), encoding="utf-8")
    corpus = run(tmp_path)
    assert corpus.errors == []
    assert corpus.articles[0].language == "en"


def test_language_codes() -> None:
    assert language_code("en") == "en" and language_code("EN") == "en" and language_code(" pt-BR ") == "pt-BR"
    assert language_code("zh-Hant") == "zh-Hant"
    for bad in ("x" * 300, "en\x00", "en/../de", "e", "english", None, 5, "de-"):
        assert language_code(bad) is None


def test_resource_loader_refuses_names_that_are_no_resource_names() -> None:
    from storyline.resources import exists, lines, table
    from storyline.time.calendar_words import calendar

    for lang in ("x" * 300, "en\x00", "../quotes/cues_en", "/etc/passwd"):
        with pytest.raises(FileNotFoundError):
            lines(f"time/hedges_{lang}.txt")
        with pytest.raises(FileNotFoundError):
            table(f"time/quantities_{lang}.tsv")
        assert not exists(f"time/calendar_{lang}.tsv")
        assert calendar(lang).lang == "en"
    assert lines("time/hedges_en.txt") and exists("time/calendar_en.tsv")


# 2. a span computed across mismatched quote marks ----------------------------------------------

def test_mismatched_quote_marks_give_spans_inside_the_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('He said they need "a plan "then a vote".', encoding="utf-8")
    (tmp_path / "b.txt").write_text('Korsa officials met on Friday.\n\nHe said they need "a plan "then a vote".\n\n'
                                    'The talks in Lindhaven go on, Nordwire reported.', encoding="utf-8")
    corpus = run(tmp_path)
    assert corpus.errors == []
    assert len(corpus.articles) == 2
    texts = {a.id: a.text for a in corpus.articles}
    for q in corpus.quotes:
        assert 0 <= q.span.start <= q.span.end <= len(texts[q.span.article_id])
        assert texts[q.span.article_id][q.span.start:q.span.end] == q.span.text


# 3. a publish date out of range ----------------------------------------------------------------

@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "0999-05-05", "3000-01-01"])
def test_publish_date_out_of_range_is_unknown(tmp_path: Path, published: str) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"title": "Vote", "published": published,
                                                 "text": BODY + " The council votes next Tuesday."}), encoding="utf-8")
    corpus = run(tmp_path)
    assert corpus.errors == []
    (a,) = corpus.articles
    assert a.published is None and a.published_source == "unknown"
    assert all(t.anchor is None for t in corpus.times)


def test_anchoring_never_overflows() -> None:
    from storyline.time.expressions import extract_times, parse_anchor

    assert parse_anchor("9999-12-31") is None and parse_anchor("2025-03-14") is not None
    a = Article(id="a", source="s", text="The council votes next Tuesday.", published="9999-12-31", language="en")
    assert [t.anchor for t in extract_times(a)] == [None]


# 4. a capital I with dot: lower case is longer than the word -------------------------------------

def test_lowercase_that_changes_length_keeps_offsets_and_lookups() -> None:
    from storyline.nlp.casing import lower, lower_key

    assert "İ".lower() != "i" and len("İt".lower()) == 3  # why: str.lower is not length-preserving
    assert lower("İstanbul İt") == "istanbul it" and len(lower("İİ")) == 2
    assert lower_key("İt") == "it" and lower_key("ſhe") == "she"


@pytest.mark.parametrize("language", ["en", "de"])
def test_turkish_capital_i_in_speaker_and_cue_windows(tmp_path: Path, language: str) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"title": "Border", "language": language, "text":
        'Korsa closed the border on Friday.\n\n"The border stays closed until spring," İt said on Friday in Lindhaven.'}),
        encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "Border", "language": "de", "text":
        "İİİİİİİİİİ İİİİİİİİ said that the border would stay closed until spring, officials said."}),
        encoding="utf-8")
    corpus = run(tmp_path)
    assert corpus.errors == []
    assert len(corpus.articles) == 2
    texts = {a.id: a.text for a in corpus.articles}
    assert "The border stays closed until spring" in [q.text for q in corpus.quotes]
    for q in corpus.quotes:
        assert texts[q.span.article_id][q.span.start:q.span.end] == q.text
    # the cue found in a lower-cased copy points at "said" in the text, so the report starts after it
    reports = [q.text for q in corpus.quotes if q.kind == "indirect"]
    assert any(r.startswith("the border would stay closed") for r in reports)


def test_role_stripping_counts_characters_of_the_text() -> None:
    from storyline.entities.roles import strip_role

    name, role, cut = strip_role("İİ Minister Anna Berg")
    assert "İİ Minister Anna Berg"[cut:] == name


# 5. a WARC record without a URI ----------------------------------------------------------------

def _warc(uris: list[str | None]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i, uri in enumerate(uris):
        page = (f"<html><head><title>Korsa border {i}</title></head><body><article><p>{BODY} Update {i}.</p>"
                f"</article></body></html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        rec = writer.create_warc_record(uri or "https://nordwire.example/x", "response",
                                        payload=io.BytesIO(page), http_headers=http)
        if uri is None:
            rec.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_record_without_uri_does_not_end_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc(["https://nordwire.example/a", None, "https://nordwire.example/c"]))
    items = list(read_inputs([path]))
    assert [type(x).__name__ for x in items] == ["RawDoc"] * 3
    assert [x.source.rsplit("#", 1)[1] for x in items] == ["https://nordwire.example/a", "2",
                                                          "https://nordwire.example/c"]
    assert "<title>Korsa border 1</title>" in items[1].content and "HTTP/1.0" not in items[1].content
    corpus = run(path)
    assert corpus.errors == [] and len(corpus.articles) == 3


# 6. isolation: per-article and corpus stages --------------------------------------------------

def test_jsonl_line_with_a_huge_integer_is_one_error(tmp_path: Path) -> None:
    lines = [json.dumps({"title": "A", "text": BODY}), '{"title": "B", "n": ' + "9" * 5000 + ', "text": "x"}',
             json.dumps({"title": "C", "text": BODY.replace("Friday", "Sunday")})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = run(tmp_path)
    assert len(corpus.articles) == 2
    assert len(corpus.errors) == 1 and "a.jsonl#2: broken JSON line" in corpus.errors[0]


def test_a_per_article_stage_that_raises_costs_that_article_only(tmp_path: Path, monkeypatch) -> None:
    import storyline.article_stages as stages  # the stage calls the name it imported

    real = stages.extract_times

    def flaky(article, doc=None):  # type: ignore[no-untyped-def]
        if "Aldoria" not in article.text:
            raise RuntimeError("boom\nsecond line")
        return real(article, doc)

    monkeypatch.setattr(stages, "extract_times", flaky)
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Lindhaven council met on Monday to discuss the new budget for the harbour. "
                                    "Members voted for the plan after a long debate.", encoding="utf-8")
    corpus = run(tmp_path)
    assert len(corpus.articles) == 1
    assert len(corpus.errors) == 1 and "b.txt: RuntimeError: boom second line" in corpus.errors[0]


def _results(tmp_path: Path):  # type: ignore[no-untyped-def]
    from storyline.pipeline import run_article_stages

    docs = [RawDoc(str(tmp_path / f"{k}.txt"), BODY.replace("Friday", day), "text")
            for k, day in enumerate(["Friday", "Monday", "Sunday"])]
    results, errors = run_article_stages(docs, Settings(workers=1))
    assert errors == [] and len(results) == 3
    return results


def test_a_corpus_stage_failing_on_one_article_drops_that_article(tmp_path: Path, monkeypatch) -> None:
    import storyline.corpus_stages as stages

    results = _results(tmp_path)
    bad_id = results[1].article.id
    real = stages.canonicalize

    def picky(mentions, articles, kb=None):  # type: ignore[no-untyped-def]
        if any(a.id == bad_id for a in articles):
            raise KeyError("weird")
        return real(mentions, articles, kb)

    monkeypatch.setattr(stages, "canonicalize", picky)
    corpus = run_corpus_stages(results)
    assert [a.id for a in corpus.articles] == [r.article.id for r in results if r.article.id != bad_id]
    assert len(corpus.errors) == 1 and "1.txt: dropped in the corpus stages: KeyError" in corpus.errors[0]
    assert corpus.stories and corpus.briefs
    corpus.errors = ["input error"] + corpus.errors  # callers put the input errors first, keep the stage's
    assert corpus.errors[0] == "input error" and len(corpus.errors) == 2


def test_an_optional_corpus_stage_degrades_with_one_error(tmp_path: Path, monkeypatch) -> None:
    import storyline.corpus_stages as stages

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("no brief today")

    monkeypatch.setattr(stages, "build_brief", broken)
    results = _results(tmp_path)
    corpus = run_corpus_stages(results)
    assert len(corpus.articles) == 3 and corpus.stories and corpus.briefs == []
    assert len(corpus.errors) == len(corpus.stories)
    assert all("no brief: ValueError: no brief today" in e for e in corpus.errors)


def test_a_record_with_a_bad_span_is_dropped_alone(tmp_path: Path) -> None:
    results = _results(tmp_path)
    corpus = run_corpus_stages(results)
    assert corpus.errors == [] and corpus.quotes
    a = corpus.articles[0]
    span = a.span(0, 5)
    forged = Quote(id="q_forged", span=span.model_copy(update={"text": "XXXXX"}), text="XXXXX", kind="direct")
    n = len(corpus.quotes)
    corpus.quotes = [*corpus.quotes, forged]
    errors = drop_invalid_spans(corpus)
    assert len(corpus.quotes) == n and "q_forged" not in [q.id for q in corpus.quotes]
    assert len(errors) == 1 and errors[0].startswith(f"{a.source}: dropped a Quote")


def test_an_empty_json_list_is_one_error_not_a_silent_no_op(tmp_path):
    from storyline.ingest.readers.jsonfmt import read_json
    from storyline.ingest.readers.base import ReadError

    import pytest

    with pytest.raises(ReadError, match="empty JSON list"):  # dispatch turns it into one error line
        list(read_json(str(tmp_path / "x.json"), b"[]"))


def test_deeply_nested_extra_fields_are_kept_shallow_and_the_article_analysed(tmp_path):
    import json

    from storyline import Settings, analyze

    deep: object = 1
    for _ in range(500):
        deep = [deep]
    for i in range(3):  # several inputs, so that results cross process boundaries with 2 workers
        (tmp_path / f"a{i}.txt").write_text("Korsa closed its border with Aldoria on Tuesday, officials in "
                                            "Lindhaven said. The crossing stays closed until Friday.\n")
    (tmp_path / "deep.json").write_text(json.dumps({"text": "The council met on Monday in Lindhaven to discuss "
                                                    "the border closure with Aldoria.", "nested": deep}))
    corpus = analyze([tmp_path], Settings(workers=2))
    assert len(corpus.articles) == 4 and not corpus.errors
    corpus.model_dump_json()  # serialises: the nesting was cut at the boundary


def test_a_stray_nul_in_a_pasted_text_does_not_make_it_binary():
    from storyline.ingest.decode import decode_bytes, looks_binary

    text = b"Korsa closes crossing\nword\x00word\n\nLINDHAVEN \xe2\x80\x94 Korsa closed its border on Tuesday."
    assert not looks_binary(text)
    assert decode_bytes(text).startswith("Korsa closes crossing\nword word")
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


def test_a_warc_with_no_html_page_is_one_error_not_silence():
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from storyline.ingest.readers.warc import read_warc_stream

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    h = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
    w.write_record(w.create_warc_record("http://korsa.example/a.png", "response", payload=io.BytesIO(b"\x89PNG"),
                                        http_headers=h))
    items = list(read_warc_stream("crawl.warc.gz", io.BytesIO(buf.getvalue())))
    assert [str(i) for i in items] == ["crawl.warc.gz: no HTML page among its 1 response records"]
