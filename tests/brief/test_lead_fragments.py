"""A lead an editor would sign is a whole sentence: not the headline every outlet prints above its
story, not the second half of a sentence the splitter cut in two, not a clause whose subject was in
the sentence before, not an exclamation. Invented stories."""

from __future__ import annotations

import re

from storyline.brief.lead import is_fragment
from storyline.brief.summary import summary_sentences
from storyline.model import Article, Story

HEADLINE = "Tessin Dam Bursts, Floods Brevik Lower Town Overnight"
TEXTS = {
    "north": (HEADLINE + "\n"
              "Was evacuated from the lower town of Brevik after the Tessin dam burst on Monday night.\n"
              "Water from the burst Tessin dam flooded the lower town of Brevik on Monday night.\n"
              "Engineers had warned in March that the dam wall was cracking."),
    "coast": (HEADLINE + "\n"
              "the lower town of Brevik flooded overnight when the Tessin dam burst, residents said.\n"
              "The Tessin dam burst on Monday night and floodwater swept through the lower town of Brevik.\n"
              "Schools in the district stay closed until Friday, the education office said."),
    "wire": (HEADLINE + "\n"
             "The Tessin dam burst overnight and the lower town of Brevik flooded, what a night!\n"
             "About 3,000 people left their homes in Brevik when the Tessin dam burst on Monday night.\n"
             "Rescue boats from Halden took elderly residents to a sports hall on the hill."),
}


def _sentences(text: str) -> list[tuple[int, int]]:
    """Lines and sentences, as a splitter hands them over: a headline line ends without a full stop."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()]


def _summary():
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"{k.title()} Post", text=t, language="en",
                       published="2026-05-05") for k, t in TEXTS.items()}
    story = Story(id="s", title="Dam burst", article_ids=list(arts))
    return summary_sentences(story, arts, {k: _sentences(t) for k, t in TEXTS.items()})


def test_the_lead_is_a_whole_sentence_not_the_headline_or_a_piece_of_one():
    lead = _summary()[0].text
    assert not is_fragment(lead), lead
    assert lead != HEADLINE and lead[0].isupper() and lead.endswith(".") and not lead.startswith("Was "), lead
    assert "dam" in lead.lower() and "burst" in lead.lower(), lead


def test_headlines_and_half_sentences_are_bullets_only_when_whole_sentences_run_out():
    texts = [s.text for s in _summary()]
    assert HEADLINE not in texts, texts
    assert not any(t[:1].islower() or t.startswith("Was ") for t in texts), texts


def test_what_counts_as_a_fragment():
    assert is_fragment("Mayor Quits Over Bridge Repair Costs")  # a headline
    assert is_fragment("Mayor Quits Over Bridge Repair Costs.")  # with a stop, still a headline
    assert is_fragment("the river authority closed the bridge on Tuesday.")  # the tail of a split sentence
    assert is_fragment("[who had been under fire all season] and quickly hired a new coach.")  # a quote's tail
    assert is_fragment("S. Marshals added the inmate to their most wanted list.")  # after "U." was cut off
    assert is_fragment("Was arrested on Sunday after the crash on the coast road.")  # no subject
    assert is_fragment("The bridge is closed and nobody knows for how long!")  # the outlet's voice
    assert is_fragment("PUBLISHED: 02:31 GMT, 12 March 2026 | UPDATED: 22:19 GMT")
    assert not is_fragment("Will Harlan said the dam held until Monday night.")  # "Will" names someone
    # many names, yet verbs and common nouns in lower case: a sentence
    assert not is_fragment("Tomas Vale, 32, died while climbing to a hut on Mount Seften in the Aorin National Park.")
    assert not is_fragment("The river authority closed the Harlow bridge on Tuesday.")
