"""Lookups the reader pages need and the analysis does not store: built once, on first use.

Kept apart from the API's ``Library`` so the pages' needs do not grow the API's loader.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cached_property

from ..model import Corpus, Quote, Story


class ReaderIndex:
    """Reverse maps over one analysed corpus: which spans cite an article, which stories hold it,
    which quotes an entity said, which stories name an entity."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus

    @cached_property
    def cited(self) -> dict[str, list[tuple[int, int]]]:
        """Every span a brief sentence or a comparison row cites, by article."""
        out: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for b in self.corpus.briefs:
            for s in b.sentences:
                for c in s.citations:
                    out[c.article_id].add((c.start, c.end))
        for st in self.corpus.stories:
            for row in st.comparison.claims:
                for c in row.evidence:
                    out[c.article_id].add((c.start, c.end))
        return {aid: sorted(spans) for aid, spans in out.items()}

    @cached_property
    def stories_of_article(self) -> dict[str, list[Story]]:
        out: dict[str, list[Story]] = defaultdict(list)
        for s in self.corpus.stories:
            for aid in s.article_ids:
                out[aid].append(s)
        return dict(out)

    @cached_property
    def quotes(self) -> dict[str, Quote]:
        return {q.id: q for q in self.corpus.quotes}

    @cached_property
    def quotes_by_entity(self) -> dict[str, list[Quote]]:
        out: dict[str, list[Quote]] = defaultdict(list)
        for q in self.corpus.quotes:
            if q.speaker_entity:
                out[q.speaker_entity].append(q)
        return dict(out)

    @cached_property
    def stories_of_entity(self) -> dict[str, list[Story]]:
        """The stories whose articles mention an entity, most mentions first."""
        memberships = [(set(s.article_ids), s) for s in self.corpus.stories]
        out = {}
        for e in self.corpus.entities:
            per_article = Counter(m.article_id for m in e.mentions)
            scored = [(sum(n for a, n in per_article.items() if a in ids), s) for ids, s in memberships]
            out[e.id] = [s for n, s in sorted(scored, key=lambda x: -x[0]) if n]
        return out

    @cached_property
    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.corpus.articles if a.outlet}, key=str.lower)

    @cached_property
    def speakers(self) -> list[str]:
        """Every named speaker, most-quoted first: the quotes page suggests them."""
        return [s for s, _ in Counter(q.speaker for q in self.corpus.quotes if q.speaker).most_common()]

    @cached_property
    def titles(self) -> dict[str, str]:
        return {s.id: s.title for s in self.corpus.stories}
