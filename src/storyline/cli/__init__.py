"""Command line: data on stdout, logs and progress on stderr, and exit codes a script can act on.

Exit codes (every command):

    0  done
    1  partly done: some inputs failed and the rest is written (``analyze``, ``extract``), or
       ``brief --llm`` never reached its endpoint and printed the extractive brief
    2  usage error, nothing done: a bad option, an input path that does not exist, no analysis in
       ``--from``, an unknown story id, entity type or entity name, an earlier run
       ``--extend-stories`` cannot read, a spaCy pipeline that is not installed
    3  nothing written: every input failed, no readable input (an empty folder), or another
       ``analyze`` is writing into the same ``--out``

Every error is one line on stderr, ``error: <what>``. Nothing printed is ever read as Rich markup
(the consoles and the help have markup off; styles come from ``Text``), and every string from
outside (paths, URLs, titles, article text, error messages) is shown through :func:`shown`, which
replaces control characters and lone surrogates, so an input can neither break a message nor reach
the terminal with escape sequences.

The package: :mod:`.root` holds the Typer app, :mod:`.output` how commands print and fail,
:mod:`.options` the options several commands share; each other module is one command (or two
close ones) that registers itself on the app when imported, below, in the order ``--help`` lists them.
"""

from __future__ import annotations

from ..outputs import write_outputs  # re-exported, like the names below that tests import from here
# importing a command module registers its commands on the app, so this order is --help's order
from . import analyze, evaluate, stories, quotes, entities, search, stages, serve, extract  # noqa: F401
from .output import emit_json, json_text, shown
from .root import app
from .serve import DEFAULT_PORT

__all__ = ["app", "main", "write_outputs"]  # write_outputs: re-exported for callers of its old home


def main() -> None:
    app()
