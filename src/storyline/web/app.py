"""FastAPI app: the JSON API and a small web reader over one ``analyze --out`` folder.

Read-only by design: the server never fetches or executes anything from the articles; every page
escapes article text and is sent with a Content-Security-Policy that forbids scripts. Every query
parameter is bounded (out of range is a 422, never a 500), and requests must name a trusted host:
a page on another name that resolves to this machine (DNS rebinding) gets a 400, not the data.

The app is assembled here from its parts: :mod:`.library` (the analysis, loaded once),
:mod:`.api_routes` (the JSON API), :mod:`.pages` (the reader's HTML routes) and :mod:`.hosts`
(which Host names are trusted).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

from . import api_routes, pages
from .hosts import trusted_hosts
from .library import Library


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
    api_routes.register(app, lib)
    pages.register(app, lib, lambda query, limit: lib.search(query, limit)[0])  # the reader searches as the API does
    return app
