"""FastAPI app: the JSON API and a small web reader over one ``analyze --out`` folder.

Read-only by design: the server never fetches or executes anything from the articles; every page
escapes article text and is sent with a Content-Security-Policy that forbids scripts. Every query
parameter is bounded (out of range is a 422, never a 500), and requests must name a trusted host:
a page on another name that resolves to this machine (DNS rebinding) gets a 400, not the data.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..model import Article, Corpus, Entity
from ..outputs import analysis_path, read_analysis
from ..quotes.lookup import spoken_by
from . import pages
from .index_search import IndexSearch
from .layout import CSP

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
MAX_SEARCH_HITS = 200
MAX_LIST = 100_000  # one page of quotes, entities or stories
MAX_QUERY_CHARS = 500  # a search query or a filter value
MAX_OFFSET = 10 ** 9  # character offsets and list offsets


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


def _host_pattern(host: str) -> str:
    """A host as Starlette compares it: lower case, IPv6 literals in brackets."""
    host = host.strip().lower()
    try:
        if isinstance(ipaddress.ip_address(host.strip("[]")), ipaddress.IPv6Address):
            return f"[{host.strip('[]')}]"
    except ValueError:
        pass
    return host


def trusted_hosts(allowed_hosts: Iterable[str] | None = None, bind_host: str | None = None) -> list[str]:
    """localhost, 127.0.0.1 and ::1, the address the server binds to (not a wildcard one: binding every
    interface does not make every name trusted), and any names given; "*" allows any host."""
    hosts = [*LOCAL_HOSTS, *(allowed_hosts or ())]
    if bind_host and bind_host.strip("[]") not in ("0.0.0.0", "::", ""):
        hosts.append(bind_host)
    return list(dict.fromkeys(h if h == "*" else _host_pattern(h) for h in hosts if h and h.strip()))


def _match(text: str, terms: list[str]) -> re.Match | None:
    for t in terms:
        m = re.search(re.escape(t), text, re.I)
        if m:
            return m
    return None


def scan_search(corpus: Corpus, query: str, limit: int) -> list[dict]:
    """Search without an index: case-insensitive substring matches over article titles and texts and
    over quotes, the same hit shape as the indexed search (a span of the first matching words). The
    whole query matching scores highest, then how many of its words occur."""
    whole = " ".join(query.split())
    terms = [w for w in re.findall(r"\w+", whole) if len(w) > 2] or re.findall(r"\w+", whole)
    terms = list(dict.fromkeys(t.lower() for t in terms))[:20]
    if not whole:
        return []
    ordered = [whole, *terms]

    def score(text: str) -> float:
        low = text.lower()
        return (3.0 if whole.lower() in low else 0.0) + sum(1.0 for t in terms if t in low)

    hits: list[dict] = []
    for a in corpus.articles:
        s = score(f"{a.title or ''}\n{a.text}")
        m = _match(a.text, ordered) if s else None
        if s:
            start, end = (m.start(), m.end()) if m else (0, min(len(a.text), 80))
            hits.append({"kind": "article", "id": a.id, "article_id": a.id, "score": s, "title": a.title,
                         "outlet": a.outlet, "start": start, "end": end, "text": a.text[start:end]})
    arts = {a.id: a for a in corpus.articles}
    for q in corpus.quotes:
        s = score(q.text)
        if s:
            a = arts.get(q.span.article_id)
            hits.append({"kind": "quote", "id": q.id, "article_id": q.span.article_id, "score": s,
                         "title": a.title if a else None, "outlet": a.outlet if a else None,
                         "start": q.span.start, "end": q.span.end, "text": q.span.text})
    hits.sort(key=lambda h: -h["score"])
    return hits[:limit]


def create_app(folder: str | Path, allowed_hosts: Iterable[str] | None = None,
               bind_host: str | None = None) -> FastAPI:
    """The app over one output folder. Requests must carry a trusted Host (see :func:`trusted_hosts`):
    pass the address the server binds to as ``bind_host`` and any other names it is reached by as
    ``allowed_hosts``."""
    lib = Library(Path(folder))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        lib.index.close()

    app = FastAPI(title="storyline", version=lib.corpus.schema_version, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts(allowed_hosts, bind_host),
                       www_redirect=False)

    # one Query object per parameter: FastAPI binds each to the parameter it first meets
    def Limit():
        return Query(None, ge=1, le=MAX_LIST, description="at most this many (default: all)")

    def Offset():
        return Query(0, ge=0, le=MAX_OFFSET)

    def Text():
        return Query(None, min_length=1, max_length=MAX_QUERY_CHARS)

    def page(items: list, offset: int, limit: int | None) -> list:
        return items[offset:offset + limit if limit is not None else None]

    def brief_or_404(story_id: str):
        b = lib.briefs.get(story_id)
        if b is None:
            raise HTTPException(404, f"no brief for story {story_id}")
        return b

    def story_or_404(story_id: str):
        s = lib.stories.get(story_id)
        if s is None:
            raise HTTPException(404, f"no story {story_id}")
        return s

    @app.get("/api/stories")
    def api_stories(limit: int | None = Limit(), offset: int = Offset()) -> list[dict]:
        return [{"id": s.id, "title": s.title, "first_seen": s.first_seen, "last_seen": s.last_seen,
                 "articles": len(s.article_ids), "copies": len(s.copies)}
                for s in page(lib.corpus.stories, offset, limit)]

    @app.get("/api/stories/{story_id}", response_model=dict)
    def api_story(story_id: str) -> Response:
        story_or_404(story_id)
        return Response(lib.story_json(story_id), media_type="application/json")

    @app.get("/api/stories/{story_id}/brief")
    def api_brief(story_id: str, format: str = Query("json", pattern="^(json|md|html)$")):
        story = story_or_404(story_id)
        brief = brief_or_404(story_id)
        if format == "md":
            return PlainTextResponse(brief.markdown, media_type="text/markdown")
        if format == "html":
            from ..brief.render import render_html

            return HTMLResponse(render_html(brief, story, lib.articles, lambda sid: f"/stories/{quote(sid, safe='')}"),
                                headers={"Content-Security-Policy": CSP})
        return Response(lib.brief_json(story_id), media_type="application/json")

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict:
        a = lib.articles.get(article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id}")
        return a.model_dump(mode="json")

    @app.get("/api/quotes")
    def api_quotes(speaker: str | None = Text(), story: str | None = Text(), limit: int | None = Limit(),
                   offset: int = Offset()) -> list[dict]:
        members = set(story_or_404(story).article_ids) if story else None
        out = [q for q in lib.corpus.quotes if (members is None or q.span.article_id in members)
               and (not speaker or spoken_by(q, speaker, lib.entities))]
        return [q.model_dump(mode="json") for q in page(out, offset, limit)]

    @app.get("/api/entities")
    def api_entities(type: str | None = Text(), limit: int | None = Limit(), offset: int = Offset()) -> list[dict]:
        chosen = [x for x in lib.corpus.entities if type is None or x.type == type]
        return [{"id": x.id, "name": x.name, "type": x.type, "aliases": x.aliases, "roles": x.roles,
                 "kb_id": x.kb_id, "mentions": len(x.mentions)} for x in page(chosen, offset, limit)]

    @app.get("/api/search")
    def api_search(q: str = Query(..., min_length=1, max_length=MAX_QUERY_CHARS),
                   limit: int = Query(20, ge=1, le=MAX_SEARCH_HITS)) -> JSONResponse:
        """BM25 hits from the folder's index; without a usable index, a plain scan of the analysis
        (header X-Search: index | scan says which answered)."""
        hits = lib.index.hits(q, limit)
        how = "index"
        if hits is None:
            hits, how = scan_search(lib.corpus, q, limit), "scan"
        return JSONResponse(hits, headers={"X-Search": how})

    def find(q: str, limit: int) -> list[dict]:
        """The API's search for the reader's search page: the index, else a scan."""
        hits = lib.index.hits(q, limit)
        return hits if hits is not None else scan_search(lib.corpus, q, limit)

    pages.register(app, lib, find)
    return app
