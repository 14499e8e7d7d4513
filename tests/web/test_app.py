import json

import pytest
from typer.testing import CliRunner

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.cli import app as cli_app  # noqa: E402
from storyline.outputs import write_outputs  # noqa: E402
from storyline.model import Corpus  # noqa: E402
from storyline.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory, mini_corpus):
    folder = tmp_path_factory.mktemp("served")
    write_outputs(mini_corpus, folder)
    return TestClient(create_app(folder), base_url="http://localhost")  # the Host check allows local names


def test_api_lists_stories_and_serves_briefs(client, mini_corpus):
    stories = client.get("/api/stories").json()
    assert {s["id"] for s in stories} == {s.id for s in mini_corpus.stories}
    sid = stories[0]["id"]
    brief = client.get(f"/api/stories/{sid}/brief").json()
    assert brief["story_id"] == sid and all(s["citations"] for s in brief["sentences"])
    assert client.get(f"/api/stories/{sid}/brief?format=md").text.startswith("# ")
    assert client.get("/api/stories/nope").status_code == 404


def test_api_quotes_filter_by_speaker(client):
    quotes = client.get("/api/quotes", params={"speaker": "Lindqvist"}).json()
    assert quotes and all(q["speaker"] == "Anna Lindqvist" for q in quotes)


def test_cited_article_page_highlights_the_span_and_escapes_text(tmp_path, mini_corpus):
    hostile = mini_corpus.articles[0].model_copy(
        update={"text": mini_corpus.articles[0].text + "\n\n<script>alert('x')</script>"})
    corpus = Corpus(articles=[hostile, *mini_corpus.articles[1:]])
    (tmp_path / "analysis.json").write_text(corpus.model_dump_json())
    c = TestClient(create_app(tmp_path), base_url="http://localhost")
    r = c.get(f"/articles/{hostile.id}", params={"start": 0, "end": 9})
    assert r.status_code == 200
    assert "<script>" not in r.text and "&lt;script&gt;" in r.text
    assert f'<mark class="here" id="span">{hostile.text[:9]}</mark>' in r.text
    assert "script-src" not in r.headers["content-security-policy"]
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_story_page_links_every_cited_span(client, mini_corpus):
    s = mini_corpus.stories[0]
    page = client.get(f"/stories/{s.id}").text
    spans = {(c.article_id, c.start, c.end) for b in mini_corpus.briefs if b.story_id == s.id
             for x in b.sentences if x.section != "voices" for c in x.citations}
    for aid, start, end in spans:
        assert f"/articles/{aid}?start={start}&amp;end={end}#span" in page


def test_api_search_returns_cited_hits(client, mini_corpus):
    pytest.importorskip("duckdb_extension_fts")
    hits = client.get("/api/search", params={"q": "grain"}).json()
    texts = {a.id: a.text for a in mini_corpus.articles}
    assert hits
    for h in hits:
        assert texts[h["article_id"]][h["start"]:h["end"]] == h["text"]


def test_the_api_and_the_cli_find_the_same_quotes_by_speaker(client, mini_corpus, tmp_path):
    """One rule for --speaker and ?speaker=: any alias or spelling of the person (they disagreed)."""
    folder = tmp_path / "out"
    write_outputs(mini_corpus, folder)
    for wanted in ("Kowalczyk", "Ana Kovalchik", "Volkhov", "Varga"):
        api = {(q["span"]["article_id"], q["span"]["start"]) for q in
               client.get("/api/quotes", params={"speaker": wanted}).json()}
        cli = {(r["article_id"], r["start"]) for r in json.loads(
            CliRunner().invoke(cli_app, ["quotes", "--from", str(folder), "--speaker", wanted, "--json"]).stdout)}
        assert api == cli and api, wanted
