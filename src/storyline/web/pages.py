"""The reader's HTML routes, registered on the app by :func:`register`. Each route checks its
parameters, looks up records and hands them to a page builder; the builders live beside it
(``story_page``, ``entities_page``, ``quotes_page``, ``search_page``, ``article_page``).

Every page is server-rendered, escaped, and sent by :func:`layout.page` with a CSP that forbids
scripts. An unknown id is a 404 page (HTML here; the API keeps its JSON errors)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..brief.render import clip
from ..model import Article, Brief, Story
from ..text.plural import counted
from .article_page import article_body
from .entities_page import entities_body, entity_body
from .layout import date_range, esc, href, page, pager
from .library import Library
from .quotes_page import filter_quotes, quotes_body
from .search_page import search_body
from .story_page import counts_line, story_body
from .views import ReaderIndex

MAX_TEXT = 500  # a search query or a filter value, as the API bounds them
MAX_OFFSET = 10 ** 9
SEARCH_HITS = 60
SORTS = {"recent": "newest first", "size": "most articles first"}
STORIES_PER_PAGE = 100

Search = Callable[[str, int], list[dict]]


def sort_stories(stories: list[Story], by: str) -> list[Story]:
    """``recent``: latest report first (undated stories last); ``size``: most articles first."""
    if by == "size":
        return sorted(stories, key=lambda s: (-len(s.article_ids), -len({*s.article_ids} - {*s.copies})))
    dated = sorted((s for s in stories if s.last_seen), key=lambda s: s.last_seen or "", reverse=True)
    return dated + [s for s in stories if not s.last_seen]


def home_body(stories: list[Story], briefs: Mapping[str, Brief], articles: Mapping[str, Article], by: str,
              offset: int = 0) -> str:
    sorts = " · ".join(f"<a href='/?sort={k}'{' aria-current=true' if k == by else ''}>{v}</a>"
                       for k, v in SORTS.items())
    items = []
    for s in sort_stories(stories, by)[offset:offset + STORIES_PER_PAGE]:
        b = briefs.get(s.id)
        teaser = next((x.text for x in b.sentences if x.section == "summary"), "") if b else ""
        kind = " <span class='tag'>roundup</span>" if s.kind == "roundup" else ""
        items.append(f"<li class='story'><h2><a href='{esc(href('/stories', s.id))}'>{esc(s.title)}</a>{kind}</h2>"
                     f"<p class='meta'>{date_range(s.first_seen, s.last_seen)} · {esc(counts_line(s, articles))}</p>"
                     + (f"<p>{esc(clip(teaser, 240))}</p>" if teaser else "") + "</li>")
    listing = f"<ol class='stories'>{''.join(items)}</ol>" if items else "<p>No stories in this analysis.</p>"
    return (f"<h1>Stories</h1><p class='meta'>{counted(len(stories), 'story', 'stories')} from "
            f"{counted(len(articles), 'article')}</p><p class='sort'>Sort: {sorts}</p>{listing}"
            + pager("/", offset, STORIES_PER_PAGE, len(stories), sort=by))


def api_body(app: FastAPI) -> str:
    """Every JSON endpoint with its parameters, read from the app's routes so it cannot go stale."""
    rows = []
    for r in app.routes:
        if isinstance(r, APIRoute) and r.path.startswith("/api") and r.include_in_schema:
            params = ", ".join(p.name for p in r.dependant.query_params)
            doc = (r.endpoint.__doc__ or "").strip().split("\n")[0]
            linkable = "{" not in r.path and "q" not in params.split(", ")  # needs no value to answer
            path = f"<a href='{esc(r.path)}'>{esc(r.path)}</a>" if linkable else esc(r.path)
            rows.append(f"<li><code>{esc(' '.join(sorted(r.methods)))} {path}</code>"
                        + (f" <span class='dim'>params: {esc(params)}</span>" if params else "")
                        + (f"<br>{esc(doc)}" if doc else "") + "</li>")
    return ("<h1>JSON API</h1><p>Read-only JSON over the same analysis. The machine-readable description "
            "is <a href='/openapi.json'>/openapi.json</a>.</p>" f"<ul>{''.join(rows)}</ul>")


def register(app: FastAPI, lib: Library, search: Search) -> None:
    """Add the reader's routes and the HTML error page to ``app``. ``search(query, limit)`` gives hits
    in the API's shape (kind, id, article_id, start, end, ...)."""
    index = ReaderIndex(lib.corpus)
    _html_errors(app)
    _story_routes(app, lib, index)
    _people_routes(app, lib, index)
    _search_routes(app, lib, index, search)


def _text(name: str):
    """A bounded text filter: a fresh Query each call, since FastAPI binds one to the parameter it first meets."""
    return Query(None, max_length=MAX_TEXT, description=name)


def _story_or_404(lib: Library, story_id: str) -> Story:
    s = lib.stories.get(story_id)
    if s is None:
        raise HTTPException(404, f"No story {story_id}.")
    return s


def _html_errors(app: FastAPI) -> None:
    """An error on a reader's page is a page; under /api and /openapi it stays FastAPI's JSON."""
    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(("/api", "/openapi")):
            return await http_exception_handler(request, exc)
        title = "Not found" if exc.status_code == 404 else "Error"
        return page(title, f"<h1>{title}</h1><p>{esc(exc.detail)}</p><p><a href='/'>All stories</a></p>",
                    status=exc.status_code)


def _story_routes(app: FastAPI, lib: Library, index: ReaderIndex) -> None:
    """The home page's list of stories, a story with its brief, and a cited article."""
    @app.get("/", include_in_schema=False)
    def home(sort: str = Query("recent", pattern="^(recent|size)$"), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        return page("Stories", home_body(lib.corpus.stories, lib.briefs, lib.articles, sort, offset), "home")

    @app.get("/stories/{story_id}", include_in_schema=False)
    def story(story_id: str):
        s = _story_or_404(lib, story_id)
        b = lib.briefs.get(story_id)
        if b is None:  # the run skipped briefs, or this story's brief failed: the story is still readable
            b = Brief(story_id=s.id, headline=s.title, sentences=[])
            return page(b.headline, story_body(s, b, lib.articles, lib.corpus.entities, index.titles, has_brief=False))
        return page(b.headline, story_body(s, b, lib.articles, lib.corpus.entities, index.titles))

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article(article_id: str, start: int | None = Query(None, ge=0, le=MAX_OFFSET),
                end: int | None = Query(None, ge=0, le=MAX_OFFSET)):
        a = lib.articles.get(article_id)
        if a is None:
            raise HTTPException(404, f"No article {article_id}.")
        ok = start is not None and end is not None and start <= end <= len(a.text)
        focus = (start, end) if ok else None
        body = article_body(a, index.cited.get(a.id, []), focus, index.stories_of_article.get(a.id, []))
        return page(a.title or a.source, body)


def _people_routes(app: FastAPI, lib: Library, index: ReaderIndex) -> None:
    """The entities list, one entity's page, and the quotes (by speaker, outlet or story)."""
    @app.get("/entities", include_in_schema=False)
    def entities(type: str | None = _text("entity type, e.g. PERSON"), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        body = entities_body(lib.corpus.entities, type or None, index.stories_of_entity, offset)
        return page("Entities", body, "entities")

    @app.get("/entities/{entity_id}", include_in_schema=False)
    def entity(entity_id: str):
        e = lib.entities.get(entity_id)
        if e is None:
            raise HTTPException(404, f"No entity {entity_id}.")
        body = entity_body(e, index.quotes_by_entity.get(e.id, []), index.stories_of_entity.get(e.id, []),
                           lib.articles)
        return page(e.name, body, "entities")

    @app.get("/quotes", include_in_schema=False)
    def quotes(speaker: str | None = _text("speaker name"), outlet: str | None = _text("outlet name"),
               story: str | None = _text("story id"), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        s = _story_or_404(lib, story) if story else None
        chosen = filter_quotes(lib.corpus.quotes, lib.articles, lib.entities, speaker, outlet,
                               set(s.article_ids) if s else None)
        body = quotes_body(chosen, lib.articles, index.outlets, speaker or None, outlet or None,
                           (s.id, s.title) if s else None, offset, index.speakers)
        return page("Quotes", body, "quotes")


def _search_routes(app: FastAPI, lib: Library, index: ReaderIndex, search: Search) -> None:
    """The search page and the page describing the JSON API."""
    @app.get("/search", include_in_schema=False)
    def search_page(q: str = Query("", max_length=MAX_TEXT)):
        hits = search(q, SEARCH_HITS) if q.strip() else []
        body = search_body(q, hits, lib.corpus.entities, index.quotes, lib.articles)
        return page(f"Search: {q}" if q.strip() else "Search", body, query=q)

    @app.get("/api", include_in_schema=False)
    def api_help():
        return page("API", api_body(app), "api")
