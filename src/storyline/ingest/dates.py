"""Publish-date parsing: a date is taken only when it is unambiguous; otherwise it stays unknown."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

MONTHS = ("jan feb mar apr may jun jul aug sep oct nov dec").split()
# dd.mm.yyyy is the European convention only (no locale writes month first with dots), so a dotted
# date is day-first; slashes and dashes are written both ways and stay ambiguous unless a part > 12.
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_HAS_MONTH_NAME = re.compile(r"(?i)\b(" + "|".join(MONTHS) + r")[a-z]*\.?\b")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_RELATIVE = re.compile(r"(?i)\b(ago|yesterday|today|vor \d|il y a|назад)\b")
# Languages whose month names a publish-date line may use. Without a list dateparser tries all ~200
# locales, compiling each one's regexes on first use: seconds of warm-up in every worker process.
PUBLISH_DATE_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "ru", "uk", "be",
                          "bg", "sr", "hr", "sl", "ro", "hu", "sv", "da", "nb", "fi", "et", "lv", "lt",
                          "el", "tr"]


@cache
def _dateparser():
    import dateparser  # imported lazily: ~0.5 s, and only date stages need it

    return dateparser


MIN_YEAR, MAX_YEAR = 1000, 2999  # a publish date outside these years is a typo or a sentinel ("9999-12-31")


def _safe_date(y: int, m: int, d: int) -> str | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d).isoformat()
    except (ValueError, OverflowError):
        return None


def sane_date(value: str | None) -> str | None:
    """``value`` if it is an ISO date (or datetime) in MIN_YEAR..MAX_YEAR, else None: every relative
    date is anchored to a publish date, and calendar arithmetic beyond the year 9999 overflows."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return value if m and _safe_date(int(m[1]), int(m[2]), int(m[3])) else None


def parse_publish_date(text: str) -> str | None:
    """ISO date for a publish-date string, or None if absent or ambiguous (e.g. 03/04/2025).

    Why so strict: every relative date in the article is anchored to this value, so a wrong guess
    corrupts the whole timeline, while None only leaves expressions unanchored.
    """
    text = text.strip()
    if not text or len(text) > 200 or _RELATIVE.search(text):
        return None
    if m := _ISO.search(text):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DOTTED.search(text):
        return _safe_date(int(m[3]), int(m[2]), int(m[1]))
    m = _NUMERIC.search(text)
    if m and not _HAS_MONTH_NAME.search(text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a <= 12 and b <= 12 and a != b:
            return None  # day/month order unknowable
        d, mo = (a, b) if a > 12 else (b, a)
        return _safe_date(y, mo, d)
    if not (_HAS_MONTH_NAME.search(text) and _YEAR.search(text)):
        return _parse_foreign(text)
    return _parse_english(text) or _parse_foreign(text, strict=True)


_MONTH_WORD = r"(" + "|".join(MONTHS) + r")[a-z]*\.?"  # "sept" is "sep" + letters
_DAY_MONTH_YEAR = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r",?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"(?i)\b" + _MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def _parse_english(text: str) -> str | None:
    """English month-name dates ("Mon Mar 3 2025", "3 March 2025", "March 3, 2025") without
    dateparser: the common case should not pay its per-process locale warm-up."""
    found = set()
    for m in _DAY_MONTH_YEAR.finditer(text):
        found.add(_safe_date(int(m[3]), MONTHS.index(m[2][:3].lower()) + 1, int(m[1])))
    for m in _MONTH_DAY_YEAR.finditer(text):
        found.add(_safe_date(int(m[3]), MONTHS.index(m[1][:3].lower()) + 1, int(m[2])))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_MONTHS = ("january february march april may june july august september october november december").split()


@cache
def _month_languages() -> dict[str, tuple[str, ...]]:
    """Month word -> the languages that use it, from dateparser's own locale data (plain dicts,
    cheap to load, unlike the compiled locales dateparser builds to search a string)."""
    import importlib

    out: dict[str, set[str]] = {}
    for lang in PUBLISH_DATE_LANGUAGES:
        try:
            info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
        except (ImportError, AttributeError):
            continue
        for month in _MONTHS:
            for word in info.get(month, []):
                out.setdefault(word.lower().rstrip("."), set()).add(lang)
    return {w: tuple(sorted(langs, key=PUBLISH_DATE_LANGUAGES.index)) for w, langs in out.items()}


def _languages_of(text: str) -> list[str]:
    """The languages whose month names the string uses, so dateparser compiles one or two locales
    instead of all of them (seconds of warm-up per process otherwise); all when none is found."""
    table = _month_languages()
    found = [lang for w in re.findall(r"[^\W\d_]+", text.lower()) for lang in table.get(w, ())]
    return list(dict.fromkeys(found)) or PUBLISH_DATE_LANGUAGES


def _parse_foreign(text: str, strict: bool = False) -> str | None:
    """Month names in other languages ("15. März 2025", "3 марта 2025"): dateparser knows them."""
    if not strict and not _YEAR.search(text):
        return None
    try:
        parsed = _dateparser().parse(
            text, languages=_languages_of(text),
            settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"},
        )
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None
    if isinstance(parsed, datetime):
        return sane_date(parsed.date().isoformat())
    return None


_PATH_DATE = re.compile(r"(?<![\d])((?:19|20)\d{2})([-/_])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])")


def path_date(path: str) -> str | None:
    """A date written into a URL or file name ("/2016/09/12/", "breitbart_2016-09-12_..."): sites
    and archives name articles by their publication day. Only with one separator used throughout
    (a bare 20160912 may be any number) and only when the path holds one such date."""
    found = {_safe_date(int(m[1]), int(m[3]), int(m[4])) for m in _PATH_DATE.finditer(path)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


DATE_PHRASE = re.compile(
    r"(?i)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|janv|févr|avr|juil|déc)[a-zäéû]*\.?,?\s+\d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Uhr|CET|CEST|GMT|UTC|[A-Z]{2,4}))?)?"
)


def date_in(text: str) -> tuple[int, int] | None:
    """Where a written date (with optional time) sits in ``text``, if anywhere."""
    m = DATE_PHRASE.search(text)
    return (m.start(), m.end()) if m else None
