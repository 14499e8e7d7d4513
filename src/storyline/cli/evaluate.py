"""``storyline eval``: an analysis scored against hand-written gold, one row per capability."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..cli_help import Command, examples
from .options import load_run
from .output import emit_json, fail, out, shown
from .root import app


def _read_gold(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise fail(f"{path}: no such file") from None
    except (OSError, ValueError) as e:
        raise fail(f"{path}: cannot read the gold file ({type(e).__name__})") from None


@app.command("eval", cls=Command, epilog=examples(
    "storyline eval demo/gold.json out/analysis.json",
    "storyline eval demo/gold.json out/analysis.json --misses   # list every miss",
    "storyline eval demo/gold.json out --json"))
def eval_cmd(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", help="Gold JSON (e.g. demo/gold.json).")],
    analysis: Annotated[Path, typer.Argument(metavar="ANALYSIS", help="analysis.json written by `storyline "
                                             "analyze`, or its folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores (and misses) as JSON on stdout.")] = False,
    show_misses: Annotated[bool, typer.Option("--misses", help="List what was missed.")] = False,
) -> None:
    """Score an analysis against hand-written gold, one row per capability."""
    from ..evaluate.gold import score  # lazy: ~0.4 s to import, and only eval scores

    scores = score(_read_gold(gold), load_run(analysis))
    if as_json:
        emit_json({s.name: s.as_dict() for s in scores}, indent=1)
        return
    t = Table(title="storyline eval")
    for col in ("capability", "score", "correct / total", "note"):
        t.add_column(col)
    for s in scores:
        val = f"{s.value:.3f}" if s.value is not None else "n/a"
        t.add_row(s.name, val, f"{s.correct:.4g} / {s.total}", Text(shown(s.note)))
    out.print(t)
    if show_misses:
        for s in scores:
            for d in s.details:
                out.print(Text.assemble((f"{s.name}:", "dim"), " ", shown(d)))
