"""The records every stage exchanges, and the export contract of ``analysis.json``.

Every extracted thing points at its evidence through :class:`Span` (character offsets into an
article's *cleaned* text). A span whose text is not ``article.text[start:end]`` is a bug, and
:func:`check_spans` finds it, so no stage can silently emit unsupported output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# The export contract (analysis.json, the API, the DuckDB records) under semantic versioning: a new
# optional field is a minor version, a removed, renamed or retyped field a major one. Each version's
# changes are listed in the README ("Schema versions").
SCHEMA_VERSION = "1.2.0"

PublishedSource = Literal["metadata", "dateline", "published_line", "text", "url", "unknown"]
QuoteKind = Literal["direct", "partial", "indirect"]
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "interval", "unknown"]


class Record(BaseModel):
    """Base for records: strict field names (they are a public API), no silent extras."""

    model_config = ConfigDict(extra="forbid")


class SpanError(ValueError):
    """A span does not match the text it claims to quote: a bug in the stage that made it."""


class Span(Record):
    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise SpanError(f"span end {self.end} < start {self.start} in {self.article_id}")
        if len(self.text) != self.end - self.start:
            raise SpanError(
                f"span text length {len(self.text)} != end-start {self.end - self.start} "
                f"in {self.article_id}"
            )
        return self


class RemovedLine(Record):
    """A line the cleaner dropped, kept so a user can audit every removal."""

    text: str
    reason: str
    line_no: int | None = None


class Provenance(Record):
    translated_by: str | None = None
    original_language: str | None = None
    syndicated_from: str | None = None
    original_url: str | None = None
    credits: list[str] = Field(default_factory=list)


class ParagraphLanguage(Record):
    """Language of one paragraph of the cleaned text (offsets into ``Article.text``)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    language: str | None = None
    score: float = 0.0


class PublishedEstimate(Record):
    """When an undated article was published, as far as its own text (and its story mates) tell.

    A window, never a guess shown as a date: ``earliest``/``latest`` are ISO dates, either may be
    None (open). ``basis`` are the words that set the bounds ("in May 2005" reported as past bounds
    it from below; "the vote on 15 December 2013 will" from above); ``mates`` are dated articles of
    the same story whose dates narrowed it."""

    earliest: str | None = None
    latest: str | None = None
    basis: list[Span] = Field(default_factory=list)
    mates: list[str] = Field(default_factory=list)


class Article(Record):
    id: str
    source: str
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: PublishedSource = "unknown"
    published_estimate: PublishedEstimate | None = None  # only when ``published`` is None
    language: str | None = None
    text: str
    removed: list[RemovedLine] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    duplicate_of: str | None = None
    rewrite_of: str | None = None
    rewrite_overlap: float | None = None
    quality: list[str] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    paragraph_languages: list[ParagraphLanguage] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """Who published it, for people: the outlet, or the source's file name when none is known
        (an undated paste in a folder reads "report-3.txt", not "/home/me/news/report-3.txt")."""
        return self.outlet or self.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or self.source

    def span(self, start: int, end: int) -> Span:
        """The one way stages make spans: the text is sliced, never retyped."""
        if not (0 <= start <= end <= len(self.text)):
            raise SpanError(f"offsets {start}:{end} outside article {self.id} (len {len(self.text)})")
        return Span(article_id=self.id, start=start, end=end, text=self.text[start:end])


class Mention(Record):
    """One surface occurrence of a name, before cross-document canonicalization."""

    span: Span
    label: str
    role: str | None = None
    resolved_to: str | None = None  # full-name text this short form refers to, within the article
    # how: 'surname' | 'honorific' | 'role' ('the expert') | 'title' (garbled surname with a title) |
    # 'given name' | 'garbled surname' (untitled, right after the one person with a similar surname)
    resolved_by: str | None = None


class Entity(Record):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    kb_id: str | None = None
    # spellings joined only through a garbled (similar, not equal) surname and supporting context, so a
    # reader can weigh them: [{"alias": "Anna Kowalchek", "why": "...", "confidence": 0.8}]
    merges: list[dict[str, Any]] = Field(default_factory=list)


class Quote(Record):
    id: str
    span: Span
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_entity: str | None = None
    cue: str | None = None
    confidence: float = 0.0
    group_id: str | None = None  # the same quote as reported by other outlets shares this id
    # no one person named: the words that describe who speaks ("two officials", "freight companies")
    source: Span | None = None
    # whom the speaker characterises: "X accused Y of arguing that ...", "X claimed that Y wants ..."
    # report X's reading of Y (speaker X, about Y), never Y's own words
    about: str | None = None


class QuotedTerm(Record):
    """Quotation marks that are not speech: a scare quote, a title or name, a headline quote.
    Kept (not dropped) because they are framing evidence."""

    id: str
    span: Span
    text: str
    kind: Literal["scare", "title", "headline", "term"]


class TimeExpr(Record):
    id: str
    span: Span
    value: str | None  # ISO date / week / month / interval; None when it cannot be anchored
    anchor: str | None  # the publish date used; None means unanchored, never "today"
    granularity: Granularity
    kind: Literal["date", "interval", "duration"] = "date"  # a duration ("P3D") needs no anchor
    mod: str | None = None  # TIMEX3-style part: START ("early March"), MID, END ("late last year")
    end: str | None = None  # last day/month of an interval; value is then "start/end"
    tense: str | None = None  # past | present | future: the clause reading that set the direction
    anchor_estimated: bool = False  # anchored to an estimated publish date (Article.published_estimate)


class Event(Record):
    id: str
    date: str | None
    description: str
    entities: list[str] = Field(default_factory=list)
    place: str | None = None
    status: Literal["happened", "planned", "changed", "cancelled", "unknown"] = "unknown"
    evidence: list[Span] = Field(default_factory=list)
    story_id: str | None = None
    action: str | None = None  # what happens (meet, vote, hearing, statement...): merges reports
    revises: str | None = None  # id of the earlier-reported plan this report changes ("postponed to")
    conflicts: list[str] = Field(default_factory=list)  # same happening reported on other dates
    # every report dates it only through a relative expression ("on Monday") resolved against an
    # estimated publication date (TimeExpr.anchor_estimated): a likely date, shown as such
    date_estimated: bool = False


class Claim(Record):
    id: str
    span: Span
    subject: str | None
    value: float | None
    unit: str | None
    approx: bool = False
    hedged: bool = False
    qualifier: str | None = None  # approx | max ("up to") | min ("more than") | range
    low: float | None = None  # lower bound of a range or of "more than N"
    high: float | None = None  # upper bound of a range or of "up to N"
    total: float | None = None  # the whole in "18 out of 27 member states"
    # the verb (or noun) the counted phrase belongs to, as written ("killing" 10 people, 10 people were
    # "killed", a "force" of 10,000 troops): what happened to what is counted; None without a parse
    role: str | None = None


class Evidenced(Record):
    """A comparison item or an open question: a statement plus the spans it rests on."""

    text: str
    evidence: list[Span] = Field(default_factory=list)
    kind: str | None = None
    outlets: list[str] = Field(default_factory=list)


class ClaimRow(Record):
    """One main claim of a story and where each outlet stands on it (outlet names in each list)."""

    text: str
    evidence: list[Span] = Field(default_factory=list)
    kind: str | None = None
    support: list[str] = Field(default_factory=list)
    contradict: list[str] = Field(default_factory=list)
    omit: list[str] = Field(default_factory=list)


class Comparison(Record):
    claims: list[ClaimRow] = Field(default_factory=list)
    agreements: list[Evidenced] = Field(default_factory=list)
    conflicts: list[Evidenced] = Field(default_factory=list)
    updates: list[Evidenced] = Field(default_factory=list)
    framing: list[Evidenced] = Field(default_factory=list)
    voices: list[Evidenced] = Field(default_factory=list)
    gaps: list[Evidenced] = Field(default_factory=list)


class RelatedStory(Record):
    """Another story of the same thread (the next day of a scandal, a second event with the same
    people, a follow-up the time decay split off): linked, not merged. ``why`` is a short reason for
    a reader; ``evidence`` are spans in member articles of *both* stories that show the link (the
    shared names, the shared key words); ``title`` is the other story's title when linked."""

    story_id: str
    title: str = ""
    why: str
    evidence: list[Span] = Field(default_factory=list)
    score: float | None = None


class Story(Record):
    id: str
    title: str
    article_ids: list[str]
    first_seen: str | None = None
    last_seen: str | None = None
    timeline: list[Event] = Field(default_factory=list)
    comparison: Comparison = Field(default_factory=Comparison)
    open_questions: list[Evidenced] = Field(default_factory=list)
    copies: dict[str, str] = Field(default_factory=dict)  # copy article id -> original id
    kind: Literal["event", "roundup"] = "event"  # roundup: a digest page covering several stories
    related: list[RelatedStory] = Field(default_factory=list)  # best first (stories/related.py)


class KeyNumber(Record):
    """One figure of a brief's key-numbers panel (section ``key_numbers``): the value most outlets
    give, its unit, what it counts (the comparison's quantity class: "people", "troops"), the
    outlets giving it and those giving another value for the same measure."""

    value: float
    unit: str | None = None
    counts: str
    outlets: list[str] = Field(default_factory=list)
    disputed_by: list[str] = Field(default_factory=list)


class BriefSentence(Record):
    """One line of a brief. ``section``: changes (after ``--extend-stories``: new articles and new
    summary points since the previous brief of the same story id), summary, key_numbers, first_report, timeline, quotes,
    differences, voices, headlines, open_questions, overview. A headlines line gives an outlet's
    headline (article metadata) and cites the lead sentence under it."""

    text: str
    citations: list[Span]
    section: str = "summary"
    # a sentence that names a speaker: the attribution confidence of its quote (the best of the
    # outlets' copies); below Settings.speaker_sure the text says "attributed to … (uncertain)"
    speaker_confidence: float | None = None
    key_number: KeyNumber | None = None  # only in section key_numbers: the figure, structured


class Brief(Record):
    story_id: str
    headline: str
    sentences: list[BriefSentence]
    markdown: str = ""
    # the story's related stories, shown as a plain list: not brief sentences, so not cited claims
    related: list[RelatedStory] = Field(default_factory=list)


class Corpus(Record):
    """Everything ``analyze`` produced; serialized as ``analysis.json``."""

    schema_version: str = SCHEMA_VERSION
    articles: list[Article] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    briefs: list[Brief] = Field(default_factory=list)
    quoted_terms: list[QuotedTerm] = Field(default_factory=list)
    # one line per failed input, then those of the corpus stages (an article dropped, a stage
    # degraded): callers add the input errors in front, never replace the list
    errors: list[str] = Field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def iter_spans(obj: Any) -> Iterator[Span]:
    """Every Span reachable from a record, however deeply nested."""
    if isinstance(obj, Span):
        yield obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from iter_spans(getattr(obj, name))
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from iter_spans(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from iter_spans(v)


def check_spans(articles: Iterable[Article], records: Iterable[Any]) -> list[str]:
    """Problems with spans in ``records``: unknown article or text that is not the slice it claims."""
    texts = {a.id: a.text for a in articles}
    problems = []
    for span in iter_spans(list(records)):
        text = texts.get(span.article_id)
        if text is None:
            problems.append(f"span points at unknown article {span.article_id}")
        elif text[span.start : span.end] != span.text:
            problems.append(
                f"span {span.article_id}[{span.start}:{span.end}] says {span.text[:40]!r} "
                f"but the article has {text[span.start:span.end][:40]!r}"
            )
    return problems


def validate_corpus(corpus: Corpus) -> None:
    """Raise SpanError if any span in the corpus is not the article text it claims to be."""
    problems = check_spans(
        corpus.articles,
        [corpus.entities, corpus.quotes, corpus.times, corpus.events, corpus.claims,
         corpus.stories, corpus.briefs, corpus.quoted_terms],
    )
    if problems:
        raise SpanError(f"{len(problems)} invalid spans; first: {problems[0]}")


def drop_invalid_spans(corpus: Corpus) -> list[str]:
    """Remove from ``corpus`` (in place) each record that holds a span that is not its article's text
    -- the smallest one: a citation's sentence, a comparison item, a mention of an entity, else the
    quote, time or claim itself -- and return one error line per removal, naming the article's
    source. The rest of the corpus stays: one stage's bug in one article costs that record only."""
    texts = {a.id: a.text for a in corpus.articles}
    sources = {a.id: a.source for a in corpus.articles}
    errors: list[str] = []

    def problem(span: Span) -> str | None:
        text = texts.get(span.article_id)
        if text is None:
            return f"span points at unknown article {span.article_id}"
        if text[span.start : span.end] != span.text:
            return f"span [{span.start}:{span.end}] says {span.text[:40]!r} but the article has {text[span.start:span.end][:40]!r}"
        return None

    def drop(kind: str, span: Span, why: str) -> None:
        errors.append(f"{sources.get(span.article_id, span.article_id)}: dropped a {kind}: {why}".splitlines()[0])

    def prune(obj: Any) -> tuple[Any, tuple[Span, str] | None]:
        """(the record without inner records that hold bad spans, the bad span that sinks the record itself)."""
        if isinstance(obj, Span):
            why = problem(obj)
            return obj, ((obj, why) if why else None)
        if isinstance(obj, BaseModel):
            update = {}
            for name in type(obj).model_fields:
                value = getattr(obj, name)
                new, bad = prune(value)
                if bad is not None:
                    return obj, bad
                if new is not value:
                    update[name] = new
            return (obj.model_copy(update=update) if update else obj), None
        if isinstance(obj, (list, dict)):
            kept: dict[Any, Any] = {}
            changed = False
            for k, v in (obj.items() if isinstance(obj, dict) else enumerate(obj)):
                new, bad = prune(v)
                if bad is not None:
                    drop(type(v).__name__, *bad)
                    changed = True
                    continue
                changed |= new is not v
                kept[k] = new
            if not changed:
                return obj, None
            return (kept if isinstance(obj, dict) else list(kept.values())), None
        return obj, None

    for name in ("entities", "quotes", "times", "events", "claims", "stories", "briefs", "quoted_terms"):
        records = getattr(corpus, name)
        new, _ = prune(records)
        if new is not records:
            setattr(corpus, name, new)
    return errors
