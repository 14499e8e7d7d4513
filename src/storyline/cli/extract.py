"""``storyline extract``: ingestion only. Each input's cleaned text and metadata, with every line
the cleaner removed and why, as text or as JSON lines."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from ..cli_help import Command, examples
from ..ingest import article as ingest_article  # called through the module: tests substitute build_article
from ..ingest.readers import ReadError, read_inputs
from ..model import Article
from .options import AllowPrivate, Inputs, check_inputs
from .output import NOTHING_WRITTEN, OK, SOME_FAILED, emit_json, error, out, shown
from .root import app


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
    from ..ingest.dedup import find_duplicates  # lazy: ~1.4 s to import; of the commands only extract needs it

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
        else:
            _print_article(a, titles)
    if not articles:
        if not failed:
            error(f"no readable input in {' '.join(paths)}")
        raise typer.Exit(NOTHING_WRITTEN)
    raise typer.Exit(SOME_FAILED if failed else OK)


def _print_article(a: Article, titles: dict[str, str]) -> None:
    """One article for a reader: title and metadata, provenance and quality facts, the cleaned
    text, then each removed line with its reason. ``titles`` names the articles it copies."""
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
