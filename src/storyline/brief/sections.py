"""The brief's other sections, each sentence built from records that already carry their spans:
overview (places), timeline, who said what, where sources differ, open questions."""

from __future__ import annotations

import re

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..config import Settings
from ..model import Article, BriefSentence, Entity, Event, Quote, Span, Story
from ..quotes.trust import is_sure
from ..text.glyphs import REOPENING
from ..text.words import jaccard, words

MAX_PLACES = 4
MAX_SPEAKERS = 8
QUOTES_PER_SPEAKER = 2
SPEAKER_SURE = Settings().speaker_sure  # the corpus stages are not handed Settings: its default


def places(story: Story, entities: dict[str, Entity]) -> list[BriefSentence]:
    members = set(story.article_ids) - set(story.copies)
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    for e in entities.values():
        if e.type not in ("GPE", "LOC", "FAC"):
            continue
        spans = [s for s in e.mentions if s.article_id in members]
        if spans:
            counts[e.id] = len({s.article_id for s in spans}) * 100 + len(spans)
            first[e.id] = spans[0]
    top = [eid for eid, _ in counts.most_common(MAX_PLACES)]
    if not top:
        return []
    return [BriefSentence(text="Places: " + ", ".join(entities[e].name for e in top) + ".",
                          citations=[first[e] for e in top], section="overview")]


def _reporting_tail(ev: Event) -> bool:
    """'..., the Korsan defence ministry confirmed on Sunday.': a clause cut from the end of a sentence
    that only dates the saying; what was said is its own entry, so the tail alone reads as noise."""
    return ev.action == "statement" and ev.description[:1].islower()


def timeline(story: Story) -> list[BriefSentence]:
    out = []
    for ev in story.timeline:
        if not ev.evidence or _reporting_tail(ev):
            continue
        status = "" if ev.status in ("happened", "unknown") else f" ({ev.status})"
        when = f"{ev.date} (date estimated)" if ev.date and ev.date_estimated else ev.date or "undated"
        out.append(BriefSentence(text=f"{when}{status}: {ev.description}", citations=ev.evidence,
                                 section="timeline"))
    return out


_REOPEN = re.compile(r"\n\s*\n\s*[" + re.escape(REOPENING) + "]")


def quotes(story: Story, qs: Sequence[Quote], entities: dict[str, Entity],
           articles: dict[str, Article]) -> list[BriefSentence]:
    """By speaker, most-quoted first; near-identical quotes from several outlets become one line
    citing them all."""
    members = set(story.article_ids) - set(story.copies)
    outlets = {(articles[a].outlet or "").lower() for a in members if a in articles}
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in qs:
        if (q.span.article_id in members and q.speaker and q.kind in ("direct", "partial")
                and q.speaker.lower() not in outlets):
            by_speaker[q.speaker_entity or q.speaker].append(q)
    out = []
    ranked = sorted(by_speaker.items(), key=lambda kv: (-len({q.span.article_id for q in kv[1]}), -len(kv[1]), kv[0]))
    for key, group in ranked[:MAX_SPEAKERS]:
        name = entities[key].name if key in entities else group[0].speaker
        clusters: list[list[Quote]] = []
        for q in sorted(group, key=lambda q: -len(q.text)):
            for c in clusters:
                if jaccard(words(c[0].text), words(q.text)) >= 0.5:
                    c.append(q)
                    break
            else:
                clusters.append([q])
        for c in sorted(clusters, key=len, reverse=True)[:QUOTES_PER_SPEAKER]:
            q = c[0]
            # a quote across paragraphs must not break the list; the mark that reopens a continued
            # paragraph ("...opinion.\n\n"If they want...) is typography, not words
            text = " ".join(_REOPEN.sub("\n\n", q.text).split())
            text = text if len(text) <= 220 else text[:217].rsplit(" ", 1)[0] + "…"
            confidence = max(x.confidence for x in c)
            # a guess never reads as fact: below the level right >= 95 % of the time it is "attributed"
            said = (f'{name} said: "{text}"' if is_sure(confidence, SPEAKER_SURE)
                    else f'Attributed to {name} (uncertain): "{text}"')
            out.append(BriefSentence(text=said, citations=[x.span for x in c], section="quotes",
                                     speaker_confidence=confidence))
    return out


def differences(story: Story) -> list[BriefSentence]:
    comp = story.comparison
    out = []
    for row in comp.claims:
        if row.contradict and row.evidence:
            out.append(BriefSentence(
                text=f"{row.text} — reported by {', '.join(row.support)}; different figures from "
                     f"{', '.join(row.contradict)}; not mentioned by {', '.join(row.omit) or 'none'}.",
                citations=row.evidence, section="differences"))
    shown_in_table = {f"{row.kind}-gap" for row in comp.claims}
    for item in [*comp.conflicts, *comp.updates, *comp.framing, *comp.gaps]:
        if item.evidence and item.kind not in shown_in_table:
            out.append(BriefSentence(text=item.text, citations=item.evidence, section="differences"))
    return out


def voices(story: Story) -> list[BriefSentence]:
    """Who each outlet quotes, how often, from which side: its own section, so the differences stay
    readable."""
    return [BriefSentence(text=v.text, citations=v.evidence, section="voices")
            for v in story.comparison.voices if v.evidence]


def open_questions(story: Story) -> list[BriefSentence]:
    return [BriefSentence(text=q.text, citations=q.evidence, section="open_questions")
            for q in story.open_questions if q.evidence]
