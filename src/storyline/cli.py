"""Command line: data on stdout, logs and progress on stderr, exit code 1 when any input failed.

Nothing printed is ever read as Rich markup (the consoles have markup off; styles come from ``Text``),
and every string from outside (paths, URLs, titles, article text, error messages) is shown through
:func:`shown`, which replaces control characters and lone surrogates, so an input can neither break
a message nor reach the terminal with escape sequences.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .config import Settings
from .model import Corpus

if TYPE_CHECKING:
    from .pipeline import ArticleResult
    from .stories.state import ClusterState

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="storyline: messy multi-outlet news in, cited stories out.")
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


def fail(message: object, code: int = 2) -> typer.Exit:
    error(message)
    return typer.Exit(code)


DEFAULT_OUT = "out"
FromDir = Annotated[Path, typer.Option("--from", help="Folder written by `storyline analyze --out`.")]


def _load(from_dir: Path) -> Corpus:
    path = from_dir / "analysis.json" if from_dir.is_dir() else from_dir
    if not path.exists():
        raise fail(f"{path}: no analysis found; run `storyline analyze PATH --out {from_dir}` first")
    try:
        return Corpus.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise fail(f"{path}: cannot read the analysis ({type(e).__name__}); "
                   f"run `storyline analyze PATH --out {from_dir}` again") from None


def write_outputs(corpus: Corpus, out_dir: Path, story_state: ClusterState | None = None,
                  results: list[ArticleResult] | None = None) -> dict[str, str]:
    """Write one complete run (analysis.json, briefs/, storyline.duckdb and, when given, the story
    state and per-article results for ``--extend-stories``) and publish it in one atomic step:
    whatever was in ``out_dir`` before is replaced as a whole (see :mod:`storyline.store.output`)."""
    from .brief.render import render_html
    from .pipeline import save_results
    from .store.duckdb_store import Store
    from .store.output import ANALYSIS, BRIEFS, DATABASE, RESULTS, STATE, write_run

    def write(run: Path) -> None:
        (run / ANALYSIS).write_text(corpus.model_dump_json(indent=1), encoding="utf-8")
        bdir = run / BRIEFS
        bdir.mkdir()
        arts = {a.id: a for a in corpus.articles}
        stories = {s.id: s for s in corpus.stories}
        for b in corpus.briefs:
            (bdir / f"{b.story_id}.md").write_text(b.markdown, encoding="utf-8")
            (bdir / f"{b.story_id}.html").write_text(render_html(b, stories[b.story_id], arts), encoding="utf-8")
        with Store(run / DATABASE) as store:  # a new file each run: nothing stale, readers undisturbed
            store.write(corpus)
        if story_state is not None:
            story_state.save(run / STATE)
        if results is not None:
            save_results(results, run / RESULTS)

    write_run(out_dir, write)
    return {"analysis": str(out_dir / ANALYSIS), "briefs": str(out_dir / BRIEFS), "db": str(out_dir / DATABASE)}


def _load_earlier(out_dir: Path) -> tuple[ClusterState, list[ArticleResult]]:
    """The story state and per-article results of the run in ``out_dir``, for --extend-stories;
    empty when there is none. Anything unreadable is one line and exit 2, before anything is done."""
    from .pipeline import load_results
    from .stories.state import ClusterState
    from .store.output import RESULTS, STATE

    state_path, results_path = out_dir / STATE, out_dir / RESULTS
    if not state_path.exists() and not results_path.exists():
        return ClusterState(), []
    loaded = []
    for path, loader in ((state_path, ClusterState.load), (results_path, load_results)):
        if not path.exists():
            raise fail(f"{path}: missing, so the earlier run cannot be extended; "
                       "run without --extend-stories to rebuild")
        try:
            loaded.append(loader(path))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
            raise fail(f"{path}: cannot read the earlier run ({type(e).__name__}, damaged or truncated); "
                       "run without --extend-stories to rebuild") from None
    return loaded[0], loaded[1]


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path(DEFAULT_OUT),
    workers: Annotated[int, typer.Option(help="Processes for per-article stages (default: all cores).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary on stdout.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name (default from STORYLINE_SPACY_MODEL).")] = None,
    kb: Annotated[Optional[Path], typer.Option("--kb", help="Knowledge base (CSV or JSONL: id, name, type, aliases, roles) to link entities.")] = None,
    use_cache: Annotated[bool, typer.Option("--cache/--no-cache",
                                            help="Reuse per-article results for unchanged inputs (in OUT/.cache).")] = True,
    allow_private: Annotated[bool, typer.Option("--allow-private",
                                                help="Allow URLs on private/loopback addresses.")] = False,
    executor: Annotated[str, typer.Option(help="local (process pool) or ray (needs the 'ray' extra).")] = "local",
    ray_address: Annotated[Optional[str], typer.Option(help="Ray cluster address; default starts a local Ray.")] = None,
    extend: Annotated[bool, typer.Option("--extend-stories", help="Extend the stories of the previous run in --out "
                                         "(OUT/stories_state.json): earlier articles keep their story ids, new "
                                         "ones join them or start new stories.")] = False,
) -> None:
    """Run every stage on PATHS and write analysis.json, briefs/ and storyline.duckdb to --out.

    A run replaces what --out held, as a whole and in one atomic step: a crash leaves the old run or the new.

    Exit codes:
    0 every input analysed;
    1 some inputs failed (the rest is written; nothing when no article could be analysed);
    2 nothing written: bad option, no input found, or an earlier run --extend-stories cannot read;
    3 another analyze is writing into --out (nothing done).
    """
    from .store.output import OutputBusy, writer_lock

    import dataclasses

    settings = Settings(executor=executor, ray_address=ray_address)
    if workers:
        settings = dataclasses.replace(settings, workers=workers)
    if model:
        settings = dataclasses.replace(settings, spacy_model=model)
    if kb is not None:
        from .entities.kb import KBError, load_kb

        try:
            load_kb(kb)
        except KBError as e:
            raise fail(e) from None
    try:
        lock = writer_lock(out_dir)
        lock.__enter__()
    except OutputBusy as e:
        raise fail(e, 3) from None
    except OSError as e:
        raise fail(f"{out_dir}: cannot write the output folder ({e.strerror or type(e).__name__})") from None
    try:
        _analyze_locked(paths, out_dir, settings, quiet, as_json, kb, use_cache, allow_private, extend)
    finally:
        lock.__exit__(None, None, None)


def _analyze_locked(paths: list[str], out_dir: Path, settings: Settings, quiet: bool, as_json: bool,
                    kb: Path | None, use_cache: bool, allow_private: bool, extend: bool) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .pipeline import read_all, run_article_stages, run_corpus_stages
    from .stories.state import ClusterState

    story_state, earlier = _load_earlier(out_dir) if extend else (ClusterState(), [])
    docs, errors = read_all(paths, allow_private=allow_private)
    counts = dict.fromkeys(("articles", "failed_inputs", "entities", "quotes", "times", "events", "claims",
                            "stories", "briefs"), 0)

    def unchanged(why: str, code: int) -> typer.Exit:
        for e in errors:
            error(e)
        error(f"{why}; {out_dir} left unchanged")
        if as_json:
            emit_json({**counts, "failed_inputs": len(errors), "written": False})
        return typer.Exit(code)

    if not docs:  # an empty folder must not replace a good earlier run with nothing
        raise unchanged(f"no readable input in {' '.join(paths)}", 1 if errors else 2)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet) as progress:
        task = progress.add_task("analyzing articles", total=len(docs))
        results, more = run_article_stages(docs, settings, lambda n: progress.advance(task, n),
                                           cache_dir=out_dir / ".cache" if use_cache else None)
        if not results:
            errors += more
            progress.stop()
            raise unchanged("no article could be analysed", 1)
        progress.update(task, description="stories, comparison, briefs")
        new_ids = {r.article.id for r in results}  # earlier articles stay in the corpus, briefs and database
        results = results + [r for r in earlier if r.article.id not in new_ids]
        corpus = run_corpus_stages(results, str(kb) if kb else None, story_state)
    corpus.errors = errors + more + corpus.errors  # input errors first, then the corpus stages' own
    for e in corpus.errors:
        error(e)
    written = write_outputs(corpus, out_dir, story_state, results)
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
    raise typer.Exit(1 if corpus.errors else 0)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSON (e.g. demo/gold.json).")],
    analysis: Annotated[Path, typer.Argument(help="analysis.json written by `storyline analyze`.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    show_misses: Annotated[bool, typer.Option("--misses", help="List what was missed.")] = False,
) -> None:
    """Score an analysis against hand-written gold, one row per capability."""
    from .evaluate.gold import score

    scores = score(json.loads(gold.read_text(encoding="utf-8")), _load(analysis))
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


@app.command()
def stories(from_dir: FromDir = Path(DEFAULT_OUT),
            as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
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


@app.command()
def brief(story_id: str, from_dir: FromDir = Path(DEFAULT_OUT),
          fmt: Annotated[str, typer.Option("--format", help="md | html | json")] = "md",
          llm: Annotated[Optional[str], typer.Option("--llm", help="OpenAI-compatible endpoint URL (e.g. "
                                                     "http://localhost:8000/v1) to rewrite the summary; only "
                                                     "rewrites supported by their cited spans are kept.")] = None,
          llm_model: Annotated[str, typer.Option("--llm-model", help="Model name for --llm.")] = "default") -> None:
    """Print one story's brief."""
    from .brief.render import render_html, render_json

    corpus = _load(from_dir)
    b = next((b for b in corpus.briefs if b.story_id == story_id or b.story_id.startswith(story_id)), None)
    if b is None:
        raise fail(f"no story {story_id!r}; see `storyline stories`")
    story = next(s for s in corpus.stories if s.id == b.story_id)
    arts = {a.id: a for a in corpus.articles}
    if llm:
        from .brief.llm import rewrite_summary

        b, report = rewrite_summary(b, story, arts, llm, llm_model)
        err.print(f"llm: {report.kept} rewrites kept, {report.rejected} rejected as unsupported, "
                  f"{report.failed} failed")
        for r in report.reasons:
            err.print(Text("  " + shown(r), style="dim"))
    if fmt == "md":
        sys.stdout.write(shown(b.markdown, lines=True))
    elif fmt == "html":
        sys.stdout.write(shown(render_html(b, story, arts), lines=True))
    elif fmt == "json":
        sys.stdout.write(json_text(render_json(b)) + "\n")
    else:
        raise fail(f"unknown format {fmt!r} (md, html, json)")


@app.command()
def quotes(from_dir: FromDir = Path(DEFAULT_OUT),
           speaker: Annotated[Optional[str], typer.Option(help="Only quotes by this person (any alias).")] = None,
           as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Who said what, with citations."""
    from .entities.canonical import same_person

    from .quotes.attribute import joint_names
    from .quotes.grouping import collapse, outlets_by_group

    corpus = _load(from_dir)
    arts = {a.id: a for a in corpus.articles}
    ents = {e.id: e for e in corpus.entities}
    outlets = outlets_by_group(corpus.quotes, {a.id: a.outlet for a in corpus.articles})
    kept = []
    for q in corpus.quotes:
        if speaker:
            # a joint voice ("they": "Hillary Clinton and Bernie Sanders") is each of its people's
            names = (ents[q.speaker_entity].aliases + [q.speaker or ""] if q.speaker_entity in ents
                     else joint_names(q.speaker or ""))
            if not any(n and same_person(n, speaker) for n in names):
                continue
        kept.append(q)
    if as_json:
        rows = [{"speaker": q.speaker, "kind": q.kind, "text": q.text, "outlet": arts[q.span.article_id].outlet,
                 "article_id": q.span.article_id, "start": q.span.start, "end": q.span.end,
                 "cue": q.cue, "confidence": q.confidence, "group_id": q.group_id,
                 "source": q.source.text if q.source else None,
                 "outlets": len(outlets.get(q.group_id, [])) if q.group_id else 1} for q in kept]
        emit_json(rows, ensure_ascii=False, indent=1)
        return
    for group in collapse(kept):
        lead = group[0]
        who = next((q.speaker for q in group if q.speaker), None)
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


@app.command()
def entities(from_dir: FromDir = Path(DEFAULT_OUT),
             kind: Annotated[str, typer.Option("--type", help="PERSON, ORG, GPE, LOC, ... or all")] = "PERSON",
             name: Annotated[Optional[str], typer.Option(help="Only entities known by this name (any alias or spelling).")] = None,
             as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """People (or other entities) with their aliases, how often each spelling occurs, and roles."""
    from collections import Counter

    from .entities.names import same_person
    from .entities.translit import fold

    corpus = _load(from_dir)
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


@app.command()
def search(query: str, from_dir: FromDir = Path(DEFAULT_OUT),
           limit: Annotated[int, typer.Option(help="Most hits to show.")] = 20,
           as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Full-text search (BM25) over stored articles and quotes; each hit cites its words."""
    import dataclasses

    from .store.duckdb_store import Store
    from .store.search import SearchUnavailable

    import duckdb

    db = from_dir / "storyline.duckdb"
    if not db.exists():
        raise fail(f"{db}: no database; run `storyline analyze PATH --out {from_dir}` first")
    try:  # read-only: a reader never changes the published run nor waits for a writer
        with Store(db, read_only=True) as store:
            hits = store.search(query, limit)  # without an index: a plain scan, same hits
    except (SearchUnavailable, duckdb.Error) as e:
        raise fail(f"{db}: cannot search ({type(e).__name__}: {e})") from None
    if as_json:
        emit_json([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=1)
        return
    for h in hits:
        out.print(Text.assemble(shown(f"{h.score:6.2f} [{h.kind}] {h.outlet} — {h.title}  "),
                                (shown(f"{h.article_id}:{h.start}-{h.end}"), "dim"), "\n       ",
                                shown(f"“{h.text}”")))


@app.command()
def serve(from_dir: FromDir = Path(DEFAULT_OUT),
          host: Annotated[str, typer.Option(help="Interface to bind (default: this machine only).")] = "127.0.0.1",
          port: Annotated[int, typer.Option()] = 8000,
          allowed_host: Annotated[Optional[list[str]], typer.Option(
              "--allowed-host", help="Another Host name the server answers to (repeatable); localhost and the "
                                     "bind address always work. Other hosts get 400, against DNS rebinding.")] = None
          ) -> None:
    """Serve the JSON API (/api/...) and a web reader of stories, briefs and cited articles."""
    try:
        import uvicorn

        from .web.app import create_app
    except ImportError:
        raise fail("serving needs the 'web' extra: pip install 'storyline[web]'") from None
    _load(from_dir)  # fail early with the usual message when there is no analysis
    uvicorn.run(create_app(from_dir, allowed_hosts=allowed_host or None, bind_host=host), host=host, port=port,
                log_level="info")


@app.command()
def extract(paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feeds, WARC files, or -.")],
            as_json: Annotated[bool, typer.Option("--json", help="One JSON object per input per line (JSONL).")] = False,
            allow_private: Annotated[bool, typer.Option("--allow-private",
                                                        help="Allow URLs on private/loopback addresses.")] = False) -> None:
    """Ingestion only: cleaned text and metadata of each input, with every removed line and why."""
    from .ingest.article import build_article
    from .ingest.dedup import find_duplicates
    from .ingest.readers import ReadError, read_inputs

    failed = 0
    articles = []
    for item in read_inputs(paths, allow_private=allow_private):
        try:
            if isinstance(item, ReadError):
                raise item
            articles.append(build_article(item))
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
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
