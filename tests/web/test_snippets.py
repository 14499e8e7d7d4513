"""The pure pieces under the pages: snippets, article marking, citation grouping, plurals."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from storyline.brief.render import group_spans
from storyline.model import Article
from storyline.text.plural import counted
from storyline.web.layout import pager
from storyline.text.hits import query_terms, window
from storyline.web.snippet import article_paragraphs, snippet

TEXT = ("The weather service warned on Monday that a cold air mass from the north would reach the coast by "
        "Wednesday, bringing frost to the orchards. Farmers said they had covered the young trees. "
        "<b>Officials</b> urged drivers to stay home.\n\nIn the capital the mass transit lines ran late.")


def words(html: str) -> list[str]:
    return re.sub(r"<[^>]+>", "", html).split()


def test_a_hit_is_shown_in_about_twenty_words_with_the_query_marked():
    at = TEXT.index("air")
    out = snippet(TEXT, at, at + 3, query_terms("air mass"))
    assert "<mark>air</mark> <mark>mass</mark>" in out
    assert 15 <= len(words(out)) <= 24 and out.endswith("…")
    at = TEXT.index("covered")
    lo, hi = window(TEXT, at, at + 7)
    assert lo < at < hi and TEXT[lo - 1] == " " and 18 <= len(TEXT[lo:hi].split()) <= 22
    assert snippet(TEXT, at, at + 7, ["covered"]).startswith("…")


def test_a_snippet_is_escaped_and_stems_match():
    at = TEXT.index("Officials")
    out = snippet(TEXT, at, at + 9, query_terms("official"))
    assert "&lt;b&gt;<mark>Officials</mark>&lt;/b&gt;" in out and "<b>" not in out
    assert "\n" not in snippet(TEXT, len(TEXT) - 10, len(TEXT) - 5, ["late"])


def test_short_query_words_are_kept_only_when_there_is_nothing_longer():
    assert query_terms("the EU and air") == ["the", "and", "air"]
    assert query_terms("EU") == ["eu"]


class Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.bad = [], 0

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.bad += 1


def test_article_marks_every_cited_span_and_anchors_the_requested_one_once():
    para_break = TEXT.index("\n\n")
    cited = [(4, 11), (8, 20), (para_break - 10, para_break + 8)]
    paras = article_paragraphs(TEXT, cited, (para_break - 5, para_break + 6))
    assert len(paras) == 2
    html = "".join(f"<p>{p}</p>" for p in paras)
    assert html.count('id="span"') == 1 and html.count('class="here"') == 2
    assert "<mark>weather service </mark>" in html  # overlapping cited spans merge
    p = Nesting()
    p.feed(html)
    assert p.stack == [] and p.bad == 0
    assert "&lt;b&gt;Officials" in html


def test_citations_group_by_article_without_repeats():
    a = Article(id="a", source="a", text="one two three four")
    b = Article(id="b", source="b", text="five six")
    spans = [a.span(0, 3), b.span(0, 4), a.span(0, 3), a.span(4, 7)]
    groups = group_spans(spans)
    assert list(groups) == ["a", "b"] and [(s.start, s.end) for s in groups["a"]] == [(0, 3), (4, 7)]


def test_counts_agree_with_their_nouns():
    assert counted(1, "outlet") == "1 outlet" and counted(2, "outlet") == "2 outlets"
    assert counted(1, "copy", "copies") == "1 copy" and counted(0, "copy", "copies") == "0 copies"


def test_a_long_list_pages_with_previous_and_next_links():
    assert pager("/quotes", 0, 100, 80) == ""
    first = pager("/quotes", 0, 100, 250, speaker="Varga")
    assert "rel='next' href='/quotes?speaker=Varga&amp;offset=100'" in first and "rel='prev'" not in first
    middle = pager("/quotes", 100, 100, 250, speaker="Varga")
    assert "href='/quotes?speaker=Varga'>← previous" in middle and "101–200 of 250" in middle
    assert "rel='next'" not in pager("/quotes", 200, 100, 250)
