"""A line of figures never leads: in a game story the sentence that shares the most words with the
other outlets can be one player's box score ("completed 29 of 34 passes for 364 yards"), which says
what one player did, not what happened. Invented game, invented names."""

from __future__ import annotations

from storyline.brief.lead import is_statistics_line, make_candidate
from storyline.brief.summary import summary_sentences
from storyline.model import Article, Story

from .test_lead_and_bullets import _sentences

TEXTS = {
    "one": ("Clinching the No. 3 seed, Tomas Reeve completed 27 of 31 passes for 352 yards and 4 touchdowns "
            "as the Harbor Gulls beat the Ridge Foxes on Sunday. The Gulls meet the Lakers next week."),
    "two": ("The Harbor Gulls beat the Ridge Foxes 30-20 on Sunday to reach the playoffs. "
            "Tomas Reeve passed for 352 yards for the Gulls."),
    "three": ("The Gulls clinched a playoff place when they beat the Ridge Foxes 30-20 on Sunday. "
              "Reeve completed 27 of 31 passes in the win over the Foxes."),
}


def test_a_sentence_of_many_figures_is_a_statistics_line():
    line = Article(id="x", source="x.txt", text=TEXTS["one"])
    cand = make_candidate(line.span(0, TEXTS["one"].index(".", 40) + 1), "X", "2026-01-01", 0, "en")
    assert is_statistics_line(cand)
    plain = Article(id="y", source="y.txt", text=TEXTS["two"])
    assert not is_statistics_line(make_candidate(plain.span(0, TEXTS["two"].index("playoffs.") + 9), "Y", "", 0, "en"))


def test_the_lead_of_a_game_story_is_the_result_not_a_box_score():
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"{k.title()} Sports", text=t, language="en",
                       published="2026-01-04") for k, t in TEXTS.items()}
    story = Story(id="g", title="Gulls beat Foxes", article_ids=list(arts))
    lead = summary_sentences(story, arts, {k: _sentences(t) for k, t in TEXTS.items()})[0]
    assert "30-20" in lead.text and "passes for" not in lead.text, lead.text
    assert lead.citations[0].article_id in arts and lead.citations[0].end > lead.citations[0].start
