"""The corpus as DuckDB tables: scalar columns for querying plus the full record as JSON.

Writes are upserts keyed by record id, inside one transaction: a failed batch leaves what was
already stored untouched ("nothing already stored is lost").
"""

from __future__ import annotations

import json
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
        c = self.con
        rec = lambda m: json.dumps(m.model_dump(mode="json"), ensure_ascii=False)  # noqa: E731
        def many(sql: str, rows: list) -> None:
            if rows:  # DuckDB refuses an empty parameter list; a run with nothing to add is valid
                c.executemany(sql, rows)

        c.execute("BEGIN TRANSACTION")
        try:
            many("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
                (a.id, a.source, a.outlet, a.title, a.published, a.published_source, a.language,
                 a.duplicate_of, a.rewrite_of, a.text, rec(a)) for a in corpus.articles])
            many("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?)", [
                (e.id, e.name, e.type, e.aliases, e.kb_id, len(e.mentions), rec(e)) for e in corpus.entities])
            many("INSERT OR REPLACE INTO mentions VALUES (?,?,?,?,?)", [
                (e.id, s.article_id, s.start, s.end, s.text) for e in corpus.entities for s in e.mentions])
            many("INSERT OR REPLACE INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
                (q.id, q.span.article_id, q.span.start, q.span.end, q.text, q.kind, q.speaker, q.speaker_entity,
                 q.cue, q.confidence, rec(q)) for q in corpus.quotes])
            many("INSERT OR REPLACE INTO times VALUES (?,?,?,?,?,?,?,?)", [
                (t.id, t.span.article_id, t.span.start, t.span.end, t.span.text, t.value, t.anchor, t.granularity)
                for t in corpus.times])
            many("INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?)", [
                (e.id, e.date, e.description, e.status, e.story_id, rec(e)) for e in corpus.events])
            many("INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?)", [
                (x.id, x.span.article_id, x.span.start, x.span.end, x.span.text, x.value, x.unit, x.approx, x.hedged)
                for x in corpus.claims])
            many("INSERT OR REPLACE INTO stories VALUES (?,?,?,?,?,?)", [
                (s.id, s.title, s.first_seen, s.last_seen, len(s.article_ids), rec(s)) for s in corpus.stories])
            many("INSERT OR REPLACE INTO story_articles VALUES (?,?)", [
                (s.id, a) for s in corpus.stories for a in s.article_ids])
            many("INSERT OR REPLACE INTO briefs VALUES (?,?,?,?)", [
                (b.story_id, b.headline, b.markdown, rec(b)) for b in corpus.briefs])
            c.execute("COMMIT")
        except Exception:
            c.execute("ROLLBACK")
            raise
        self._index()

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

    def count(self, table: str) -> int:
        if table not in {"articles", "entities", "mentions", "quotes", "times", "events", "claims", "stories",
                         "story_articles", "briefs"}:
            raise ValueError(table)
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
