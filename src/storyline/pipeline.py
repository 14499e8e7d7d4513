"""Stage order: per-article stages (parallel, pure) then corpus stages (need all articles).

Per-article: build article (clean, metadata) -> language -> spaCy once -> mentions -> quotes ->
times -> claims. Corpus: duplicates -> canonical entities -> speaker links -> stories -> events and
timelines -> comparison and open questions -> related stories -> briefs -> span validation.

Nothing lost: one bad record never costs the batch. Every exception inside one article's stages
becomes that article's one-line error. In the corpus stages, an optional stage that fails (duplicate
detection, quote groups, events, one story's comparison or brief) degrades with one error line; a
failure of the stages every article needs (entities, stories) is traced to the articles that fail
on their own, which are dropped with an error line each, and the rest is analysed again. A record
with a span that is not its article's text is dropped alone (``model.drop_invalid_spans``).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .model import (Article, Brief, Claim, Comparison, Corpus, Entity, Mention, Quote, QuotedTerm, Story,
                    TimeExpr, drop_invalid_spans)
from .ingest.readers import RawDoc, ReadError, read_inputs
from .text.sentences import split_paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .stories.state import ClusterState


@dataclass
class ArticleResult:
    """Everything the per-article stages produce for one article (crosses the process boundary)."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quoted_terms: list[QuotedTerm] = field(default_factory=list)


_MODEL: str | None = None


def save_results(results: Sequence[ArticleResult], path: str | Path) -> None:
    """Per-article results as JSON lines, so a later ``--extend-stories`` run can rebuild the corpus
    stages over earlier and new articles without the earlier inputs at hand."""
    from pydantic import TypeAdapter

    adapter = TypeAdapter(ArticleResult)
    with open(path, "wb") as f:
        for r in results:
            f.write(adapter.dump_json(r) + b"\n")


def load_results(path: str | Path) -> list[ArticleResult]:
    from pydantic import TypeAdapter

    adapter = TypeAdapter(ArticleResult)
    with open(path, "rb") as f:
        return [adapter.validate_json(line) for line in f if line.strip()]


def _init_worker(model: str) -> Callable[[], None]:
    def init() -> None:
        global _MODEL
        _MODEL = model
        from .nlp.spacy_pipeline import load

        load(model)

    return init


@contextmanager
def _timed(timings: dict[str, float] | None, stage: str) -> Iterator[None]:
    """Accumulate a stage's wall time into ``timings`` (the throughput benchmark's breakdown)."""
    if timings is None:
        yield
        return
    t0 = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - t0


def _prepare(doc: RawDoc, timings: dict[str, float] | None = None) -> Article:
    """Clean text and metadata, then language: everything before spaCy."""
    from .ingest.article import build_article
    from .nlp.language import detect_language

    with _timed(timings, "ingest"):
        article = build_article(doc)
    with _timed(timings, "language"):
        if not article.language:
            lang, _ = detect_language(article.text)
            article = article.model_copy(update={"language": lang})
    return article


def _finish(article: Article, sdoc: Doc, timings: dict[str, float] | None = None) -> ArticleResult:
    """Every stage that reads the spaCy Doc."""
    from .entities.mentions import extract_mentions
    from .quotes.detect import extract_quotes_and_terms
    from .time.claims import extract_claims
    from .time.estimate import estimate_published
    from .time.expressions import extract_times

    with _timed(timings, "spacy"):
        sentences = split_paragraphs(article.text, [(s.start_char, s.end_char) for s in sdoc.sents])
    with _timed(timings, "mentions"):
        mentions = extract_mentions(article, sdoc)
    with _timed(timings, "quotes"):
        quotes, quoted_terms = extract_quotes_and_terms(article, mentions, sdoc)
    with _timed(timings, "times"):
        times = extract_times(article, sdoc)
    if not article.published:
        article = article.model_copy(update={"published_estimate": estimate_published(times, sdoc)})
    with _timed(timings, "claims"):
        claims = extract_claims(article, [(t.span.start, t.span.end) for t in times if t.kind != "duration"], sdoc)
    return ArticleResult(article, mentions, quotes, times, claims, sentences, quoted_terms)


def analyze_one(doc: RawDoc, model: str, timings: dict[str, float] | None = None) -> ArticleResult:
    """All per-article stages for one input; raises ReadError for input that is not an article."""
    from .nlp.spacy_pipeline import annotate

    article = _prepare(doc, timings)
    with _timed(timings, "spacy"):
        sdoc = annotate(article.text, model)
    return _finish(article, sdoc, timings)


def _one_line(message: str) -> str:
    from .ingest.sanitize import valid_unicode

    return valid_unicode(" ".join(message.split()))[:500]


def _failure(doc: RawDoc, e: Exception) -> str:
    if isinstance(e, ReadError):
        return _one_line(str(e))
    return _one_line(f"{doc.source}: {type(e).__name__}: {e}")  # one line, naming the input


def analyze_batch(docs: Sequence[RawDoc], model: str) -> list[ArticleResult | str]:
    """Per-article stages for a few inputs at once, spaCy batched over them (``nlp.pipe`` is ~13 %
    faster than one call per text). A failing input becomes its one-line error; the rest go on."""
    from .nlp.spacy_pipeline import annotate_many

    out: list[ArticleResult | str] = []
    ready: list[tuple[int, Article]] = []
    for doc in docs:
        try:
            ready.append((len(out), _prepare(doc)))
            out.append("")
        except Exception as e:  # one bad article must not stop the batch
            out.append(_failure(doc, e))
    try:
        sdocs = annotate_many([a.text for _, a in ready], model)
    except Exception:  # e.g. memory on one huge text: fall back to one at a time, to name the culprit
        sdocs = []
    for k, (i, article) in enumerate(ready):
        try:
            out[i] = _finish(article, sdocs[k] if sdocs else annotate_many([article.text], model)[0])
        except Exception as e:
            out[i] = _failure(docs[i], e)
    return out


def _task(chunk: list[tuple[int, RawDoc]]) -> list[tuple[int, ArticleResult | str]]:
    results = analyze_batch([doc for _, doc in chunk], _MODEL or Settings().spacy_model)
    return [(i, r) for (i, _), r in zip(chunk, results, strict=True)]


def _chunks(items: list[tuple[int, RawDoc]], workers: int, most: int = 8) -> list[list[tuple[int, RawDoc]]]:
    """Chunks small enough that every worker gets several (load balance), large enough to batch."""
    size = max(1, min(most, -(-len(items) // (max(1, workers) * 4))))
    return [items[k:k + size] for k in range(0, len(items), size)]


def run_article_stages(docs: Sequence[RawDoc], settings: Settings,
                       progress: Callable[[int], None] | None = None,
                       cache_dir: str | Path | None = None) -> tuple[list[ArticleResult], list[str]]:
    """Per-article stages in a process pool; with ``cache_dir``, unchanged inputs are not re-analysed."""
    from .engine.cache import ResultCache, doc_key
    from .engine.local import run_local
    from .engine.rehome import rehome

    cache = ResultCache(cache_dir) if cache_dir else None
    keys = [doc_key(d, settings.spacy_model) for d in docs] if cache else []
    results: dict[int, ArticleResult | str] = {}
    todo = []
    for i, doc in enumerate(docs):
        hit = cache.get(keys[i]) if cache else None
        if isinstance(hit, ArticleResult):
            results[i] = rehome(hit, doc.source)
            if progress:
                progress(1)
        else:
            todo.append((i, doc))
    if settings.executor == "ray":
        from .engine.ray_executor import run_ray

        chunks = run_ray(_task, _chunks(todo, settings.workers), settings.workers,
                         _init_worker(settings.spacy_model), settings.ray_address)
    else:
        chunks = run_local(_task, _chunks(todo, settings.workers), settings.workers,
                           _init_worker(settings.spacy_model))
    for i, res in (pair for chunk in chunks for pair in chunk):
        results[i] = res
        if cache and isinstance(res, ArticleResult):
            try:
                cache.put(keys[i], res)
            except Exception:  # noqa: BLE001 - a cache that cannot be written costs speed, not the article
                pass
        if progress:
            progress(1)
    ok = [r for _, r in sorted(results.items()) if isinstance(r, ArticleResult)]
    errors = [r for _, r in sorted(results.items()) if isinstance(r, str)]
    return ok, errors


def run_corpus_stages(results: list[ArticleResult], kb_path: str | None = None,
                      story_state: ClusterState | None = None) -> Corpus:
    """``story_state``: stories of an earlier run to extend (updated in place); None starts afresh.

    Never raises for one weird article: see the module docstring. Errors go to ``corpus.errors``
    (kept when a caller sets the input errors afterwards)."""
    errors: list[str] = []
    results = list(results)
    snapshot = copy.deepcopy(story_state) if story_state is not None else None
    try:
        corpus = _corpus_stages(results, kb_path, story_state, errors)
    except Exception as e:  # noqa: BLE001 - find the article(s) involved instead of losing the batch
        _restore(story_state, snapshot)
        kept = []
        for r in results:
            try:
                _corpus_stages([r], kb_path, None, [])
                kept.append(r)
            except Exception as alone:  # noqa: BLE001
                errors.append(_one_line(f"{r.article.source}: dropped in the corpus stages: "
                                        f"{type(alone).__name__}: {alone}"))
        try:
            if len(kept) == len(results):
                raise e
            corpus = _corpus_stages(kept, kb_path, story_state, errors)
        except Exception as again:  # noqa: BLE001 - only together do they fail: keep the articles
            _restore(story_state, snapshot)
            errors.append(_one_line(f"corpus stages failed ({type(again).__name__}: {again}); "
                                    "articles are kept without entities, stories or briefs"))
            corpus = Corpus(articles=[r.article for r in kept],
                            times=[t for r in kept for t in r.times], claims=[c for r in kept for c in r.claims])
    errors += drop_invalid_spans(corpus)
    corpus.errors.extend(e for e in errors if e not in corpus.errors)
    return corpus


def _restore(state: ClusterState | None, snapshot: ClusterState | None) -> None:
    """Undo what a failed attempt did to the story state it updates in place."""
    if state is not None and snapshot is not None:
        state.__dict__.update(copy.deepcopy(snapshot).__dict__)


def _degrade(errors: list[str], what: str, fallback, fn, *args):  # type: ignore[no-untyped-def]
    """``fn(*args)``, or ``fallback`` and one error line when an optional stage fails."""
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001 - an optional stage must not cost the corpus
        errors.append(_one_line(f"{what}: {type(e).__name__}: {e}"))
        return fallback


def _corpus_stages(results: list[ArticleResult], kb_path: str | None, story_state: ClusterState | None,
                   errors: list[str]) -> Corpus:
    from .brief.build import build_brief
    from .compare.compare import compare_story
    from .compare.questions import open_questions
    from .entities.canonical import canonicalize
    from .ingest.dedup import find_duplicates
    from .stories.cluster import cluster_stories
    from .stories.features import Signals
    from .stories.participants import name_counts
    from .stories.related import related_stories
    from .time.events import ArticleFacts, build_events

    # one article per id: the same file given twice is one article
    seen: dict[str, ArticleResult] = {}
    for r in results:
        seen.setdefault(r.article.id, r)
    results = list(seen.values())
    plain = [r.article for r in results]
    articles = _degrade(errors, "duplicate detection failed, no duplicates marked", plain, find_duplicates, plain)
    by_id = {a.id: a for a in articles}
    for r in results:
        r.article = by_id[r.article.id]

    from .entities.kb import load_kb

    kb = _degrade(errors, f"{kb_path}: knowledge base not used", None, load_kb, kb_path) if kb_path else None
    entities, index = canonicalize((m for r in results for m in r.mentions), articles, kb)
    ent_by_id = {e.id: e for e in entities}
    quotes = []
    for r in results:
        for q in r.quotes:
            eid = index.get((q.speaker_span.article_id, q.speaker_span.start, q.speaker_span.end)) if q.speaker_span else None
            if eid:
                q = q.model_copy(update={"speaker_entity": eid, "speaker": ent_by_id[eid].name})
            quotes.append(q)
    from .quotes.grouping import group_quotes

    # the same quote in several outlets shares a group_id
    quotes = _degrade(errors, "quote grouping failed, quotes are not grouped", quotes, group_quotes, quotes)

    signals = {r.article.id: Signals(
        entity_ids=frozenset(index[(m.span.article_id, m.span.start, m.span.end)] for m in r.mentions
                             if m.label in ("PERSON", "ORG", "GPE", "LOC")),
        names=name_counts((m.resolved_to or m.span.text, m.label) for m in r.mentions),
        days=tuple(t.value for t in r.times if t.granularity == "day" and t.value and t.kind == "date"))
        for r in results}
    stories = cluster_stories(articles, signals, story_state)
    _place_undated(results, stories)
    articles = [r.article for r in results]
    by_id = {a.id: a for a in articles}
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    sentences = {r.article.id: r.sentences for r in results}
    facts = [ArticleFacts(r.article, r.sentences, r.times,
                          [(m.span.start, m.span.end, index[(m.span.article_id, m.span.start, m.span.end)])
                           for m in r.mentions]) for r in results if not r.article.duplicate_of]
    events = _degrade(errors, "event building failed, no events or timelines", [], build_events, facts, story_of)
    claims = [c for r in results for c in r.claims]
    # each story's comparison and brief see the entities its articles mention (and its speakers),
    # not the whole corpus's: per story cost then follows the story's size, not the corpus's
    eids_of: dict[str, set[str]] = {r.article.id: {index[(m.span.article_id, m.span.start, m.span.end)]
                                                   for m in r.mentions} for r in results}
    speakers_of: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker_entity:
            speakers_of.setdefault(q.span.article_id, set()).add(q.speaker_entity)
    story_entities: dict[str, dict[str, Entity]] = {}
    finished: list[Story] = []
    for s in stories:
        ids = set().union(*(eids_of.get(a, set()) | speakers_of.get(a, set()) for a in s.article_ids))
        story_entities[s.id] = {eid: ent_by_id[eid] for eid in sorted(ids) if eid in ent_by_id}
        timeline = sorted((e for e in events if e.story_id == s.id), key=lambda e: e.date or "")
        s = s.model_copy(update={"timeline": timeline})
        comp = _degrade(errors, f"story {s.id}: comparison failed", Comparison(),
                        compare_story, s, by_id, quotes, claims, timeline, sentences, story_entities[s.id])
        oq = _degrade(errors, f"story {s.id}: open questions failed", [],
                      open_questions, [by_id[a] for a in s.article_ids], sentences)
        finished.append(s.model_copy(update={"comparison": comp, "open_questions": oq}))
    # stories of one thread kept apart (day two, a follow-up weeks later): linked, not merged
    mentions_of = {r.article.id: [(m.span.start, m.span.end, index[(m.span.article_id, m.span.start, m.span.end)])
                                  for m in r.mentions] for r in results}
    finished = _degrade(errors, "related stories failed, stories are not linked", finished,
                        related_stories, finished, by_id, mentions_of, ent_by_id)
    briefs: list[Brief] = []
    for s in finished:
        b = _degrade(errors, f"story {s.id}: no brief", None,
                     build_brief, s, by_id, sentences, quotes, story_entities[s.id], claims)
        if b is not None:
            briefs.append(b)
    return Corpus(articles=articles, entities=entities, quotes=quotes,
                  times=[t for r in results for t in r.times], events=events, claims=claims,
                  stories=finished, briefs=briefs,
                  quoted_terms=[t for r in results for t in getattr(r, "quoted_terms", [])])


def _place_undated(results: list[ArticleResult], stories: list[Story]) -> None:
    """Undated articles take their story's dates as a likely window (``published_estimate.mates``);
    one narrow enough anchors their relative dates, flagged ``anchor_estimated``. Entries of
    ``results`` are replaced, not changed: the caller's per-article results stay as extracted (they
    are saved for ``--extend-stories``, where the article may land in another story)."""
    import dataclasses

    from .time.estimate import anchor_of, with_mates
    from .time.expressions import parse_anchor, reanchor

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
            times = reanchor(article, r.times, anchor) if anchor is not None else r.times
            results[at[article.id]] = dataclasses.replace(r, article=article, times=times)


def read_all(paths: Iterable[str | Path], allow_private: bool = False) -> tuple[list[RawDoc], list[str]]:
    docs, errors = [], []
    for item in read_inputs(paths, allow_private=allow_private):
        if isinstance(item, ReadError):
            errors.append(str(item))
        else:
            docs.append(item)
    return docs, errors

