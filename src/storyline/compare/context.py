"""The view of one story that every comparison module shares: originals, outlets, days, quote masks.

Copies are left out on purpose: a syndicated copy repeating the wire is not a second outlet agreeing,
and counting it would turn syndication into corroboration.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Article, Entity, Quote, Span, Story
from ..text.glyphs import inside_quote
from ..text.sentences import sentence_at


@dataclass
class StoryContext:
    story: Story
    articles: dict[str, Article]  # originals only
    sentences: dict[str, list[tuple[int, int]]]
    quotes: list[Quote] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    _quote_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def build(cls, story: Story, articles: dict[str, Article], sentences: dict[str, list[tuple[int, int]]],
              quotes: Sequence[Quote] = (), entities: dict[str, Entity] | None = None) -> StoryContext:
        originals = {aid: articles[aid] for aid in story.article_ids if aid not in story.copies and aid in articles}
        qs = [q for q in quotes if q.span.article_id in originals]
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for q in qs:
            if q.kind in ("direct", "partial"):
                spans[q.span.article_id].append((q.span.start, q.span.end))
        return cls(story, originals, sentences, qs, entities or {}, {k: sorted(v) for k, v in spans.items()})

    def outlet(self, aid: str) -> str:
        a = self.articles[aid]
        return a.outlet or a.source.replace("\\", "/").rsplit("/", 1)[-1]

    def day(self, aid: str) -> str | None:
        p = self.articles[aid].published
        return p[:10] if p else None

    @property
    def outlets(self) -> list[str]:
        return sorted({self.outlet(a) for a in self.articles})

    def is_quoted_speech(self, aid: str, start: int, end: int) -> bool:
        """True when the quote stage attributed these characters (direct or partial quote)."""
        return any(s < end and start < e for s, e in self._quote_spans.get(aid, []))

    def in_quote(self, aid: str, start: int, end: int) -> bool:
        """True when [start, end) lies inside a quote or between quotation marks: the speaker's words."""
        spans = self._quote_spans.get(aid, [])
        i = bisect_right([s for s, _ in spans], start) - 1
        if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
            return True
        return inside_quote(self.articles[aid].text, start)

    def sentence_span(self, aid: str, pos: int) -> Span | None:
        a = self.articles[aid]
        sent = sentence_at(self.sentences.get(aid, []), pos)
        if not sent:
            return None
        raw = a.text[sent[0]:sent[1]]
        lead = len(raw) - len(raw.lstrip())
        return a.span(sent[0] + lead, sent[0] + len(raw.rstrip()))
