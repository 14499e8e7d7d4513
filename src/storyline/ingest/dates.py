"""Publish-date parsing: a date is taken only when it is unambiguous; otherwise it stays unknown."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

DATE_LANGUAGES = ("en", "de", "fr", "es", "it", "pl", "ru", "uk")
MONTHS = ("jan feb mar apr may jun jul aug sep oct nov dec").split()
_NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_HAS_MONTH_NAME = re.compile(r"(?i)\b(" + "|".join(MONTHS) + r")[a-z]*\.?\b")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@cache
def _dateparser():
    import dateparser  # imported lazily: ~0.5 s, and only date stages need it

    return dateparser


def parse_publish_date(text: str) -> str | None:
    """ISO date for a publish-date string, or None if absent or ambiguous (e.g. 03/04/2025).

    Why so strict: every relative date in the article is anchored to this value, so a wrong guess
    corrupts the whole timeline, while None only leaves expressions unanchored.
    """
    text = text.strip()
    m = _ISO.search(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    m = _NUMERIC.search(text)
    if m and not _HAS_MONTH_NAME.search(text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a <= 12 and b <= 12 and a != b:
            return None  # day/month order unknowable
        d, mo = (a, b) if a > 12 else (b, a)
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return None
    if not (_HAS_MONTH_NAME.search(text) and _YEAR.search(text)):
        return None
    # A short language list: without it dateparser tries ~200 locales, compiling regexes for each
    # (7 s for the first articles of every worker process, measured on the demo corpus).
    parsed = _dateparser().parse(
        text,
        languages=list(DATE_LANGUAGES),
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"},
    )
    if isinstance(parsed, datetime):
        return parsed.date().isoformat()
    return None


DATE_PHRASE = re.compile(
    r"(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"
)
