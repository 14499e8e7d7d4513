"""The JSON API (``/api/...``), registered on the app by :func:`register`: stories, briefs,
articles, quotes, entities and search over the served analysis. Errors stay JSON (the reader's
HTML error page is for its own routes), and every query parameter is bounded, so a value out of
range is a 422, never a 500."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from ..brief.render import render_html
from ..quotes.lookup import spoken_by
from .layout import CSP
from .library import Library

MAX_SEARCH_HITS = 200
MAX_LIST = 100_000  # one page of quotes, entities or stories
MAX_QUERY_CHARS = 500  # a search query or a filter value
MAX_OFFSET = 10 ** 9  # character offsets and list offsets


# one Query object per parameter: FastAPI binds each to the parameter it first meets
def Limit():
    return Query(None, ge=1, le=MAX_LIST, description="at most this many (default: all)")


def Offset():
    return Query(0, ge=0, le=MAX_OFFSET)


def Text():
    return Query(None, min_length=1, max_length=MAX_QUERY_CHARS)


def _page(items: list, offset: int, limit: int | None) -> list:
    return items[offset:offset + limit if limit is not None else None]


def _story_or_404(lib: Library, story_id: str) -> Any:
    s = lib.stories.get(story_id)
    if s is None:
        raise HTTPException(404, f"no story {story_id}")
    return s


def _brief_or_404(lib: Library, story_id: str) -> Any:
    b = lib.briefs.get(story_id)
    if b is None:
        raise HTTPException(404, f"no brief for story {story_id}")
    return b


def register(app: FastAPI, lib: Library) -> None:
    """Add the JSON API's routes to ``app``, in the order ``/api`` lists them."""
    _story_routes(app, lib)
    _record_routes(app, lib)
    _search_route(app, lib)


def _story_routes(app: FastAPI, lib: Library) -> None:
    @app.get("/api/stories")
    def api_stories(limit: int | None = Limit(), offset: int = Offset()) -> list[dict]:
        return [{"id": s.id, "title": s.title, "first_seen": s.first_seen, "last_seen": s.last_seen,
                 "articles": len(s.article_ids), "copies": len(s.copies)}
                for s in _page(lib.corpus.stories, offset, limit)]

    @app.get("/api/stories/{story_id}", response_model=dict)
    def api_story(story_id: str) -> Response:
        _story_or_404(lib, story_id)
        return Response(lib.story_json(story_id), media_type="application/json")

    @app.get("/api/stories/{story_id}/brief")
    def api_brief(story_id: str, format: str = Query("json", pattern="^(json|md|html)$")):
        story = _story_or_404(lib, story_id)
        brief = _brief_or_404(lib, story_id)
        if format == "md":
            return PlainTextResponse(brief.markdown, media_type="text/markdown")
        if format == "html":
            return HTMLResponse(render_html(brief, story, lib.articles, lambda sid: f"/stories/{quote(sid, safe='')}"),
                                headers={"Content-Security-Policy": CSP})
        return Response(lib.brief_json(story_id), media_type="application/json")


def _record_routes(app: FastAPI, lib: Library) -> None:
    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict:
        a = lib.articles.get(article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id}")
        return a.model_dump(mode="json")

    @app.get("/api/quotes")
    def api_quotes(speaker: str | None = Text(), story: str | None = Text(), limit: int | None = Limit(),
                   offset: int = Offset()) -> list[dict]:
        members = set(_story_or_404(lib, story).article_ids) if story else None
        out = [q for q in lib.corpus.quotes if (members is None or q.span.article_id in members)
               and (not speaker or spoken_by(q, speaker, lib.entities))]
        return [q.model_dump(mode="json") for q in _page(out, offset, limit)]

    @app.get("/api/entities")
    def api_entities(type: str | None = Text(), limit: int | None = Limit(), offset: int = Offset()) -> list[dict]:
        chosen = [x for x in lib.corpus.entities if type is None or x.type == type]
        return [{"id": x.id, "name": x.name, "type": x.type, "aliases": x.aliases, "roles": x.roles,
                 "kb_id": x.kb_id, "mentions": len(x.mentions)} for x in _page(chosen, offset, limit)]


def _search_route(app: FastAPI, lib: Library) -> None:
    @app.get("/api/search")
    def api_search(q: str = Query(..., min_length=1, max_length=MAX_QUERY_CHARS),
                   limit: int = Query(20, ge=1, le=MAX_SEARCH_HITS)) -> JSONResponse:
        """BM25 hits from the folder's index; without a usable index, a plain scan of the analysis
        (header X-Search: index | scan says which answered)."""
        hits, how = lib.search(q, limit)
        return JSONResponse(hits, headers={"X-Search": how})
