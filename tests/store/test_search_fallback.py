"""Search on a database without full-text indexes (written without the 'search' extra, or opened
read-only before they were built): the indexes are built when possible, else a plain scan answers."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from storyline.store import search as search_mod
from storyline.store.duckdb_store import Store


def _no_extension(con):
    raise search_mod.SearchUnavailable("full-text search needs the 'search' extra")


def _check(hits, corpus):
    arts = {a.id: a for a in corpus.articles}
    assert any(h.kind == "quote" and "reckless gamble" in h.text for h in hits)
    for h in hits:
        assert arts[h.article_id].text[h.start:h.end] == h.text


def test_search_without_the_extension_scans(tmp_path, mini_corpus, monkeypatch):
    monkeypatch.setattr(search_mod, "load_fts", _no_extension)
    with Store(tmp_path / "s.duckdb") as s:
        s.write(mini_corpus)  # no index: the extension is "missing"
        hits = s.search("reckless gamble")
        _check(hits, mini_corpus)
        assert s.search("helicopter submarine zeppelin") == []
        assert s.search("") == []


def test_an_unindexed_database_read_only_scans_and_read_write_builds_the_index(tmp_path, mini_corpus, monkeypatch):
    pytest.importorskip("duckdb_extension_fts")
    db = tmp_path / "s.duckdb"
    with monkeypatch.context() as m:
        m.setattr(search_mod, "load_fts", _no_extension)
        with Store(db) as s:
            s.write(mini_corpus)
    with Store(db, read_only=True) as s:
        assert not search_mod._has_index(s.con)
        _check(s.search("reckless gamble"), mini_corpus)
    with Store(db) as s:
        _check(s.search("reckless gamble"), mini_corpus)
        assert search_mod._has_index(s.con)


def test_search_on_an_empty_or_foreign_database(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    con.execute("CREATE TABLE other (x INTEGER)")
    assert search_mod.search(con, "anything") == []


def test_cli_search_on_output_written_without_the_extra(tmp_path, mini_corpus, monkeypatch):
    from storyline.cli import app, write_outputs

    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(search_mod, "load_fts", _no_extension)
        write_outputs(mini_corpus, out)
    r = CliRunner().invoke(app, ["search", "reckless gamble", "--from", str(out), "--json"])
    assert r.exit_code == 0, r.output
    assert any("reckless gamble" in h["text"] for h in json.loads(r.stdout))
    r = CliRunner().invoke(app, ["search", "reckless gamble", "--from", str(out)])
    assert r.exit_code == 0 and "reckless gamble" in r.stdout
