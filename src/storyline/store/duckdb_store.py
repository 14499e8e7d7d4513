"""The corpus as DuckDB tables: scalar columns for querying plus the full record as JSON.

Writes are set-based upserts keyed by record id, inside one transaction: a failed batch leaves what
was already stored untouched ("nothing already stored is lost").
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import duckdb

from ..model import SCHEMA_VERSION, Corpus

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (id VARCHAR PRIMARY KEY, source VARCHAR, outlet VARCHAR, title VARCHAR,
  published VARCHAR, published_source VARCHAR, language VARCHAR, duplicate_of VARCHAR, rewrite_of VARCHAR,
  text VARCHAR, record JSON);
CREATE TABLE IF NOT EXISTS entities (id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, aliases VARCHAR[],
  kb_id VARCHAR, n_mentions INTEGER, record JSON);
CREATE TABLE IF NOT EXISTS mentions (entity_id VARCHAR, article_id VARCHAR, start_char INTEGER,
  end_char INTEGER, text VARCHAR, PRIMARY KEY (article_id, start_char, end_char));
CREATE TABLE IF NOT EXISTS quotes (id VARCHAR PRIMARY KEY, article_id VARCHAR, start_char INTEGER,
  end_char INTEGER, text VARCHAR, kind VARCHAR, speaker VARCHAR, speaker_entity VARCHAR, cue VARCHAR,
  confidence DOUBLE, record JSON);
CREATE TABLE IF NOT EXISTS times (id VARCHAR PRIMARY KEY, article_id VARCHAR, start_char INTEGER,
  end_char INTEGER, text VARCHAR, value VARCHAR, anchor VARCHAR, granularity VARCHAR);
CREATE TABLE IF NOT EXISTS events (id VARCHAR PRIMARY KEY, date VARCHAR, description VARCHAR, status VARCHAR,
  story_id VARCHAR, record JSON);
CREATE TABLE IF NOT EXISTS claims (id VARCHAR PRIMARY KEY, article_id VARCHAR, start_char INTEGER,
  end_char INTEGER, text VARCHAR, value DOUBLE, unit VARCHAR, approx BOOLEAN, hedged BOOLEAN);
CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, title VARCHAR, first_seen VARCHAR,
  last_seen VARCHAR, n_articles INTEGER, record JSON);
CREATE TABLE IF NOT EXISTS story_articles (story_id VARCHAR, article_id VARCHAR,
  PRIMARY KEY (story_id, article_id));
CREATE TABLE IF NOT EXISTS briefs (story_id VARCHAR PRIMARY KEY, headline VARCHAR, markdown VARCHAR,
  record JSON);
"""


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        """``read_only``: for readers (search, export); they never change a published run and never
        wait for a writer, which writes each run into a new database file."""
        self.path = str(path)
        self.read_only = read_only
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, corpus: Corpus) -> None:
        rec = lambda m: json.dumps(m.model_dump(mode="json"), ensure_ascii=False)  # noqa: E731
        tables = {
            "articles": [(a.id, a.source, a.outlet, a.title, a.published, a.published_source, a.language,
                          a.duplicate_of, a.rewrite_of, a.text, rec(a)) for a in corpus.articles],
            "entities": [(e.id, e.name, e.type, e.aliases, e.kb_id, len(e.mentions), rec(e))
                         for e in corpus.entities],
            "mentions": [(e.id, s.article_id, s.start, s.end, s.text) for e in corpus.entities for s in e.mentions],
            "quotes": [(q.id, q.span.article_id, q.span.start, q.span.end, q.text, q.kind, q.speaker,
                        q.speaker_entity, q.cue, q.confidence, rec(q)) for q in corpus.quotes],
            "times": [(t.id, t.span.article_id, t.span.start, t.span.end, t.span.text, t.value, t.anchor,
                       t.granularity) for t in corpus.times],
            "events": [(e.id, e.date, e.description, e.status, e.story_id, rec(e)) for e in corpus.events],
            "claims": [(x.id, x.span.article_id, x.span.start, x.span.end, x.span.text, x.value, x.unit, x.approx,
                        x.hedged) for x in corpus.claims],
            "stories": [(s.id, s.title, s.first_seen, s.last_seen, len(s.article_ids), rec(s))
                        for s in corpus.stories],
            "story_articles": [(s.id, a) for s in corpus.stories for a in s.article_ids],
            "briefs": [(b.story_id, b.headline, b.markdown, rec(b)) for b in corpus.briefs],
        }
        with tempfile.TemporaryDirectory(prefix="storyline-stage-") as stage:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for table, rows in tables.items():
                    self._upsert(table, rows, Path(stage) / f"{table}.jsonl")
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
        self._index()

    def _upsert(self, table: str, rows: list[tuple], staged: Path) -> None:
        """One set-based ``INSERT OR REPLACE … SELECT`` per table from rows staged as JSON lines.

        Why not ``executemany``: DuckDB checks the primary key row by row there (about 10 ms a row
        on this machine, two thirds of a real run's wall time); reading one staged file is ~0.03 ms a
        row and writes the same table. A key repeated within the batch keeps its last row, as
        row-by-row upserts did (DuckDB refuses to replace one row twice in one statement)."""
        if not rows:
            return
        columns = self.con.execute(f"DESCRIBE {table}").fetchall()
        names = [c[0] for c in columns]
        key = [names.index(k) for k in self._primary_key(table)]
        latest = {tuple(r[i] for i in key): r for r in rows}
        with staged.open("w", encoding="utf-8") as f:
            for r in latest.values():
                f.write(json.dumps(dict(zip(names, r)), ensure_ascii=False) + "\n")
        # JSON columns arrive as text and are cast on insert, so a record is stored as written.
        spec = ", ".join(f"'{n}': '{'VARCHAR' if t == 'JSON' else t}'" for n, t, *_ in columns)
        self.con.execute(f"INSERT OR REPLACE INTO {table} SELECT {', '.join(names)} FROM "
                         f"read_json(?, format='newline_delimited', columns={{{spec}}})", [str(staged)])

    def _primary_key(self, table: str) -> list[str]:
        row = self.con.execute("SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
                               "AND constraint_type = 'PRIMARY KEY'", [table]).fetchone()
        return list(row[0])

    def _index(self) -> None:
        """Full-text indexes when the search extra is installed; the store works without them."""
        from .search import SearchUnavailable, build_index

        try:
            build_index(self.con)
        except SearchUnavailable:
            pass

    def search(self, query: str, limit: int = 20):
        from .search import search

        return search(self.con, query, limit)

    def article_texts(self, ids: set[str]) -> dict[str, str]:
        """Cleaned texts by article id: what a search hit's offsets point into."""
        if not ids:
            return {}
        rows = self.con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [sorted(ids)])
        return dict(rows.fetchall())

    def count(self, table: str) -> int:
        if table not in {"articles", "entities", "mentions", "quotes", "times", "events", "claims", "stories",
                         "story_articles", "briefs"}:
            raise ValueError(table)
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
