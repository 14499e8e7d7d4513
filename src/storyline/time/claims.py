"""Numeric claims: a quantity, what it counts, whether it is approximate, whether it is hedged."""

from __future__ import annotations

import hashlib
import re
from functools import cache

from ..model import Article, Claim
from ..resources import lines

_APPROX = r"(?P<approx>about|around|roughly|nearly|almost|some|approximately|up to|more than|over|at least|fewer than|less than|as many as)?\s*"
_NUM = r"(?P<num>\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>million|billion|thousand|bn|m))?"
_UNIT = r"(?:\s*(?P<unit>%|per ?cent|percent|[a-zA-Z][a-zA-Z-]{2,}(?:\s+(?:out of|of)\s+\d+)?))?"
_CLAIM = re.compile(rf"(?i)(?<![\w.]){_APPROX}{_NUM}{_SCALE}{_UNIT}")
_SCALES = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}
_STOP_UNITS = {"and", "the", "of", "to", "in", "on", "at", "for", "a", "an", "was", "were", "is", "are"}
_YEARLIKE = re.compile(r"^(19|20)\d{2}$")


@cache
def hedges() -> tuple[str, ...]:
    return lines("time/hedges_en.txt")


def is_hedged(sentence: str) -> bool:
    low = f" {sentence.lower()} "
    return any(re.search(rf"(?<!\w){re.escape(h)}(?!\w)", low) for h in hedges()) or sentence.rstrip().endswith("?")


def _sentence(text: str, pos: int) -> str:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    b = text.find(". ", pos)
    return text[a : b if b != -1 else len(text)]


def extract_claims(article: Article, times_spans: list[tuple[int, int]] | None = None) -> list[Claim]:
    text = article.text
    out: list[Claim] = []
    busy = times_spans or []
    for m in _CLAIM.finditer(text):
        num = m["num"]
        unit = (m["unit"] or "").strip()
        if unit.lower() in _STOP_UNITS:
            unit = ""
        if _YEARLIKE.match(num) and not unit:
            continue
        s = m.start("approx") if m["approx"] else m.start("num")
        e = m.end("unit") if unit else (m.end("scale") if m["scale"] else m.end("num"))
        if any(a < e and s < b for a, b in busy):
            continue
        if not unit and not m["scale"]:
            continue  # a bare number counts nothing we can name
        value = float(re.sub(r"[,\u00a0 ]", "", num))
        if m["scale"]:
            value *= _SCALES[m["scale"].lower()]
        unit_norm = "%" if unit.lower().replace(" ", "") in ("%", "percent", "percent") else unit.lower() or None
        cid = "c_" + hashlib.sha1(f"{article.id}:{s}:{e}".encode()).hexdigest()[:10]
        out.append(Claim(id=cid, span=article.span(s, e), subject=None, value=value, unit=unit_norm,
                         approx=bool(m["approx"]), hedged=is_hedged(_sentence(text, s))))
    return out
