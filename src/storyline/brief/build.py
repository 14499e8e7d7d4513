"""A brief per story, every sentence carrying the evidence spans it came from.

Assembly only: the summary is chosen in ``summary``, the other sections are built in ``sections``
from records that already carry spans, and renderings live in ``render``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Brief, Claim, Entity, Quote, Story
from . import panels, sections
from .summary import summary_sentences


def build_brief(story: Story, articles: dict[str, Article], sentences: dict[str, list[tuple[int, int]]],
                quotes: Sequence[Quote], entities: dict[str, Entity], claims: Sequence[Claim] = ()) -> Brief:
    sents = [
        *sections.places(story, entities),
        *summary_sentences(story, articles, sentences),
        *panels.key_numbers(story, claims, articles),
        *panels.first_report(story, articles, sentences),
        *sections.timeline(story),
        *sections.quotes(story, quotes, entities, articles),
        *sections.differences(story),
        *sections.voices(story),
        *panels.headlines(story, articles, sentences),
        *sections.open_questions(story),
    ]
    from .render import MAX_HEADLINE_CHARS, clip, render_markdown

    brief = Brief(story_id=story.id, headline=clip(story.title, MAX_HEADLINE_CHARS),
                  sentences=[s for s in sents if s.citations], related=story.related)

    return brief.model_copy(update={"markdown": render_markdown(brief, story, articles)})
