"""The Python API: what ``from storyline import ...`` offers, kept apart from the stage machinery.

``analyze`` is ``storyline analyze`` without the terminal: the same stages, and with ``out`` the
same output folder (analysis.json, briefs as Markdown/HTML/JSON, storyline.duckdb, and what
``--extend-stories`` reads), so a script and the command line can take turns on one folder and
``storyline serve --from`` reads either.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import Settings
from .model import Corpus
from .outputs import write_outputs
from .pipeline import read_all, run_article_stages, run_corpus_stages
from .stories.state import ClusterState
from .store.duckdb_store import Store

PathLike = str | os.PathLike[str]


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[str | Path]:
    """One path or many: a bare string is one path, never an iterable of one-letter paths."""
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def analyze(paths: PathLike | Iterable[PathLike], settings: Settings | None = None,
            progress: Callable[[int], None] | None = None, *, out: PathLike | None = None,
            allow_private: bool = False) -> Corpus:
    """Analyse files, folders, URLs or ``"-"`` (stdin) into a :class:`~storyline.model.Corpus`.

    ``paths``: one path or a list of them. Bad inputs become one-line messages in
    ``Corpus.errors``; the rest of the batch is analysed. ``progress`` is called with the number of
    articles finished since its last call. ``out``: also write the folder ``storyline analyze --out``
    writes, replacing what it held in one atomic step; it is left untouched when no article could be
    analysed (an empty batch must not replace a good earlier run), and
    :class:`storyline.store.output.OutputBusy` is raised when another process is writing there.
    ``allow_private``: fetch URLs on private or loopback addresses (refused by default).
    """
    settings = settings or Settings()
    docs, errors = read_all(_as_list(paths), allow_private=allow_private)
    results, more = run_article_stages(docs, settings, progress)
    story_state = ClusterState()
    corpus = run_corpus_stages(results, settings.kb_path, story_state)
    corpus.errors = errors + more + corpus.errors  # input errors first, then the corpus stages' own
    if out is not None and corpus.articles:
        write_outputs(corpus, Path(out), story_state, results)
    return corpus


def open_store(path: PathLike, read_only: bool = False) -> Store:
    """The DuckDB tables of a run (``OUT/storyline.duckdb``): ``.search(query)``, ``.count(table)``,
    and SQL through ``.con``. Use it as a context manager so the file is closed. ``read_only`` for
    readers: they never change a published run and never wait for a writer."""
    return Store(os.fspath(path), read_only=read_only)
