"""The search the API keeps open: the same hits as opening the database per request (as it did
before), one connection for every request and thread, and nothing kept when it cannot answer."""

import dataclasses
import threading

import pytest

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("fastapi")

from storyline.cli import write_outputs  # noqa: E402
from storyline.store.search import search  # noqa: E402
from storyline.web import index_search  # noqa: E402
from storyline.web.index_search import IndexSearch  # noqa: E402

QUERIES = [("grain", 20), ("reckless gamble", 20), ("Lindqvist", 5), ("grain export talks", 3),
           ("helicopter submarine zeppelin", 20), ("a", 20), ("grain", 200)]


@pytest.fixture(scope="module")
def db(tmp_path_factory, mini_corpus):
    folder = tmp_path_factory.mktemp("indexed")
    write_outputs(mini_corpus, folder)
    return folder / "storyline.duckdb"


def per_request(db, query, limit):
    """The API's search before the connection was kept: open, search, close, every time."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [dataclasses.asdict(h) for h in search(con, query, limit)]
    finally:
        con.close()


def test_same_hits_as_a_connection_per_request(db):
    index = IndexSearch(db)
    try:
        for query, limit in QUERIES:
            expected = per_request(db, query, limit)
            assert index.hits(query, limit) == expected, query
            assert index.hits(query, limit) == expected, query  # and again, from the memo
        assert index.hits("grain", 20)  # the fixture has hits: the comparison above is not empty == empty
    finally:
        index.close()


def test_one_connection_for_every_search_and_thread(db, monkeypatch):
    expected = {(q, n): per_request(db, q, n) for q, n in QUERIES}
    opened, used = [], []  # used: (thread, cursor), the cursor kept so that its id is not reused
    connect = duckdb.connect
    monkeypatch.setattr(index_search.duckdb, "connect", lambda *a, **k: opened.append(a) or connect(*a, **k))
    monkeypatch.setattr(index_search, "search",
                        lambda cur, q, n: used.append((threading.get_ident(), cur)) or search(cur, q, n))
    index = IndexSearch(db, cache_size=1)  # a tiny memo, so the database answers again and again
    try:
        errors = []

        def work():
            try:
                for query, limit in QUERIES:
                    assert index.hits(query, limit) == expected[query, limit]
            except BaseException as e:  # reported by the main thread
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        assert len(opened) == 1 and used
        owners = {}
        for thread, cur in used:
            assert owners.setdefault(id(cur), thread) == thread  # never one cursor in two threads
    finally:
        index.close()


def test_a_missing_database_is_no_answer_and_is_tried_again(tmp_path, db):
    path = tmp_path / "later.duckdb"
    index = IndexSearch(path)
    assert index.hits("grain", 20) is None
    path.write_bytes(db.read_bytes())  # the file appears (a copy of a complete store)
    try:
        assert index.hits("grain", 20) == per_request(path, "grain", 20)
    finally:
        index.close()


def test_a_damaged_database_is_no_answer(tmp_path):
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"not a database")
    assert IndexSearch(path).hits("grain", 20) is None


def test_closed_then_searched_again_reopens(db):
    index = IndexSearch(db, cache_size=1)
    try:
        first = index.hits("grain", 20)
        index.close()
        assert index.hits("reckless gamble", 20) == per_request(db, "reckless gamble", 20)
        assert index.hits("grain", 20) == first
    finally:
        index.close()
