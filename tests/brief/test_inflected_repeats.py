"""One fact in two outlets' words is one bullet even when the words differ only in their endings
("closed"/"closes", "cracked"/"crack", "floods"/"flood"). Invented story."""

from __future__ import annotations

import re

from storyline.brief.summary import summary_sentences
from storyline.model import Article, Story

FIRST = "Engineers closed the cracked Harlow bridge on Tuesday after the floods."
SECOND = "The Harlow bridge closes because its piers crack after flood damage spread along the valley, officials say."
TEXTS = {
    "north": FIRST + " Drivers face a long detour through Ostend Vale for at least a month.",
    "coast": SECOND + " Shops on the bridge road fear a quiet summer without passing trade.",
    "wire": ("The river authority said the repair of the Harlow bridge would cost about 4 million euros. "
             "Engineers will inspect two other bridges on the river next week."),
}


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]


def test_a_fact_restated_with_other_word_endings_is_one_bullet():
    arts = {k: Article(id=k, source=f"{k}.txt", outlet=f"{k.title()} Post", text=t, language="en",
                       published="2026-05-05") for k, t in TEXTS.items()}
    summary = summary_sentences(Story(id="s", title="Bridge", article_ids=list(arts)), arts,
                                {k: _sentences(t) for k, t in TEXTS.items()})
    texts = [s.text for s in summary]
    assert not (FIRST in texts and SECOND in texts), texts
    assert FIRST in texts or SECOND in texts, texts
