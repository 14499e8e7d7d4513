"""The API's limits: every parameter bounded (422, never 500), search without an index, and a Host
check so a page on another name (DNS rebinding) cannot read the API."""

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.outputs import write_outputs  # noqa: E402
from storyline.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory, mini_corpus):
    folder = tmp_path_factory.mktemp("served-limits")
    write_outputs(mini_corpus, folder)
    return folder


@pytest.fixture(scope="module")
def client(folder):
    return TestClient(create_app(folder), base_url="http://127.0.0.1:8000", raise_server_exceptions=False)


@pytest.mark.parametrize("limit", ["-1", "0", "1000000", "99999999999999999999", "abc"])
def test_search_limit_is_validated(client, limit):
    r = client.get("/api/search", params={"q": "grain", "limit": limit})
    assert r.status_code == 422, r.text


def test_search_within_limits_answers(client):
    r = client.get("/api/search", params={"q": "grain", "limit": 3})
    assert r.status_code == 200 and 0 < len(r.json()) <= 3
    pytest.importorskip("duckdb_extension_fts")
    assert r.headers["x-search"] == "index"


@pytest.mark.parametrize("path,params", [
    ("/api/search", {"q": ""}),
    ("/api/search", {"q": "x" * 5000}),
    ("/api/quotes", {"speaker": "x" * 5000}),
    ("/api/quotes", {"limit": -1}),
    ("/api/quotes", {"offset": -1}),
    ("/api/entities", {"type": "x" * 5000}),
    ("/api/entities", {"limit": 10 ** 9}),
    ("/api/stories", {"limit": 0}),
    ("/articles/a", {"start": -5, "end": 3}),
    ("/api/stories/s/brief", {"format": "pdf"}),
])
def test_every_parameter_is_bounded(client, path, params):
    assert client.get(path, params=params).status_code == 422


def test_lists_page_with_limit_and_offset(client, mini_corpus):
    everything = client.get("/api/quotes").json()
    assert len(everything) == len(mini_corpus.quotes)
    page = client.get("/api/quotes", params={"limit": 2, "offset": 1}).json()
    assert page == everything[1:3]
    assert len(client.get("/api/entities", params={"limit": 1}).json()) == 1
    assert len(client.get("/api/stories", params={"limit": 1}).json()) == 1


@pytest.mark.parametrize("db", ["missing", "no-index", "broken"])
def test_search_without_an_index_scans_instead_of_failing(tmp_path, mini_corpus, db):
    write_outputs(mini_corpus, tmp_path)
    path = tmp_path / "storyline.duckdb"
    if db == "missing":
        path.unlink()
    elif db == "broken":
        path.write_bytes(b"not a database")
    else:
        import duckdb

        con = duckdb.connect(str(path))
        try:
            con.execute("DROP SCHEMA IF EXISTS fts_main_articles CASCADE")
            con.execute("DROP SCHEMA IF EXISTS fts_main_quotes CASCADE")
        finally:
            con.close()
    c = TestClient(create_app(tmp_path), base_url="http://localhost", raise_server_exceptions=False)
    r = c.get("/api/search", params={"q": "grain", "limit": 5})
    assert r.status_code == 200, r.text
    # without the database the API scans analysis.json; a database without its index is searched by
    # the store, which scans or builds the index itself
    assert r.headers["x-search"] == ("index" if db == "no-index" else "scan")
    hits = r.json()
    texts = {a.id: a.text for a in mini_corpus.articles}
    assert hits and len(hits) <= 5
    for h in hits:
        assert texts[h["article_id"]][h["start"]:h["end"]] == h["text"]
        assert "grain" in h["text"].lower()


# -- Host check -------------------------------------------------------------------------------------

def test_a_foreign_host_is_refused(folder):
    c = TestClient(create_app(folder), base_url="http://evil.example")
    assert c.get("/api/stories").status_code == 400
    assert c.get("/").status_code == 400
    c = TestClient(create_app(folder), base_url="http://localhost:8000")
    assert c.get("/api/stories", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:9", "[::1]", "[::1]:8000"])
def test_local_names_are_allowed(folder, host):
    c = TestClient(create_app(folder), base_url="http://localhost")
    assert c.get("/api/stories", headers={"Host": host}).status_code == 200


def test_the_bound_host_and_extra_hosts_are_allowed(folder):
    app = create_app(folder, bind_host="192.168.1.20")
    assert TestClient(app, base_url="http://192.168.1.20:8000").get("/api/stories").status_code == 200
    assert TestClient(app, base_url="http://evil.example").get("/api/stories").status_code == 400
    app = create_app(folder, allowed_hosts=["news.internal"])
    assert TestClient(app, base_url="http://news.internal").get("/api/stories").status_code == 200
    assert TestClient(app, base_url="http://localhost").get("/api/stories").status_code == 200
    assert TestClient(app, base_url="http://evil.example").get("/api/stories").status_code == 400


def test_binding_every_interface_does_not_allow_every_name(folder):
    app = create_app(folder, bind_host="0.0.0.0")
    assert TestClient(app, base_url="http://evil.example").get("/api/stories").status_code == 400
    assert TestClient(app, base_url="http://0.0.0.0:8000").get("/api/stories").status_code == 400
