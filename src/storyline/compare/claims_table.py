"""The claim-by-outlet table: for each main claim, which outlets support, contradict, or omit it.

Main claims are the story's numbers reported by the most outlets, and the timeline events that
several outlets report. Support means the same value (within 5%) or a report of the same event;
contradiction means a different value for the same quantity; omission means the outlet covered the
story without reporting that quantity or event.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim, ClaimRow, Event
from .context import StoryContext
from .quantities import quantity_groups, sides, value_groups

MAX_ROWS = 10


def claim_table(ctx: StoryContext, claims: Sequence[Claim], events: Sequence[Event]) -> list[ClaimRow]:
    outlets = ctx.outlets
    rows: list[tuple[int, ClaimRow]] = []
    for cls, reps in quantity_groups(ctx, claims):
        by_value = value_groups(reps)
        main = by_value[0]
        support, contradict = sides(by_value)
        if len(support) + len(contradict) < 2:
            continue
        text = f'{cls}: "{main[0].claim.span.text}"'
        if len(by_value) > 1:
            text += " (other reports: " + ", ".join(f'"{v[0].claim.span.text}"' for v in by_value[1:4]) + ")"
        rows.append((len(support) + len(contradict), ClaimRow(
            text=text, kind="number", support=support, contradict=contradict,
            omit=[o for o in outlets if o not in support and o not in contradict],
            evidence=[r.claim.span for v in by_value for r in v])))
    for ev in events:
        ev_outlets = sorted({ctx.outlet(s.article_id) for s in ev.evidence if s.article_id in ctx.articles})
        if len(ev_outlets) < 2:
            continue
        rows.append((len(ev_outlets), ClaimRow(
            text=f"{ev.date or 'undated'}: {ev.description}", kind="event", support=ev_outlets,
            omit=[o for o in outlets if o not in ev_outlets],
            evidence=[s for s in ev.evidence if s.article_id in ctx.articles])))
    rows.sort(key=lambda r: -r[0])
    return [r for _, r in rows[:MAX_ROWS]]
