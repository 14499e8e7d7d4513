"""Time expressions anchored to the article's publish date, with tense deciding direction.

Matching uses the per-language patterns of :mod:`calendar_words`; every candidate from every
pattern is collected and the longest non-overlapping ones win, so "on Wednesday, 19 March" is one
expression, not a weekday plus a date. Values follow ISO 8601 / TIMEX3: ``2025-03-14`` (day),
``2025-W11`` (week), ``2025-03`` (month), ``2025-SU`` (season), ``2025-Q1`` (quarter), ``2025``
(year), ``start/end`` (interval, with ``end`` set) and ``P3D`` (duration, ``kind="duration"``).
"early", "mid", "late" keep the month or year as value and say which part in ``mod``.

An unknown publish date leaves relative expressions unanchored (value None): never "today". A day
and month without a year may still take the year of the article's own full dates ("on 21 March"
in a piece that opens with "14 March 2025"), and absolute dates need no anchor at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..ids import span_id
from ..model import Article, TimeExpr
from .anchoring import day_month_year, iso_week, month_year, season_year, shift_month, weekday_date
from .calendar_words import Calendar, calendar
from .numeric_dates import parse_numeric
from .tense import direction as tense_direction

_NAME_BEFORE = re.compile(r"[A-Z][\w'-]*\s+$")
_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "weekend": "W"}


@dataclass
class Resolved:
    value: str | None
    granularity: str
    kind: str = "date"
    mod: str | None = None
    end: str | None = None


class Unresolvable(ValueError):
    """A match that looked like a date but is not one (31 February, a page number...)."""


def _in_name(text: str, start: int) -> bool:
    """'Aldoria Today' is an outlet: a capitalised 'Today' right after a capitalised word mid-sentence."""
    if not text[start].isupper():
        return False
    before = text[max(0, start - 30) : start]
    return bool(_NAME_BEFORE.search(before)) and not re.search(r"(?:^|[.!?\n]\s*)[A-Z][\w'-]*\s+$", before)


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _mod(cal: Calendar, table: str, word: str | None, default: str = "bare") -> str:
    if not word:
        return default
    try:
        return str(cal.lookup(table, word))
    except KeyError:
        return default


def _year_of(y: str | None) -> int | None:
    return int(y) if y else None


def _date_or_raise(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError as e:
        raise Unresolvable(str(e)) from e


def _dm(cal: Calendar, m: re.Match[str], anchor: date | None, direction: str | None,
        year_context: int | None) -> Resolved:
    """Day + month (+ year, + weekday): 'Wednesday, 19 March', 'Mon Mar 17 2025', 'on 21 March'."""
    month = cal.month_of(m["m"])
    day = int(m["d"])
    wd = cal.weekday_of(m["wd"]) if _g(m, "wd") else None
    year = _year_of(_g(m, "y"))
    if year is not None:
        return Resolved(_date_or_raise(year, month, day).isoformat(), "day")
    if anchor is not None:
        _date_or_raise(2024, month, day)  # 29 February exists in a leap year
        return Resolved(day_month_year(anchor, month, day, direction, wd).isoformat(), "day")
    if year_context is not None:
        return Resolved(_date_or_raise(year_context, month, day).isoformat(), "day")
    return Resolved(None, "day")


def _unit_value(anchor: date, unit: str, n: int, mod: str | None = None) -> Resolved:
    if unit == "day":
        return Resolved((anchor + timedelta(days=n)).isoformat(), "day")
    if unit in ("week", "weekend"):
        v = iso_week(anchor + timedelta(weeks=n))
        return Resolved(v + ("-WE" if unit == "weekend" else ""), "week", mod=mod)
    if unit == "month":
        y, mo = shift_month(anchor, n)
        return Resolved(f"{y:04d}-{mo:02d}", "month", mod=mod)
    return Resolved(f"{anchor.year + n:04d}", "year", mod=mod)


def _shift_day(anchor: date, unit: str, n: int) -> date:
    """The day ``n`` units after the anchor (month ends clamp: 31 January + 1 month = 28 February)."""
    if unit == "day":
        return anchor + timedelta(days=n)
    if unit in ("week", "weekend"):
        return anchor + timedelta(weeks=n)
    if unit == "month":
        y, mo = shift_month(anchor, n)
    else:
        y, mo = anchor.year + n, anchor.month
    for day in range(anchor.day, 27, -1):
        try:
            return date(y, mo, day)
        except ValueError:
            continue
    return date(y, mo, min(anchor.day, 28))


def resolve(kind: str, m: re.Match[str], cal: Calendar, anchor: date | None, direction: str | None,
            year_context: int | None = None) -> Resolved:
    """(value, granularity, ...) of one match; value None when it needs an anchor it lacks."""
    if kind == "iso":
        return Resolved(_date_or_raise(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), "day")
    if kind == "numeric":
        d = parse_numeric(m.group(0), cal.lang)
        if d is None:
            raise Unresolvable(m.group(0))
        return Resolved(d.isoformat(), "day")
    if kind in ("dmy", "mdy"):
        return _dm(cal, m, anchor, direction, year_context)
    if kind in ("range_dm", "range_md"):
        month, d1, d2 = cal.month_of(m["m"]), int(m["d1"]), int(m["d2"])
        if d2 <= d1:
            raise Unresolvable("range runs backwards")
        year = _year_of(_g(m, "y"))
        if year is None and anchor is not None:
            year = day_month_year(anchor, month, d1, direction).year
        year = year or year_context
        if year is None:
            return Resolved(None, "interval", kind="interval")
        a, b = _date_or_raise(year, month, d1), _date_or_raise(year, month, d2)
        return Resolved(f"{a.isoformat()}/{b.isoformat()}", "interval", kind="interval", end=b.isoformat())
    if kind == "range_month":
        m1, m2 = cal.month_of(m["m1"]), cal.month_of(m["m2"])
        year = _year_of(_g(m, "y"))
        if year is None and anchor is not None:
            year = month_year(anchor, m1, "bare", direction)
        year = year or year_context
        if year is None:
            return Resolved(None, "interval", kind="interval")
        y2 = year if m2 >= m1 else year + 1
        a, b = f"{year:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"
        return Resolved(f"{a}/{b}", "interval", kind="interval", end=b)
    if kind == "range_wd":
        if anchor is None:
            return Resolved(None, "interval", kind="interval")
        # "closed from Monday to Wednesday": a stated range lies ahead unless the verb is past
        a = weekday_date(anchor, cal.weekday_of(m["wd1"]), "bare", "past" if direction == "past" else "future")
        b = a + timedelta(days=(cal.weekday_of(m["wd2"]) - a.weekday()) % 7)
        return Resolved(f"{a.isoformat()}/{b.isoformat()}", "interval", kind="interval", end=b.isoformat())
    if kind == "monthyear":
        return Resolved(f"{int(m['y']):04d}-{cal.month_of(m['m']):02d}", "month")
    if kind == "year":
        return Resolved(m["y"], "year")
    if kind == "quarter_q" or kind == "quarter":
        q = int(m["qn"]) if kind == "quarter_q" else int(cal.lookup("quarter", m["q"]))  # type: ignore[call-overload]
        year = _year_of(_g(m, "y"))
        if year is None:
            if anchor is None:
                return Resolved(None, "quarter")
            cur = (anchor.month - 1) // 3 + 1
            year = anchor.year if direction != "past" or q <= cur else anchor.year - 1
            if direction == "future" and q < cur:
                year += 1
        return Resolved(f"{year:04d}-Q{q}", "quarter")
    if kind == "part_year":
        return Resolved(m["y"], "year", mod=_mod(cal, "part", m["part"], "") or None)
    if kind in ("month", "part_month"):
        month = cal.month_of(m["m"])
        mod = _mod(cal, "month_mod", _g(m, "mod"))
        part = _mod(cal, "part", m["part"], "") or None if kind == "part_month" else None
        year = _year_of(_g(m, "y"))
        if year is None:
            if anchor is not None:
                year = month_year(anchor, month, mod, direction)
            elif year_context is not None:
                year = year_context
            else:
                return Resolved(None, "month", mod=part)
        return Resolved(f"{year:04d}-{month:02d}", "month", mod=part)
    if kind == "season":
        season = str(cal.lookup("season", m["season"]))
        shift = int(cal.lookup("unit_mod", m["umod"])) if _g(m, "umod") else None  # type: ignore[call-overload]
        if not (_g(m, "umod") or _g(m, "cue") or _g(m, "y")):
            raise Unresolvable("bare season word")
        year = _year_of(_g(m, "y"))
        if year is None:
            if anchor is None:
                return Resolved(None, "season")
            year = season_year(anchor, season, shift, direction)
        return Resolved(f"{year:04d}-{season}", "season")
    if kind in ("duration",):
        n = cal.number_of(m["n"])
        unit = str(cal.lookup("unit", m["unit"]))
        return Resolved(f"P{n}{_UNIT_CODE[unit]}", unit if unit != "weekend" else "week", kind="duration")
    # everything below is relative to the anchor
    if kind == "weekday":
        if anchor is None:
            return Resolved(None, "day")
        mod = _mod(cal, "weekday_mod", _g(m, "mod"))
        return Resolved(weekday_date(anchor, cal.weekday_of(m["wd"]), mod, direction).isoformat(), "day")
    if kind == "relday":
        off = int(cal.lookup("relday", m["rel"]))  # type: ignore[call-overload]
        return Resolved((anchor + timedelta(days=off)).isoformat() if anchor else None, "day")
    if kind == "relunit":
        if m["unit"].lower() in {u.lower() for u in cal.unit_plural}:
            raise Unresolvable("vague: 'the coming months'")
        unit = str(cal.lookup("unit", m["unit"]))
        if anchor is None:
            return Resolved(None, "week" if unit == "weekend" else unit)
        return _unit_value(anchor, unit, int(cal.lookup("unit_mod", m["umod"])))  # type: ignore[call-overload]
    if kind == "part_rel":
        unit = str(cal.lookup("unit", m["unit"]))
        part = _mod(cal, "part", m["part"], "") or None
        if anchor is None:
            return Resolved(None, "week" if unit == "weekend" else unit, mod=part)
        shift = int(cal.lookup("unit_mod", m["umod"])) if _g(m, "umod") else 0  # type: ignore[call-overload]
        return _unit_value(anchor, unit, shift, mod=part)
    if kind in ("ago", "ago_before", "ahead"):
        n = cal.number_of(m["n"])
        unit = str(cal.lookup("unit", m["unit"]))
        sign = 1 if kind == "ahead" else -1
        if anchor is None:
            return Resolved(None, unit, kind="interval" if _g(m, "cue") in ("within", "innerhalb von") else "date")
        if kind == "ahead" and (m["cue"] or "").lower() in ("within", "innerhalb von"):
            end = _shift_day(anchor, unit, n).isoformat()
            return Resolved(f"{anchor.isoformat()}/{end}", "interval", kind="interval", end=end)
        return _unit_value(anchor, unit, sign * n)
    raise Unresolvable(kind)


def _year_context(text: str, cal: Calendar) -> int | None:
    """The year an undated article is about, from its own full dates; None when they disagree."""
    years = Counter(int(y) for y in re.findall(r"(?<![\d-])((?:19|20)\d{2})-\d{2}-\d{2}(?![\d-])", text))
    for kind, rx in cal.patterns:
        if kind in ("dmy", "mdy", "monthyear"):
            years.update(int(mm["y"]) for mm in rx.finditer(text) if mm["y"])
    if not years:
        return None
    (top, n), *rest = years.most_common()
    return top if not rest or n > rest[0][1] else None


def _candidates(text: str, cal: Calendar) -> list[tuple[int, int, int, str, re.Match[str]]]:
    out = []
    for prio, (kind, rx) in enumerate(cal.patterns):
        for m in rx.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " \t\n,":
                e -= 1
            if e > s:
                out.append((s, e, prio, kind, m))
    return out


def _select(cands: list[tuple[int, int, int, str, re.Match[str]]]) -> list[tuple[int, int, int, str, re.Match[str]]]:
    """Longest first, then the more specific pattern; no two chosen matches overlap."""
    chosen: list[tuple[int, int, int, str, re.Match[str]]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(c[1] <= o[0] or o[1] <= c[0] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def parse_anchor(published: str | None) -> date | None:
    """The publish date to anchor relative dates to; None (unanchored) for no date, a malformed one
    or one outside the sane years (a "9999-12-31" sentinel would overflow "next Tuesday")."""
    from ..ingest.dates import sane_date

    if not sane_date(published):
        return None
    try:
        return date.fromisoformat(published[:10])  # type: ignore[index]
    except ValueError:
        return None


def extract_times(article: Article, doc: Any = None) -> list[TimeExpr]:
    """All time expressions of an article; ``doc`` (a spaCy Doc of ``article.text``) lets the tense
    of the governing verb decide direction, otherwise marker lexicons do."""
    text = article.text
    cal = calendar(article.language)
    anchor = parse_anchor(article.published)
    year_ctx = _year_context(text, cal) if anchor is None else None
    out: list[TimeExpr] = []
    for s, e, _, kind, m in _select(_candidates(text, cal)):
        if kind == "relday" and _in_name(text, s):
            continue
        if kind == "weekday" and re.search(r"(?i)\b(?:every|each|jeden)\s+$", text[max(0, s - 8) : s]):
            continue  # "every Tuesday" is a recurrence, not a date
        direction = tense_direction(text, s, e, cal.lang, doc)
        try:
            r = resolve(kind, m, cal, anchor, direction, year_ctx)
        except (Unresolvable, KeyError, ValueError, OverflowError):  # arithmetic past year 9999
            continue
        tid = span_id("t_", article.id, s, e)
        out.append(TimeExpr(id=tid, span=article.span(s, e), value=r.value,
                            anchor=anchor.isoformat() if anchor and r.kind != "duration" else None,
                            granularity=r.granularity, kind=r.kind, mod=r.mod, end=r.end,  # type: ignore[arg-type]
                            tense=direction))
    return out


def reanchor(article: Article, times: list[TimeExpr], anchor: date) -> list[TimeExpr]:
    """Resolve the expressions an undated article left unanchored against an estimated publish date
    (``Article.published_estimate`` narrowed to a few days); each one so resolved says so with
    ``anchor_estimated``. The clause tense found at extraction is reused: no parse is needed again."""
    cal = calendar(article.language)
    found = {(s, e): (kind, m) for s, e, _, kind, m in _select(_candidates(article.text, cal))}
    out = []
    for t in times:
        hit = found.get((t.span.start, t.span.end))
        if t.value is not None or t.kind == "duration" or hit is None:
            out.append(t)
            continue
        try:
            r = resolve(hit[0], hit[1], cal, anchor, t.tense)
        except (Unresolvable, KeyError, ValueError, OverflowError):
            out.append(t)
            continue
        if r.value is None:
            out.append(t)
            continue
        out.append(t.model_copy(update={"value": r.value, "anchor": anchor.isoformat(), "anchor_estimated": True,
                                        "granularity": r.granularity, "mod": r.mod, "end": r.end}))
    return out
