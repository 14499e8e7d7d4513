"""Highlighted text for the reader: a search hit in a window of its surrounding words, and an
article with its cited spans marked. Pure functions from (text, offsets) to escaped HTML.

A search hit is the span of the first matching word ("mass", "air"): shown alone it says nothing,
so the reader shows ~20 words around it with every query word marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.paragraphs import paragraph_spans
from .layout import esc

_WORD = re.compile(r"\w+", re.U)
WINDOW_WORDS = 20


def query_terms(query: str) -> list[str]:
    """The words of a query worth marking (longer than two letters when there are any), lowercased."""
    words = [w.lower() for w in _WORD.findall(query)]
    return list(dict.fromkeys([w for w in words if len(w) > 2] or words))


def _matches(token: str, terms: list[str]) -> bool:
    """A word matches a term outright or by a shared stem (the index stems: "talks" finds "talk")."""
    tok = token.lower()
    return any(tok == t or (len(t) > 3 and tok.startswith(t[:max(4, len(t) - 2)])) for t in terms)


def window(text: str, start: int, end: int, words: int = WINDOW_WORDS) -> tuple[int, int]:
    """Offsets of about ``words`` words centred on ``start:end``, cut at word boundaries."""
    side = max(1, words // 2)
    before = [m.start() for m in _WORD.finditer(text, 0, start)]
    after = [m.end() for m in _WORD.finditer(text, end)]
    lo = before[-side] if len(before) >= side else 0
    hi = after[side - 1] if len(after) >= side else len(text)
    return min(lo, start), max(hi, end)


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def marked(text: str, lo: int, hi: int, ranges: Iterable[tuple[int, int]], attrs: str = "") -> str:
    """``text[lo:hi]`` escaped, with each of ``ranges`` (clipped to the slice) in ``<mark>``."""
    out, pos = [], lo
    for a, b in _merge((max(a, lo), min(b, hi)) for a, b in ranges if a < hi and b > lo):
        out.append(f"{esc(text[pos:a])}<mark{attrs}>{esc(text[a:b])}</mark>")
        pos = b
    out.append(esc(text[pos:hi]))
    return "".join(out)


def snippet(text: str, start: int, end: int, terms: list[str], words: int = WINDOW_WORDS) -> str:
    """About ``words`` words around the hit, flattened to one line, the hit and every query word
    in the window marked; an ellipsis where the text goes on."""
    lo, hi = window(text, start, end, words)
    hits = [(start, end)] if end > start else []
    hits += [(m.start(), m.end()) for m in _WORD.finditer(text, lo, hi) if _matches(m.group(), terms)]
    body = " ".join(marked(text, lo, hi, hits).split())
    return f"{'…' if lo > 0 else ''}{body}{'…' if hi < len(text) else ''}"


def term_ranges(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Offsets of every word of ``text`` that matches a query term."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text) if _matches(m.group(), terms)]


def article_paragraphs(text: str, cited: Iterable[tuple[int, int]], focus: tuple[int, int] | None) -> list[str]:
    """Each paragraph as HTML, every cited span marked and the ``focus`` span marked apart with
    ``id="span"`` (the anchor a citation links to). A span that crosses a paragraph break is marked
    in each paragraph it touches; the anchor goes on its first piece."""
    spans = _merge((a, b) for a, b in cited if b > a)
    focus = focus if focus and focus[1] > focus[0] else None
    ranges = sorted([(a, b, False) for a, b in (_cut(spans, *focus) if focus else spans)]
                    + ([(focus[0], focus[1], True)] if focus else []))
    out, anchored = [], False
    for p_lo, p_hi in paragraph_spans(text) or [(0, len(text))]:
        html, pos = [], p_lo
        for a, b, here in ranges:
            a, b = max(a, p_lo), min(b, p_hi)
            if a >= b:
                continue
            attrs = (' class="here"' + ("" if anchored else ' id="span"')) if here else ""
            anchored |= here
            html.append(f"{esc(text[pos:a])}<mark{attrs}>{esc(text[a:b])}</mark>")
            pos = b
        html.append(esc(text[pos:p_hi]))
        out.append("".join(html))
    return out


def _cut(ranges: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """``ranges`` (disjoint) with ``lo:hi`` taken out of them."""
    out = []
    for a, b in ranges:
        if b <= lo or a >= hi:
            out.append((a, b))
            continue
        if a < lo:
            out.append((a, lo))
        if b > hi:
            out.append((hi, b))
    return out
