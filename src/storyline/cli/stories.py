"""``storyline stories`` and ``storyline brief``: the stories of a finished run, and one story's
cited brief (optionally with its summary rewritten by an LLM endpoint)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from ..brief.llm import RewriteReport, rewrite_summary
from ..brief.render import render_html, render_json
from ..cli_help import Command, examples
from ..model import Brief, Corpus
from .options import DEFAULT_OUT, FromDir, JsonFlag, load_run
from .output import OK, SOME_FAILED, emit_json, err, error, fail, json_text, out, shown
from .root import app

BRIEF_FORMATS = ("md", "html", "json")


@app.command(cls=Command, epilog=examples("storyline stories --from out", "storyline stories --from out --json"))
def stories(from_dir: FromDir = Path(DEFAULT_OUT), as_json: JsonFlag = False) -> None:
    """List stories: id, dates, article count, title."""
    corpus = load_run(from_dir)
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


def _brief_of(corpus: Corpus, story_id: str, from_dir: Path) -> Brief:
    """The brief of the story ``story_id`` names, as the whole id or a prefix of one; no story, or a
    prefix that names several, is exit 2."""
    matches = [b for b in corpus.briefs if b.story_id == story_id] or \
        [b for b in corpus.briefs if b.story_id.startswith(story_id)]
    if not matches:
        raise fail(f"no story {story_id!r}; see `storyline stories --from {from_dir}`")
    if len(matches) > 1:
        raise fail(f"{story_id!r} names {len(matches)} stories ({', '.join(b.story_id for b in matches[:5])}); "
                   "give more of the id")
    return matches[0]


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
    corpus = load_run(from_dir)
    b = _brief_of(corpus, story_id, from_dir)
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
