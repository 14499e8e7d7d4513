"""One ``analyze`` run, end to end: read inputs, per-article stages (cached), extend the previous
run's stories, corpus stages, write the output folder.

The CLI and the Python API both call :func:`analyze_run`, so ``storyline analyze`` and
``storyline.analyze`` cannot drift apart; the CLI only adds a progress bar, messages and exit codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .brief.changes import previous_briefs, since_last_run
from .config import Settings
from .errors import EarlierRunUnreadable
from .model import Corpus
from .outputs import write_outputs
from .pipeline import ArticleResult, load_results, read_all, run_article_stages, run_corpus_stages
from .stages import check_skip
from .stories.state import ClusterState
from .store.output import BRIEFS, RESULTS, STATE, writer_lock

CACHE = ".cache"


@dataclass
class RunReport:
    """What a run did. ``corpus`` is None when nothing could be analysed; then ``unchanged`` says
    why and the output folder was not touched. ``written``: the paths written (None without ``out``)."""

    errors: list[str] = field(default_factory=list)
    corpus: Corpus | None = None
    written: dict[str, str] | None = None
    unchanged: str | None = None


def load_earlier(out_dir: Path) -> tuple[ClusterState, list[ArticleResult]]:
    """The story state and per-article results of the run in ``out_dir``, to extend; empty when
    there is none. Raises :class:`EarlierRunUnreadable` before anything is done when one is missing
    or damaged: extending a half-read run would silently drop its stories."""
    state_path, results_path = out_dir / STATE, out_dir / RESULTS
    if not state_path.exists() and not results_path.exists():
        return ClusterState(), []
    loaded = []
    for path, loader in ((state_path, ClusterState.load), (results_path, load_results)):
        if not path.exists():
            raise EarlierRunUnreadable(f"{path}: missing, so the earlier run cannot be extended; "
                                       "run without --extend-stories to rebuild")
        try:
            loaded.append(loader(path))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
            raise EarlierRunUnreadable(f"{path}: cannot read the earlier run ({type(e).__name__}, damaged or "
                                       "truncated); run without --extend-stories to rebuild") from None
    return loaded[0], loaded[1]


def analyze_run(paths: Sequence[str | os.PathLike[str]], settings: Settings, *, out: Path | None = None,
                extend: bool = False, cache: bool = True, allow_private: bool = False,
                progress: Callable[[int], None] | None = None,
                phase: Callable[[str, int], None] | None = None) -> RunReport:
    """Analyse ``paths``; with ``out``, write the run folder there in one atomic step.

    ``settings.skip``: stages left out by name (:class:`~storyline.stages.UnknownStage` for a name
    that no stage has, before anything is done). ``extend``: add to the stories of the run in ``out``
    (earlier articles keep their story ids; it needs ``out``). ``cache``: reuse per-article results of unchanged inputs (``out/.cache``). ``phase(name, total)``
    is called as the run enters "articles" (total: inputs read) and "corpus" (stories, comparison,
    briefs); ``progress(n)`` as articles finish. Holds the folder's writer lock for the whole run, so
    the run it extends cannot change under it (:class:`~storyline.store.output.OutputBusy` otherwise).
    """
    from .article_stages import ARTICLE_STAGES  # here, not on top: the stages import spaCy and most of storyline
    from .corpus_stages import CORPUS_STAGES

    check_skip(settings.skip, ARTICLE_STAGES, CORPUS_STAGES)  # a misspelt stage fails before any work
    if extend and out is None:
        raise ValueError("extend=True needs out=: the run to extend is the one in that folder")
    with writer_lock(out) if out is not None else nullcontext():
        story_state, earlier = load_earlier(out) if extend and out is not None else (ClusterState(), [])
        docs, errors = read_all([os.fspath(p) for p in paths], allow_private=allow_private)
        if not docs:  # an empty folder must not replace a good earlier run with nothing
            return RunReport(errors, unchanged=f"no readable input in {' '.join(map(os.fspath, paths))}")
        if phase:
            phase("articles", len(docs))
        cache_dir = out / CACHE if cache and out is not None else None
        results, more = run_article_stages(docs, settings, progress, cache_dir=cache_dir)
        errors += more
        if not results:
            return RunReport(errors, unchanged="no article could be analysed")
        if phase:
            phase("corpus", 0)
        new_ids = {r.article.id for r in results}  # earlier articles stay in the corpus, briefs and database
        results = results + [r for r in earlier if r.article.id not in new_ids]
        corpus = run_corpus_stages(results, settings.kb_path, story_state, settings.skip)
        if extend and out is not None:  # read the previous briefs now: writing the outputs replaces them
            corpus = since_last_run(corpus, previous_briefs(out / BRIEFS), {r.article.id for r in earlier},
                                    {r.article.id: r.sentences for r in results})
        corpus.errors = errors + corpus.errors  # input errors first, then the corpus stages' own
        written = write_outputs(corpus, out, story_state, results) if out is not None else None
        return RunReport(corpus.errors, corpus, written)
