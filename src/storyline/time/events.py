"""Events: sentences that carry a dated time expression and an action, merged across outlets."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Event, Span, TimeExpr
from ..text_units import jaccard, sentence_at, words

_CHANGED = re.compile(r"(?i)\b(postponed|delayed|cancel(?:l)?ed|called off|rescheduled|moved to|pushed back)\b")
_PLANNED = re.compile(r"(?i)\b(will|is to|are to|set for|scheduled|planned|plans to|is expected to|are expected to)\b")


@dataclass(frozen=True)
class ArticleFacts:
    """What the event builder needs of one article: its sentences, dated times and entity ids by span."""

    article: Article
    sentences: list[tuple[int, int]]
    times: list[TimeExpr]
    entity_spans: list[tuple[int, int, str]]


def _status(sentence: str) -> str:
    if _CHANGED.search(sentence):
        return "changed"
    if _PLANNED.search(sentence):
        return "planned"
    return "happened"


def build_events(facts: Sequence[ArticleFacts], story_of: dict[str, str]) -> list[Event]:
    raw: list[Event] = []
    for f in facts:
        text = f.article.text
        for t in f.times:
            if not t.value or t.granularity != "day":
                continue
            sent = sentence_at(f.sentences, t.span.start)
            if not sent:
                continue
            s, e = sent
            sentence = text[s:e].strip()
            ents = sorted({eid for a, b, eid in f.entity_spans if s <= a < e})
            if not ents or len(sentence) < 25:
                continue
            lead = len(text[s:e]) - len(text[s:e].lstrip())
            span = f.article.span(s + lead, s + lead + len(sentence))
            desc = sentence if len(sentence) <= 200 else sentence[:197].rsplit(" ", 1)[0] + "…"
            raw.append(Event(id="", date=t.value, description=desc, entities=ents, status=_status(sentence),  # type: ignore[arg-type]
                             evidence=[span], story_id=story_of.get(f.article.id)))
    merged: list[Event] = []
    for ev in sorted(raw, key=lambda e: (e.date or "", e.evidence[0].article_id)):
        for m in merged:
            if (m.date == ev.date and m.story_id == ev.story_id and set(m.entities) & set(ev.entities)
                    and jaccard(words(m.description), words(ev.description)) >= 0.2):
                m.evidence.extend(ev.evidence)
                m.entities = sorted(set(m.entities) | set(ev.entities))
                break
        else:
            merged.append(ev)
    out = []
    for m in merged:
        eid = "ev_" + hashlib.sha1(f"{m.date}:{m.evidence[0].article_id}:{m.evidence[0].start}".encode()).hexdigest()[:10]
        out.append(m.model_copy(update={"id": eid}))
    return out


def evidence_outlets(spans: Sequence[Span], outlet_of: dict[str, str]) -> list[str]:
    return sorted({outlet_of.get(s.article_id, "?") for s in spans})
