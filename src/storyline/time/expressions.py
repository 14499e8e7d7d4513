"""Time expressions anchored to the article's publish date, with tense deciding direction.

Unknown publish date means unanchored (value None): never anchored to today.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from functools import cache

from ..model import Article, TimeExpr
from ..resources import lines

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(rf"(?i)\b(\d{{1,2}})\s+({_MON})\.?,?\s+(\d{{4}})\b")),
    ("mdy", re.compile(rf"(?i)\b({_MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
    ("dm", re.compile(rf"(?i)\b(\d{{1,2}})\s+({_MON})\b")),
    ("md", re.compile(rf"(?i)\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")),
    ("partmonth", re.compile(rf"(?i)\b(early|mid|late|end of|beginning of)[\s-]+({_MON})\b")),
    ("weekday", re.compile(rf"(?i)\b(?:(last|next|this|on)\s+)?({_WD})\b")),
    ("relday", re.compile(r"(?i)\b(yesterday|today|tomorrow|the day before yesterday)\b")),
    ("relunit", re.compile(r"(?i)\b(last|next|this|previous|coming)\s+(week|month|year)\b")),
    ("ago", re.compile(r"(?i)\b(\d+|a|one|two|three|four|five|six|seven|ten)\s+(day|week|month|year)s?\s+ago\b")),
    ("monthyear", re.compile(rf"(?i)\b({_MON})\s+(\d{{4}})\b")),
    ("month", re.compile(rf"(?i)\b(?:in|since|until|by)\s+({_MON})\b")),
]
_NUMWORD = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@cache
def _future_markers() -> tuple[str, ...]:
    return lines("time/future_markers_en.txt")


def _month(s: str) -> int:
    s = s.lower()[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(s))


def _is_future(sentence: str) -> bool:
    low = f" {sentence.lower()} "
    return any(re.search(rf"(?<![\w']){re.escape(m)}(?!\w)", low) for m in _future_markers())


def _sentence_around(text: str, pos: int) -> str:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    b = min((i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1), default=len(text))
    return text[a:b]


_NAME_BEFORE = re.compile(r"[A-Z][\w'-]*\s+$")


def _in_name(text: str, start: int) -> bool:
    """'Aldoria Today' is an outlet: a capitalised 'Today' right after a capitalised word mid-sentence."""
    if not text[start].isupper():
        return False
    before = text[max(0, start - 30) : start]
    return bool(_NAME_BEFORE.search(before)) and not re.search(r"[.!?\n]\s*[A-Z][\w'-]*\s+$", before)


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _nearest_year(anchor: date, month: int, day: int | None, future: bool) -> int:
    """A date without a year is the one nearest the anchor in the tense's direction."""
    y = anchor.year
    cand = date(y, month, day or 1)
    if future and cand < anchor - timedelta(days=31 if day is None else 0):
        return y + 1
    if not future and cand > anchor + timedelta(days=31 if day is None else 0):
        return y - 1
    return y


def resolve(kind: str, m: re.Match[str], anchor: date | None, future: bool) -> tuple[str | None, str]:
    """(value, granularity) of one match."""
    g = m.groups()
    if kind == "iso":
        return date(int(g[0]), int(g[1]), int(g[2])).isoformat(), "day"
    if kind == "dmy":
        return date(int(g[2]), _month(g[1]), int(g[0])).isoformat(), "day"
    if kind == "mdy":
        return date(int(g[2]), _month(g[0]), int(g[1])).isoformat(), "day"
    if kind == "monthyear":
        return f"{int(g[1]):04d}-{_month(g[0]):02d}", "month"
    if anchor is None:
        gran = {"weekday": "day", "relday": "day", "dm": "day", "md": "day", "relunit": g[-1].lower(),
                "ago": g[-1].lower(), "partmonth": "month", "month": "month"}.get(kind, "unknown")
        return None, gran if gran in ("day", "week", "month", "year") else "unknown"
    if kind in ("dm", "md"):
        day, mon = (int(g[0]), _month(g[1])) if kind == "dm" else (int(g[1]), _month(g[0]))
        return date(_nearest_year(anchor, mon, day, future), mon, day).isoformat(), "day"
    if kind in ("month", "partmonth"):
        mon = _month(g[-1])
        y = _nearest_year(anchor, mon, None, future)
        return f"{y:04d}-{mon:02d}", "month"
    if kind == "relday":
        off = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2}[g[0].lower()]
        return (anchor + timedelta(days=off)).isoformat(), "day"
    if kind == "weekday":
        mod, wd = (g[0] or "").lower(), WEEKDAYS.index(g[1].lower())
        delta = wd - anchor.weekday()
        if mod == "next" or (mod != "last" and future):
            delta = delta if delta > 0 else delta + 7
        elif mod == "this" or (delta == 0 and mod != "last"):
            pass  # "on Friday" in Friday's paper is that day
        else:
            delta = delta if delta < 0 else delta - 7
        return (anchor + timedelta(days=delta)).isoformat(), "day"
    if kind in ("relunit", "ago"):
        unit = g[1].lower()
        if kind == "ago":
            n = -(int(g[0]) if g[0].isdigit() else _NUMWORD[g[0].lower()])
        else:
            n = {"last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}[g[0].lower()]
        if unit == "week":
            return _iso_week(anchor + timedelta(weeks=n)), "week"
        if unit == "month":
            mm = anchor.month - 1 + n
            return f"{anchor.year + mm // 12:04d}-{mm % 12 + 1:02d}", "month"
        return f"{anchor.year + n:04d}", "year"
    return None, "unknown"


def extract_times(article: Article) -> list[TimeExpr]:
    text = article.text
    anchor = date.fromisoformat(article.published[:10]) if article.published else None
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            if kind == "relday" and _in_name(text, s):
                continue
            try:
                value, gran = resolve(kind, m, anchor, _is_future(_sentence_around(text, s)))
            except (ValueError, StopIteration):
                continue
            taken.append((s, e))
            tid = "t_" + hashlib.sha1(f"{article.id}:{s}:{e}".encode()).hexdigest()[:10]
            out.append(TimeExpr(id=tid, span=article.span(s, e), value=value,
                                anchor=anchor.isoformat() if anchor else None, granularity=gran))  # type: ignore[arg-type]
    out.sort(key=lambda t: t.span.start)
    return out
