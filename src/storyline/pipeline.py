"""Stage order: per-article stages (parallel, pure) then corpus stages (need all articles).

Per-article: build article (clean, metadata) -> language -> spaCy once -> the named per-article
stages (:mod:`storyline.article_stages`: sentences -> mentions -> quotes -> times -> estimate ->
claims). Corpus: the named corpus stages (:mod:`storyline.corpus_stages`: duplicates -> entities and
speaker links -> quote groups -> stories -> events and timelines -> comparison -> open questions ->
related stories -> briefs) -> span validation. Any stage not marked required can be skipped by name
(``Settings.skip``) or replaced (``ARTICLE_STAGES.replace`` / ``CORPUS_STAGES.replace``).

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

from pydantic import TypeAdapter

from .config import Settings
from .engine.cache import ResultCache, doc_key
from .engine.local import run_local
from .engine.rehome import rehome
from .model import Article, Claim, Corpus, Mention, Quote, QuotedTerm, TimeExpr, drop_invalid_spans
from .ingest.readers import RawDoc, ReadError, read_inputs
from .ingest.sanitize import one_line

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
_SKIP: frozenset[str] = frozenset()  # per-article stages to skip, set in each worker with the model


def save_results(results: Sequence[ArticleResult], path: str | Path) -> None:
    """Per-article results as JSON lines, so a later ``--extend-stories`` run can rebuild the corpus
    stages over earlier and new articles without the earlier inputs at hand."""
    adapter = TypeAdapter(ArticleResult)
    with open(path, "wb") as f:
        for r in results:
            f.write(adapter.dump_json(r) + b"\n")


def load_results(path: str | Path) -> list[ArticleResult]:
    adapter = TypeAdapter(ArticleResult)
    with open(path, "rb") as f:
        return [adapter.validate_json(line) for line in f if line.strip()]


# A short article that touches every per-article stage (a name with a title, a quote, a dated
# event, a number): analysed once when a worker starts, see _warm.
WARM_UP = ('The mayor of Lindhaven, Dr. Ana Kovic, said on Monday that "the bridge will reopen in '
           'March." She added that repairs had cost 4.2 million euros since January 2024.')


def _warm(model: str, skip: frozenset[str]) -> None:
    """Run the stages once on :data:`WARM_UP`, so the lazily built parts (the first-name dictionary,
    dateparser's locale data, lexicons and compiled patterns: ~2.5 s together) are built here. In
    the process pool this runs before the fork, so every worker starts with them in shared memory
    instead of each paying for them on its first article. A failure only costs that head start."""
    try:
        analyze_one(RawDoc("storyline:warm-up", WARM_UP, "text"), model, skip=skip)
    except Exception:  # noqa: BLE001 - warming is an optimisation, never a reason to fail a run
        pass


def _init_worker(model: str, skip: frozenset[str] = frozenset()) -> Callable[[], None]:
    def init() -> None:
        global _MODEL, _SKIP
        _MODEL, _SKIP = model, skip
        from .nlp.spacy_pipeline import load  # spaCy is imported where a model is loaded, never on import

        load(model)
        _warm(model, skip)

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
    from .ingest.article import build_article  # here, not on top: workers need it, `import storyline` not
    from .nlp.language import detect_language

    with _timed(timings, "ingest"):
        article = build_article(doc)
    with _timed(timings, "language"):
        if not article.language:
            lang, _ = detect_language(article.text)
            article = article.model_copy(update={"language": lang})
    return article


def _finish(article: Article, sdoc: Doc, timings: dict[str, float] | None = None,
            skip: frozenset[str] = frozenset()) -> ArticleResult:
    """Every stage that reads the spaCy Doc: the registered per-article stages, minus ``skip``."""
    from .article_stages import ARTICLE_STAGES, ArticleState  # here, not on top: only workers need the stages

    st = ARTICLE_STAGES.run(ArticleState(article, sdoc), skip, timings)
    return ArticleResult(st.article, st.mentions, st.quotes, st.times, st.claims, st.sentences, st.quoted_terms)


def analyze_one(doc: RawDoc, model: str, timings: dict[str, float] | None = None,
                skip: frozenset[str] = frozenset()) -> ArticleResult:
    """All per-article stages for one input; raises ReadError for input that is not an article."""
    from .nlp.spacy_pipeline import annotate  # spaCy: see _init_worker

    article = _prepare(doc, timings)
    with _timed(timings, "spacy"):
        sdoc = annotate(article.text, model)
    return _finish(article, sdoc, timings, skip)


def _one_line(message: str) -> str:
    return one_line(message)


def _failure(doc: RawDoc, e: Exception) -> str:
    if isinstance(e, ReadError):
        return _one_line(str(e))
    return _one_line(f"{doc.source}: {type(e).__name__}: {e}")  # one line, naming the input


def analyze_batch(docs: Sequence[RawDoc], model: str, skip: frozenset[str] = frozenset()) -> list[ArticleResult | str]:
    """Per-article stages for a few inputs at once, spaCy batched over them (``nlp.pipe`` is ~13 %
    faster than one call per text). A failing input becomes its one-line error; the rest go on."""
    from .nlp.spacy_pipeline import annotate_many  # spaCy: see _init_worker

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
            out[i] = _finish(article, sdocs[k] if sdocs else annotate_many([article.text], model)[0], skip=skip)
        except Exception as e:
            out[i] = _failure(docs[i], e)
    return out


def _task(chunk: list[tuple[int, RawDoc]]) -> list[tuple[int, ArticleResult | str]]:
    results = analyze_batch([doc for _, doc in chunk], _MODEL or Settings().spacy_model, _SKIP)
    return [(i, r) for (i, _), r in zip(chunk, results, strict=True)]


def _chunks(items: list[tuple[int, RawDoc]], workers: int, most: int = 8) -> list[list[tuple[int, RawDoc]]]:
    """Chunks small enough that every worker gets several (load balance), large enough to batch."""
    size = max(1, min(most, -(-len(items) // (max(1, workers) * 4))))
    return [items[k:k + size] for k in range(0, len(items), size)]


def run_article_stages(docs: Sequence[RawDoc], settings: Settings,
                       progress: Callable[[int], None] | None = None,
                       cache_dir: str | Path | None = None) -> tuple[list[ArticleResult], list[str]]:
    """Per-article stages in a process pool; with ``cache_dir``, unchanged inputs are not re-analysed."""

    cache = ResultCache(cache_dir) if cache_dir else None
    keys = [doc_key(d, settings.spacy_model, settings.skip) for d in docs] if cache else []
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
        from .engine.ray_executor import run_ray  # the optional 'ray' extra: imported only when chosen

        chunks = run_ray(_task, _chunks(todo, settings.workers), settings.workers,
                         _init_worker(settings.spacy_model, settings.skip), settings.ray_address)
    else:
        chunks = run_local(_task, _chunks(todo, settings.workers), settings.workers,
                           _init_worker(settings.spacy_model, settings.skip))
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
                      story_state: ClusterState | None = None, skip: frozenset[str] = frozenset(),
                      timings: dict[str, float] | None = None) -> Corpus:
    """``story_state``: stories of an earlier run to extend (updated in place); None starts afresh.
    ``skip``: corpus stages left out by name; ``timings``: wall seconds per stage are added there.

    Never raises for one weird article: see the module docstring. Errors go to ``corpus.errors``
    (kept when a caller sets the input errors afterwards)."""
    errors: list[str] = []
    results = list(results)
    snapshot = copy.deepcopy(story_state) if story_state is not None else None
    try:
        corpus = _corpus_stages(results, kb_path, story_state, errors, skip, timings)
    except Exception as e:  # noqa: BLE001 - find the article(s) involved instead of losing the batch
        _restore(story_state, snapshot)
        kept = []
        for r in results:
            try:
                _corpus_stages([r], kb_path, None, [], skip)
                kept.append(r)
            except Exception as alone:  # noqa: BLE001
                errors.append(_one_line(f"{r.article.source}: dropped in the corpus stages: "
                                        f"{type(alone).__name__}: {alone}"))
        try:
            if len(kept) == len(results):
                raise e
            corpus = _corpus_stages(kept, kb_path, story_state, errors, skip, timings)
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


def _corpus_stages(results: list[ArticleResult], kb_path: str | None, story_state: ClusterState | None,
                   errors: list[str], skip: frozenset[str] = frozenset(),
                   timings: dict[str, float] | None = None) -> Corpus:
    """The registered corpus stages (``corpus_stages.CORPUS_STAGES``) minus ``skip``."""
    from .corpus_stages import CORPUS_STAGES, CorpusState  # here, not on top: `import storyline` stays light

    state = CorpusState(list(results), kb_path, story_state, errors)
    return CORPUS_STAGES.run(state, skip, timings).corpus()


def read_all(paths: Iterable[str | Path], allow_private: bool = False) -> tuple[list[RawDoc], list[str]]:
    docs, errors = [], []
    for item in read_inputs(paths, allow_private=allow_private):
        if isinstance(item, ReadError):
            errors.append(str(item))
        else:
            docs.append(item)
    return docs, errors

