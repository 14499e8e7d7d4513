"""Quotes and their speakers, in the many conventions translated news mixes.

A wrong speaker is worse than none: attribution only happens when a cue and a single candidate
speaker are found; otherwise ``speaker`` stays empty and ``confidence`` low.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from ..model import Article, Mention, Quote
from ..resources import lines

# opening glyph -> closing glyphs
PAIRS = {'"': '"', "“": "”", "«": "»", "„": "“”", "‹": "›", "‚": "‘’"}
_QUOTE_RX = re.compile(r'"([^"\n]{2,}?)"|“([^”\n]{2,}?)”|«([^»\n]{2,}?)»|„([^“”\n]{2,}?)[“”]|‹([^›\n]{2,}?)›')
_DASH_PARA = re.compile(r"^[—–-]\s+(?P<q>.+?)(?:,\s*[—–-]\s*(?P<attr>[^\n]+))?$")
_SCARE = re.compile(r"(?i)(so-called|so called|dubbed|the term)\s*$")
_PRONOUNS = {"he", "she", "they"}


@cache
def cue_words() -> tuple[str, ...]:
    return tuple(sorted(lines("quotes/cues_en.txt"), key=len, reverse=True))


def _cue_in(text: str) -> str | None:
    low = f" {text.lower()} "
    for cue in cue_words():
        if f" {cue} " in low or f" {cue}," in low or f" {cue}:" in low or f" {cue}." in low:
            return cue
    return None


def _qid(article_id: str, start: int, end: int) -> str:
    return "q_" + hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:10]


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?…\"”»])\s+(?=[A-Z“\"«—–])|\n+", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _speaker(article: Article, people: list[Mention], lo: int, hi: int, before: int) -> Mention | None:
    """The single person mention in [lo, hi) outside the quote, else the last person before ``before``
    when the window holds a pronoun."""
    inside = [m for m in people if lo <= m.span.start < hi]
    if len({(m.resolved_to or m.span.text) for m in inside}) == 1:
        return inside[0]
    if not inside:
        window = article.text[lo:hi].lower()
        if any(re.search(rf"\b{p}\b", window) for p in _PRONOUNS):
            prev = [m for m in people if m.span.end <= before]
            if prev:
                return prev[-1]
    return None


def extract_quotes(article: Article, mentions: list[Mention]) -> list[Quote]:
    text = article.text
    people = [m for m in mentions if m.label == "PERSON"]
    orgs = [m for m in mentions if m.label == "ORG"]
    sents = _sentences(text)
    out: list[Quote] = []
    covered: list[tuple[int, int]] = []

    def sent_of(pos: int) -> tuple[int, int]:
        return next(((a, b) for a, b in sents if a <= pos < b), (pos, pos))

    def add(start: int, end: int, kind: str, attr_lo: int, attr_hi: int, before: int) -> None:
        outside = text[attr_lo:start] + " " + text[end:attr_hi]
        cue = _cue_in(outside)
        spk = _speaker(article, people, attr_lo, attr_hi, before) if cue else None
        if spk is not None and spk.span.start >= start and spk.span.end <= end:
            spk = None
        org = None
        if cue and spk is None:
            org_in = [m for m in orgs if attr_lo <= m.span.start < attr_hi and not (start <= m.span.start < end)]
            org = org_in[0] if len(org_in) == 1 else None
        who = spk or org
        conf = 0.9 if spk and spk.span.start >= attr_lo else 0.6 if who else 0.1
        out.append(Quote(
            id=_qid(article.id, start, end), span=article.span(start, end), text=text[start:end], kind=kind,  # type: ignore[arg-type]
            speaker=(who.resolved_to or who.span.text) if who else None,
            speaker_span=who.span if who else None, cue=cue, confidence=conf,
        ))
        covered.append((start, end))

    for m in _QUOTE_RX.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        start, end = m.start(g), m.end(g)
        content = m.group(g)
        words = len(content.split())
        if _SCARE.search(text[max(0, m.start() - 12) : m.start()]) or words <= 2:
            continue  # scare quotes / single words are framing, not speech
        s_lo, s_hi = sent_of(m.start())
        before_q = text[s_lo : m.start()].strip()
        after_q = text[m.end() : s_hi].strip()
        is_full = (not before_q or before_q.endswith(":")) and words >= 4
        kind = "direct" if is_full or (after_q.startswith(",") or after_q[:1] in {"", "."}) and words >= 6 else "partial"
        # attribution may be in the same sentence or, for a bare quote paragraph, the next one
        nxt = next(((a, b) for a, b in sents if a >= s_hi), (s_hi, s_hi))
        hi = s_hi if (_cue_in(text[s_lo:m.start()] + " " + text[m.end():s_hi])) else nxt[1]
        add(start, end, kind, s_lo, hi, m.start())

    # dash-introduced paragraphs: "— We will not accept this, — said the minister."
    pos = 0
    for para in text.split("\n\n"):
        p0 = text.find(para, pos)
        pos = p0 + len(para)
        dm = _DASH_PARA.match(para)
        if not dm:
            continue
        start, end = p0 + dm.start("q"), p0 + dm.end("q")
        if any(a <= start < b for a, b in covered):
            continue
        nxt_lo = pos + 2
        nxt_hi = sent_of(nxt_lo)[1] if nxt_lo < len(text) else pos
        attr_hi = pos if dm.group("attr") else nxt_hi
        add(start, end, "direct", p0, attr_hi, p0)

    # indirect speech: "X said that ...", "according to X, ..."
    for a, b in sents:
        s = text[a:b]
        if any(a <= qa < b for qa, _ in covered):
            continue
        m = re.search(r"\b(said|told [A-Z][\w ]{0,40}?|believes|warned|stressed|noted|added) that\s+(.+)", s)
        m2 = re.search(r"\b[Aa]ccording to ([A-Z][\w.' -]{1,50}?),\s+(.+)", s)
        mm = m or m2
        if not mm:
            continue
        cstart, cend = a + mm.start(2), a + len(s.rstrip(". "))
        if cend - cstart < 10:
            continue
        add(cstart, cend, "indirect", a, b, a)
    out.sort(key=lambda q: q.span.start)
    return out
