"""Each reader on realistic input and on the bad input users really have."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from storyline.ingest.readers import REGISTRY, read_inputs
from storyline.ingest.readers import base, files
from storyline.ingest.readers.feed import read_feed
from storyline.ingest.readers.jsonfmt import read_json, read_jsonl

from .conftest import split


def read(paths, **kw):
    return split(list(read_inputs(paths, **kw)))


def test_registry_has_one_reader_per_format():
    names = {r.name for r in REGISTRY}
    assert {"text", "html", "json", "jsonl", "feed", "warc"} <= names
    assert files.reader_for_name("x.warc.gz").__name__ == "read_warc"
    assert files.reader_for_name("X.HTM").__name__ == "read_html"


def test_txt_html_and_directories_recursive(tmp_path: Path, article_text: str):
    (tmp_path / "a.txt").write_text(article_text, encoding="utf-8")
    sub = tmp_path / "deeper" / "still"
    sub.mkdir(parents=True)
    (sub / "b.html").write_text(f"<html><body><article><p>{article_text}</p></article></body></html>")
    (tmp_path / ".hidden.txt").write_text(article_text)
    docs, errors = read([tmp_path])
    assert not errors
    assert sorted(Path(d.source).name for d in docs) == ["a.txt", "b.html"]
    assert {d.kind for d in docs} == {"text", "html"}


def test_encodings_are_detected_not_assumed(tmp_path: Path):
    ru = ("Депутаты парламента в четверг одобрили новый бюджет региона, несмотря на возражения "
          "оппозиции, которая требовала больше денег на школы и больницы.")
    de = "Die Bürgermeisterin äußerte sich zufrieden über die Einigung mit den Gewerkschaften im Hafen."
    (tmp_path / "cp1251.txt").write_bytes(ru.encode("cp1251"))
    (tmp_path / "utf16.txt").write_bytes(ru.encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes(de.encode("latin-1"))
    docs, errors = read([tmp_path])
    assert not errors
    by = {Path(d.source).name: d.content for d in docs}
    assert by["cp1251.txt"].strip() == ru
    assert by["utf16.txt"].strip() == ru
    assert by["latin1.txt"].strip() == de


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("page.txt", b"\x00\x01\x02garbage\x00" * 200, "binary"),
    ("broken.json", b'{"title": "x", "text": "unterminated', "broken JSON"),
    ("list.json", b'[1, 2]', "expected a JSON object"),
])
def test_bad_files_give_one_line_errors_naming_the_input(tmp_path: Path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("A good article with enough words to be read as one.")
    docs, errors = read([tmp_path])
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert errors and all(name in str(e) and "\n" not in str(e) for e in errors)
    assert any(reason in str(e) for e in errors)


def test_missing_path_is_an_error_and_the_batch_goes_on(tmp_path: Path, article_text: str):
    (tmp_path / "a.txt").write_text(article_text)
    docs, errors = read([tmp_path / "nope.txt", tmp_path / "a.txt"])
    assert len(docs) == 1 and "no such file" in str(errors[0])


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    (tmp_path / "huge.txt").write_text("word " * 1000)
    docs, errors = read([tmp_path / "huge.txt"])
    assert not docs and "too large" in str(errors[0])


def test_json_fields_mapped_and_unknown_fields_kept():
    data = json.dumps({"headline": "Tram approved", "link": "https://example.org/a", "publisher": {"name": "Gazette"},
                       "datePublished": "2024-04-04", "authors": ["A. Marsh", "P. Kline"], "body": "Text here.",
                       "section": "City", "word_count": 3}).encode()
    docs, errors = split(list(read_json("a.json", data)))
    (d,) = docs
    assert d.meta["title"] == "Tram approved" and d.meta["url"] == "https://example.org/a"
    assert d.meta["outlet"] == "Gazette" and d.meta["byline"] == "A. Marsh, P. Kline"
    assert d.meta["extra"] == {"section": "City", "word_count": 3}


def test_json_with_html_body_is_html():
    (d,) = read_json("a.json", json.dumps({"html": "<html><body><p>Hi</p></body></html>"}).encode())
    assert d.kind == "html"


def test_jsonl_broken_lines_are_errors_and_good_lines_survive(tmp_path: Path):
    lines = [json.dumps({"title": "one", "text": "First article text."}), "{not json", "",
             json.dumps(["not", "an", "object"]), json.dumps({"title": "no body"}),
             json.dumps({"title": "two", "text": "Second article text."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    docs, errors = read([tmp_path / "feed.jsonl"])
    assert [d.meta["title"] for d in docs] == ["one", "two"]
    assert [e.source.rsplit("#", 1)[1] for e in errors] == ["2", "4", "5"]


def test_jsonl_content_under_json_suffix():
    data = (json.dumps({"text": "a"}) + "\n" + json.dumps({"text": "b"})).encode()
    docs, _ = split(list(read_json("x.json", data)))
    assert [d.content for d in docs] == ["a", "b"]


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path: Path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    docs, errors = read([tmp_path / "deep.json"])
    assert not docs and len(errors) == 1


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Riverton Gazette</title><link>https://gazette.example/</link>
{items}
</channel></rss>"""
ITEM = """<item><title>Item {i}</title><link>https://gazette.example/{i}</link>
<pubDate>Thu, 04 Apr 2024 21:10:00 +0200</pubDate><author>desk@gazette.example (City desk)</author>
<description>&lt;p&gt;The council voted on item {i} late on Thursday, officials said.&lt;/p&gt;</description></item>"""


def test_rss_items_become_docs_with_metadata():
    data = RSS.format(items="".join(ITEM.format(i=i) for i in range(3))).encode()
    docs, errors = split(list(read_feed("feed.rss", data)))
    assert not errors and len(docs) == 3
    d = docs[1]
    assert d.source == "feed.rss#2" and d.meta["title"] == "Item 1"
    assert d.meta["url"] == "https://gazette.example/1" and d.meta["outlet"] == "Riverton Gazette"
    assert d.meta["published"].startswith("2024-04-04") and d.kind == "html"


def test_atom_feed_is_sniffed_without_suffix(tmp_path: Path):
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Nordic Mail</title><entry><title>Strike ends</title><link href="https://mail.example/s"/>
    <updated>2024-05-02T08:00:00Z</updated><content type="text">The strike ended on Tuesday.</content></entry></feed>"""
    (tmp_path / "download").write_text(atom)
    docs, errors = read([tmp_path / "download"])
    assert not errors and docs[0].meta["title"] == "Strike ends" and docs[0].kind == "text"


def test_feed_with_10k_items_is_read_in_full():
    data = RSS.format(items="".join(ITEM.format(i=i) for i in range(10_000))).encode()
    docs, errors = split(list(read_feed("big.rss", data)))
    assert len(docs) == 10_000 and not errors


def test_feed_without_items_is_one_error():
    with pytest.raises(base.ReadError, match="without items"):
        list(read_feed("x.rss", b"<rss><channel><title>t</title></channel></rss>"))


def _warc(tmp_path: Path, pages: dict[str, bytes], gz: bool = True) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for uri, body in pages.items():
            ctype = "image/png" if uri.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return path


def test_warc_html_responses_become_docs(tmp_path: Path, article_text: str):
    html = f"<html><body><article><p>{article_text}</p></article></body></html>".encode()
    path = _warc(tmp_path, {"https://a.example/1": html, "https://a.example/logo.png": b"\x89PNG\x00\x00",
                            "https://b.example/2": html})
    docs, errors = read([path])
    assert not errors
    assert [d.meta["url"] for d in docs] == ["https://a.example/1", "https://b.example/2"]
    assert all(d.kind == "html" and "crawled" in d.meta["extra"] for d in docs)
    assert "published" not in docs[0].meta  # a crawl date is not a publish date


def test_uncompressed_warc_is_sniffed(tmp_path: Path, article_text: str):
    path = _warc(tmp_path, {"https://a.example/1": f"<html><body><p>{article_text}</p></body></html>".encode()},
                 gz=False)
    renamed = path.rename(tmp_path / "crawl.bin")
    docs, errors = read([renamed])
    assert len(docs) == 1 and not errors


def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path, article_text: str):
    html = f"<html><body><p>{article_text}</p></body></html>".encode()
    path = _warc(tmp_path, {f"https://a.example/{i}": html for i in range(3)}, gz=False)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.8)])
    docs, errors = read([path])
    assert len(docs) >= 2
    assert all(str(path) in str(e) for e in errors)


def test_stdin(monkeypatch, article_text: str):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_text.encode("utf-8"))))
    docs, errors = read(["-"])
    assert docs[0].source == "<stdin>" and docs[0].kind == "text" and not errors


def test_stdin_html_is_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<!DOCTYPE html><html><body><p>x</p></body></html>")))
    docs, _ = read(["-"])
    assert docs[0].kind == "html"


def test_reader_bug_stays_local(tmp_path: Path, monkeypatch, article_text: str):
    (tmp_path / "a.txt").write_text(article_text)
    (tmp_path / "b.txt").write_text(article_text)
    real = files.dispatch

    def flaky(source, data):
        if source.endswith("a.txt"):
            raise RuntimeError("reader bug")
        return real(source, data)

    monkeypatch.setattr(files, "dispatch", flaky)
    docs, errors = read([tmp_path])
    assert [Path(d.source).name for d in docs] == ["b.txt"]
    assert "reader bug" in str(errors[0]) and "a.txt" in str(errors[0])
