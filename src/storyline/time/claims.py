"""Numeric claims: a quantity, what it counts, how exact it is, and whether it is hedged.

"about 10,000 troops", "up to 2,000 Korsan soldiers", "between 10,000 and 12,000", "18 out of 27
member states", "3.5 % of GDP", "a 12-member panel", "Eighteen NDC countries", "rund 10.000
Soldaten". The number is read with the article language's separators (German "10.000" is ten
thousand), words count ("twelve months"), and the counted noun is normalized through a data table
so outlets that write "soldiers", "troops" or "Soldaten" agree on the unit ``troops``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..ids import span_id
from ..model import Article, Claim
from ..resources import base_language, table
from ..text.sentences import sentence_around
from .hedges import is_hedged

_STOP = frozenset(
    "of to in on at for and or but the a an from by with was were is are be been said says who that "
    "which than after before per as into over under out this these those its their his her our it they "
    "he she we you will would could may might has have had not no more less about around up down "
    "der die das und oder von zu im in am mit bei für nach vor über ist sind war wurde wurden hat haben "
    "den dem des ein eine einer eines".split()
)
_YEARLIKE = re.compile(r"^(1[89]|20)\d{2}$")
_TIME_UNITS = frozenset("hour hours minute minutes".split())


@dataclass
class Quantities:
    lang: str
    qualifier: dict[str, str] = field(default_factory=dict)
    scale: dict[str, float] = field(default_factory=dict)
    number: dict[str, int] = field(default_factory=dict)
    unit: dict[str, str] = field(default_factory=dict)
    measure: set[str] = field(default_factory=set)
    not_counted: set[str] = field(default_factory=set)
    vague_numbers: set[str] = field(default_factory=set)
    implied_unit: dict[str, str] = field(default_factory=dict)
    rx: re.Pattern[str] | None = None


def _alt(words: Any) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def quantities(lang: str | None) -> Quantities:
    lang = base_language(lang)
    try:
        rows = table(f"time/quantities_{lang}.tsv")
    except FileNotFoundError:
        lang, rows = "en", table("time/quantities_en.tsv")
    q = Quantities(lang)
    for row in rows:
        kind, phrase, value = row[0], row[1], (row[2] if len(row) > 2 else "")
        if kind == "qualifier":
            q.qualifier[phrase.lower()] = value
        elif kind == "scale":
            q.scale[phrase.lower()] = float(value)
        elif kind == "number":
            q.number[phrase.lower()] = int(value)
        elif kind == "unit":
            q.unit[phrase.lower()] = value
        elif kind == "measure":
            q.measure.add(phrase)
        elif kind == "not_counted":
            q.not_counted.add(phrase)
        elif kind == "implied_unit":
            q.implied_unit[phrase.lower()] = value
        elif kind == "vague_number":
            q.vague_numbers.add(phrase.lower())
    if lang == "de":
        digits = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:,\d+)?"
    else:
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?"
    words = _alt(q.number)
    num = rf"(?:[€$£]\s?)?(?:{digits}|(?i:{words})(?:-(?i:{words}))?)"
    scale = rf"(?:\s*(?i:{_alt(k for k in q.scale if len(k) > 2)})\b|(?:m|bn|mn|k)\b)"
    qual = rf"(?i:{_alt(q.qualifier)})"
    q.rx = re.compile(
        rf"(?<![\w.,/:-])(?:(?P<qual>{qual})\s+)?"
        rf"(?:(?P<between>(?i:between|from|zwischen|von))\s+)?"
        rf"(?P<num>{num})(?P<scale>{scale})?"
        rf"(?:(?P<outof>\s+(?i:out\s+of|of|von)\s+)(?P<total>{digits})"
        rf"|\s*(?P<rsep>-|–|(?i:to|and|bis|und))\s*(?P<num2>{num})(?P<scale2>{scale})?)?"
        rf"(?P<hyph>-(?P<hword>[a-z]+))?"
        rf"(?![\w:]|[.,]\d)"
    )
    return q


def _to_float(s: str, q: Quantities) -> float:
    s = s.strip().lstrip("€$£").strip()
    low = s.lower()
    if low in q.number:
        return float(q.number[low])
    if "-" in low and all(p in q.number for p in low.split("-")):
        a, b = (q.number[p] for p in low.split("-"))
        return float(a + b)
    s = re.sub(r"[ \u00a0\u202f]", "", s)
    if q.lang == "de":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return float(s)


def _scaled(value: float, scale: str | None, q: Quantities) -> float:
    if not scale:
        return value
    return value * q.scale.get(scale.strip().lower(), 1.0)


@dataclass
class _Noun:
    text: str
    start: int
    end: int
    head: str


def _noun_after(text: str, pos: int, doc: Any, q: Quantities, limit: int = 3) -> _Noun | None:
    """The noun phrase right after ``pos`` ("military helicopters", "member states", "NDC countries")."""
    words = list(re.finditer(r"[%€$£]|[^\W\d_][\w'’-]*", text[pos : pos + 80]))
    run: list[re.Match[str]] = []
    last_pos = ""
    for w in words:
        gap = text[pos + (run[-1].end() if run else 0) : pos + w.start()]
        if gap.strip():
            break
        low = w.group(0).lower()
        if low in _STOP and not run:
            return None
        if low in _STOP:
            break
        if doc is not None:
            tok = doc.char_span(pos + w.start(), pos + w.end(), alignment_mode="expand")
            pos_ = tok[0].pos_ if tok is not None and len(tok) else "X"
            if pos_ not in ("NOUN", "PROPN", "ADJ", "SYM", "NUM", "X"):
                break
            if run and pos_ == "ADJ" and last_pos == "NOUN":
                break  # "two officials familiar with", "12 helicopters worth"
            last_pos = pos_
        elif q.lang == "de" and run and run[-1].group(0)[:1].isupper():
            break  # German nouns are capitalised: the first one closes the phrase
        run.append(w)
        if low in q.unit and low not in ("member", "state"):  # a known unit ends the phrase
            break
        if len(run) >= limit:
            break
    if q.lang == "de" and doc is None:
        while run and not run[-1].group(0)[:1].isupper() and run[-1].group(0) not in "%€$£":
            run.pop()  # "25.000 genannt": a participle, not what is counted
    if doc is not None and run and all(
            (t := doc.char_span(pos + w.start(), pos + w.end(), alignment_mode="expand")) is not None
            and len(t) and t[0].pos_ == "ADJ" for w in run):
        return None  # "finished four adrift": an adjective alone counts nothing
    if not run:
        return None
    s, e = pos + run[0].start(), pos + run[-1].end()
    phrase = text[s:e]
    head = run[-1].group(0)
    for n in range(min(3, len(run)), 0, -1):  # longest known unit at the end ("member states")
        tail = " ".join(w.group(0) for w in run[-n:]).lower()
        if tail in q.unit:
            head = tail
            break
    return _Noun(phrase, s, e, head)


def _of_phrase(text: str, pos: int, doc: Any, q: Quantities) -> _Noun | None:
    m = re.match(r"\s+(?:of|von|der|des)\s+(?:the\s+|all\s+the\s+|all\s+)?", text[pos : pos + 20])
    if not m:
        return None
    return _noun_after(text, pos + m.end(), doc, q, limit=3)


def _after(text: str, e: int) -> int:
    return e + 1 if text[e : e + 1] == " " else e


def _measure(text: str, nxt: _Noun, first: str, doc: Any, q: Quantities) -> tuple[str, str | None, int]:
    """Unit, subject and end of a measure: "18 euros per tonne", "62 percent of Varnia's grain
    exports", "480 million euro contract", "300 tonnes of wheat"."""
    unit = q.unit[first]
    tail = nxt.start + len(first)
    subject = None
    rest = text[tail : tail + 40]
    per = re.match(r"\s+(?:per|a|an|je|pro)\s+([^\W\d_]+)", rest)
    if per and per.group(1).lower() not in ("year", "month", "week", "day", "jahr"):
        unit = f"{unit} per {per.group(1).lower()}"
        tail += per.end()
    elif re.match(r"\s+[^\W\d_]", rest) and not re.match(r"\s+(?:of|von|der)\b", rest):
        follow = _noun_after(text, tail + 1, doc, q)
        if follow:
            subject, tail = follow.text, follow.end
    of = _of_phrase(text, tail, doc, q)
    if of and subject is None:
        subject, tail = of.text, of.end
    return unit, subject, tail


def _counted(text: str, m: re.Match[str], e: int, doc: Any, q: Quantities) -> tuple[str | None, str | None, int] | None:
    """(unit, subject, end) of what the number at ``m`` counts; None when it is no quantity at all
    (an age, a clock time)."""
    if m["hword"]:  # "a 12-member panel", "460-seat chamber"
        hw = m["hword"].lower()
        if hw == "year" and text[m.end() : m.end() + 4] == "-old":
            return None  # "a 37-year-old": an age, told as an attribute
        noun = _noun_after(text, _after(text, e), doc, q)
        unit = q.unit.get(hw + "s", q.unit.get(hw, hw + "s"))
        return (unit, noun.text, noun.end) if noun else (unit, None, e)
    cur = re.match(r"[€$£]", m["num"])
    unit = q.unit.get(cur.group(0)) if cur else None
    nxt = None
    if text[e : e + 1] == "%":
        nxt = _Noun("%", e, e + 1, "%")
    elif text[e : e + 1] == " " or text[e : e + 1].isalpha():
        nxt = _noun_after(text, _after(text, e), doc, q)
    if nxt is None:
        return unit, None, e
    first = nxt.text.split()[0].lower()
    if first in q.unit and q.unit[first] in q.measure:
        return _measure(text, nxt, first, doc, q)
    if nxt.text.lower() in _TIME_UNITS:
        return None
    canon = q.unit.get(nxt.head.lower())
    subject, tail = nxt.text, nxt.end
    if canon in q.measure:
        of = _of_phrase(text, tail, doc, q)
        if of:
            subject, tail = of.text, of.end
    return canon or nxt.head.lower(), subject, tail


ROLE_STEPS = 4  # conjuncts walked back to the first ("rifles, 12 magazines and 300 rounds were found")


def governing_verb(doc: Any, start: int, end: int) -> str | None:
    """The verb (or noun) the counted phrase at [start, end) belongs to, lower-cased as written (the
    pipeline runs without a lemmatizer): "killing" in "killing 10 people", "killed" in "10 people
    were killed", "loaded" in "a gun loaded with four bullets". Two counts of one noun measure
    different things when different things happened to what they count (the bullets that hit, the
    bullets in a gun); the comparison folds the forms. When the phrase belongs to a noun, that noun:
    "force" in "a force of 10,000 troops", "homes" in "homes in five villages" (the verb above it
    says what happened to the force or the homes, not to what is counted). None without a parse."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(ROLE_STEPS):
        if tok.dep_ not in ("conj", "appos") or tok.head is tok:
            break
        tok = tok.head
    head = tok.head
    if head is tok:
        return None
    if tok.dep_ == "pobj":  # "followed by four aftershocks", "loaded with four bullets"
        head = head.head
    elif tok.dep_ == "npadvmod" and head.pos_ in ("ADV", "ADJ"):
        head = head.head  # "a driver 50 miles north of Harlow": the driver's distance, not the town's
    return str(head.lower_) if head.pos_ in ("VERB", "AUX", "NOUN") and head is not tok else None


def extract_claims(article: Article, times_spans: list[tuple[int, int]] | None = None,
                   doc: Any = None) -> list[Claim]:
    """Numeric claims with spans; ``times_spans`` are dates (their digits are not quantities) and
    ``doc`` (a spaCy Doc, English only) sharpens where the counted noun phrase ends."""
    text = article.text
    q = quantities(article.language)
    doc = doc if q.lang == "en" else None
    busy = times_spans or []
    out: list[Claim] = []
    assert q.rx is not None
    for m in q.rx.finditer(text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in busy):
            continue  # digits of a date ("14 March 2025") are not a quantity
        try:
            value = _scaled(_to_float(m["num"], q), m["scale"], q)
        except ValueError:
            continue
        qual = q.qualifier.get(re.sub(r"\s+", " ", m["qual"].lower())) if m["qual"] else None
        low = high = total = None
        if m["num2"]:
            try:
                v2 = _scaled(_to_float(m["num2"], q), m["scale2"] or m["scale"], q)
            except ValueError:
                continue
            if m["scale2"] and not m["scale"]:
                value = _scaled(value, m["scale2"], q)  # "between 10 and 12 million"
            if v2 <= value or (m["rsep"].lower() in ("and", "und") and not m["between"]):
                # "by 241 votes to 190", "18 and 27": two numbers, not a range; keep the first
                e = m.end("scale") if m["scale"] else m.end("num")
                v2 = None
            if v2 is not None:
                low, high, qual = value, v2, "range"
        elif m["between"]:
            s = m.start("num") if not m["qual"] else s
        if m["total"]:
            try:
                total = _to_float(m["total"], q)
            except ValueError:
                total = None
        counted = _counted(text, m, e, doc, q)
        if counted is None:
            continue
        unit, subject, tail = counted
        if unit is None and not (m["scale"] or qual or total or low is not None):
            continue  # a bare number counts nothing we can name
        if unit in q.not_counted or (m["num"].lower() in ("one", "a", "an", "ein", "eine") and not m["scale"]):
            continue  # "two officials said", "one diplomat": sourcing, not a quantity
        if unit is None and subject is None:
            before = re.search(r"([^\W\d_][\w'-]*)\s+(?:of|von)\s+$", text[max(0, s - 40) : s])
            if before and before.group(1).lower() not in _STOP:
                subject = before.group(1)  # "a force of up to 25,000"
                unit = q.implied_unit.get(subject.lower())
        if _YEARLIKE.match(m["num"]) and not (m["scale"] or qual) and unit not in q.unit.values():
            continue  # "the 2020 Rose Parade", "a 2004 book": a year, not a count
        if unit is None and m["outof"]:
            nxt = _noun_after(text, e + 1, doc, q)
            if nxt:
                unit, subject, tail = q.unit.get(nxt.head.lower(), nxt.head.lower()), nxt.text, nxt.end
        end = max(e, tail)
        approx = qual in ("approx", "max", "min", "range") or m["num"].lower() in q.vague_numbers
        if qual == "max":
            high = value
        elif qual == "min":
            low = value
        lo, hi = sentence_around(text, s)
        sent = text[lo:hi]
        cid = span_id("c_", article.id, s, end)
        out.append(Claim(id=cid, span=article.span(s, end), subject=subject, value=value, unit=unit,
                         approx=approx, hedged=is_hedged(sent, q.lang), qualifier=qual, low=low, high=high,
                         total=total, role=governing_verb(doc, s, end)))
    return out
