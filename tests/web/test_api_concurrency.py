"""The API's kept answers (serialised stories and briefs, search hits) say what the records say,
and concurrent requests get the same answers as one at a time."""

from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.cli import write_outputs  # noqa: E402
from storyline.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory, mini_corpus):
    folder = tmp_path_factory.mktemp("served-concurrently")
    write_outputs(mini_corpus, folder)
    return TestClient(create_app(folder), base_url="http://localhost")


def test_stories_and_briefs_are_their_records(client, mini_corpus):
    for story in mini_corpus.stories:
        r = client.get(f"/api/stories/{story.id}")
        assert r.headers["content-type"] == "application/json"
        assert r.json() == story.model_dump(mode="json")
        assert client.get(f"/api/stories/{story.id}").content == r.content
    for brief in mini_corpus.briefs:
        assert client.get(f"/api/stories/{brief.story_id}/brief").json() == brief.model_dump(mode="json")
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories/nope/brief").status_code == 404


def test_twenty_concurrent_requests_get_the_answers_of_one_at_a_time(client, mini_corpus):
    sid = mini_corpus.stories[0].id
    urls = [f"/api/stories/{sid}", f"/api/stories/{sid}/brief", "/api/stories", "/api/entities?type=PERSON",
            "/api/quotes?speaker=Lindqvist", "/api/search?q=grain", "/api/search?q=reckless+gamble&limit=3",
            "/api/search?q=zeppelin", "/api/search?q=grain+talks&limit=7", "/api/stories/nope"]
    with ThreadPoolExecutor(20) as pool:  # first, so that the searches are computed concurrently
        together = list(pool.map(lambda u: (u, client.get(u)), urls * 4))
    alone = {u: (r.status_code, r.content) for u, r in ((u, client.get(u)) for u in urls)}
    for u, r in together:
        assert (r.status_code, r.content) == alone[u], u
    assert alone["/api/search?q=grain"][0] == 200 and alone["/api/search?q=grain"][1] != b"[]"
