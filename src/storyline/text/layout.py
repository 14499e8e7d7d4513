"""Where a pasted text's paragraphs are, whatever its layout, judged by the text's own evidence.

The same article reaches us in at least four layouts: paragraphs separated by blank lines (most
extractors, hand-made files), paragraphs separated by single line breaks (a clipboard copy of a web
page), one sentence per line with blank lines between paragraphs (corpora, some readers' "copy
text"), and hard-wrapped lines (e-mail, terminal copies). Everything downstream — furniture zones,
quotation pairing, dash speech, "is this quote closed?" — reasons in paragraphs, so a paragraph
that a layout hid makes one unclosed quotation mark swallow the rest of an article, and a widget
glued under the last paragraph read as body text. This module turns any of those layouts into one:
paragraphs separated by exactly one blank line, lines of one list kept together, so the cleaner
and every later stage see the same paragraphs for the same article.

It decides per block (lines between blank lines):
- a hard-wrapped block (several long lines stopping mid-sentence) stays as it is: the cleaner
  joins its lines into one paragraph;
- a block holding prose is split into one paragraph per line, except where a line visibly runs on
  (the next starts in lower case after no sentence end, or a quotation opened on one line closes
  on the next);
- in a one-sentence-per-line document (several blank-line blocks of consecutive single-sentence
  lines) the sentence lines of a block are joined into its paragraph;
- a block without prose (a menu, a header, a list of headlines or results) stays together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .glyphs import SHAPED_CLOSE, SHAPED_OPEN

_TERMINAL = re.compile(r"[.!?…:;。！？][\"”»’'\)\]]*$")
_SENT_END = re.compile(r"[.!?…][\"”»’'\)\]]*$")
_WORD = re.compile(r"\w+")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S", re.I)
# a sentence boundary inside a line: end mark (and closing quote), space, a capital or opening mark
_INNER_BOUNDARY = re.compile(r"(?<=[.!?])[\"”»’')\]]*\s+(?=[\"“«„‘(]?[A-ZÀ-ÝА-ЯЁ])")
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|ca)\.|\b[A-Z]\.|\b(?:[A-Z]\.){2,})$")
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪►]\s|\d{1,3}[.)]\s)")
_DASH_SPEECH = re.compile(r"^[—–]|^-\s")


@dataclass(frozen=True)
class Layout:
    """The text as paragraph-separated lines, and for each line the original line it starts on."""

    lines: list[str]  # stripped lines; "" separates blocks
    parts: list[tuple[int, ...]]  # 0-based indices of the raw lines each entry joins (() for blanks)
    raw_lines: list[str]  # the input's stripped lines, for an audit of what was removed
    wrapped: frozenset[int]  # entries that are lines of a hard-wrapped paragraph, to be joined
    kind: str  # blank | single | sentence | wrapped | mixed, for logs and tests


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def _prose(line: str) -> bool:
    """A line that is a sentence or more of running text (not a menu, heading or headline)."""
    n = _words(line)
    return (n >= 6 and bool(_SENT_END.search(line))) or n >= 25


def _sentences_in(line: str) -> int:
    n = 1
    for m in _INNER_BOUNDARY.finditer(line):
        if not _ABBREV_BEFORE.search(line[: m.start()].rstrip("\"”»’')]")):
            n += 1
    return n


def _open_quote_at_end(line: str) -> bool:
    """A quotation opened in this line and not closed by its end (curly or straight marks)."""
    depth = 0
    for ch in line:
        if ch in SHAPED_OPEN:
            depth += 1
        elif ch in SHAPED_CLOSE and depth:
            depth -= 1
    if depth:
        return True
    return line.count('"') % 2 == 1 and not line.rstrip().endswith('"')


def _closes_unopened(line: str) -> bool:
    """The line closes a quotation it never opened: the run-on half of a quote split across lines."""
    for i, ch in enumerate(line):
        if ch in SHAPED_OPEN:
            return False
        if ch in "”»":
            return True
        if ch == '"':
            nxt = line[i + 1] if i + 1 < len(line) else " "
            return not nxt.isalnum() and i > 0  # a straight mark followed by punctuation/space closes
    return False


def _runs_on(a: str, b: str) -> bool:
    """Line ``b`` continues the sentence or quotation of line ``a`` (same paragraph), with or
    without a blank line between. ``a`` is all of the paragraph so far. A lower-case start
    continues only a run of words stopping mid-sentence: "Tags" over "politics" is a menu,
    "Classificação NASCAR" over "sexta-feira, 22 de outubro" a title over a date line, and
    "29 November | 20 January" over "copyright ..." page furniture."""
    if not _TERMINAL.search(a) and b[:1].islower() and "|" not in a and a[-1:].isalpha() \
            and len(_LETTER_WORD.findall(a)) >= 4 and not _ADDRESS.match(b):
        return True
    return _open_quote_at_end(a) and _closes_unopened(b)


def runs_of(marks: Iterable[bool | None]) -> list[list[int]]:
    """Indices grouped into runs: True joins the current run, False ends it, None is passed over."""
    out: list[list[int]] = []
    cur: list[int] = []
    for i, mark in enumerate(marks):
        if mark:
            cur.append(i)
        elif mark is not None and cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def blocks(lines: list[str]) -> list[list[int]]:
    """Indices of non-empty lines grouped into blank-line separated blocks."""
    return runs_of(bool(ln) for ln in lines)


def _hard_wrapped(lines: list[str], block: list[int]) -> bool:
    """Several long lines stopping where no sentence stops: text wrapped at a fixed width."""
    long = [i for i in block if len(lines[i]) >= 50]
    open_long = [i for i in block[:-1] if len(lines[i]) >= 60 and not _TERMINAL.search(lines[i])]
    return len(open_long) >= 2 and len(open_long) >= 0.4 * len(long) and \
        max(len(lines[i]) for i in block) <= 140


def _sentence_end(line: str) -> bool:
    return bool(_SENT_END.search(line))


def _sentence_piece(line: str) -> bool:
    """A line that can be one sentence of a paragraph: it ends one, introduces what follows
    ("McCrummen reports:"), or is long enough to be prose signed or cut oddly ('…shame." ― A. Name').
    Not a list item, nor a short label."""
    if _LIST_ITEM.match(line):
        return False
    return _sentence_end(line) or line.endswith(":") or _words(line) >= 5


def _sentence_lines(lines: list[str], block: list[int]) -> list[list[int]]:
    """Runs of two or more consecutive lines of a block that each end a sentence: in a
    one-sentence-per-line document, the sentences of one paragraph. A list item or a line of
    dash-introduced speech starts a run of its own, as it starts a paragraph."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for i in block + [-1]:
        ok = i >= 0 and _sentence_piece(lines[i])
        if ok and cur and not _DASH_SPEECH.match(lines[i]):
            cur.append(i)
            continue
        if len(cur) >= 2:
            runs.append(cur)
        cur = [i] if ok else []
    return runs


def _sentence_per_line(lines: list[str], groups: list[list[int]], parts: list[tuple[int, ...]]) -> bool:
    """Several blank-line blocks of prose whose lines are single sentences: a one-sentence-per-line
    document, whose blocks are paragraphs. A single-line paste has one block (or a few around
    widgets) and its lines are whole paragraphs, often of several sentences."""
    multi_blocks = [b for b in groups if len(b) >= 2 and any(_prose(lines[i]) for i in b)]
    # paragraphs of a few sentences each, between blank lines: a paste that lost its paragraph
    # breaks has one long block instead (or a few, around widgets)
    if not multi_blocks or sum(map(len, multi_blocks)) > 5 * len(multi_blocks):
        return False
    if len(groups) < 3 and len(multi_blocks) < 2:
        return False  # one block of sentences, or one beside a header: no blank line says "paragraph"
    body = [i for b in multi_blocks for i in b]
    ended = sum(_sentence_end(lines[i]) for i in body)
    # a line we joined (a quotation run on over a line break) holds several sentences by our doing
    several = sum(_sentences_in(lines[i]) > 1 for i in body if len(parts[i]) == 1)
    return ended >= 0.8 * len(body) and several <= 0.15 * len(body)


def paragraph_layout(raw: str) -> Layout:
    """The lines of ``raw`` rearranged so that blank lines separate exactly its paragraphs."""
    return _layout(raw)


def _join_run_ons(lines: list[str], wrapped: set[int]) -> tuple[list[str], list[tuple[int, ...]]]:
    """Lines that continue the previous one's sentence or quotation are joined to it, across a
    blank line too: a page that rendered a link or each sentence as a block of its own broke a
    paragraph, and the next line says so (it starts in lower case after no sentence end, or
    closes a quotation it never opened). Hard-wrapped blocks are left to the cleaner."""
    out: list[str] = []
    nos: list[tuple[int, ...]] = []
    quote_until = -1  # a quotation opened here closes on this later line of the same block
    for i, ln in enumerate(lines):
        if not ln:
            if out and out[-1] != "":
                out.append("")
                nos.append(())
            continue
        if out and i not in wrapped and (i <= quote_until or _runs_on(out[-1] or out[-2], ln)):
            if out[-1] == "":
                out.pop()
                nos.pop()
            out[-1] = out[-1] + " " + ln
            nos[-1] = nos[-1] + (i,)
        else:
            out.append(ln)
            nos.append((i,))
        if i > quote_until and _open_quote_at_end(out[-1]):
            quote_until = _quote_close(lines, i)
    return out, nos


def _quote_close(lines: list[str], i: int, reach: int = 8) -> int:
    """The line after ``i`` (within ``reach`` lines, blank ones aside) that closes a quotation left
    open at the end of line ``i`` — one sentence per line splits a quotation of several sentences
    over several lines. -1 when a line opens a quotation of its own (a new quote, or a paragraph
    that reopens one), when lines hold whole paragraphs rather than sentences, or when no line
    closes it."""
    for j in range(i + 1, min(len(lines), i + 1 + 2 * reach)):
        ln = lines[j]
        if not ln:
            continue  # a page that made a paragraph of every sentence; a quotation that goes on
            # over real paragraphs reopens each of them, which the next test catches
        if ln[0] in SHAPED_OPEN or ln[0] == '"':
            return -1
        if _closes_unopened(ln):
            return j
        if _sentences_in(lines[i]) > 1 or _sentences_in(ln) > 1:
            return -1  # lines of whole paragraphs: reach no further than the next line
    return -1


def _layout(raw: str) -> Layout:
    raw_lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    wrapped = {i for b in blocks(raw_lines) if len(b) > 1 and _hard_wrapped(raw_lines, b) for i in b}
    lines, line_nos = _join_run_ons(raw_lines, wrapped)
    groups = blocks(lines)
    sentence_mode = _sentence_per_line(lines, groups, line_nos)
    out: list[str] = []
    nos: list[tuple[int, ...]] = []
    kinds: set[str] = set()
    wrapped_out: set[int] = set()

    def emit(k: int) -> None:
        out.append(lines[k])
        nos.append(line_nos[k])

    def blank() -> None:
        if out and out[-1] != "":
            out.append("")
            nos.append(())

    for block in groups:
        blank()
        if len(block) == 1:
            emit(block[0])
            kinds.add("blank")
            continue
        if line_nos[block[0]][0] in wrapped:
            for i in block:
                wrapped_out.add(len(out))
                emit(i)
            kinds.add("wrapped")
            continue
        if not any(_prose(lines[i]) for i in block):
            for i in block:
                emit(i)  # a list, menu or header block stays one block
            continue
        runs = {r[0]: r for r in _sentence_lines(lines, block)} if sentence_mode else {}
        kinds.add("sentence" if runs else "single")
        k = 0
        prev: int | None = None
        while k < len(block):
            i = block[k]
            if i in runs:
                run = runs[i]
                blank()
                out.append(" ".join(lines[j] for j in run))
                nos.append(tuple(n for j in run for n in line_nos[j]))
                prev = run[-1]
                k += len(run)
                continue
            if prev is not None and (_prose(lines[prev]) or _prose(lines[i])):
                blank()  # lines of a list or menu stay together: the cleaner judges them as one
            emit(i)
            prev = i
            k += 1
    kind = "mixed" if len(kinds) > 1 else next(iter(kinds), "blank")
    return Layout(out, nos, raw_lines, frozenset(wrapped_out), kind)
