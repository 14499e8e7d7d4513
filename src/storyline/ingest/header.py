"""Metadata lines at the edges of a pasted page: outlet name, title, byline and publish date.

Copied pages start with the site's masthead, menus, the headline, a byline and a date line, in no
fixed order. Each reader of a line here answers one question and returns None when unsure.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import table
from .dates import date_in, parse_publish_date
from .linefeatures import WORD

_NAME = r"[A-ZÀ-ÝĀ-ŽА-ЯЁ][\w.'’-]+"
_PERSONS = re.compile(rf"^(?P<who>{_NAME}(?:\s+(?:(?:and|und|et|y|и)\s+)?{_NAME}){{0,6}})\s*(?:[,|·—–-].*)?$")
_TAGLINE = re.compile(r"\s+(?:[—–|:]|-{1,2})\s+")


@cache
def _labels() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(rx, re.I) for kind, rx in table("boilerplate/header_labels.tsv")}


def labelled_date(line: str) -> tuple[str, str] | None:
    """("published" | "updated", ISO date) for "Published: 10 March 2025 07:45" style lines."""
    for kind in ("published", "updated"):
        m = _labels()[kind].match(line)
        if m and (loc := date_in(line[m.end():])):
            iso = parse_publish_date(line[m.end():][loc[0]:loc[1]])
            if iso:
                return kind, iso
        elif m:
            iso = parse_publish_date(line[m.end():])
            if iso:
                return kind, iso
    return None


def bare_date(line: str) -> str | None:
    """A line that is mostly a date ("Friday, 28 March 2025", "Nordwire | 14/03/2025 18:22").

    Whatever is left beside the date must be a few words of section or outlet name, so a sentence
    that mentions a date is never taken for the page's date line.
    """
    loc = date_in(line)
    if not loc:
        return None
    rest = line[: loc[0]] + " " + line[loc[1]:]
    if len(WORD.findall(rest)) > 5 or re.search(r"[.!?]\s*$", line):
        return None
    return parse_publish_date(line[loc[0]:loc[1]])


def byline(line: str) -> str | None:
    m = _labels()["byline"].match(line)
    if not m:
        return None
    p = _PERSONS.match(line[m.end():].strip())
    return p["who"] if p else None


def outlet_name(line: str) -> str | None:
    """A masthead line ("ALDORIA TODAY — Your window on Aldoria") to the outlet's name."""
    name = _TAGLINE.split(line.strip(), maxsplit=1)[0].strip()
    words = WORD.findall(name)
    if not 1 <= len(words) <= 5 or any(ch in name for ch in ".!?"):
        return None
    return display_name(name)


def display_name(name: str) -> str:
    """Mastheads are often set in capitals: "LINDHAVEN POST" -> "Lindhaven Post", "BBC" stays."""
    if name.upper() != name or not any(c.isalpha() for c in name):
        return name
    return " ".join(w.capitalize() if len(w) >= 4 else w for w in name.split())
