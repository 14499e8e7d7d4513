"""The corpus stages, registered by name in run order (see :mod:`storyline.stages`).

They need every article at once: duplicates -> entities (with speaker links) -> quote groups ->
stories -> events and timelines -> comparison -> open questions -> related stories -> briefs.
Each fills its fields of :class:`CorpusState`. An optional stage that fails degrades with one
error line (``degrade``); ``entities`` and ``stories`` are required, and their failure is traced
to the articles that cause it by :func:`storyline.pipeline.run_corpus_stages`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from .brief.build import build_brief
from .compare.compare import compare_story
from .compare.questions import open_questions
from .entities.canonical import canonicalize
from .entities.kb import load_kb
from .ingest.dedup import find_duplicates
from .ingest.sanitize import one_line
from .model import Article, Brief, Claim, Comparison, Corpus, Entity, Quote, Story, TimeExpr
from .quotes.grouping import group_quotes
from .stages import Registry
from .stories.cluster import cluster_stories
from .stories.features import Signals
from .stories.participants import name_counts
from .stories.related import related_stories
from .time.estimate import anchor_of, with_mates
from .time.events import ArticleFacts, build_events
from .time.expressions import parse_anchor, reanchor

if TYPE_CHECKING:
    from .model import Event
    from .pipeline import ArticleResult
    from .stories.state import ClusterState

T = TypeVar("T")
R = TypeVar("R", Quote, Claim)


@dataclass
class CorpusState:
    results: list[ArticleResult]
    kb_path: str | None = None
    story_state: ClusterState | None = None
    errors: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    index: dict[tuple[str, int, int], str] = field(default_factory=dict)  # mention span -> entity id
    quotes: list[Quote] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    story_entities: dict[str, dict[str, Entity]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    briefs: list[Brief] = field(default_factory=list)

    def __post_init__(self) -> None:
        # one article per id: the same file given twice is one article
        seen: dict[str, ArticleResult] = {}
        for r in self.results:
            seen.setdefault(r.article.id, r)
        self.results = list(seen.values())
        self.articles = [r.article for r in self.results]

    @property
    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @property
    def sentences(self) -> dict[str, list[tuple[int, int]]]:
        return {r.article.id: r.sentences for r in self.results}

    def by_story(self, items: Sequence[R]) -> dict[str, list[R]]:
        """``items`` (quotes or claims) of each story's articles, indexed once: a story's comparison
        and brief read only its own, so their cost follows the story's size, not the corpus's."""
        story_of = {aid: s.id for s in self.stories for aid in s.article_ids}
        out: dict[str, list[R]] = {s.id: [] for s in self.stories}
        for item in items:
            sid = story_of.get(item.span.article_id)  # type: ignore[attr-defined]
            if sid is not None:
                out[sid].append(item)
        return out

    def entity_of(self, article_id: str, start: int, end: int) -> str:
        return self.index[(article_id, start, end)]

    def degrade(self, what: str, fallback: T, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)``, or ``fallback`` and one error line when an optional step fails."""
        try:
            return fn(*args)
        except Exception as e:  # noqa: BLE001 - an optional stage must not cost the corpus
            self.errors.append(one_line(f"{what}: {type(e).__name__}: {e}"))
            return fallback

    def corpus(self) -> Corpus:
        return Corpus(articles=self.articles, entities=self.entities, quotes=self.quotes,
                      times=[t for r in self.results for t in r.times], events=self.events,
                      claims=[c for r in self.results for c in r.claims], stories=self.stories,
                      briefs=self.briefs, quoted_terms=[t for r in self.results for t in r.quoted_terms])


CORPUS_STAGES: Registry[CorpusState] = Registry("corpus")


@CORPUS_STAGES.stage("duplicates")
def duplicates(st: CorpusState) -> None:
    """Exact copies, near copies and rewrites of one text marked as such."""
    marked = {a.id: a for a in st.degrade("duplicate detection failed, no duplicates marked", st.articles,
                                          find_duplicates, st.articles)}
    for r in st.results:
        r.article = marked[r.article.id]
    st.articles = [r.article for r in st.results]


@CORPUS_STAGES.stage("entities", required=True)
def entities(st: CorpusState) -> None:
    """Mentions canonicalised across articles into entities; quotes linked to their speaker's entity."""
    kb = st.degrade(f"{st.kb_path}: knowledge base not used", None, load_kb, st.kb_path) if st.kb_path else None
    st.entities, st.index = canonicalize((m for r in st.results for m in r.mentions), st.articles, kb)
    ent_by_id = {e.id: e for e in st.entities}
    st.quotes = []
    for r in st.results:
        for q in r.quotes:
            sp = q.speaker_span
            eid = st.index.get((sp.article_id, sp.start, sp.end)) if sp else None
            if eid:
                q = q.model_copy(update={"speaker_entity": eid, "speaker": ent_by_id[eid].name})
            st.quotes.append(q)


@CORPUS_STAGES.stage("quote_groups")
def quote_groups(st: CorpusState) -> None:
    """The same quote in several outlets grouped as one (quote groups)."""
    st.quotes = st.degrade("quote grouping failed, quotes are not grouped", st.quotes, group_quotes, st.quotes)


@CORPUS_STAGES.stage("stories", required=True)
def stories(st: CorpusState) -> None:
    """Articles clustered into stories (extending the previous run's); undated articles placed in time."""
    signals = {r.article.id: Signals(
        entity_ids=frozenset(st.entity_of(m.span.article_id, m.span.start, m.span.end) for m in r.mentions
                             if m.label in ("PERSON", "ORG", "GPE", "LOC")),
        names=name_counts((m.resolved_to or m.span.text, m.label) for m in r.mentions),
        days=tuple(t.value for t in r.times if t.granularity == "day" and t.value and t.kind == "date"))
        for r in st.results}
    st.stories = cluster_stories(st.articles, signals, st.story_state)
    _place_undated(st.results, st.stories)
    st.articles = [r.article for r in st.results]
    # each story's comparison and brief see the entities its articles mention (and its speakers),
    # not the whole corpus's: per story cost then follows the story's size, not the corpus's
    ent_by_id = {e.id: e for e in st.entities}
    eids_of = {r.article.id: {st.entity_of(m.span.article_id, m.span.start, m.span.end) for m in r.mentions}
               for r in st.results}
    speakers_of: dict[str, set[str]] = {}
    for q in st.quotes:
        if q.speaker_entity:
            speakers_of.setdefault(q.span.article_id, set()).add(q.speaker_entity)
    for s in st.stories:
        ids = set().union(*(eids_of.get(a, set()) | speakers_of.get(a, set()) for a in s.article_ids))
        st.story_entities[s.id] = {eid: ent_by_id[eid] for eid in sorted(ids) if eid in ent_by_id}


@CORPUS_STAGES.stage("events")
def events(st: CorpusState) -> None:
    """Dated events and each story's timeline."""
    story_of = {aid: s.id for s in st.stories for aid in s.article_ids}
    facts = [ArticleFacts(r.article, r.sentences, r.times,
                          [(m.span.start, m.span.end, st.entity_of(m.span.article_id, m.span.start, m.span.end))
                           for m in r.mentions]) for r in st.results if not r.article.duplicate_of]
    st.events = st.degrade("event building failed, no events or timelines", [], build_events, facts, story_of)
    st.stories = [s.model_copy(update={"timeline": sorted((e for e in st.events if e.story_id == s.id),
                                                          key=lambda e: e.date or "")}) for s in st.stories]


@CORPUS_STAGES.stage("comparison")
def comparison(st: CorpusState) -> None:
    """Per story: what the sources agree on, conflict on and update; framing; voices; coverage."""
    by_id, sentences = st.by_id, st.sentences
    quotes, claims = st.by_story(st.quotes), st.by_story([c for r in st.results for c in r.claims])
    st.stories = [s.model_copy(update={"comparison": st.degrade(
        f"story {s.id}: comparison failed", Comparison(), compare_story, s, by_id, quotes[s.id], claims[s.id],
        s.timeline, sentences, st.story_entities[s.id])}) for s in st.stories]


@CORPUS_STAGES.stage("open_questions")
def questions(st: CorpusState) -> None:
    """Per story: hedged or unresolved statements the sources leave open."""
    by_id, sentences = st.by_id, st.sentences
    st.stories = [s.model_copy(update={"open_questions": st.degrade(
        f"story {s.id}: open questions failed", [], open_questions, [by_id[a] for a in s.article_ids], sentences)})
        for s in st.stories]


@CORPUS_STAGES.stage("related")
def related(st: CorpusState) -> None:
    """Stories of one thread kept apart (day two, a follow-up weeks later): linked, not merged."""
    mentions_of = {r.article.id: [(m.span.start, m.span.end, st.entity_of(m.span.article_id, m.span.start, m.span.end))
                                  for m in r.mentions] for r in st.results}
    st.stories = st.degrade("related stories failed, stories are not linked", st.stories,
                            related_stories, st.stories, st.by_id, mentions_of, {e.id: e for e in st.entities})


@CORPUS_STAGES.stage("briefs")
def briefs(st: CorpusState) -> None:
    """A cited brief per story."""
    by_id, sentences = st.by_id, st.sentences
    quotes, claims = st.by_story(st.quotes), st.by_story([c for r in st.results for c in r.claims])
    for s in st.stories:
        b = st.degrade(f"story {s.id}: no brief", None,
                       build_brief, s, by_id, sentences, quotes[s.id], st.story_entities[s.id], claims[s.id])
        if b is not None:
            st.briefs.append(b)


def _place_undated(results: list[ArticleResult], stories: list[Story]) -> None:
    """Undated articles take their story's dates as a likely window (``published_estimate.mates``);
    one narrow enough anchors their relative dates, flagged ``anchor_estimated``. Entries of
    ``results`` are replaced, not changed: the caller's per-article results stay as extracted (they
    are saved for ``--extend-stories``, where the article may land in another story)."""
    at = {r.article.id: i for i, r in enumerate(results)}
    for s in stories:
        members = [results[at[a]] for a in s.article_ids if a in at]
        dated = {r.article.id: d for r in members if (d := parse_anchor(r.article.published))}
        for r in members:
            if r.article.published:
                continue
            est = with_mates(r.article.published_estimate, dated)
            if est is r.article.published_estimate:
                continue
            article = r.article.model_copy(update={"published_estimate": est})
            anchor = anchor_of(est)
            times: list[TimeExpr] = reanchor(article, r.times, anchor) if anchor is not None else r.times
            results[at[article.id]] = dataclasses.replace(r, article=article, times=times)
