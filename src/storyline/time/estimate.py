"""A publish-date window for an article that states no date, from its own dated references.

A report is written after what it tells as done and before what it announces: "was arrested in
May 2005" puts publication on or after 1 May 2005; "the vote on 15 December 2013 will" puts it on
or before 15 December 2013. Only expressions that spell their own year count (a bare "March 9"
took its year from somewhere else), and only when the clause's tense says which side they are on.
The result is a window with its evidence, never a date shown as fact, and never the machine clock.
Bounds that contradict each other (a tense misread somewhere) give no window at all. A future seen
from a past event ("forced it to close in December 2007", "started to experience problems on
8 October 2011") says nothing about the writing and sets no bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from ..model import PublishedEstimate, TimeExpr
from .anchoring import shift_month
from .tense import future_from_past

_OWN_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d{2}(?!\d)")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
MAX_WINDOW_DAYS_TO_ANCHOR = 7  # relative dates ("on Tuesday") resolve only against a window this narrow
# Reports of one story appear within days of each other: an undated member is placed within this
# many days of its dated mates. A likely window, not a bound: ``mates`` in the estimate says so.
MATE_SLACK_DAYS = 3


def period(value: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO day, month or year value (an interval: its start's period)."""
    if not value:
        return None
    value = value.split("/", 1)[0]
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            ny, nm = shift_month(date(y, mo, 1), 1)
            return date(y, mo, 1), date(ny, nm, 1) - timedelta(days=1)
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    return None


def estimate_published(times: Iterable[TimeExpr], doc: Any = None) -> PublishedEstimate | None:
    """The window the article's own past and future dated references allow; None when they say
    nothing (or contradict each other). With the article's spaCy ``doc``, a future that is future
    only from a past event ("forced it to close in December 2007") sets no bound."""
    low: tuple[date, TimeExpr] | None = None
    high: tuple[date, TimeExpr] | None = None
    for t in times:
        if t.kind == "duration" or t.tense not in ("past", "future") or not _OWN_YEAR.search(t.span.text):
            continue
        p = period(t.value)
        if p is None:
            continue
        if t.tense == "past" and (low is None or p[0] > low[0]):
            low = (p[0], t)
        elif t.tense == "future" and (high is None or p[1] < high[0]) \
                and not future_from_past(doc, t.span.start, t.span.end):
            high = (p[1], t)
    if low is None and high is None:
        return None
    if low is not None and high is not None and low[0] > high[0]:
        return None
    return PublishedEstimate(earliest=low[0].isoformat() if low else None,
                             latest=high[0].isoformat() if high else None,
                             basis=[b[1].span for b in (low, high) if b is not None])


def window(est: PublishedEstimate | None) -> tuple[date | None, date | None]:
    """(earliest, latest) as dates; (None, None) when there is no estimate."""
    if est is None:
        return None, None
    return (date.fromisoformat(est.earliest) if est.earliest else None,
            date.fromisoformat(est.latest) if est.latest else None)


def with_mates(own: PublishedEstimate | None, mate_days: dict[str, date]) -> PublishedEstimate | None:
    """Narrow an undated article's window by the publish dates of its story's dated members. The
    article's own evidence wins: mates that fall outside its own window are not used."""
    if not mate_days:
        return own
    lo, hi = window(own)
    m_lo = min(mate_days.values()) - timedelta(days=MATE_SLACK_DAYS)
    m_hi = max(mate_days.values()) + timedelta(days=MATE_SLACK_DAYS)
    new_lo = max(lo, m_lo) if lo else m_lo
    new_hi = min(hi, m_hi) if hi else m_hi
    if new_lo > new_hi:
        return own
    return PublishedEstimate(earliest=new_lo.isoformat(), latest=new_hi.isoformat(),
                             basis=own.basis if own else [], mates=sorted(mate_days))


def anchor_of(est: PublishedEstimate | None) -> date | None:
    """The day to resolve "on Tuesday" against: the middle of a window of a week or less, else None."""
    lo, hi = window(est)
    if lo is None or hi is None or (hi - lo).days > MAX_WINDOW_DAYS_TO_ANCHOR:
        return None
    return lo + (hi - lo) / 2
