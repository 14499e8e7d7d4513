"""What no single outlet shows: where outlets agree, conflict, update each other, and whom they quote.

Every item is an :class:`Evidenced` with the spans it rests on, so the brief can cite it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Claim, Comparison, Event, Evidenced, Quote, Story
from ..text_units import sentence_at

_SCARE = re.compile(r"(?i)\bso[- ]called\s+['\"“‘«]?[^'\"”’»\n]{2,40}['\"”’»]?")


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"


def compare_story(
    story: Story,
    articles: dict[str, Article],
    quotes: Sequence[Quote],
    claims: Sequence[Claim],
    events: Sequence[Event],
    sentences: dict[str, list[tuple[int, int]]],
) -> Comparison:
    members = set(story.article_ids) - set(story.copies)
    outlet = {aid: (articles[aid].outlet or articles[aid].source) for aid in story.article_ids}
    comp = Comparison()

    # conflicts: the same unit counted differently by different outlets
    by_unit: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.span.article_id in members and c.unit and c.value is not None and c.unit != "%":
            by_unit[c.unit].append(c)
    for unit, cs in sorted(by_unit.items()):
        values = {c.value for c in cs}
        outlets = {outlet[c.span.article_id] for c in cs}
        if len(values) > 1 and len(outlets) > 1:
            parts = []
            seen = set()
            for c in sorted(cs, key=lambda c: (c.value, outlet[c.span.article_id])):
                key = (c.value, outlet[c.span.article_id])
                if key not in seen:
                    seen.add(key)
                    parts.append(f'"{c.span.text}" ({outlet[c.span.article_id]})')
            comp.conflicts.append(Evidenced(text=f"Number of {unit}: " + " vs ".join(parts), kind="number",
                                            evidence=[c.span for c in cs], outlets=sorted(outlets)))

    # agreements and updates from events reported by several outlets / changed plans
    for ev in events:
        outs = sorted({outlet[s.article_id] for s in ev.evidence if s.article_id in outlet})
        if len(outs) >= 2:
            comp.agreements.append(Evidenced(text=f"{ev.date}: {ev.description}", kind="event",
                                             evidence=ev.evidence, outlets=outs))
        if ev.status == "changed":
            comp.updates.append(Evidenced(text=f"{ev.date}: {ev.description}", kind="update",
                                          evidence=ev.evidence, outlets=outs))

    # voices: who each outlet quotes
    voices: dict[str, dict[str, list[Quote]]] = defaultdict(lambda: defaultdict(list))
    for q in quotes:
        if q.span.article_id in members and q.speaker:
            voices[outlet[q.span.article_id]][q.speaker].append(q)
    all_speakers = {s for v in voices.values() for s in v}
    for out_name, by_speaker in sorted(voices.items()):
        names = ", ".join(f"{s} ({len(qs)})" for s, qs in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])))
        comp.voices.append(Evidenced(text=f"{out_name} quotes {names}", kind="voices", outlets=[out_name],
                                     evidence=[q.span for qs in by_speaker.values() for q in qs]))
    quoting_outlets = sorted(voices)
    if len(quoting_outlets) >= 2:
        for speaker in sorted(all_speakers):
            have = [o for o in quoting_outlets if speaker in voices[o]]
            if 0 < len(have) < len(quoting_outlets):
                missing = [o for o in quoting_outlets if o not in have]
                comp.gaps.append(Evidenced(
                    text=f"{speaker} is quoted by {', '.join(have)} but not by {', '.join(missing)}",
                    kind="voice-gap", outlets=have,
                    evidence=[q.span for o in have for q in voices[o][speaker]][:4]))

    # framing: scare quotes and "so-called"
    for aid in sorted(members):
        art = articles[aid]
        for m in _SCARE.finditer(art.text):
            comp.framing.append(Evidenced(text=f'{outlet[aid]} writes "{m.group(0)}"', kind="scare-quote",
                                          outlets=[outlet[aid]], evidence=[art.span(m.start(), m.end())]))
    return comp
