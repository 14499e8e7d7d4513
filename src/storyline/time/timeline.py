"""Story timelines: which later report changes which earlier plan, and where outlets disagree on a date.

A vote first reported as "set for Wednesday" and later "postponed to Friday, 21 March" is two events
(19 and 21 March); the later one gets ``revises`` pointing at the earlier one, so a timeline can show
the plan, the change and the outcome with the sources of each. Two reports of the same action by the
same participants on different dates, with nothing saying it moved, are a disagreement: each lists
the other in ``conflicts``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Event
from ..text.words import jaccard, words


def _related(a: Event, b: Event) -> bool:
    """Same story, same concrete action, and the same people or place."""
    if a.story_id != b.story_id or not a.action or a.action != b.action or a.action == "statement":
        return False
    return bool(set(a.entities) & set(b.entities)) and (
        (a.place is not None and a.place == b.place) or jaccard(words(a.description), words(b.description)) >= 0.2
        or len(set(a.entities) & set(b.entities)) >= 2)


def _same_day_other_report(p: Event, e: Event, published: dict[str, str]) -> bool:
    """``p`` is an earlier report (another article) of the same day's event with the same people:
    a later report of a different status about it is an update, not a second event."""
    return (p.id != e.id and p.date == e.date and p.story_id == e.story_id
            and bool(set(p.entities) & set(e.entities))
            and first_reported(p, published) <= first_reported(e, published)
            and not {s.article_id for s in p.evidence} & {s.article_id for s in e.evidence})


def first_reported(ev: Event, published: dict[str, str]) -> str:
    return min((published.get(s.article_id, "") or "9999") for s in ev.evidence)


def link_updates(events: Sequence[Event], published: dict[str, str]) -> list[Event]:
    evs = [e.model_copy(deep=True) for e in events]
    by_id = {e.id: e for e in evs}
    from .events import is_change_report

    for e in evs:
        if e.status in ("happened", "planned") and not e.revises:
            # a call-off that did not hold: the same day, the same people, reported as cancelled first
            undone = [p for p in evs if p.status == "cancelled" and _same_day_other_report(p, e, published)]
            if undone:
                e.revises = undone[0].id
                if e.status == "planned":
                    e.status = "changed"  # "will skip" then "will join after all": the plan changed back
                continue
        if e.status == "cancelled" and not e.revises:
            # "will join" then "will skip": the call-off revises the plan of the same day
            plans = [p for p in evs if p.status == "planned" and _same_day_other_report(p, e, published)]
            if plans:
                e.revises = plans[0].id
                continue
        changed = e.status in ("changed", "cancelled") or any(is_change_report(x.text) for x in e.evidence)
        if not changed or e.revises:
            continue
        cands = [p for p in evs if p.id != e.id and _related(p, e) and p.date != e.date
                 and first_reported(p, published) <= first_reported(e, published)
                 and p.revises != e.id]
        if not cands:
            continue
        # the plan it changes: the most recently reported one, nearest in date
        e.revises = max(cands, key=lambda p: (first_reported(p, published), -abs(_days(p.date, e.date)))).id
    revised = {(e.id, e.revises) for e in evs if e.revises} | {(e.revises, e.id) for e in evs if e.revises}
    for a in evs:
        for b in evs:
            if a.id < b.id and _related(a, b) and a.date != b.date and (a.id, b.id) not in revised \
                    and a.status == b.status == "happened" and abs(_days(a.date, b.date)) <= 10 \
                    and jaccard(words(a.description), words(b.description)) >= 0.3 \
                    and not {s.article_id for s in a.evidence} & {s.article_id for s in b.evidence}:
                a.conflicts.append(b.id)
                b.conflicts.append(a.id)
    return [by_id[e.id] for e in evs]


def _days(a: str | None, b: str | None) -> int:
    from datetime import date

    try:
        return (date.fromisoformat((a or "")[:10]) - date.fromisoformat((b or "")[:10])).days
    except ValueError:
        return 0
