"""What several commands take, and the checks on it: ``--from`` and the analysis it holds, input
paths, ``--json``, ``--allow-private``. One definition each, so the same option reads the same
in every command's help and fails with the same message."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..ingest.readers.url import is_url
from ..model import Corpus
from ..outputs import analysis_path, read_analysis
from .output import fail

DEFAULT_OUT = "out"
FromDir = Annotated[Path, typer.Option("--from", metavar="DIR", help="Folder written by `storyline analyze --out`.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of a table.")]
Inputs = Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, folders (recursive), archives, "
                                             "URLs, RSS/Atom feeds, WARC files, or - for stdin.")]
AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="Allow URLs on private/loopback addresses.")]


def load_run(from_dir: Path) -> Corpus:
    """The analysis in ``from_dir``; a folder without one, or with one it cannot read, is exit 2
    with the command that writes it."""
    path = analysis_path(from_dir)
    if not path.exists():
        raise fail(f"{path}: no analysis found; run `storyline analyze PATH --out {from_dir}` first")
    try:
        return read_analysis(path)
    except (OSError, ValueError) as e:
        raise fail(f"{path}: cannot read the analysis ({type(e).__name__}); "
                   f"run `storyline analyze PATH --out {from_dir}` again") from None


def check_inputs(paths: list[str]) -> None:
    """A path that names nothing is a typo, not a failed input: one line and exit 2, before any
    work and before --out is touched. URLs and ``-`` are checked when read."""
    missing = [p for p in paths if p != "-" and not is_url(p) and not os.path.lexists(p)]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}")
