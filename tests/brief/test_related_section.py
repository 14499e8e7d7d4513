"""The brief lists related stories as a plain, escaped list: not brief sentences, so citations stay
those of the story's own articles."""

from __future__ import annotations

import json

from storyline.brief.build import build_brief
from storyline.brief.render import render_html, render_json
from storyline.model import RelatedStory, check_spans


def with_related(inputs):
    a1 = inputs.articles["a1"]
    i = a1.text.index("Ilse Brandt")
    rel = RelatedStory(story_id="s_inquiry", title="Inquiry into <script>bridge</script> [collapse](x)",
                       why="same people: Ilse Brandt; 3 weeks later", evidence=[a1.span(i, i + 11)], score=1.5)
    return inputs.story.model_copy(update={"related": [rel]}), rel


def test_markdown_lists_related_story_title_and_reason(inputs):
    story, rel = with_related(inputs)
    b = build_brief(story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    section = b.markdown.split("## Related stories", 1)[1].split("## Sources", 1)[0]
    assert "same people: Ilse Brandt; 3 weeks later" in section
    assert "(s_inquiry.md)" in section
    assert "<script>" not in section and "&lt;script&gt;" in section and "\\[collapse\\]" in section
    # not a brief sentence: every sentence still cites this story's own articles
    assert all(s.citations and s.section != "related" for s in b.sentences)
    assert all(c.article_id in story.article_ids for s in b.sentences for c in s.citations)
    assert b.related == [rel]


def test_html_and_json_show_related_stories(inputs):
    story, rel = with_related(inputs)
    b = build_brief(story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    page = render_html(b, story, inputs.articles)
    assert "<h2>Related stories</h2>" in page and "href='s_inquiry.html'" in page
    assert "<script" not in page.lower() and "Inquiry into &lt;script&gt;" in page
    assert "href='/stories/s_inquiry'" in render_html(b, story, inputs.articles, lambda sid: f"/stories/{sid}")
    data = json.loads(render_json(b))
    assert data["related"][0]["story_id"] == "s_inquiry" and data["related"][0]["why"] == rel.why
    assert check_spans(inputs.articles.values(), b.related) == []


def test_no_related_section_without_links(inputs):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    assert "Related stories" not in b.markdown and "Related stories" not in render_html(b, inputs.story, inputs.articles)
