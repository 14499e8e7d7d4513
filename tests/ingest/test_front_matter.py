"""Front matter at the top of pasted text: the same metadata as a JSON input's fields, cut from the text."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

from storyline.ingest.article import build_article
from storyline.ingest.readers import RawDoc, read_inputs
from storyline.ingest.readers.text import read_txt, split_front_matter

from .conftest import split

BODY = ("Korsa closed its busiest border crossing with Aldoria at Lindhaven on Friday, the interior ministry "
        "said, after two days of protests by hauliers over new customs checks on grain shipments.\n\n"
        "Queues of lorries stretched for eleven kilometres on the Aldorian side by the evening, and the port "
        "authority in Lindhaven said ferries to Varnia would run on a reduced timetable until Monday.\n\n"
        "\"We cannot guarantee the safety of drivers at the crossing,\" a ministry spokeswoman said.\n")
FRONT = ("---\n"
         "title: Korsa closes border crossing at Lindhaven\n"
         "outlet: Nordwire\n"
         "published: 2025-03-14\n"
         "url: https://nordwire.example/korsa-border\n"
         "author: Ilse Marrow\n"
         "language: en\n"
         "---\n")


def articles(paths):
    docs, errors = split(list(read_inputs(paths)))
    assert not errors, errors
    return [build_article(d) for d in docs]


def test_front_matter_becomes_article_metadata(tmp_path: Path):
    (tmp_path / "korsa.txt").write_text(FRONT + BODY, encoding="utf-8")
    (a,) = articles([tmp_path / "korsa.txt"])
    assert a.title == "Korsa closes border crossing at Lindhaven"
    assert a.outlet == "Nordwire"
    assert (a.published, a.published_source) == ("2025-03-14", "metadata")
    assert a.url == "https://nordwire.example/korsa-border"
    assert a.byline == "Ilse Marrow"
    assert a.language == "en"
    assert a.text.startswith("Korsa closed its busiest border crossing")
    assert "---" not in a.text and "title:" not in a.text and "Nordwire" not in a.text
    assert a.extra == {}


def test_aliases_quotes_and_unknown_keys(tmp_path: Path):
    front = ("\n\n---\n"
             "Title: \"Korsa closes border crossing at Lindhaven\"\n"
             "site: 'Nordwire'\n"
             "date: 14 March 2025\n"
             "byline: Ilse Marrow\n"
             "link: https://nordwire.example/korsa-border\n"
             "\n"
             "section: Politics\n"
             "desk-editor: Teodor Vance\n"
             "---\n\n")
    (tmp_path / "korsa.txt").write_text(front + BODY, encoding="utf-8")
    (a,) = articles([tmp_path / "korsa.txt"])
    assert (a.title, a.outlet, a.byline, a.url) == ("Korsa closes border crossing at Lindhaven", "Nordwire",
                                                   "Ilse Marrow", "https://nordwire.example/korsa-border")
    assert (a.published, a.published_source) == ("2025-03-14", "metadata")
    assert a.extra == {"section": "Politics", "desk_editor": "Teodor Vance"}
    assert a.text.startswith("Korsa closed its busiest")


def test_source_alias_and_first_alias_wins():
    meta, body = split_front_matter("---\nsource: Nordwire\noutlet: Lindhaven Courier\n---\nText.\n")
    assert meta["outlet"] == "Lindhaven Courier"  # as in JSON: "outlet" before "source"
    assert body == "Text.\n"
    meta, _ = split_front_matter("---\nsource: Nordwire\n---\nText.\n")
    assert meta["outlet"] == "Nordwire"


def test_metadata_wins_over_what_the_page_says(tmp_path: Path):
    pasted = ("Lindhaven Courier\nHome | World | Business\n"
              "Border crossing shut after protests\nBy Rasmus Koll\nPublished: 2 March 2025\n\n" + BODY)
    (tmp_path / "plain.txt").write_text(pasted, encoding="utf-8")
    (tmp_path / "with_front.txt").write_text(FRONT + pasted, encoding="utf-8")
    plain, front = sorted(articles([tmp_path]), key=lambda a: a.source)
    assert (plain.outlet, plain.byline, plain.published) == ("Lindhaven Courier", "Rasmus Koll", "2025-03-02")
    assert front.title == "Korsa closes border crossing at Lindhaven"
    assert (front.outlet, front.byline) == ("Nordwire", "Ilse Marrow")
    assert (front.published, front.published_source) == ("2025-03-14", "metadata")
    assert front.text.startswith("Korsa closed its busiest")


def test_front_matter_behaves_like_the_json_fields(tmp_path: Path):
    (tmp_path / "a.txt").write_text(FRONT + BODY, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({
        "title": "Korsa closes border crossing at Lindhaven", "outlet": "Nordwire", "published": "2025-03-14",
        "url": "https://nordwire.example/korsa-border", "author": "Ilse Marrow", "language": "en",
        "text": BODY}), encoding="utf-8")
    txt, js = sorted(articles([tmp_path]), key=lambda a: a.source)
    fields = ("title", "outlet", "published", "published_source", "url", "byline", "language", "text", "extra")
    assert {f: getattr(txt, f) for f in fields} == {f: getattr(js, f) for f in fields}


def test_malformed_front_matter_leaves_the_text_untouched():
    no_close = "---\ntitle: Korsa closes border crossing\noutlet: Nordwire\n\n" + BODY
    (doc,) = read_txt("a.txt", no_close.encode())
    assert doc.content == no_close and doc.meta == {}

    rule_then_prose = "---\nThe crossing at Lindhaven was closed on Friday.\n---\n" + BODY
    (doc,) = read_txt("b.txt", rule_then_prose.encode())
    assert doc.content == rule_then_prose and doc.meta == {}

    not_first = "Nordwire\n---\ntitle: x\n---\n" + BODY
    (doc,) = read_txt("c.txt", not_first.encode())
    assert doc.content == not_first and doc.meta == {}

    too_long = "---\n" + "".join(f"key{i}: value\n" for i in range(60)) + "---\n" + BODY
    (doc,) = read_txt("d.txt", too_long.encode())
    assert doc.content == too_long and doc.meta == {}


def test_front_matter_without_text_is_one_error(tmp_path: Path):
    (tmp_path / "only.txt").write_text(FRONT)
    docs, errors = split(list(read_inputs([tmp_path / "only.txt"])))
    assert not docs and "front matter but no article text" in str(errors[0])


def test_front_matter_on_stdin_crlf_and_in_a_compressed_file(tmp_path: Path, monkeypatch):
    crlf = (FRONT + BODY).replace("\n", "\r\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(crlf)))
    (tmp_path / "korsa.txt.gz").write_bytes(gzip.compress((FRONT + BODY).encode()))
    stdin_doc, gz_doc = split(list(read_inputs(["-", tmp_path / "korsa.txt.gz"])))[0]
    for doc in (stdin_doc, gz_doc):
        assert isinstance(doc, RawDoc) and doc.meta["outlet"] == "Nordwire"
        a = build_article(doc)
        assert (a.title, a.published, a.published_source) == ("Korsa closes border crossing at Lindhaven",
                                                              "2025-03-14", "metadata")
        assert a.text.startswith("Korsa closed its busiest")
