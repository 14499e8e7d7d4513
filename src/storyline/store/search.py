"""Full-text search (BM25) over stored articles and quotes, with DuckDB's fts extension.

The extension is loaded from the PyPI package ``duckdb-extension-fts`` (extra ``search``) by path,
because DuckDB cannot download extensions on an offline machine. Hits come back with a Span of the
first matching words, so a search result is evidence like everything else.

A database without the indexes (written where the extra was not installed, or opened read-only
before they were built) is still searchable: the indexes are built when the connection may write,
and otherwise the same query runs as a plain BM25 scan in Python (slower, same kind of hits).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from ..errors import StorylineError
from ..text.hits import query_terms, term_ranges


class SearchUnavailable(StorylineError, RuntimeError):
    """Full-text search cannot run here (no index, or DuckDB's fts extension is missing)."""


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
    """The first word of ``text`` matching the query (the hit a reader is sent to), else its start."""
    found = term_ranges(text, query_terms(query))
    return found[0] if found else (0, min(len(text), 80))


def _has_index(con: duckdb.DuckDBPyConnection) -> bool:
    names = {r[0] for r in con.execute("SELECT schema_name FROM duckdb_schemas()").fetchall()}
    return {"fts_main_articles", "fts_main_quotes"} <= names


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    names = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    return {"articles", "quotes"} <= names


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[Hit]:
    """Articles and quotes matching ``query``, best first. Uses the fts indexes, building them when
    missing; without the extension or write access, falls back to :func:`scan`."""
    if not _has_tables(con):
        return []
    try:
        load_fts(con)
        if not _has_index(con):
            if _read_only(con):
                return scan(con, query, limit)
            build_index(con)
    except (SearchUnavailable, duckdb.Error):
        try:
            con.execute("ROLLBACK")  # a failed build leaves the transaction aborted
        except duckdb.Error:
            pass
        return scan(con, query, limit)
    return _search_fts(con, query, limit)


def _read_only(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT current_setting('access_mode')").fetchone()[0] == "read_only"


def _search_fts(con: duckdb.DuckDBPyConnection, query: str, limit: int) -> list[Hit]:
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


def _terms(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def _bm25(docs: list[list[str]], words: list[str], k1: float = 1.2, b: float = 0.75) -> list[float]:
    """BM25 of each token list for the query words, a word matching any token it is a prefix of
    (its first ``max(4, len - 2)`` letters: a crude stemmer, like :func:`_first_match`)."""
    stems = [w[: max(4, len(w) - 2)] for w in words]
    counts = [Counter(t for t in d) for d in docs]
    tf = [[sum(c for t, c in cnt.items() if t.startswith(s)) for s in stems] for cnt in counts]
    n, avg = len(docs), (sum(map(len, docs)) / len(docs)) if docs else 1.0
    df = [sum(1 for row in tf if row[k]) for k in range(len(stems))]
    idf = [math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in df]
    return [sum(idf[k] * f * (k1 + 1) / (f + k1 * (1 - b + b * len(doc) / (avg or 1.0)))
                for k, f in enumerate(row) if f) for row, doc in zip(tf, docs)]


def scan(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[Hit]:
    """The search without indexes: every stored article and quote scored in Python."""
    words = [w for w in _terms(query) if len(w) > 2]
    if not words or not _has_tables(con):
        return []
    hits: list[Hit] = []
    arts = con.execute("SELECT id, title, outlet, text FROM articles ORDER BY id").fetchall()
    for (aid, title, outlet, text), s in zip(arts, _bm25([_terms(f"{r[1] or ''} {r[3] or ''}") for r in arts], words)):
        if s > 0:
            a, b = _first_match(text, query)
            hits.append(Hit("article", aid, aid, s, title, outlet, a, b, text[a:b]))
    quotes = con.execute(
        "SELECT q.id, q.article_id, q.start_char, q.end_char, q.text, a.title, a.outlet, q.speaker "
        "FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id").fetchall()
    for (qid, aid, start, end, text, title, outlet, _sp), s in zip(
            quotes, _bm25([_terms(f"{r[4] or ''} {r[7] or ''}") for r in quotes], words)):
        if s > 0:
            hits.append(Hit("quote", qid, aid, s, title, outlet, start, end, text))
    hits.sort(key=lambda h: (-h.score, h.kind, h.id))
    return hits[:limit]
