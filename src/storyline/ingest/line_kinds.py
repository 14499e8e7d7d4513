"""What one line of a page is, judged alone: sentence or headline, a list item a heading claims,
page furniture by its wording. The cleaner's passes weigh these with where a line stands."""

from __future__ import annotations

import re
from functools import cache

from ..resources import table
from .linefeatures import LineFeatures

_DIGIT = re.compile(r"\d")
# headings that claim the lines under them, and what a claimed line looks like
LIST_HEADINGS = frozenset({"related", "tags", "questions", "summary"})
_BULLET = re.compile(r"^(?:[-–•*·▪►✓]\s|\d{1,2}[.)]\s)")
_MINOR = frozenset("a an and as at but by for from in into of on or the to vs via with".split())


def sentence_like(f: LineFeatures) -> bool:
    """Ends like a sentence and reads like one (a few words, some function words)."""
    return f.sentence_end and f.words >= 3 and f.stop_density > 0 and f.segments <= 1 \
        and not f.line.rstrip("\"”»’')]").endswith("?")


def headline_case(line: str) -> bool:
    """Title Case: nearly every word but the minor ones capitalised ('Clinton Was Headed to ER But
    Diverted'), which prose, even German prose with its capitalised nouns, is not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _MINOR]
    if not 4 <= len(words) <= 25 or line.count('"') or any(c in line for c in "“”«»"):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.85


def claimed_by(heading: str, line: str, f: LineFeatures) -> bool:
    """A line under a list heading belongs to its list: headlines under "Related", questions under
    "Questions to consider", bullet points under an (often machine-written) "Summary"."""
    if heading == "questions":
        return line.rstrip().endswith("?")
    if heading == "summary":
        return bool(_BULLET.match(line))
    return not f.is_prose


def retells(headline: str, lead: str, stops: frozenset[str]) -> bool:
    """The lead paragraph repeats most of a headline's content words (compared on their first five
    letters, so "calls"/"called" and "apologize"/"apologized" match)."""
    def stems(s: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[^\W\d_]+", s.casefold()) if w not in stops and len(w) > 2}

    head = stems(headline)
    return len(head) >= 2 and len(head & stems(lead)) >= 0.5 * len(head)


def body_line(f: LineFeatures) -> bool:
    """Prose, or a full sentence of some length even if dense in names and numbers (sports results)."""
    return f.is_prose or (sentence_like(f) and f.words >= 8)


@cache
def _line_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(reason, re.compile(rx, re.I)) for reason, rx in table("boilerplate/line_patterns.tsv")]


def match_pattern(line: str) -> str | None:
    """The kind of page furniture a line is, by its wording (data in line_patterns.tsv)."""
    for reason, rx in _line_patterns():
        if rx.search(line):
            return reason
    return None


def wraps(line: str) -> bool:
    """A hard-wrapped line: long, and stopping where no sentence or heading stops."""
    return len(line) >= 60 and not re.search(r"[.!?:;\"”»]\s*$", line)


def mostly_numbers(lines: list[str]) -> bool:
    """Most of the lines (60 %) hold a digit: a list of dates, results or standings, not of links."""
    return sum(bool(_DIGIT.search(ln)) for ln in lines) >= 0.6 * len(lines)
