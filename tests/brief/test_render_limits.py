"""Markdown briefs show article-derived markup as text, and copy at most a sane length of anything."""

from __future__ import annotations

import re

from storyline.brief.build import build_brief
from storyline.brief.render import MAX_HEADLINE_CHARS, MAX_TEXT_CHARS, render_html, render_markdown
from storyline.model import Article, Brief, BriefSentence, Story


def md_brief(inputs):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    return b, b.markdown


def test_markdown_shows_raw_html_from_articles_as_text(inputs):
    _, md = md_brief(inputs)
    assert "<script" not in md.lower() and "<img" not in md.lower() and "<b>" not in md
    assert "&lt;script&gt;" in md  # the headline and the summary sentence keep their words, as text
    assert "Vale &lt;b&gt;Herald&lt;/b&gt;" in md


def test_markdown_keeps_its_own_structure_and_citations(inputs):
    b, md = md_brief(inputs)
    assert md.startswith("# Harlow bridge closed &lt;script&gt;x&lt;/script&gt;\n")
    assert "## Summary" in md and "## Sources" in md
    assert re.search(r"^- .+ \[\d\]", md, re.M)  # citations the renderer made stay plain [n]
    assert "[4] Reprint Daily · 2025-04-02 · copy of [3]" in md


def _one_article_story(title: str, text: str, outlet: str = "Gazette"):
    a = Article(id="a1", source="a.txt", outlet=outlet, title=title, published="2025-05-01", language="en", text=text)
    story = Story(id="s1", title=title, article_ids=["a1"], first_seen="2025-05-01", last_seen="2025-05-01")
    return a, story


def test_markdown_injection_through_article_text_is_inert():
    text = ("Officials met on Monday. [click here](javascript:alert(1)) ![pixel](http://tracker.example/p.gif)\n"
            "# Not a heading\n> not a quote\n<div onclick=x>AT&T</div>")
    a, story = _one_article_story("A [link](http://evil.example) title", text, outlet="<i>Gazette</i>")
    brief = Brief(story_id="s1", headline=story.title,
                  sentences=[BriefSentence(text=text, citations=[a.span(0, len(text))], section="summary")])
    md = render_markdown(brief, story, {"a1": a})
    assert "\\[click here\\]" in md and "!\\[pixel\\]" in md and "\\[link\\]" in md
    assert "<div" not in md and "&lt;div onclick=x&gt;AT&amp;T&lt;/div&gt;" in md
    assert "<i>" not in md and "&lt;i&gt;Gazette&lt;/i&gt;" in md
    # article newlines cannot start a heading, a block quote or a new list item of their own
    body = [ln for ln in md.splitlines() if ln.startswith(("#", ">"))]
    assert body == ["# A \\[link\\](http://evil.example) title", "## Summary", "## Sources"]
    assert sum(1 for ln in md.splitlines() if ln.startswith("- ")) == 1


def test_a_huge_title_is_not_copied_whole_into_the_brief():
    title = "Ferry " + "timetable " * 500_000  # a 5 MB title
    text = "The harbour board of Eastmere agreed on Monday to add two evening crossings to the timetable."
    a, story = _one_article_story(title, text)
    brief = Brief(story_id="s1", headline=title,
                  sentences=[BriefSentence(text=text, citations=[a.span(0, len(text))], section="summary"),
                             BriefSentence(text='Someone said: "' + "word " * 200_000 + '"',
                                           citations=[a.span(0, 10)], section="quotes")])
    md = render_markdown(brief, story, {"a1": a})
    page = render_html(brief, story, {"a1": a})
    assert len(md) < 10 * (MAX_HEADLINE_CHARS + MAX_TEXT_CHARS) and len(page) < 20_000
    assert md.splitlines()[0].endswith("…") and len(md.splitlines()[0]) <= MAX_HEADLINE_CHARS + 3
    assert text in md  # what fits is copied whole


def test_build_brief_caps_the_headline(inputs):
    story = inputs.story.model_copy(update={"title": "Bridge " * 100_000})
    b = build_brief(story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    assert len(b.headline) <= MAX_HEADLINE_CHARS and b.headline.endswith("…")
    assert len(b.markdown) < 20_000


def test_html_escapes_attributes_too(inputs):
    b, _ = md_brief(inputs)
    hostile = inputs.articles["a1"].model_copy(update={"outlet": "x' onmouseover='alert(1)\" y=\"", "title": "t"})
    page = render_html(b, inputs.story, {**inputs.articles, "a1": hostile})
    assert "onmouseover='alert" not in page and "&#x27;" in page and "&quot;" in page


def test_a_markdown_renderer_makes_no_markup_from_article_text(inputs):
    """Rendered by a CommonMark renderer with raw HTML enabled, the brief has no tags, links or
    images the articles put there; the hostile words are still on the page as text."""
    markdown_it = __import__("pytest").importorskip("markdown_it")
    text = ("Officials met on Monday. [click here](javascript:alert(1)) ![pixel](http://tracker.example/p.gif)\n"
            "<script>alert(1)</script>\n- 1. \n    indented <img src=x onerror=alert(1)>")
    a, story = _one_article_story("<b>Bold</b> [link](http://evil.example)", text, outlet="<i>Gazette</i>")
    brief = Brief(story_id="s1", headline=story.title,
                  sentences=[BriefSentence(text=text, citations=[a.span(0, len(text))], section="summary")])
    mdit = markdown_it.MarkdownIt("commonmark")
    for source in (render_markdown(brief, story, {"a1": a}), md_brief(inputs)[1]):
        page = mdit.render(source)
        assert not re.search(r"<(script|img|a|b|i|div|pre|code)\b", page), page
        assert "&lt;script&gt;" in page


def test_leading_markdown_is_escaped_only_where_it_would_be_structure():
    text = "1. The harbour board of Eastmere agreed on Monday to add two evening crossings."
    a, story = _one_article_story("1. Ferry timetable changes", text)
    brief = Brief(story_id="s1", headline=story.title,
                  sentences=[BriefSentence(text=text, citations=[a.span(0, len(text))], section="summary"),
                             BriefSentence(text="# Not a heading", citations=[a.span(0, 5)], section="timeline")])
    md = render_markdown(brief, story, {"a1": a})
    assert md.startswith("# 1. Ferry timetable changes\n")  # inside a heading, '1.' is only words
    assert "- 1\\. The harbour board" in md and "- \\# Not a heading" in md  # in a list item it is not
    assert "— 1. Ferry timetable changes" in md
