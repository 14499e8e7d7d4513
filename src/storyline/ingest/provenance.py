"""Who wrote, translated or first published an article, read from credit lines and wire markers.

A credit naming the article's own outlet ("Source: Varnia Daily with agencies") is self-credit,
not syndication: only another outlet makes the article a copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import lines

WORD = re.compile(r"\w+", re.U)
_FIRST_APPEARED = re.compile(
    r"(?i)^(?:this (?:article|story|report) (?:was )?(?:first|originally) (?:appeared|published) (?:in|on|by)"
    r"|(?:first|originally) published (?:in|on|by)|republished (?:from|with permission (?:from|of)))\s+(?P<who>.+?)\.?$"
)
_WIRE_INLINE = re.compile(r"\((?P<wire>[A-Z][\w.&-]*(?:[ -][A-Z][\w.&-]*){0,2})\)\s*[-—–]")
_WIRE_TAIL = re.compile(r"^[—–-]\s*(?P<wire>[A-Z][\w.&' -]{1,40}?)\s*$")
_SOURCE_VALUE_END = re.compile(r"\s*(?:[/|,;(]|\b(?:with|mit|avec|con|и|з)\b).*$", re.I)


@cache
def _credit_patterns() -> list[re.Pattern[str]]:
    return [re.compile(rx, re.I) for rx in lines("boilerplate/translation_credits.tsv")]


@cache
def _mt_services() -> tuple[str, ...]:
    return tuple(s.lower() for s in lines("boilerplate/mt_services.txt"))


def norm_name(s: str | None) -> str:
    return " ".join(WORD.findall((s or "").casefold()))


def same_outlet(name: str | None, outlet: str | None) -> bool:
    """"Varnia Daily / VTA" and "Varnia Daily" are the same outlet; "Nordwire" and "Lindhaven Post" not."""
    a, b = norm_name(name), norm_name(outlet)
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


@dataclass
class Translation:
    who: str
    language: str | None
    machine: bool


def translation_credit(line: str) -> Translation | None:
    if len(line) > 120:
        return None
    for rx in _credit_patterns():
        if m := rx.match(line.strip()):
            g = m.groupdict()
            who = (g.get("who") or "").strip() or "unknown"
            lang = g.get("lang") or g.get("lang2")
            low = line.lower()
            machine = any(s in low for s in _mt_services())
            return Translation(who, lang.strip().capitalize() if lang else None, machine)
    return None


def first_appeared(line: str) -> str | None:
    m = _FIRST_APPEARED.match(line.strip())
    return m["who"].strip(" .") if m else None


def source_value(line: str) -> str | None:
    """"Source: Nordwire / agencies" -> "Nordwire"."""
    if ":" not in line and "：" not in line:
        return None
    value = re.split(r"[:：]", line, maxsplit=1)[1].strip()
    value = _SOURCE_VALUE_END.sub("", value).strip(" .")
    return value or None


def wire_tail(line: str) -> str | None:
    """A closing "— Nordwire" credit line."""
    m = _WIRE_TAIL.match(line.strip())
    return m["wire"].strip() if m and len(m["wire"].split()) <= 4 else None


def wire_inline(text: str) -> str | None:
    """A "(Nordwire) -" wire credit in the opening of the first paragraph."""
    m = _WIRE_INLINE.search(text[:300])
    return m["wire"] if m else None
