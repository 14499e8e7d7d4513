"""Quoted stretches of text, whatever the glyphs: "…" “…” «…» »…« „…“ ‹…› '…' ‘…’ ‚…‘.

Why a scanner and not one regex per glyph: quotes nest (« … „ … “ … »), German closes with the
mark English opens with, straight quotes open and close alike, apostrophes look like single quotes,
and a quotation running over several paragraphs reopens each paragraph but closes only at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .paragraphs import paragraph_spans

# The glyph sets, named once. Stages that look at marks (is a quote closing here? does a gap hold
# one?) use these names instead of spelling the marks out; where a stage looks only at some of
# them, it says which by name.
DOUBLE_OPEN = '"“„«'  # opens a double quotation: straight, English “…”, German „…“, French «…»
DOUBLE_END = '"”“»'  # ends one in the same styles (German closes with the “ English opens with)
DOUBLE_CLOSE = DOUBLE_END + "«"  # ... and in the inverted German style »…«, which closes with «
DOUBLE_QUOTES = '"“”„«»'  # every double mark
ENGLISH_DOUBLE = '"“”'  # straight and curly double marks only: what counts of pairs in English copy use
ENGLISH_SINGLE_OPEN = "'‘"  # opens an English single quotation (often an apostrophe, see APOSTROPHES)
CURLY_APOSTROPHE = "’"  # closes an English single quotation; also the typographic apostrophe
APOSTROPHES = "'" + CURLY_APOSTROPHE  # between letters (don't, O'Brien) never a quotation mark
CURLY_SINGLE = "‘" + CURLY_APOSTROPHE
SINGLE_OPEN = ENGLISH_SINGLE_OPEN + "‚‹"  # ... plus German ‚…‘ and French ‹…›
OPEN_QUOTES = DOUBLE_OPEN + "»" + SINGLE_OPEN  # every mark that can open a quotation
CLOSE_QUOTES = DOUBLE_CLOSE + APOSTROPHES + "‘›"  # every mark that can close one
QUOTE_MARKS = DOUBLE_QUOTES + SINGLE_OPEN + "’›"  # all of them
REOPENING = DOUBLE_OPEN + "‹"  # marks a running quotation reopens its next paragraph with (briefs also
# accept ‹; the scanner reopens double marks only: a single mark at a paragraph's start is too often
# an apostrophe ('90s) to carry a quotation on)
# marks whose direction shows: a count of them along one line says whether a quotation is left
# open (straight marks, which open and close alike, and the apostrophe-like ' are left out)
SHAPED_OPEN = DOUBLE_OPEN.replace('"', "") + SINGLE_OPEN.replace("'", "")
SHAPED_CLOSE = "”»›" + CURLY_APOSTROPHE
LONG_DASHES = "—–"  # em and en dash: open a quoted line in some styles, set off a dateline
DASHES = LONG_DASHES + "-"

# opener -> closers
_PAIRS: dict[str, str] = {
    '"': '"”', "“": "”“\"", "„": "“”", "«": "»", "»": "«", "‹": "›", "‚": "‘’", "‘": "’", "'": "'",
}
_ALL = set(_PAIRS) | set("”›’")
assert set(OPEN_QUOTES) == set(_PAIRS) and set(QUOTE_MARKS) == _ALL == set(OPEN_QUOTES + CLOSE_QUOTES)
_OPEN_AFTER_LETTER = "„«‹“"  # openers never used as apostrophes: may follow a letter ('sagte„Nein“')


@dataclass(frozen=True)
class Segment:
    """One top-level quoted stretch: ``start``/``end`` bound the content, without the marks."""

    start: int
    end: int
    open_glyph: str
    closed: bool = True  # False: the paragraph ended before a closing mark did
    paragraphs: int = 1
    open_len: int = 1  # characters of the opening mark ('' is two)
    close_len: int = 1

    @property
    def open_at(self) -> int:
        return self.start - self.open_len

    @property
    def close_end(self) -> int:
        """Just after the closing mark."""
        return self.end + self.close_len


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ' between letters (don't, O'Brien) is an apostrophe, never a quotation mark."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isalnum() and nxt.isalnum()


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (not prev.isalnum() or text[i] in _OPEN_AFTER_LETTER) and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and not nxt.isalnum()


def _scan_paragraph(text: str, lo: int, hi: int) -> tuple[list[Segment], int | None, str | None]:
    """Top-level segments closed inside [lo, hi), plus the start of one left open at the end."""
    out: list[Segment] = []
    stack: list[tuple[str, int]] = []  # (opener glyph, content start)
    for i in range(lo, hi):
        ch = text[i]
        if ch not in _ALL:
            continue
        if ch in APOSTROPHES and _is_apostrophe(text, i):
            continue
        # closing the innermost open quote?
        if stack and ch in _PAIRS[stack[-1][0]] and _can_close(text, i):
            glyph, start = stack.pop()
            if not stack:
                out.append(Segment(start, i, glyph))
            continue
        # closing an outer quote while an inner one (often a stray apostrophe) is open
        outer = next((k for k in range(len(stack) - 2, -1, -1) if ch in _PAIRS[stack[k][0]]), None)
        if outer is not None and ch not in APOSTROPHES and _can_close(text, i):
            glyph, start = stack[outer]
            del stack[outer:]
            if not stack:
                out.append(Segment(start, i, glyph))
            continue
        if ch in _PAIRS and _can_open(text, i) and not (ch in _SINGLE_NEEDS_CLOSE and not stack and not _single_ok(text, i, hi)):
            stack.append((ch, i + 1))
    if stack:
        return out, stack[0][1], stack[0][0]
    return out, None, None


_SINGLE_NEEDS_CLOSE = "'‘‚"  # single marks that open only when their close follows (‹ is never an apostrophe)


def _single_ok(text: str, i: int, hi: int) -> bool:
    """A top-level single quote is only a quote if a matching close follows in the paragraph."""
    closers = _PAIRS[text[i]]
    for j in range(i + 2, hi):
        if text[j] in closers and _can_close(text, j) and not _is_apostrophe(text, j):
            return True
    return False


def find_segments(text: str) -> list[Segment]:
    """All top-level quoted segments of ``text``, joining paragraphs of one running quotation.

    Two apostrophes ('' as in some newspaper archives) are one double quotation mark: the scan runs
    on a same-length copy where they read as a straight quote plus a filler character."""
    shadow = text.replace("''", '"\x01')
    out = []
    for sg in _find_segments(shadow):
        doubled_open = shadow[sg.start:sg.start + 1] == "\x01"
        doubled_close = shadow[sg.end + 1:sg.end + 2] == "\x01" and shadow[sg.end:sg.end + 1] == '"'
        out.append(Segment(sg.start + doubled_open, sg.end, sg.open_glyph, sg.closed, sg.paragraphs,
                           1 + doubled_open, 1 + doubled_close))
    return out


def _find_segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    paras = paragraph_spans(text)
    pending: tuple[int, str, int] | None = None  # (content start, glyph, paragraphs so far)
    for k, (lo, hi) in enumerate(paras):
        scan_lo = lo
        if pending is not None:
            start, glyph, n = pending
            first = text[lo:hi].lstrip()
            if first[:1] == glyph or (first[:1] in DOUBLE_OPEN and glyph in DOUBLE_OPEN):
                # continuation paragraph: reopened with the same mark; find where it closes
                scan_lo = lo + (len(text[lo:hi]) - len(first)) + 1
                segs, open_start, _ = _scan_paragraph(text, scan_lo - 1, hi)
                if segs and segs[0].start == scan_lo:
                    out.append(Segment(start, segs[0].end, glyph, True, n + 1))
                    out.extend(segs[1:])
                    reopened = open_start is not None and open_start != scan_lo
                    pending = (open_start, text[open_start - 1], 1) if reopened else None  # type: ignore[operator]
                    continue
                if open_start == scan_lo and not segs:
                    pending = (start, glyph, n + 1)
                    continue
            # the quotation never closed: end it with its last paragraph
            prev_hi = paras[k - 1][1]
            out.append(Segment(start, _rstrip(text, start, prev_hi), glyph, False, n))
            pending = None
        segs, open_start, glyph = _scan_paragraph(text, scan_lo, hi)
        out.extend(segs)
        if open_start is not None and glyph is not None:
            pending = (open_start, glyph, 1)
    if pending is not None:
        start, glyph, n = pending
        out.append(Segment(start, _rstrip(text, start, len(text)), glyph, False, n))
    return sorted((s for s in out if s.end > s.start), key=lambda s: s.start)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def balanced_quotes(text: str) -> bool:
    """Whether straight and English curly double marks pair up in ``text``: a sentence with half a
    quotation in it is not one to lift on its own (a brief's summary, a story's open question)."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


@lru_cache(maxsize=16)
def _segments(text: str) -> tuple[Segment, ...]:
    return tuple(find_segments(text))


def quote_at(text: str, pos: int) -> Segment | None:
    """The top-level quoted segment whose marks enclose character ``pos`` (marks included)."""
    for sg in _segments(text):
        if sg.open_at <= pos < sg.close_end:
            return sg
        if sg.open_at > pos:
            break
    return None


def inside_quote(text: str, pos: int) -> bool:
    """Whether character ``pos`` of ``text`` lies inside a quotation (between or on its marks),
    by the same pairing rules as :func:`find_segments`: a date in a speaker's words ("we will say
    it again on Friday," she said) belongs to what they say."""
    return quote_at(text, pos) is not None
