"""The Typer app every command registers on, with the root options (``--version``) and help."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from ..cli_help import examples
from .output import out

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=examples("storyline analyze my_folder --out out      # your articles in, briefs out",
                    "storyline stories --from out                # the stories found",
                    "storyline serve --from out                  # web reader on http://127.0.0.1:8000",
                    "storyline COMMAND --help                    # options and examples of one command"))


def _version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """storyline: messy multi-outlet news in, cited stories out.

    Exit codes: 0 done; 1 some inputs failed (the rest is written), or `brief --llm` never reached
    its endpoint; 2 usage error (bad option, missing input path, unknown id, type or name, no
    analysis in --from); 3 nothing written (every input failed, nothing readable, or another
    analyze is writing into --out).
    """
