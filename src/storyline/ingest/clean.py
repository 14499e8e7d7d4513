"""Cleaning of text copied from web pages: a line classifier plus header/footer metadata.

No HTML structure helps here, so each line is judged by what it is (UI label, credit, list of
links) and where it is (header/footer zones before/after the body). Every dropped line is kept with
its reason in ``Article.removed`` so a user can audit the removal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..model import Provenance, RemovedLine
from ..resources import lines, table
from .dates import DATE_PHRASE, parse_publish_date


@dataclass
class Cleaned:
    text: str
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str = "unknown"
    provenance: Provenance = field(default_factory=Provenance)
    quality: list[str] = field(default_factory=list)


@cache
def _line_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(reason, re.compile(rx, re.I)) for reason, rx in table("boilerplate/line_patterns.tsv")]


@cache
def _credit_patterns() -> list[re.Pattern[str]]:
    return [re.compile(rx, re.I) for rx in lines("boilerplate/translation_credits.tsv")]


_PUBLISHED = re.compile(r"(?i)^(published|posted|updated|last updated|date|veröffentlicht|publié|опубликовано)\s*(on|at)?\s*[:：]?\s*(?P<rest>.+)$")
_BYLINE = re.compile(r"(?i)^(by|von|par|автор[:]?)\s+(?P<who>[A-ZÀ-ÝА-Я][\w.'’-]+(?:\s+(?:and\s+)?[A-ZÀ-ÝА-Я][\w.'’-]+){0,5})\s*(?:[,|·—-].*)?$")
_DATELINE = re.compile(r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý .'-]{2,40}(?:,\s*[A-Z][\w .'-]{1,30})?)\s*,?\s*\(?(?P<date>[^—–()]{0,40}?)\)?\s*(?:—|–|-{1,2}|\(\w+\)\s*[—–-])")
_WIRE_INLINE = re.compile(r"\((?P<wire>Reuters|AP|AFP|dpa|Nordwire|Bloomberg|[A-Z][a-z]+wire)\)")
_WIRE_TAIL = re.compile(r"^[—–-]\s*(?P<wire>[A-Z][\w ]{1,30})$")
_FIRST_APPEARED = re.compile(r"(?i)^this (?:article|story) (?:first|originally) appeared (?:in|on) (?P<who>.+?)\.?$")
_SENTENCE_END = re.compile(r"[.!?…\"”»]\s*$")
_WORD = re.compile(r"\w+", re.U)
_PIPE_NAV = re.compile(r"^(?:[^|•·>»]{1,25}\s*[|•·>»]\s*){2,}[^|•·>»]{1,25}$")


def _is_prose(line: str) -> bool:
    """A body line: several words and a sentence ending, or long enough to be a paragraph."""
    words = len(_WORD.findall(line))
    return (words >= 7 and bool(_SENTENCE_END.search(line))) or words >= 20


def _match_pattern(line: str) -> str | None:
    for reason, rx in _line_patterns():
        if rx.search(line):
            return reason
    if _PIPE_NAV.match(line) and not _SENTENCE_END.search(line):
        return "nav"
    return None


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def clean_text(raw: str, meta_title: str | None = None, zones: bool = True) -> Cleaned:
    """Split a pasted page into header metadata, body paragraphs and removed lines.

    ``zones=False`` is for text an HTML extractor already isolated: only line patterns apply,
    since its short lines are subheadings, not page furniture.
    """
    raw_lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out = Cleaned(text="")
    out.title = meta_title
    n = len(raw_lines)
    prose_idx = [i for i, ln in enumerate(raw_lines) if ln and _is_prose(ln)]
    first_prose = prose_idx[0] if prose_idx else n
    last_prose = prose_idx[-1] if prose_idx else -1

    keep: list[tuple[int, str]] = []
    in_related = False
    title_norm = _norm(meta_title) if meta_title else None

    def drop(i: int, line: str, reason: str) -> None:
        out.removed.append(RemovedLine(text=line, reason=reason, line_no=i + 1))

    for i, line in enumerate(raw_lines):
        if not line:
            in_related = False
            keep.append((i, ""))
            continue
        header = zones and i < first_prose
        footer = zones and i > last_prose
        credit = next((m for rx in _credit_patterns() if (m := rx.match(line))), None)
        if credit and len(line) < 120:
            who = (credit.groupdict().get("who") or "").strip() or None
            out.provenance.translated_by = out.provenance.translated_by or who or "unknown"
            lang = credit.groupdict().get("lang")
            if lang:
                out.provenance.original_language = lang
            out.provenance.credits.append(line)
            drop(i, line, "translation-credit")
            continue
        m = _FIRST_APPEARED.match(line)
        if m:
            out.provenance.syndicated_from = m["who"].strip()
            out.provenance.credits.append(line)
            drop(i, line, "syndication-credit")
            continue
        reason = _match_pattern(line)
        if reason == "source-line":
            out.provenance.syndicated_from = out.provenance.syndicated_from or line.split(":", 1)[1].strip() or None
            out.provenance.credits.append(line)
        if reason == "related":
            in_related = True
        if reason:
            drop(i, line, reason)
            continue
        if in_related and not _is_prose(line):
            drop(i, line, "related")
            continue
        if (header or footer) and (m := _PUBLISHED.match(line)):
            iso = parse_publish_date(m["rest"])
            if iso and out.published is None:
                out.published, out.published_source = iso, "published_line"
            drop(i, line, "metadata-date")
            continue
        if (header or footer) and (m := _BYLINE.match(line)):
            out.byline = out.byline or m["who"]
            drop(i, line, "byline")
            continue
        if footer and (m := _WIRE_TAIL.match(line)):
            out.provenance.syndicated_from = out.provenance.syndicated_from or m["wire"].strip()
            drop(i, line, "syndication-credit")
            continue
        if header and not _is_prose(line):
            norm = _norm(line)
            if title_norm and norm == title_norm:
                drop(i, line, "repeated-title")
                continue
            words = len(norm.split())
            if out.title is None and words >= 4 and not DATE_PHRASE.fullmatch(line):
                out.title = line
                title_norm = norm
                drop(i, line, "title")
                continue
            if out.outlet is None and out.title is None and 1 <= words <= 4:
                out.outlet = line
                drop(i, line, "outlet-header")
                continue
            if words <= 4:
                drop(i, line, "header-short-line")
                continue
        if footer and not _is_prose(line) and len(_norm(line).split()) <= 12:
            drop(i, line, "footer-short-line")
            continue
        keep.append((i, line))

    paragraphs: list[str] = []
    cur: list[str] = []
    for _, line in keep:
        if line:
            cur.append(line)
        elif cur:
            paragraphs.append(" ".join(cur))
            cur = []
    if cur:
        paragraphs.append(" ".join(cur))
    out.text = "\n\n".join(paragraphs)
    _body_provenance(out)
    return out


def _body_provenance(out: Cleaned) -> None:
    """Datelines and inline wire credits live in the body: read them, leave the text alone."""
    first = out.text.split("\n\n", 1)[0] if out.text else ""
    m = _DATELINE.match(first)
    if m and out.published is None:
        iso = parse_publish_date(m["date"]) if m["date"].strip() else None
        if iso:
            out.published, out.published_source = iso, "dateline"
    w = _WIRE_INLINE.search(out.text[:400])
    if w and not out.provenance.syndicated_from:
        out.provenance.syndicated_from = w["wire"]
