"""A three-outlet story built by hand: the records other stages would hand to the comparison."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from storyline.model import Article, Claim, Entity, Quote, Story

HERALD = ("Planners are working on a force of about 10,000 troops, two officials said on Friday. "
          "Korsan Defence Minister Anna Kowalczyk said the mission \"cannot start without air cover\". "
          "Aldoria's so-called 'peace corridor' was not discussed. "
          "One diplomat called the corridor \"blackmail, plain and simple\".")
WIRE = ("Briefing papers spoke of a force of up to 25,000 troops for the mission. "
        "Aldorian Foreign Minister Dmitry Volkov said: \"We will decide in our own time.\" "
        "The peace corridor proposal was presented on Friday, and critics called the plan a reckless gamble.")
DAILY = ("The vote was postponed; the force now counts about 12,000 troops, officials said. "
         "Minister Ana Kovalchik said the mission \"cannot start without air cover\". "
         "Aldoria holds our grain as a hostage, the paper wrote.")


def _find(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


@dataclass
class Story3:
    story: Story
    articles: dict[str, Article]
    quotes: list[Quote]
    claims: list[Claim]
    entities: dict[str, Entity]
    sentences: dict[str, list[tuple[int, int]]]


def sentences_of(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+(?:[.!?]\"?|$)", text) if m.group().strip()]


@pytest.fixture
def story3() -> Story3:
    arts = [
        Article(id="h", source="herald.txt", outlet="Korsa Herald", published="2025-03-14", language="en", text=HERALD),
        Article(id="w", source="wire.txt", outlet="Nordwire", published="2025-03-12", language="en", text=WIRE),
        Article(id="d", source="daily.txt", outlet="Varnia Daily", published="2025-03-19", language="en", text=DAILY),
        Article(id="c", source="copy.txt", outlet="Reprint", published="2025-03-14", language="en", text=HERALD,
                duplicate_of="h"),
    ]
    by_id = {a.id: a for a in arts}

    def claim(aid: str, needle: str, value: float) -> Claim:
        return Claim(id=f"c_{aid}_{value}", span=by_id[aid].span(*_find(by_id[aid].text, needle)), subject=None,
                     value=value, unit="troops", approx=True)

    claims = [claim("h", "about 10,000 troops", 10000), claim("w", "up to 25,000 troops", 25000),
              claim("d", "about 12,000 troops", 12000), claim("c", "about 10,000 troops", 10000)]

    def quote(aid: str, needle: str, speaker: str, ent: str, name_text: str) -> Quote:
        a = by_id[aid]
        return Quote(id=f"q_{aid}", span=a.span(*_find(a.text, needle)), text=needle, kind="direct",
                     speaker=speaker, speaker_entity=ent, speaker_span=a.span(*_find(a.text, name_text)))

    quotes = [quote("h", "cannot start without air cover", "Anna Kowalczyk", "e_kow", "Anna Kowalczyk"),
              quote("w", "We will decide in our own time.", "Dmitri Volkhov", "e_vol", "Dmitry Volkov"),
              quote("d", "cannot start without air cover", "Anna Kowalczyk", "e_kow", "Ana Kovalchik"),
              quote("c", "cannot start without air cover", "Anna Kowalczyk", "e_kow", "Anna Kowalczyk")]
    ents = {
        "e_kow": Entity(id="e_kow", name="Anna Kowalczyk", type="PERSON", mentions=[
            by_id["h"].span(*_find(HERALD, "Anna Kowalczyk")), by_id["d"].span(*_find(DAILY, "Ana Kovalchik"))]),
        "e_vol": Entity(id="e_vol", name="Dmitri Volkhov", type="PERSON", mentions=[
            by_id["w"].span(*_find(WIRE, "Dmitry Volkov"))]),
        "g_kor": Entity(id="g_kor", name="Korsa", type="GPE", mentions=[]),
        "g_ald": Entity(id="g_ald", name="Aldoria", type="GPE", mentions=[]),
    }
    story = Story(id="s_1", title="Border mission", article_ids=["w", "h", "c", "d"], copies={"c": "h"})
    return Story3(story, by_id, quotes, claims, ents, {a.id: sentences_of(a.text) for a in arts})
