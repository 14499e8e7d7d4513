"""A small story whose article text is hostile (markup, script) and whose outlets corroborate."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from storyline.model import Article, Entity, Quote, Story

A1 = ("The river authority closed the Harlow bridge on Tuesday after engineers found cracks in two piers. "
      "Traffic was diverted through Ostend Vale for at least a month. "
      "<script>alert('x')</script> Engineers said the cracks were caused by the spring floods. "
      "Mayor Ilse Brandt said: \"Nobody will drive over a bridge we cannot trust.\"")
A2 = ("Engineers found cracks in two piers of the Harlow bridge, and the river authority closed it on Tuesday. "
      "Drivers face a detour through Ostend Vale for at least a month. "
      "The repair is expected to cost about 4 million euros, the authority said. "
      "Local shops on the bridge road fear a quiet summer without passing trade.")
A3 = ("The Harlow bridge was closed on Tuesday when engineers discovered cracked piers after the floods. "
      "A detour through Ostend Vale will be in place for at least a month, officials said. "
      "It is not clear who will pay for the repair. "
      "Mayor Ilse Brandt said: \"Nobody will drive over a bridge we cannot trust.\" <img src=x onerror=alert(1)>")


def sentences_of(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+(?:[.!?]\"?|$)", text) if m.group().strip()]


@dataclass
class BriefInputs:
    story: Story
    articles: dict[str, Article]
    sentences: dict[str, list[tuple[int, int]]]
    quotes: list[Quote]
    entities: dict[str, Entity]


@pytest.fixture
def inputs() -> BriefInputs:
    arts = [Article(id="a1", source="herald.txt", outlet="Vale <b>Herald</b>", title="Bridge <script>closed</script>",
                    published="2025-04-01", language="en", text=A1),
            Article(id="a2", source="coast.txt", outlet="Coast Times", title="Harlow bridge shut", published="2025-04-01",
                    language="en", text=A2),
            Article(id="a3", source="wire.txt", outlet="Nordwire", title="Cracked piers close bridge",
                    published="2025-04-02", language="en", text=A3),
            Article(id="a4", source="copy.txt", outlet="Reprint Daily", title="Cracked piers close bridge",
                    published="2025-04-02", language="en", text=A3, duplicate_of="a3")]
    by_id = {a.id: a for a in arts}
    quotes = []
    for aid in ("a1", "a3"):
        t = by_id[aid].text
        i = t.index("Nobody will")
        quotes.append(Quote(id=f"q{aid}", span=by_id[aid].span(i, i + len("Nobody will drive over a bridge we cannot trust.")),
                            text="Nobody will drive over a bridge we cannot trust.", kind="direct", speaker="Ilse Brandt",
                            speaker_entity="p_brandt", confidence=0.95))  # "…," Brandt said.
    ents = {"p_brandt": Entity(id="p_brandt", name="Ilse Brandt", type="PERSON"),
            "g_vale": Entity(id="g_vale", name="Ostend Vale", type="GPE", mentions=[
                by_id["a1"].span(A1.index("Ostend Vale"), A1.index("Ostend Vale") + 11)])}
    story = Story(id="s_bridge", title="Harlow bridge closed <script>x</script>", article_ids=["a1", "a2", "a3", "a4"],
                  first_seen="2025-04-01", last_seen="2025-04-02", copies={"a4": "a3"})
    return BriefInputs(story, by_id, {a.id: sentences_of(a.text) for a in arts}, quotes, ents)
