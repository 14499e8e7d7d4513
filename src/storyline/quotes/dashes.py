"""Dash-introduced speech, as Russian, Ukrainian, French or Spanish style text (and translations
from it) writes it: a line opening with a dash (or a dash after a colon introduction), the
attribution set off by further dashes, by a comma, or by a closing quotation mark whose opening
mark the dash took the place of ("— We will not accept this, — said the minister.", "— Aldoria
holds our grain," he added.", "He said: — We stay.").

Why lines, not paragraphs: dialogue and interviews set each turn on its own line ("— Will you
stay? — asked the reporter." then "— We stay, — answered the minister."), one paragraph to the
paragraph splitter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.glyphs import DOUBLE_CLOSE, DOUBLE_OPEN
from .attribute import find_cues

_OPEN = re.compile(r"[ \t]*(?:[—–]\s+|-\s+(?=[A-ZÀ-ÞА-ЯІЇЄ]))")
_COLON_OPEN = re.compile(r":[ \t]*[—–][ \t]+")  # 'He said: — We will not leave.'
_SEP = re.compile(r"(?<=[,.!?…])\s+[—–-]\s+|\s+[—–]\s+")
_LOST_OPEN = re.compile(r"(?<=[,.!?…])[" + re.escape(DOUBLE_CLOSE) + r"][ \t]*(?:[—–-][ \t]+)?")  # ," he added


@dataclass
class DashQuote:
    start: int
    end: int
    attribution: list[tuple[int, int]] = field(default_factory=list)  # attribution clauses in the line
    close_mark: int | None = None  # a closing quotation mark ending the speech, its opening mark a dash


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


def _lost_open_mark(text: str, a: int, hi: int) -> re.Match[str] | None:
    """The first closing quotation mark after ``a`` with no opening mark before it on the line: the
    dash stood for the opening mark ('— We stay," he added.'). A mark that closes a quotation
    opened on the line ('— He called it "a farce," and left.') is none."""
    for m in _LOST_OPEN.finditer(text, a, hi):
        before = text[a : m.start()]
        if before.count('"') % 2 == 0 and not any(g in before for g in DOUBLE_OPEN.replace('"', "")):
            return m
    return None


def _speech_start(text: str, lo: int, hi: int) -> tuple[int, list[tuple[int, int]]] | None:
    """Where a line's dash speech begins, and the attribution before it: after a line-opening
    dash, or after a dash that follows a colon introduction ("He said: — …")."""
    if m := _OPEN.match(text, lo, hi):
        return m.end(), []
    if (m := _COLON_OPEN.search(text, lo, hi)) is not None and find_cues(text, lo, m.start()):
        return m.end(), [(lo, m.start())]
    return None


def _line_quotes(text: str, lo: int, hi: int) -> list[DashQuote]:
    opened = _speech_start(text, lo, hi)
    if opened is None:
        return []
    start, attrs = opened
    close_mark = None
    end = hi
    if (lost := _lost_open_mark(text, start, hi)) is not None and _is_attribution(text, lost.end(), hi):
        close_mark, end = lost.start(), lost.start()
        attrs.append((lost.end(), hi))
    cuts = [start]
    bounds: list[tuple[int, int]] = []
    for sep in _SEP.finditer(text, start, end):
        bounds.append((cuts[-1], sep.start()))
        cuts.append(sep.end())
    bounds.append((cuts[-1], end))
    quotes: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(bounds):
        if k > 0 and _is_attribution(text, a, b):  # what follows the opening dash is speech
            attrs.append((a, b))
            continue
        # French/Spanish style: "Nous partirons, a dit le ministre." -- attribution after a comma
        tail = re.search(r",\s+([^,]{3,80})$", text[a:b].rstrip(". "))
        if close_mark is None and tail and _is_attribution(text, a + tail.start(1), a + tail.end(1)) \
                and text[a + tail.start(1)].islower():
            quotes.append(_trim(text, a, a + tail.start()))
            attrs.append((a + tail.start(1), a + tail.end(1)))
            continue
        quotes.append(_trim(text, a, b))
    if not quotes or not attrs and (text[lo:start].strip() == "-" or len(text[quotes[0][0]:quotes[0][1]].split()) < 3):
        return []  # a list item, not speech
    out = [DashQuote(qa, qb, attrs) for qa, qb in quotes if qb - qa >= 2]
    if out and close_mark is not None:
        out[-1].close_mark = close_mark
    return out


def find_dash_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[DashQuote]:
    out: list[DashQuote] = []
    for lo, hi in paragraphs:
        for line in re.finditer(r"[^\n]+", text[lo:hi]):
            out += _line_quotes(text, lo + line.start(), lo + line.end())
    return out
