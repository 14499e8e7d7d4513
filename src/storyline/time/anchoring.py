"""Calendar arithmetic that turns a partial date plus an anchor and a direction into a real date.

Pure functions on ``datetime.date``; no text here. The direction is the tense of the clause:
"past" picks the candidate at or before the anchor, "future" the one at or after it, and ``None`` or
"present" the nearest one ("the motion follows Friday's meeting" in Monday's paper is three days
back; "who on Friday hosts the ministers" in Thursday's paper is tomorrow).
"""

from __future__ import annotations

from datetime import date, timedelta

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_month(d: date, n: int) -> tuple[int, int]:
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def weekday_date(anchor: date, weekday: int, mod: str, direction: str | None) -> date:
    """The date of ``weekday`` relative to ``anchor`` for a modifier (last/next/this/bare/...)."""
    back = (anchor.weekday() - weekday) % 7  # days back to the most recent such weekday (0 = today)
    fwd = (weekday - anchor.weekday()) % 7
    if mod == "last":
        return anchor - timedelta(days=back or 7)
    if mod == "next":
        return anchor + timedelta(days=fwd or 7)
    if mod == "this":
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday)
    if mod == "since":
        return anchor - timedelta(days=back or 7)
    if mod == "deadline":  # "answers before Wednesday": reported speech backshifts the verb
        direction = "future" if direction == "future" else None
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)


def _pick(anchor: date, cands: list[date], direction: str | None, slack: int) -> date:
    """Nearest candidate, unless it lies more than ``slack`` days on the wrong side of the anchor."""
    cands = sorted(cands, key=lambda c: abs((c - anchor).days))
    best = cands[0]
    if direction == "past" and (best - anchor).days > slack:
        earlier = [c for c in cands if (c - anchor).days <= slack]
        best = earlier[0] if earlier else best
    elif direction == "future" and (anchor - best).days > slack:
        later = [c for c in cands if (anchor - c).days <= slack]
        best = later[0] if later else best
    return best


def day_month_year(anchor: date, month: int, day: int, direction: str | None,
                   weekday: int | None = None) -> date:
    """A day and month without a year: the year that puts it nearest the anchor (tense-aware);
    a weekday given with it ("Friday, 21 March") decides between years on its own."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    if weekday is not None:
        fit = [c for c in cands if c.weekday() == weekday]
        if fit:
            cands = fit
    return _pick(anchor, cands, direction, slack=31)


def month_year(anchor: date, month: int, mod: str, direction: str | None) -> int:
    """The year of a month named without one ("in February", "last June", "by the end of April")."""
    y = anchor.year
    if mod == "last":
        return y if month < anchor.month else y - 1
    if mod == "next":
        return y if month > anchor.month else y + 1
    if mod == "this":
        return y
    if mod == "since":
        direction = "past"
    if mod == "deadline":  # "by the end of April", "until June": a horizon ahead, whatever the verb
        direction = "future"
    if direction == "past":
        return y if month <= anchor.month else y - 1
    if direction == "future":
        return y if month >= anchor.month else y + 1
    diff = month - anchor.month
    if diff > 6:
        return y - 1
    if diff < -6:
        return y + 1
    return y


def season_year(anchor: date, season: str, shift: int | None, direction: str | None) -> int:
    """Year of a season; winter belongs to the year it starts in (TIMEX3 convention: 2024-WI is
    December 2024 to February 2025). ``shift`` is -1 last, 0 this, 1 next, None bare."""
    start_m = SEASON_MONTH[season]
    spans = []
    for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1):
        s = date(y, start_m, 1)
        ey, em = shift_month(s, 3)
        spans.append((y, s, date(ey, em, 1)))
    if shift == -1:
        return max(y for y, s, e in spans if e <= anchor)
    if shift == 1:
        return min(y for y, s, e in spans if s > anchor)
    inside = [y for y, s, e in spans if s <= anchor < e]
    if inside:
        return inside[0]
    if direction == "past":
        return max(y for y, s, e in spans if e <= anchor)
    if direction == "future" or shift == 0:
        return min(y for y, s, e in spans if s > anchor)
    return min(spans, key=lambda t: min(abs((t[1] - anchor).days), abs((t[2] - anchor).days)))[0]
