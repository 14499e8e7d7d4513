"""Highlighted text for the reader: a search hit in a window of its surrounding words, and an
article with its cited spans marked. Pure functions from (text, offsets) to escaped HTML.

Where a hit's window and marks fall comes from the text layer (`text/hits.py`); this module only
writes them as HTML.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text.hits import WINDOW_WORDS, context, merged, segments
from ..text.paragraphs import paragraph_spans
from .layout import esc

def marked(text: str, lo: int, hi: int, ranges: Iterable[tuple[int, int]], attrs: str = "") -> str:
    """``text[lo:hi]`` escaped, with each of ``ranges`` (clipped to the slice) in ``<mark>``."""
    return "".join(f"<mark{attrs}>{esc(piece)}</mark>" if hit else esc(piece)
                   for piece, hit in segments(text, lo, hi, ranges))


def snippet(text: str, start: int, end: int, terms: list[str], words: int = WINDOW_WORDS) -> str:
    """About ``words`` words around the hit, flattened to one line, the hit and every query word
    in the window marked; an ellipsis where the text goes on."""
    lo, hi, marks = context(text, start, end, terms, words)
    body = " ".join(marked(text, lo, hi, marks).split())
    return f"{'…' if lo > 0 else ''}{body}{'…' if hi < len(text) else ''}"


def article_paragraphs(text: str, cited: Iterable[tuple[int, int]], focus: tuple[int, int] | None) -> list[str]:
    """Each paragraph as HTML, every cited span marked and the ``focus`` span marked apart with
    ``id="span"`` (the anchor a citation links to). A span that crosses a paragraph break is marked
    in each paragraph it touches; the anchor goes on its first piece."""
    spans = merged([(a, b) for a, b in cited if b > a])
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
