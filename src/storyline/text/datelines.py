"""Datelines: the place (and often the agency and date) a wire report opens with.

"LINDHAVEN — ", "LINDHAVEN, Korsa — ", "BRASK/LINDHAVEN. ", "Washington (AFP) –",
"LINDHAVEN, March 14 (Nordwire) - ", "GENEVA, Switzerland, Mon Mar 3 2025 — ",
"Lindhaven, 14 March (Nordwire) –". One parser for every stage: the brief and the quote finder skip
it, events do not date the story by it, cleaning reads the publication date from it.

What makes a dateline and not a sentence with a dash ("The minister — who spoke late — said",
"Korsa - the country's ..."): the place is written in capitals, or, written as a name, it is followed
by a date or an agency in parentheses; then comes a dash (or, after capitals only, a full stop) and
the body, which starts with a capital, a digit or a quotation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest.dates import parse_publish_date
from .glyphs import DOUBLE_OPEN, LONG_DASHES

_UP = "A-ZÄÖÜÀ-Ý"
_LOW = "a-zäöüßà-ÿ"
_CAPS_PLACE = rf"(?:[{_UP}]{{2}}\.\s)?[{_UP}]{{3,}}(?:[ /-][{_UP}]{{2,}})*"  # NEW YORK, BRASK/LINDHAVEN, ST. PAUL
_NAME_PLACE = rf"[{_UP}][{_LOW}]+(?:[ -][{_UP}][{_LOW}]+){{0,2}}"  # Washington, Port Selvik
_BODY_START = rf"(?=[{_UP}\d{re.escape(DOUBLE_OPEN)}]|$)"
_HEAD = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}|{_NAME_PLACE})"
    rf"(?:(?P<parts>(?:,[^,\n{LONG_DASHES}()]{{1,30}}){{0,3}}?)"
    r"(?:\s*\((?P<agency>[^()\n]{1,30})\))?"
    rf"\s*(?:[{LONG_DASHES}]|--?)(?:\s+|$)|(?P<stop>\.\s+))" + _BODY_START
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez)[a-zäéû]*\.?"
_DATE = re.compile(
    r"(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\.?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}"
)

_DATE_TAIL = re.compile(r"\s(?:" + _DATE.pattern.removeprefix("(?i)") + r")$", re.I)


@dataclass(frozen=True)
class Dateline:
    """A leading dateline; ``end`` is how many characters to skip to reach the body."""

    end: int
    place: str  # "LINDHAVEN", "BRASK/LINDHAVEN", "GENEVA, Switzerland"
    agency: str | None = None  # "AFP", "Reuters", "Nordwire"
    date_text: str | None = None  # "March 14", "Mon Mar 17 2025"
    date: str | None = None  # ISO, when the date text names its year


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline ``paragraph`` opens with, or None."""
    m = _HEAD.match(paragraph)
    if not m:
        return None
    caps = m["place"].isupper()
    if m["stop"] and not caps:
        return None  # "BRASK. The ...": only a place in capitals ends with a full stop
    parts = [p.strip() for p in (m["parts"] or "").split(",")[1:]]
    if parts and not _DATE.fullmatch(parts[-1]) and (tail := _DATE_TAIL.search(parts[-1])):
        parts[-1:] = [parts[-1][: tail.start()].strip(), tail.group().strip()]  # "Switzerland Mon Mar 3 2025"
    date_text = next((p for p in parts if _DATE.fullmatch(p)), None)
    if not caps and date_text is None and m["agency"] is None:
        return None  # "Korsa - the ...", "Ministers Agree — ...": a name alone is no dateline
    place = ", ".join([m["place"], *(p for p in parts if p != date_text)])
    return Dateline(m.end(), place, m["agency"], date_text, parse_publish_date(date_text) if date_text else None)


def dateline_end(text: str) -> int:
    """Length of a leading dateline (0 without one): a sentence quoted on its own (in a brief)
    reads better without the wire header its article opened with."""
    d = parse_dateline(text)
    return d.end if d else 0


def dateline_date(paragraph: str) -> str | None:
    """The publication date a dateline gives ("GENEVA, Switzerland, Mon Mar 3 2025 — ..."): a place,
    then a full date with its year ("Geneva, Switzerland Mon Mar 3 2025 — " too); "GENEVA, March 3
    (Reuters) -" names no year, so no date."""
    d = parse_dateline(paragraph)
    return d.date if d else None
