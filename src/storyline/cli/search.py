"""``storyline search``: BM25 over the stored articles and quotes of a finished run, each hit shown
with the words around it and its citation."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.text import Text

from ..cli_help import Command, examples
from ..store.duckdb_store import Store
from ..store.search import SearchUnavailable
from ..text.hits import context, query_terms, segments, term_ranges
from .options import DEFAULT_OUT, FromDir, JsonFlag
from .output import emit_json, err, fail, out, shown
from .root import app


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
