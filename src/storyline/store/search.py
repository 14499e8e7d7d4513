"""Full-text search (BM25) over stored articles and quotes, with DuckDB's fts extension.

The extension is loaded from the PyPI package ``duckdb-extension-fts`` (extra ``search``) by path,
because DuckDB cannot download extensions on an offline machine. Hits come back with a Span of the
first matching words, so a search result is evidence like everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb


class SearchUnavailable(RuntimeError):
    pass


@cache
def extension_path() -> Path:
    try:
        import duckdb_extension_fts
    except ImportError:
        raise SearchUnavailable("full-text search needs the 'search' extra: pip install 'storyline[search]'") from None
    base = Path(duckdb_extension_fts.__file__).parent / "extensions"
    version = f"v{duckdb.__version__}"
    found = sorted(base.rglob("fts.duckdb_extension"))
    exact = [p for p in found if version in p.parts]
    if not (exact or found):
        raise SearchUnavailable(f"no fts extension file in {base}")
    return (exact or found)[0]


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"LOAD '{extension_path()}'")


def build_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the indexes; fts indexes are not incremental, so every write rebuilds them."""
    load_fts(con)
    con.execute("PRAGMA create_fts_index('articles', 'id', 'title', 'text', stemmer='porter', overwrite=1)")
    con.execute("PRAGMA create_fts_index('quotes', 'id', 'text', 'speaker', stemmer='porter', overwrite=1)")


@dataclass(frozen=True)
class Hit:
    kind: str  # "article" | "quote"
    id: str
    article_id: str
    score: float
    title: str | None
    outlet: str | None
    start: int
    end: int
    text: str


_WORD = re.compile(r"\w+", re.U)


def _first_match(text: str, query: str) -> tuple[int, int]:
    words = [w.lower() for w in _WORD.findall(query) if len(w) > 2]
    best = None
    for m in _WORD.finditer(text):
        tok = m.group().lower()
        if any(tok.startswith(w[: max(4, len(w) - 2)]) for w in words):
            best = (m.start(), m.end())
            break
    return best or (0, min(len(text), 80))


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[Hit]:
    load_fts(con)
    hits: list[Hit] = []
    rows = con.execute(
        "SELECT id, title, outlet, text, fts_main_articles.match_bm25(id, ?) AS s FROM articles "
        "WHERE s IS NOT NULL ORDER BY s DESC LIMIT ?", [query, limit]).fetchall()
    for aid, title, outlet, text, s in rows:
        a, b = _first_match(text, query)
        hits.append(Hit("article", aid, aid, float(s), title, outlet, a, b, text[a:b]))
    rows = con.execute(
        "SELECT q.id, q.article_id, q.start_char, q.end_char, q.text, a.title, a.outlet, "
        "fts_main_quotes.match_bm25(q.id, ?) AS s FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE s IS NOT NULL ORDER BY s DESC LIMIT ?", [query, limit]).fetchall()
    for qid, aid, start, end, text, title, outlet, s in rows:
        hits.append(Hit("quote", qid, aid, float(s), title, outlet, start, end, text))
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]
