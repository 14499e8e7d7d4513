"""FastAPI app: the JSON API and a small web reader over one ``analyze --out`` folder.

Read-only by design: the server never fetches or executes anything from the articles; every page
escapes article text and is sent with a Content-Security-Policy that forbids scripts.
"""

from __future__ import annotations

import html
from functools import cached_property
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse

from ..model import Article, Corpus

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors 'none'"
PAGE_STYLE = ("body{font:16px/1.55 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}"
              "mark{background:#fe9}a{color:#0645ad}table{border-collapse:collapse}td,th{padding:.2em .6em;"
              "border-bottom:1px solid #ddd;text-align:left}.dim{color:#666}")


class Library:
    """The analysis loaded once; indexes built lazily."""

    def __init__(self, folder: Path):
        self.folder = folder
        path = folder / "analysis.json" if folder.is_dir() else folder
        self.corpus = Corpus.model_validate_json(path.read_text(encoding="utf-8"))

    @cached_property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for a in self.corpus.articles}

    @cached_property
    def stories(self) -> dict[str, Any]:
        return {s.id: s for s in self.corpus.stories}

    @cached_property
    def briefs(self) -> dict[str, Any]:
        return {b.story_id: b for b in self.corpus.briefs}


def _page(title: str, body: str) -> HTMLResponse:
    doc = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
           f"<style>{PAGE_STYLE}</style></head><body>{body}</body></html>")
    return HTMLResponse(doc, headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"})


def create_app(folder: str | Path) -> FastAPI:
    lib = Library(Path(folder))
    app = FastAPI(title="storyline", version=lib.corpus.schema_version)
    e = html.escape

    def story_or_404(story_id: str):
        s = lib.stories.get(story_id)
        if s is None:
            raise HTTPException(404, f"no story {story_id}")
        return s

    @app.get("/api/stories")
    def api_stories() -> list[dict]:
        return [{"id": s.id, "title": s.title, "first_seen": s.first_seen, "last_seen": s.last_seen,
                 "articles": len(s.article_ids), "copies": len(s.copies)} for s in lib.corpus.stories]

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> dict:
        return story_or_404(story_id).model_dump(mode="json")

    @app.get("/api/stories/{story_id}/brief")
    def api_brief(story_id: str, format: str = Query("json", pattern="^(json|md|html)$")):
        story = story_or_404(story_id)
        brief = lib.briefs[story_id]
        if format == "md":
            return PlainTextResponse(brief.markdown, media_type="text/markdown")
        if format == "html":
            from ..brief.render import render_html

            return HTMLResponse(render_html(brief, story, lib.articles), headers={"Content-Security-Policy": CSP})
        return brief.model_dump(mode="json")

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict:
        a = lib.articles.get(article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id}")
        return a.model_dump(mode="json")

    @app.get("/api/quotes")
    def api_quotes(speaker: str | None = None, story: str | None = None) -> list[dict]:
        from ..entities.canonical import same_person

        members = set(story_or_404(story).article_ids) if story else None
        out = []
        for q in lib.corpus.quotes:
            if members is not None and q.span.article_id not in members:
                continue
            if speaker and not (q.speaker and same_person(q.speaker, speaker)):
                continue
            out.append(q.model_dump(mode="json"))
        return out

    @app.get("/api/entities")
    def api_entities(type: str | None = None) -> list[dict]:
        return [{"id": x.id, "name": x.name, "type": x.type, "aliases": x.aliases, "roles": x.roles,
                 "kb_id": x.kb_id, "mentions": len(x.mentions)}
                for x in lib.corpus.entities if type is None or x.type == type]

    @app.get("/api/search")
    def api_search(q: str, limit: int = 20) -> list[dict]:
        import dataclasses

        import duckdb

        from ..store.search import SearchUnavailable, search

        db = lib.folder / "storyline.duckdb"
        if not db.exists():
            raise HTTPException(404, "no database in this folder")
        con = duckdb.connect(str(db), read_only=True)
        try:
            return [dataclasses.asdict(h) for h in search(con, q, limit)]
        except SearchUnavailable as err:
            raise HTTPException(501, str(err)) from None
        finally:
            con.close()

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        rows = "".join(
            f"<tr><td><a href='/stories/{e(s.id)}'>{e(s.title)}</a></td><td>{e(str(s.first_seen))} – "
            f"{e(str(s.last_seen))}</td><td>{len(s.article_ids)}</td></tr>" for s in lib.corpus.stories)
        return _page("storyline", f"<h1>Stories</h1><table><tr><th>story</th><th>dates</th><th>articles</th></tr>"
                                  f"{rows}</table><p class='dim'>JSON API: <a href='/docs'>/docs</a></p>")

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        story = story_or_404(story_id)
        brief = lib.briefs[story_id]
        nums = {aid: i for i, aid in enumerate(story.article_ids, 1)}
        sections: dict[str, list[str]] = {}
        for s in brief.sentences:
            links = "".join(
                f" <a href='/articles/{e(c.article_id)}?start={c.start}&end={c.end}#cited'>[{nums.get(c.article_id, '?')}]</a>"
                for c in s.citations)
            sections.setdefault(s.section, []).append(f"<li>{e(s.text)}{links}</li>")
        body = [f"<p><a href='/'>← stories</a></p><h1>{e(brief.headline)}</h1>"]
        for name, items in sections.items():
            body.append(f"<h2>{e(name.replace('_', ' ').capitalize())}</h2><ul>{''.join(items)}</ul>")
        body.append("<h2>Sources</h2><ol>" + "".join(
            f"<li><a href='/articles/{e(aid)}'>{e(lib.articles[aid].outlet or lib.articles[aid].source)}</a> "
            f"<span class='dim'>{e(str(lib.articles[aid].published))} — {e(lib.articles[aid].title or '')}</span></li>"
            for aid in story.article_ids) + "</ol>")
        return _page(brief.headline, "".join(body))

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str, start: int | None = None, end: int | None = None) -> HTMLResponse:
        a = lib.articles.get(article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id}")
        text = a.text
        if start is not None and end is not None and 0 <= start <= end <= len(text):
            body = e(text[:start]) + "<mark id='cited'>" + e(text[start:end]) + "</mark>" + e(text[end:])
        else:
            body = e(text)
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        meta = " · ".join(e(str(x)) for x in (a.outlet, a.published, a.byline, a.language) if x)
        return _page(a.title or a.source, f"<h1>{e(a.title or a.source)}</h1><p class='dim'>{meta}</p>{paras}")

    return app
