"""Small realistic news fixtures: two event threads that share people, plus copies and a roundup."""

from __future__ import annotations

import hashlib

import pytest

from storyline.model import Article


def make(source: str, text: str, published: str | None, outlet: str, language: str = "en",
         title: str | None = None, duplicate_of: str | None = None) -> Article:
    aid = "a_" + hashlib.sha1(f"{source}\n{text}".encode()).hexdigest()[:12]
    return Article(id=aid, source=source, outlet=outlet, title=title, published=published, language=language,
                   text=text, duplicate_of=duplicate_of)


BRIDGE_1 = ("The Harlow river bridge collapsed on Tuesday night after days of flooding, cutting the only road "
            "link between Ostend Vale and the coast. Mayor Ilse Brandt said two cars fell into the river and "
            "rescue teams pulled four people from the water. Engineers had warned in 2023 that the bridge piers "
            "were cracked.")
BRIDGE_2 = ("Rescue divers searched the river on Wednesday for a missing driver after the Harlow bridge collapse. "
            "Mayor Ilse Brandt said a temporary ferry would link Ostend Vale with the coast road within a week. "
            "The flooding that undermined the bridge piers is expected to ease by the weekend.")
BRIDGE_3 = ("Ostend Vale will get a military pontoon bridge across the Harlow river after last week's collapse, "
            "the transport ministry said. Mayor Ilse Brandt welcomed the pontoon but said the collapsed bridge "
            "must be rebuilt, and demanded an inquiry into why warnings about cracked piers were ignored.")
BUDGET_1 = ("Mayor Ilse Brandt presented a city budget of 410 million euros on Monday, with higher spending on "
            "schools and a freeze on parking fees. The council opposition called the budget a pre-election gift "
            "and said the school spending was not funded beyond next year.")
BUDGET_2 = ("The Ostend Vale council approved the 410 million euro budget by 31 votes to 24 after a six-hour "
            "debate. Opposition councillors said the schools plan relied on a tax rise that Mayor Ilse Brandt "
            "had promised not to make before the election.")
BRIDGE_DE = ("Die Brücke über den Harlow in Ostend Vale ist nach tagelangem Hochwasser eingestürzt. "
             "Bürgermeisterin Ilse Brandt sagte, zwei Autos seien in den Fluss gestürzt. Ingenieure hatten "
             "bereits 2023 vor Rissen an den Pfeilern gewarnt.")
ROUNDUP = ("1. Bridge collapse cuts Ostend Vale off. The Harlow river bridge collapsed after flooding and rescue "
           "divers searched the river for a missing driver, while Mayor Ilse Brandt promised a temporary ferry "
           "to the coast road and engineers said the piers were cracked.\n\n"
           "2. Council passes budget. The Ostend Vale council approved the 410 million euro city budget after a "
           "long debate, and the opposition said the schools spending relied on a tax rise before the election "
           "that the council had not funded.\n\n"
           "3. Weather: more rain. Forecasters expect heavy rain across the coast on Friday with strong winds in "
           "the hills, and farmers in the valley were told to move livestock to higher ground before the storm "
           "reaches the region later in the evening.")


@pytest.fixture
def corpus() -> list[Article]:
    b1 = make("herald/bridge1.txt", BRIDGE_1, "2025-04-01", "Vale Herald", title="Harlow bridge collapses in flood")
    return [
        b1,
        make("coast/bridge2.txt", BRIDGE_2, "2025-04-02", "Coast Times", title="Divers search river after bridge collapse"),
        make("herald/bridge3.txt", BRIDGE_3, "2025-04-08", "Vale Herald", title="Army pontoon for Ostend Vale"),
        make("coast/budget1.txt", BUDGET_1, "2025-04-01", "Coast Times", title="Brandt presents 410m budget"),
        make("herald/budget2.txt", BUDGET_2, "2025-04-03", "Vale Herald", title="Council passes budget"),
        make("wire/bridge1-copy.txt", BRIDGE_1, "2025-04-01", "Wire Reprint", title="Harlow bridge collapses in flood",
             duplicate_of=b1.id),
    ]
