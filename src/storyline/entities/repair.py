"""NER repairs that decide whether a span is a person at all, and where a title ends and a name starts.

Each rule is an observed failure of the English NER on news text: a whole "Secretary of Defense Jane
Roe" typed ORG (the person lost, the title kept as an organisation), a gazetteer place typed PERSON
("Jordan said"), names of streets, prizes, virus variants and products typed PERSON ("Elm Street",
"Nobel Prize", "Omicron variant", "iPhone 15"), and a generational suffix left outside the name
("Harold Vance, Jr." as "Harold Vance", which would make the son the father). The words are data
(resources/entities/departments_en.txt, non_person_heads_en.tsv); the rules only say where to look.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import table
from .names import is_given_name
from .places import place_canonical
from .roles import department_after, is_role_token
from .translit import fold

DROP = "DROP"  # the span is no name of a person, place or organisation: no mention at all
_SUFFIX_AFTER = re.compile(r",?[ \t]+(?:Jr|Sr|JR|SR)\b\.?|,?[ \t]+(?:II|III|IV)\b")
_CAMEL = re.compile(r"^[a-z]+[A-Z]")  # 'iPhone', 'eBay': product names, never people
_MODEL_NUMBER = re.compile(r"[ \t]+[A-Z]?\d{1,3}[A-Za-z]?\b")  # 'iPhone 15', 'Galaxy S23' (not a year; an age has a comma)


@cache
def _heads() -> dict[str, str]:
    """head word -> the label a name ending in (or followed by) it takes instead of PERSON."""
    return {w: row[1] for row in table("entities/non_person_heads_en.tsv") for w in row[2:]}


def split_title(name: str, lang: str = "en") -> tuple[int, str] | None:
    """'Secretary of Defense Jane Roe' or 'State Department spokesman Jane Roe' typed ORG: the offset
    where the person's name starts and the title before it, when the rest is a person's name (two or
    three capitalised words, the first a known first name, none a role word)."""
    spans = [m for m in re.finditer(r"\S+", name)]
    for i in range(len(spans) - 2, -1, -1):
        if not is_role_token(spans[i].group(0), lang):
            continue
        cut = spans[i].end()
        gap = re.match(r"\s+", name[cut:])
        cut += gap.end() if gap else 0
        cut += department_after(name[cut:])
        rest = name[cut:].split()
        if 2 <= len(rest) <= 3 and all(t[:1].isupper() and not is_role_token(t, lang) for t in rest) \
                and is_given_name(rest[0]):
            return len(name) - len(name[cut:].lstrip()), name[:cut].strip()
        return None
    return None


def generational_end(text: str, end: int) -> int:
    """End of a person span including a suffix NER left out ('Harold Vance, Jr.' -> after 'Jr.')."""
    m = _SUFFIX_AFTER.match(text, end)
    return m.end() if m else end


def not_a_person(text: str, start: int, end: int, known_surnames: set[str] = frozenset()) -> tuple[str, int] | None:
    """(label, end) for a PERSON span that names a place, street, prize, variant or product instead,
    else None. ``known_surnames`` are folded surnames of people named in full in the article: 'Jordan'
    alone after 'Michael Jordan' stays a person even though the gazetteer knows the country."""
    name = text[start:end]
    tokens = name.split()
    if place_canonical(name) and not (len(tokens) == 1 and fold(name) in known_surnames):
        return "GPE", end
    if any(_CAMEL.match(t) or any(c.isdigit() for c in t) for t in tokens) or _MODEL_NUMBER.match(text, end):
        return DROP, end
    last = tokens[-1].lower() if tokens else ""
    if len(tokens) > 1 and last in _heads():
        return _heads()[last], end
    nxt = re.match(r"[ \t]+([A-Za-z][\w.]*)", text[end:end + 30])
    word = nxt.group(1).lower() if nxt else ""
    if word in _heads() or word.rstrip(".") in _heads():
        label = _heads().get(word) or _heads()[word.rstrip(".")]
        return label, end + (nxt.end() if label != DROP else 0)
    return None
