"""The aggregator panels of a brief on an invented three-outlet story: key numbers with value, unit,
what they count and who says so; the earliest original as first report (a copy never is); one
headline per outlet. Every line cites article text."""

from __future__ import annotations

from storyline.brief.build import build_brief
from storyline.compare.compare import compare_story
from storyline.model import Article, Claim, Story

from .test_lead_and_bullets import _sentences

TEXTS = {
    "a": "A rockslide near Varn killed 6 people on Tuesday, the regional police said in a statement.",
    "b": "Police said the rockslide near Varn on Tuesday killed 6 people and closed the valley road.",
    "c": "The Tuesday rockslide near Varn killed 6 people, police said, and buried two cars.",
}
TITLES = {"a": "Rockslide kills six near Varn", "b": "Six dead in Varn rockslide", "c": "Varn valley road shut"}
PUBLISHED = {"a": "2026-02-03T09:00", "b": "2026-02-03T07:30", "c": "2026-02-03T11:00"}


def _brief(copy: bool = False):
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"Outlet {k.upper()}", title=TITLES[k], text=t,
                       language="en", published=PUBLISHED[k]) for k, t in TEXTS.items()}
    copies = {}
    if copy:  # an earlier reprint of a: a copy re-publishes, it does not report first
        arts["r"] = Article(id="r", source="r.txt", outlet="Reprints", title=TITLES["a"], text=TEXTS["a"],
                            language="en", published="2026-02-03T06:00", duplicate_of="a")
        copies = {"r": "a"}
    claims = [Claim(id=f"n{k}", span=arts[k].span(t.index("6 people"), t.index("6 people") + 8), subject=None,
                    value=6, unit="people") for k, t in TEXTS.items()]
    sents = {k: _sentences(a.text) for k, a in arts.items()}
    story = Story(id="s", title="Rockslide", article_ids=list(arts), copies=copies)
    story = story.model_copy(update={"comparison": compare_story(story, arts, [], claims, [], sents)})
    return build_brief(story, arts, sents, [], {}, claims), arts


def _section(brief, name):
    return [s for s in brief.sentences if s.section == name]


def test_key_numbers_give_value_unit_measure_and_outlets_with_a_citation():
    brief, arts = _brief()
    (line,) = _section(brief, "key_numbers")
    n = line.key_number
    assert n.value == 6 and n.unit == "people" and n.counts == "people, dead"
    assert n.outlets == ["Outlet A", "Outlet B", "Outlet C"] and n.disputed_by == []
    assert "6 people" in line.text and "Outlet B" in line.text
    c = line.citations[0]
    assert arts[c.article_id].text[c.start:c.end] == "6 people"


def test_first_report_is_the_earliest_original_not_a_copy():
    for copy in (False, True):
        brief, arts = _brief(copy)
        (line,) = _section(brief, "first_report")
        assert line.text.startswith("First reported by Outlet B on 2026-02-03T07:30")
        c = line.citations[0]
        assert c.article_id == "b" and arts["b"].text[c.start:c.end] == c.text


def test_headlines_side_by_side_one_per_outlet_in_publication_order_and_rendered():
    brief, _ = _brief(copy=True)
    lines = _section(brief, "headlines")
    assert [s.text for s in lines] == ["Outlet B: Six dead in Varn rockslide", "Outlet A: Rockslide kills six near Varn",
                                       "Outlet C: Varn valley road shut"]
    assert all(s.citations and s.citations[0].article_id in "abc" for s in lines)
    assert "## Headlines by outlet" in brief.markdown and "## Key numbers" in brief.markdown
