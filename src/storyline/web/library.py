"""The analysis one server reads: loaded once, with the lookups and serialised records its routes
ask for built on first use and kept."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..model import Article, Entity
from ..outputs import analysis_path, read_analysis
from .index_search import IndexSearch
from .scan_search import scan_search


class Library:
    """The analysis loaded once; indexes built lazily. Nothing changes while it is served, so what
    is computed from it (serialised records, search hits) is computed once and kept."""

    def __init__(self, folder: Path):
        self.folder = folder
        path = analysis_path(folder)
        self.corpus = read_analysis(path)
        # the run just read, resolved now: a later `analyze` publishes a new run beside it and the
        # index must keep matching the analysis in memory
        self.index = IndexSearch(Path(os.path.realpath(path.parent / "storyline.duckdb")))
        self._json: dict[tuple[str, str], bytes] = {}

    @cached_property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for a in self.corpus.articles}

    @cached_property
    def entities(self) -> dict[str, Entity]:
        return {e.id: e for e in self.corpus.entities}

    @cached_property
    def stories(self) -> dict[str, Any]:
        return {s.id: s for s in self.corpus.stories}

    @cached_property
    def briefs(self) -> dict[str, Any]:
        return {b.story_id: b for b in self.corpus.briefs}

    def story_json(self, story_id: str) -> bytes | None:
        """The story as the API sends it. Serialised on first request and kept: a story is tens
        of kB of JSON, and the kept bytes are about the size of the record already in memory."""
        return self._json_of("story", story_id, self.stories)

    def brief_json(self, story_id: str) -> bytes | None:
        """The brief as the API sends it, kept like :meth:`story_json`."""
        return self._json_of("brief", story_id, self.briefs)

    def _json_of(self, kind: str, key: str, records: dict[str, BaseModel]) -> bytes | None:
        body = self._json.get((kind, key))
        if body is None and key in records:
            body = self._json[(kind, key)] = records[key].model_dump_json().encode()
        return body

    def search(self, query: str, limit: int) -> tuple[list[dict], str]:
        """Hits for ``query`` and which search answered: ``index`` (BM25 from the folder's index)
        or, without a usable index, ``scan`` (a plain scan of the analysis, same hit shape)."""
        hits = self.index.hits(query, limit)
        if hits is None:
            return scan_search(self.corpus, query, limit), "scan"
        return hits, "index"
