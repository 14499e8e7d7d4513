"""What no single outlet shows: where outlets agree, conflict, update each other, and whom they quote.

Orchestration only; each concern has its own module. Every item is an :class:`Evidenced` (or a
:class:`ClaimRow`) with the spans it rests on, so the brief can cite it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Claim, Comparison, Entity, Event, Evidenced, Quote, Story
from .claims_table import claim_table
from .conflicts import conflicts_and_updates
from .context import StoryContext
from .framing import framing
from .gaps import gaps
from .voices import describe_voices, voices


def compare_story(
    story: Story,
    articles: dict[str, Article],
    quotes: Sequence[Quote],
    claims: Sequence[Claim],
    events: Sequence[Event],
    sentences: dict[str, list[tuple[int, int]]],
    entities: dict[str, Entity] | None = None,
) -> Comparison:
    ctx = StoryContext.build(story, articles, sentences, quotes, entities)
    table = claim_table(ctx, claims, events)
    conflicts, updates = conflicts_and_updates(ctx, claims, events)
    voice_items, quoted = voices(ctx)
    names = {k: v.name for k, v in describe_voices(ctx).items()}
    agreements = [Evidenced(text=row.text, kind=row.kind, outlets=row.support, evidence=row.evidence)
                  for row in table if len(row.support) >= 2 and not row.contradict]
    return Comparison(claims=table, agreements=agreements, conflicts=conflicts, updates=updates,
                      framing=framing(ctx), voices=voice_items, gaps=gaps(ctx, quoted, table, names))
