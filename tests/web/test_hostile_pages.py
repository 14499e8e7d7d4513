"""Article text, metadata and names are untrusted: every reader page shows them as text."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.brief.build import build_brief  # noqa: E402
from storyline.model import (Article, ClaimRow, Comparison, Corpus, Entity, Evidenced, Quote,  # noqa: E402
                             Story)
from storyline.web.app import create_app  # noqa: E402

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"
T1 = (f"Mayor Ilse Brandt said the Harlow bridge collapsed after the floods. {EVIL} "
      "\"We will rebuild it,\" Brandt said. The repair will cost 4 million euros.")
T2 = "Engineers said the Harlow bridge collapsed after the floods. The repair will cost 4 million euros."


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    a1 = Article(id="a1", source="a1.txt", outlet="Coast <b>Times</b>", title=f"Bridge {EVIL}",
                 byline="Eve \" onmouseover=\"x", url="javascript:alert(3)", published=None, text=T1)
    a2 = Article(id="a2", source="a2.txt", outlet="Vale Herald", published="2025-04-02", text=T2)
    q_at = T1.index("We will")
    quote = Quote(id="q1", span=a1.span(q_at, q_at + 16), text=T1[q_at:q_at + 16], kind="direct",
                  speaker="Ilse <i>Brandt</i>", speaker_entity="e1", confidence=0.9)
    ent = Entity(id="e1", name="Ilse <i>Brandt</i>", type="PERSON", aliases=["Brandt <svg onload=alert(4)>"],
                 mentions=[a1.span(6, 17)], roles=["mayor <u>"])
    evil_at = T1.index("<script>")
    comp = Comparison(claims=[ClaimRow(text=f"cost {EVIL}", evidence=[a1.span(evil_at, evil_at + 25)],
                                       support=["Coast <b>Times</b>"], omit=["Vale Herald"])],
                      voices=[Evidenced(text=f"Coast <b>Times</b> quotes {EVIL}", evidence=[quote.span])])
    story = Story(id="s1", title=f"Collapse {EVIL}", article_ids=["a1", "a2"], first_seen=None, last_seen=None,
                  comparison=comp)
    arts = {"a1": a1, "a2": a2}
    sents = {a.id: [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", a.text)] for a in arts.values()}
    brief = build_brief(story, arts, sents, [quote], {"e1": ent})
    folder = tmp_path_factory.mktemp("hostile")
    corpus = Corpus(articles=[a1, a2], stories=[story], briefs=[brief], quotes=[quote], entities=[ent])
    (folder / "analysis.json").write_text(corpus.model_dump_json())
    return TestClient(create_app(folder), base_url="http://localhost")


@pytest.mark.parametrize("path", ["/", "/stories/s1", "/articles/a1", "/articles/a1?start=0&end=5", "/entities",
                                  "/entities/e1", "/quotes", "/quotes?speaker=Brandt", "/search?q=bridge",
                                  "/search?q=Brandt", "/search?q=<script>alert(1)</script>"])
def test_hostile_text_is_escaped_everywhere(client, path):
    r = client.get(path)
    assert r.status_code == 200, path
    page = r.text
    assert not re.search(r"<(script|img|svg|b|i|u)\b", page), (path, re.search(r"<(script|img|svg|b|i|u)\b", page))
    assert "onmouseover=\"x" not in page and "javascript:" not in page
    assert "&lt;" in page
    assert not re.search(r"\bNone\b", page)


def test_unknown_dates_read_as_unknown(client):
    assert "dates unknown" in client.get("/").text
    assert "date unknown" in client.get("/articles/a1").text
    assert "date unknown" in client.get("/stories/s1").text


def test_a_hostile_query_is_shown_as_text(client):
    page = client.get("/search", params={"q": "\"><script>x</script>"}).text
    assert 'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in page
