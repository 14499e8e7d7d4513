"""Dash-introduced speech, as Russian, Ukrainian, French or Spanish style text (and translations
from it) writes it: a paragraph opening with a dash, the attribution set off by further dashes or a
comma ("— We will not accept this, — said the minister. — Aldoria holds our grain…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribute import find_cues

_OPEN = re.compile(r"[—–]\s+|-\s+(?=[A-ZÀ-ÞА-ЯІЇЄ])")
_SEP = re.compile(r"(?<=[,.!?…])\s+[—–-]\s+|\s+[—–]\s+")


@dataclass
class DashQuote:
    start: int
    end: int
    attribution: list[tuple[int, int]] = field(default_factory=list)  # attribution clauses in the paragraph


def _is_attribution(text: str, a: int, b: int) -> bool:
    """A part is an attribution when it is short and has a cue, usually lower-case initial."""
    part = text[a:b].strip()
    if not part or len(part.split()) > 14:
        return False
    cues = find_cues(text, a, b)
    if not cues:
        return False
    return part[0].islower() or cues[0][0] - a < 40


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b


def find_dash_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[DashQuote]:
    out: list[DashQuote] = []
    for lo, hi in paragraphs:
        m = _OPEN.match(text, lo)
        if not m:
            continue
        cuts = [m.end()]
        bounds: list[tuple[int, int]] = []
        for sep in _SEP.finditer(text, m.end(), hi):
            bounds.append((cuts[-1], sep.start()))
            cuts.append(sep.end())
        bounds.append((cuts[-1], hi))
        quotes: list[tuple[int, int]] = []
        attrs: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(bounds):
            if k > 0 and _is_attribution(text, a, b):  # what follows the opening dash is speech
                attrs.append((a, b))
                continue
            # French/Spanish style: "Nous partirons, a dit le ministre." -- attribution after a comma
            tail = re.search(r",\s+([^,]{3,80})$", text[a:b].rstrip(". "))
            if tail and _is_attribution(text, a + tail.start(1), a + tail.end(1)) and text[a + tail.start(1)].islower():
                quotes.append(_trim(text, a, a + tail.start()))
                attrs.append((a + tail.start(1), a + tail.end(1)))
                continue
            quotes.append(_trim(text, a, b))
        if not attrs and (text[lo] == "-" or len(text[quotes[0][0]:quotes[0][1]].split()) < 3):
            continue  # a list item, not speech
        for qa, qb in quotes:
            if qb - qa >= 2:
                out.append(DashQuote(qa, qb, attrs))
    return out
