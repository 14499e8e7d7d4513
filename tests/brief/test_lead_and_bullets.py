"""The summary's reported faults on real news, replayed on an invented story: a lead that is the
most-copied line rather than what happened, one fact restated by four outlets as four bullets,
bullets citing each other, extra citations that do not say the same thing, and leads that need the
sentence before them."""

from __future__ import annotations

import re

from storyline.brief.facts import content_words, key_terms, same_fact
from storyline.brief.summary import summary_sentences
from storyline.model import Article, Story

STOCK = "The Orlen valley council has held an emergency meeting every spring since the great flood of 1987."
TEXTS = {
    "north": ("Spoiler alert: nobody in Brevik slept last night. "
              "The Tessin dam burst on Monday night and flooded the lower town of Brevik, forcing 3,000 people "
              "from their homes. " + STOCK + " At one point the water reached the steps of the old church. "
              "Engineers had warned in March that the dam wall was cracking."),
    "coast": ("Floodwater poured into Brevik after the Tessin dam burst late on Monday, and 3,000 residents "
              "were evacuated. " + STOCK + " He said the pumps would run all week. "
              "Schools in the district stay closed until Friday, the education office said."),
    "wire": ("About 3,000 people left their homes in Brevik when the Tessin dam burst on Monday night. "
             + STOCK + " But the bridge to Halden stayed open throughout the night. "
             "Rescue boats from Halden took elderly residents to a sports hall on the hill."),
    "daily": ("The Tessin dam burst on Monday, flooding Brevik and driving 3,000 people out of the lower town. "
              + STOCK + " Insurers expect claims worth more than 40 million crowns from the flooded streets. "
              "Engineers had warned in March that cracks were spreading through the dam wall."),
}


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]


def _summary():
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"{k.title()} Post", text=t, language="en",
                       published="2026-05-05") for k, t in TEXTS.items()}
    story = Story(id="s", title="Dam burst", article_ids=list(arts))
    return summary_sentences(story, arts, {k: _sentences(t) for k, t in TEXTS.items()})


def test_lead_says_what_happened_not_the_line_every_outlet_prints():
    first = _summary()[0].text
    assert "dam" in first.lower() and "burst" in first.lower(), first
    assert first != STOCK


def test_sentences_that_need_their_neighbours_are_not_bullets():
    for s in _summary():
        assert not s.text.startswith(("Spoiler alert", "At one point", "He said", "But ")), s.text


def test_one_fact_from_four_outlets_is_one_bullet_and_no_span_is_cited_twice():
    summ = _summary()
    assert 3 <= len(summ) <= 7
    for i, a in enumerate(summ):
        for b in summ[i + 1:]:
            assert not same_fact(content_words(a.text), content_words(b.text), key_terms(a.text), key_terms(b.text)), \
                (a.text, b.text)
    cited = [(c.article_id, c.start, c.end) for s in summ for c in s.citations]
    assert len(cited) == len(set(cited))
    burst = [s for s in summ if "burst" in s.text]
    assert len(burst) == 1 and len({c.article_id for c in burst[0].citations}) >= 3


def test_extra_citations_state_the_bullets_fact():
    for s in _summary():
        mine = content_words(s.text)
        for c in s.citations[1:]:
            shared = len(mine & content_words(c.text))
            assert shared >= len(mine) / 2 or key_terms(s.text) <= key_terms(c.text), (s.text, c.text)
            assert c.text != s.text or c.article_id != s.citations[0].article_id
