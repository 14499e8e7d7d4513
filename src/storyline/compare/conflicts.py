"""Conflicts (outlets disagree on one quantity) and updates (a later report revises an earlier one),
both ordered by the date of the first report involved.

A difference becomes an update, not a conflict, when the later report is from a later day and its
sentence carries a revision cue ("postponed", "originally", "now"), or when the time stage marked an
event as changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..model import Claim, Event, Evidenced, Span
from ..resources import lines
from .context import StoryContext
from .quantities import Reported, quantity_groups, sides, value_groups


@cache
def _revision_cue() -> re.Pattern[str]:
    cues = sorted(lines("compare/revision_cues_en.txt"), key=len, reverse=True)
    return re.compile(r"(?i)\b(" + "|".join(re.escape(c) for c in cues) + r")\b")


def _describe(r: Reported) -> str:
    return f'"{r.claim.span.text}" ({r.outlet}{", " + r.day if r.day else ""})'


def conflicts_and_updates(ctx: StoryContext, claims: Sequence[Claim],
                          events: Sequence[Event]) -> tuple[list[Evidenced], list[Evidenced]]:
    conflicts: list[tuple[str, Evidenced]] = []
    updates: list[tuple[str, Evidenced]] = []
    for cls, reps in quantity_groups(ctx, claims):
        by_value = value_groups(reps)
        if len(by_value) < 2 or len({r.outlet for r in reps}) < 2:
            continue
        firsts = sorted((v[0] for v in by_value), key=lambda r: (r.day or "9999", r.outlet))
        first_day = firsts[0].day or "9999"
        revised = [r for r in firsts[1:] if r.day and firsts[0].day and r.day > firsts[0].day
                   and _revision_cue().search(r.sentence.text)]
        evidence = [r.claim.span for v in by_value for r in v]
        outlets = sorted({r.outlet for r in reps})
        if revised:
            text = f"{cls}: first reported as {_describe(firsts[0])}, later " + \
                   ", then ".join(_describe(r) for r in revised)
            updates.append((first_day, Evidenced(text=text, kind="number-update", outlets=outlets,
                                                 evidence=[firsts[0].claim.span, *(r.claim.span for r in revised)])))
        rest = [r for r in firsts if r not in revised]
        kept = [v for v in by_value if v[0] in rest]
        if len(kept) >= 2 and sides(kept)[1]:  # some outlet gives another value and not the main one
            text = f"{cls}: " + " vs ".join(_describe(r) for r in rest)
            conflicts.append((first_day, Evidenced(text=text, kind="number", outlets=outlets, evidence=evidence)))
    by_id = {ev.id: ev for ev in events}

    def outlets_of(ev: Event) -> list[str]:
        return sorted({ctx.outlet(sp.article_id) for sp in ev.evidence if sp.article_id in ctx.articles})

    def spans_of(ev: Event) -> list[Span]:
        return [sp for sp in ev.evidence if sp.article_id in ctx.articles]

    described: set[str] = set()
    paired: set[frozenset[str]] = set()
    for ev in events:
        old = by_id.get(ev.revises or "")
        if old is not None and spans_of(ev):
            what = ev.action or "event"
            before, after = ", ".join(outlets_of(old)), ", ".join(outlets_of(ev))
            if old.date == ev.date:
                text = (f"{what} on {ev.date or 'an unknown date'}: first reported as {old.status} ({before}), "
                        f"then as {ev.status} ({after}): {ev.description}")
            else:
                text = (f"{what}: first reported for {old.date or 'an unknown date'} ({before}), then for "
                        f"{ev.date or 'an unknown date'} ({after}; {ev.status}): {ev.description}")
            updates.append((old.date or ev.date or "9999", Evidenced(
                text=text,
                kind="event-update", evidence=spans_of(old) + spans_of(ev),
                outlets=sorted(set(outlets_of(old)) | set(outlets_of(ev))))))
            described.add(ev.description)
        for other_id in ev.conflicts:
            other = by_id.get(other_id)
            pair = frozenset((ev.id, other_id))
            if other is None or pair in paired or not spans_of(ev) or not spans_of(other):
                continue
            paired.add(pair)  # each pair once, whichever side lists the other
            what = ev.action or "event"
            conflicts.append((min(ev.date or "9999", other.date or "9999"), Evidenced(
                text=f"Date of {what}: {ev.date} ({', '.join(outlets_of(ev))}) vs {other.date} "
                     f"({', '.join(outlets_of(other))})",
                kind="date", evidence=spans_of(ev) + spans_of(other),
                outlets=sorted(set(outlets_of(ev)) | set(outlets_of(other))))))
    for ev in events:
        if ev.status != "changed" or ev.description in described:
            continue
        described.add(ev.description)
        spans = spans_of(ev)
        if spans:
            updates.append((ev.date or "9999", Evidenced(
                text=f"{ev.date or 'undated'}: {ev.description}", kind="event-update", evidence=spans,
                outlets=outlets_of(ev))))
    conflicts.sort(key=lambda t: t[0])
    updates.sort(key=lambda t: t[0])
    return [c for _, c in conflicts], [u for _, u in updates]
