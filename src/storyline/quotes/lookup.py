"""Which quotes a reader means by a speaker's name: one rule for the CLI, the JSON API and the reader.

They had three (aliases and joint voices in the CLI, the bare name in the API, substrings in the
reader), so `--speaker Volkhov` and `/api/quotes?speaker=Volkhov` could disagree. A person is found
by any alias or spelling of their entity (`entities.names.same_person`, which keeps "Jr." and the
father apart); a joint voice ("A and B") by either of its people; a body ("Varnian Grain Board") also
by words of its name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..entities.names import same_person
from ..model import Entity, Quote


def joint_names(speaker: str) -> list[str]:
    """The people of a joint speaker written "A, B and C" by attribution, or the speaker alone."""
    return [x for x in re.split(r", | and ", speaker) if x] or [speaker]


def spoken_by(q: Quote, wanted: str, entities: Mapping[str, Entity]) -> bool:
    wanted = wanted.strip()
    if not q.speaker or not wanted:
        return False
    ent = entities.get(q.speaker_entity or "")
    names = [*joint_names(q.speaker), *((ent.name, *ent.aliases) if ent is not None else ())]
    if any(same_person(n, wanted) for n in names if n):
        return True
    body = ent is not None and ent.type != "PERSON"  # words of a person's name would find namesakes
    return body and any(wanted.lower() in n.lower() for n in names if n)
