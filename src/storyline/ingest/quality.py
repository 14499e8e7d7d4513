"""Quality flags a reader of the article should see before trusting it."""

from __future__ import annotations

import re
from functools import cache

from ..resources import lines

_ENDS_CLEANLY = re.compile(r"[.!?\"”»’')\]]\s*$")


@cache
def _paywall() -> list[re.Pattern[str]]:
    return [re.compile(rx, re.I) for rx in lines("boilerplate/paywall.txt")]


def is_paywall_line(line: str) -> bool:
    return len(line) < 300 and any(rx.search(line) for rx in _paywall())


def quality_flags(text: str, removed_lines: list[str], published: str | None,
                  machine_translated: bool, mixed_language: bool) -> list[str]:
    flags = []
    tail = text.rstrip()[-200:]
    if tail.endswith(("...", "…", "[…]", "(...)")) or (tail and not _ENDS_CLEANLY.search(tail)):
        flags.append("truncated")
    if any(is_paywall_line(ln) for ln in removed_lines + text.split("\n")[-3:]):
        flags.append("paywalled")
    if published is None:
        flags.append("date_uncertain")
    if machine_translated:
        flags.append("machine_translated")
    if mixed_language:
        flags.append("mixed_language")
    return flags
