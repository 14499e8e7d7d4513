"""What changed since the last run (``--extend-stories``), on the invented rockslide story: the
articles the previous run did not have and the summary points its brief did not give, each cited;
a story the previous run did not have gets no such section."""

from __future__ import annotations

import json

from storyline.brief.changes import previous_briefs, since_last_run
from storyline.brief.render import render_json
from storyline.model import Corpus, Story

from .test_lead_and_bullets import _sentences
from .test_panels import _brief


def test_new_articles_and_new_points_are_listed_and_cited(tmp_path):
    brief, arts = _brief()
    old = brief.model_copy(update={"sentences": [s for s in brief.sentences if s.section != "summary"]})
    (tmp_path / "s.json").write_text(render_json(old), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")  # a damaged file is skipped
    story = Story(id="s", title="Rockslide", article_ids=list(arts))
    corpus = Corpus(articles=list(arts.values()), stories=[story], briefs=[brief])
    sents = {k: _sentences(a.text) for k, a in arts.items()}
    out = since_last_run(corpus, previous_briefs(tmp_path), {"a", "b"}, sents).briefs[0]
    changes = [s for s in out.sentences if s.section == "changes"]
    assert changes[0].text.startswith("New article from Outlet C (2026-02-03T11:00): Varn valley road shut")
    assert changes[0].citations[0].article_id == "c"
    assert any(s.text.startswith("New in the summary: ") for s in changes)
    assert all(s.citations for s in changes) and "## Since the last run" in out.markdown
    assert json.loads(render_json(out))["sentences"][0]["section"] == "changes"


def test_a_story_the_previous_run_did_not_have_has_no_changes_section(tmp_path):
    brief, arts = _brief()
    corpus = Corpus(articles=list(arts.values()), stories=[Story(id="s", title="t", article_ids=list(arts))],
                    briefs=[brief])
    out = since_last_run(corpus, previous_briefs(tmp_path / "none"), set(), {}).briefs[0]
    assert not [s for s in out.sentences if s.section == "changes"]
