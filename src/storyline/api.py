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
from .run import analyze_run
from .store.duckdb_store import Store

PathLike = str | os.PathLike[str]


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[str | Path]:
    """One path or many: a bare string is one path, never an iterable of one-letter paths."""
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def analyze(paths: PathLike | Iterable[PathLike], settings: Settings | None = None,
            progress: Callable[[int], None] | None = None, *, out: PathLike | None = None,
            extend: bool = False, cache: bool = True, allow_private: bool = False) -> Corpus:
    """Analyse files, folders, URLs or ``"-"`` (stdin) into a :class:`~storyline.model.Corpus`.

    ``paths``: one path or a list of them. Bad inputs become one-line messages in
    ``Corpus.errors``; the rest of the batch is analysed. ``progress`` is called with the number of
    articles finished since its last call. ``out``: also write the folder ``storyline analyze --out``
    writes, replacing what it held in one atomic step; it is left untouched when no article could be
    analysed (an empty batch must not replace a good earlier run), and
    :class:`storyline.store.output.OutputBusy` is raised when another process is writing there.
    With ``out``: ``extend`` adds to the stories of the run there (``--extend-stories``; raises
    :class:`storyline.errors.EarlierRunUnreadable` when that run is damaged), and ``cache`` reuses
    per-article results of unchanged inputs (``--cache``, on by default).
    ``allow_private``: fetch URLs on private or loopback addresses (refused by default).
    Every error raised for the user is a :class:`storyline.errors.StorylineError`.
    """
    report = analyze_run(_as_list(paths), settings or Settings(), out=Path(out) if out is not None else None,
                         extend=extend, cache=cache, allow_private=allow_private, progress=progress)
    return report.corpus if report.corpus is not None else Corpus(errors=report.errors)


def open_store(path: PathLike, read_only: bool = False) -> Store:
    """The DuckDB tables of a run (``OUT/storyline.duckdb``): ``.search(query)``, ``.count(table)``,
    and SQL through ``.con``. Use it as a context manager so the file is closed. ``read_only`` for
    readers: they never change a published run and never wait for a writer."""
    return Store(os.fspath(path), read_only=read_only)
