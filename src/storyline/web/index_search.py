"""The served folder's full-text index, opened once and shared by every request.

Opening the database and loading the fts extension cost more CPU than the query (together about
45 of the ~130 ms a search took on the demo store), and doing both per request made 50 concurrent
searches queue behind one another's setup. So the database is opened once, read-only, on the first
search, and each thread queries through a cursor of its own (one DuckDB connection must not be used
by two threads at once; cursors of it share the open database and the loaded extension). Answers
are memoised (:class:`~storyline.web.memo.Memo`): the server never writes, so a query asked again
gets the same hits without touching DuckDB.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from .memo import Memo

try:  # the 'search' extra; without it every search is a scan of the analysis
    import duckdb

    from ..store.search import SearchUnavailable, search
except ImportError:
    duckdb = None


class IndexSearch:
    """Hits (as dicts) from one database file, or ``None`` when it cannot answer: no file, no
    duckdb, a damaged file, one another process holds for writing. Those are tried again at the
    next search, since a failure to open is not kept."""

    def __init__(self, db: Path, cache_size: int = 1024):
        self.db = db
        self.memo: Memo[list[dict]] = Memo(cache_size)
        self._con = None
        self._opening = threading.Lock()
        self._local = threading.local()  # this thread's (connection, cursor)

    def hits(self, query: str, limit: int) -> list[dict] | None:
        """The best ``limit`` hits for ``query``; the same list object for repeated questions, so
        callers must not change it."""
        return self.memo.get((query, limit), lambda: self._search(query, limit))

    def _search(self, query: str, limit: int) -> list[dict] | None:
        cur = self._cursor()
        if cur is None:
            return None
        try:
            return [dataclasses.asdict(h) for h in search(cur, query, limit)]
        except (SearchUnavailable, duckdb.Error, OSError):
            self._local.pair = None  # a cursor left mid-error is not reused
            return None

    def _cursor(self):
        con = self._connection()
        if con is None:
            return None
        mine = getattr(self._local, "pair", None)
        if mine is None or mine[0] is not con:
            mine = self._local.pair = (con, con.cursor())
        return mine[1]

    def _connection(self):
        if self._con is not None or duckdb is None:
            return self._con
        with self._opening:
            if self._con is None and self.db.is_file():
                try:
                    self._con = duckdb.connect(str(self.db), read_only=True)
                except (duckdb.Error, OSError):
                    return None
            return self._con

    def close(self) -> None:
        """Close the database; a later search opens it again."""
        with self._opening:
            con, self._con = self._con, None
        if con is not None:
            con.close()
