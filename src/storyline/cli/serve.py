"""``storyline serve``: the JSON API and the web reader over a finished run, on uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cli_help import Command, examples
from .options import DEFAULT_OUT, FromDir, load_run
from .output import fail
from .root import app

DEFAULT_PORT = 8000


@app.command(cls=Command, epilog=examples(
    f"storyline serve --from out                 # then open http://127.0.0.1:{DEFAULT_PORT}",
    "storyline serve --from out --port 8081",
    "storyline serve --from out --host 0.0.0.0 --allowed-host news.example.org"))
def serve(from_dir: FromDir = Path(DEFAULT_OUT),
          host: Annotated[str, typer.Option(metavar="ADDR", help="Interface to bind (default: this machine only).")
                          ] = "127.0.0.1",
          port: Annotated[int, typer.Option(metavar="PORT", help="TCP port to listen on.")] = DEFAULT_PORT,
          allowed_host: Annotated[Optional[list[str]], typer.Option(
              "--allowed-host", metavar="NAME", help="Another Host name the server answers to (repeatable); "
              "localhost and the bind address always work. Other hosts get 400, against DNS rebinding.")] = None
          ) -> None:
    """Serve the JSON API (/api/...) and a web reader of stories, briefs and cited articles."""
    try:  # lazy: only serve needs the web stack, and an install without it still runs every other command
        import uvicorn

        from ..web.app import create_app
    except ImportError:
        raise fail("serving needs the 'web' extra: pip install 'storyline[web]'") from None
    load_run(from_dir)  # fail early with the usual message when there is no analysis
    uvicorn.run(create_app(from_dir, allowed_hosts=allowed_host or None, bind_host=host), host=host, port=port,
                log_level="info")
