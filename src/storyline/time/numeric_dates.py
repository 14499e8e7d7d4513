"""All-numeric dates ("15.03.2025", "03/14/25"), parsed by dateparser and checked against the digits.

dateparser knows each language's day/month order, but it happily invents parts and silently swaps
day and month; so the digits decide whenever they can (a part above 12 must be the day) and the
library's answer is accepted only if it uses exactly the numbers written.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

# dot-separated dates are day-first everywhere; slashes follow the language's habit
_SLASH_ORDER = {"en": "MDY"}
_DEFAULT_ORDER = "DMY"


@cache
def _parser():  # type: ignore[no-untyped-def]
    import dateparser  # imported lazily: it costs a second at first use

    return dateparser


def _order(sep: str, lang: str, a: int, b: int) -> str:
    if a > 12 >= b:
        return "DMY"
    if b > 12 >= a:
        return "MDY"
    if sep == ".":
        return "DMY"
    return _SLASH_ORDER.get(lang, _DEFAULT_ORDER)


def parse_numeric(text: str, lang: str) -> date | None:
    m = re.fullmatch(r"(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4})", text.strip())
    if not m:
        return None
    a, sep, b, y = int(m[1]), m[2], int(m[3]), m[4]
    order = _order(sep, lang, a, b)
    year = int(y) if len(y) == 4 else 2000 + int(y)
    day, month = (a, b) if order == "DMY" else (b, a)
    try:
        expected = date(year, month, day)
    except ValueError:
        return None
    got = _parser().parse(text, languages=[lang] if lang in ("en", "de", "fr", "es", "it", "nl") else None,
                          settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first",
                                    "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True})
    if got is not None and got.date() != expected:
        return None  # the library read other numbers than the ones written: trust neither
    return expected
