"""What an article looks like to the clusterer: content words, language-neutral anchors, and a day.

Two bags, because they fail differently. Content words carry the event ("helicopter", "grain",
"troops") but only within one language. Anchors (canonical entity ids, capitalised names folded to
a short key, normalised numbers) survive translation and transliteration: "Kowalczyk" in a German
report and an English one, "10.000" and "10,000" soldiers. A cross-language comparison uses anchors
alone.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from ..model import Article
from ..resources import base_language, lines
from ..time.estimate import window as estimate_window
from .participants import MIN_CENTRAL_MENTIONS

_WORD = re.compile(r"[^\W\d_]{2,}|\d+")
_CAP = re.compile(r"\b[A-ZÄÖÜÀ-ÞŁŚŻŹĆŃ][^\W\d_]{3,}")
_THOUSANDS = re.compile(r"(?<=\d)[.,\u00a0\u202f ](?=\d{3}\b)")
_NUMBER = re.compile(r"\b\d[\d.,]*\b")
_SEGMENT_BREAK = re.compile(r"\n\s*\n|^\s*\d{1,2}[.)]\s+", re.MULTILINE)
NAME_KEY_LEN = 5
LEAD_WORDS = 60
LEAD_BOOST = 3


@cache
def stopwords() -> frozenset[str]:
    return frozenset(w for ln in lines("stories/stopwords.txt") for w in ln.split())


def normalise_numbers(text: str) -> str:
    """'10,000', '10.000' and '10 000' are one number in every outlet's house style."""
    return _THOUSANDS.sub("", text)


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def stem(w: str) -> str:
    """Crude plural folding; enough that 'helicopters' meets 'helicopter' in a bag of words."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@lru_cache(maxsize=500_000)
def _term(token: str) -> str | None:
    """The bag-of-words term for one token, or None for a function word or a short number."""
    t = token.lower()
    if t in stopwords() or (t.isdigit() and len(t) < 3):
        return None
    return stem(t)


def content_words(text: str) -> Counter[str]:
    terms = (_term(m.group(0)) for m in _WORD.finditer(normalise_numbers(text)))
    return Counter(t for t in terms if t)


def anchors(text: str, entity_ids: Iterable[str] = ()) -> Counter[str]:
    """Language-neutral evidence: entity ids, folded name keys, and numbers of three digits or more."""
    stop = stopwords()
    out: Counter[str] = Counter({f"e:{e}": 1 for e in entity_ids})
    for m in _CAP.finditer(text):
        w = fold(m.group(0))
        if w not in stop:
            out[f"n:{w[:NAME_KEY_LEN]}"] += 1
    for m in _NUMBER.finditer(normalise_numbers(text)):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) >= 3 and not (len(digits) == 4 and digits[:2] in ("19", "20")):
            out[f"#:{digits}"] += 1
    return out


def sublinear(counts: Counter[str]) -> dict[str, float]:
    return {t: 1.0 + math.log(c) for t, c in counts.items()}


def iso_day(value: str | None) -> date | None:
    """The day of an ISO date or datetime string ("2025-03-14T09:00"); None when absent or malformed."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass
class ArticleFeatures:
    id: str
    words: dict[str, float]
    anchors: dict[str, float]
    day: date | None = None
    language: str | None = None
    segments: list[dict[str, float]] = field(default_factory=list)
    # participants (see participants.py): how often the article mentions each name key
    names: dict[str, int] = field(default_factory=dict)
    # an undated article's estimated publish window (time/estimate.py); (None, None) when unknown
    window: tuple[date | None, date | None] = (None, None)


def _segments(text: str) -> list[str]:
    """Paragraph blocks long enough to be about something; a roundup shows itself here (and needs
    at least three of them, so shorter articles skip the work)."""
    segs = [p for p in _SEGMENT_BREAK.split(text) if len(p.split()) >= 25]
    return segs if len(segs) >= 3 else []


def lead(a: Article, n_words: int = LEAD_WORDS) -> str:
    """Title and opening words: news puts the event first, the background later."""
    head = " ".join(a.text.split()[:n_words])
    return f"{a.title}\n{head}" if a.title and a.title not in head else head


def participant_counts(names: Mapping[str, int] | None, days: Iterable[str]) -> dict[str, int]:
    """Names, and the days named, as participants of a contrast (participants.py). A day counts as a
    name said twice: a report names its event's day once, where it repeats a name."""
    out = dict(names or {})
    for d in days:
        out[f"d:{d}"] = out.get(f"d:{d}", 0) + MIN_CENTRAL_MENTIONS
    return out


@dataclass(frozen=True)
class Signals:
    """What earlier stages know of an article that its words alone do not tell the clusterer.

    ``entity_ids``: canonical entities (anchors across languages). ``names``: how often each
    participant key is mentioned (``participants.name_counts``); without them the article takes part
    in no contrast. ``days``: the calendar days its text names ("on 3 March 2025"): two reports of
    one event name its day, two events of one kind name different days, dated or not."""

    entity_ids: frozenset[str] = frozenset()
    names: Mapping[str, int] = field(default_factory=dict)
    days: tuple[str, ...] = ()


def features(a: Article, signals: Signals | None = None) -> ArticleFeatures:
    sig = signals or Signals()
    entity_ids, names, days = sig.entity_ids, sig.names, sig.days
    text = f"{a.title or ''}\n\n{a.text}" if a.title and a.title not in a.text[:300] else a.text
    words = content_words(text)
    for w, c in content_words(lead(a)).items():
        words[w] += c * (LEAD_BOOST - 1)
    return ArticleFeatures(
        id=a.id,
        words=sublinear(words),
        anchors=sublinear(anchors(text, entity_ids) + Counter(f"d:{d}" for d in days)),
        day=iso_day(a.published),
        language=base_language(a.language, "und"),
        segments=[sublinear(content_words(p)) for p in _segments(a.text)],
        names=participant_counts(names, days),
        window=(None, None) if a.published else estimate_window(a.published_estimate),
    )
