"""The web reader's story page lists related stories, linked and escaped."""

import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.brief.build import build_brief  # noqa: E402
from storyline.model import Article, Corpus, RelatedStory, Story  # noqa: E402
from storyline.web.app import create_app  # noqa: E402

T1 = "Mayor Ilse Brandt said the Harlow bridge collapsed after the floods. Brandt ordered a ferry."
T2 = "Three weeks later Mayor Ilse Brandt told an inquiry about the Harlow bridge. Brandt blamed neglect."


def test_story_page_links_related_stories_and_escapes_text(tmp_path):
    a1 = Article(id="a1", source="a1.txt", outlet="Coast Times", published="2025-04-01", text=T1)
    a2 = Article(id="a2", source="a2.txt", outlet="Vale Herald", published="2025-04-22", text=T2)
    why = "same people: Ilse Brandt <b>; 3 weeks later"
    ev = [a1.span(6, 17), a2.span(24, 35)]
    s1 = Story(id="s_one", title="Harlow bridge collapses", article_ids=["a1"], first_seen="2025-04-01",
               related=[RelatedStory(story_id="s_two", title="Inquiry <script>", why=why, evidence=ev, score=1.0)])
    s2 = Story(id="s_two", title="Inquiry <script>x</script>", article_ids=["a2"], first_seen="2025-04-22",
               related=[RelatedStory(story_id="s_one", title="Harlow bridge collapses", why=why, evidence=ev)])
    arts = {a.id: a for a in (a1, a2)}
    sents = {a.id: [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", a.text)] for a in (a1, a2)}
    briefs = [build_brief(s, arts, sents, [], {}) for s in (s1, s2)]
    (tmp_path / "analysis.json").write_text(Corpus(articles=[a1, a2], stories=[s1, s2], briefs=briefs).model_dump_json())
    client = TestClient(create_app(tmp_path), base_url="http://localhost")
    page = client.get("/stories/s_one").text
    assert '<h2 id="h-related">Related</h2>' in page
    assert "<a href='/stories/s_two'>Inquiry &lt;script&gt;x&lt;/script&gt;</a>" in page
    assert "same people: Ilse Brandt &lt;b&gt;; 3 weeks later" in page
    assert "<script>" not in page and "<b>;" not in page
    back = client.get("/stories/s_two").text
    assert "<a href='/stories/s_one'>Harlow bridge collapses</a>" in back
    html_brief = client.get("/api/stories/s_one/brief", params={"format": "html"}).text
    assert "href='/stories/s_two'" in html_brief
    assert client.get("/api/stories/s_one").json()["related"][0]["story_id"] == "s_two"
