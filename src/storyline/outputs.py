"""The ``analyze --out`` folder's files, written the same way by the CLI and the Python API.

It lives here, not in the CLI, so that ``storyline.analyze(..., out=...)`` writes exactly what
``storyline analyze --out`` writes without the library importing the command line. The folder
layout and its one-step publication are :mod:`storyline.store.output`'s job; this module only
decides what goes into one run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .brief.render import render_html, render_json
from .model import Corpus
from .pipeline import ArticleResult, save_results
from .store.duckdb_store import Store
from .store.output import ANALYSIS, BRIEFS, DATABASE, RESULTS, STATE, write_run, writer_lock

if TYPE_CHECKING:
    from .stories.state import ClusterState


def analysis_path(folder: Path) -> Path:
    """A run folder's analysis.json (through its published run), or the file itself when given one."""
    return folder / "analysis.json" if folder.is_dir() else folder


def read_analysis(folder: Path) -> Corpus:
    """The corpus a run wrote: what every reader (the CLI's read commands, the web reader) starts from."""
    return Corpus.model_validate_json(analysis_path(folder).read_text(encoding="utf-8"))


def write_briefs(corpus: Corpus, folder: Path) -> None:
    """``<story_id>.md``, ``.html`` and ``.json`` for every brief: the three forms ``storyline brief``
    prints, on disk so they can be read, mailed or served without the tool."""
    articles = {a.id: a for a in corpus.articles}
    stories = {s.id: s for s in corpus.stories}
    for b in corpus.briefs:
        (folder / f"{b.story_id}.md").write_text(b.markdown, encoding="utf-8")
        (folder / f"{b.story_id}.html").write_text(render_html(b, stories[b.story_id], articles), encoding="utf-8")
        (folder / f"{b.story_id}.json").write_text(render_json(b), encoding="utf-8")


def write_outputs(corpus: Corpus, out_dir: str | Path, story_state: ClusterState | None = None,
                  results: list[ArticleResult] | None = None) -> dict[str, str]:
    """Write one complete run (analysis.json, briefs/, storyline.duckdb and, when given, the story
    state and per-article results for ``--extend-stories``) and publish it in one atomic step:
    whatever was in ``out_dir`` before is replaced as a whole (see :mod:`storyline.store.output`).

    Holds ``OUT/.lock`` while writing (re-entrant, so a caller may already hold it); raises
    :class:`storyline.store.output.OutputBusy` when another process is writing there."""
    out = Path(out_dir)

    def write(run: Path) -> None:
        (run / ANALYSIS).write_text(corpus.model_dump_json(indent=1), encoding="utf-8")
        (run / BRIEFS).mkdir()
        write_briefs(corpus, run / BRIEFS)
        with Store(run / DATABASE) as store:  # a new file each run: nothing stale, readers undisturbed
            store.write(corpus)
        if story_state is not None:
            story_state.save(run / STATE)
        if results is not None:
            save_results(results, run / RESULTS)

    with writer_lock(out):
        write_run(out, write)
    return {"analysis": str(out / ANALYSIS), "briefs": str(out / BRIEFS), "db": str(out / DATABASE)}
