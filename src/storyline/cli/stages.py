"""``storyline stages``: the named stages of ``analyze`` in run order, and which ``--skip`` may
leave out."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..cli_help import Command, examples
from .output import emit_json, out
from .root import app


@app.command("stages", cls=Command, epilog=examples("storyline stages", "storyline stages --json"))
def stages_cmd(as_json: Annotated[bool, typer.Option("--json", help="Print the stages as JSON on stdout.")] = False
               ) -> None:
    """The named stages of `analyze`, in run order: per article, then over the corpus. Any stage not
    marked required can be left out with `analyze --skip STAGE`."""
    from ..article_stages import ARTICLE_STAGES  # lazy: the stages import most of storyline
    from ..corpus_stages import CORPUS_STAGES

    rows = [{"name": st.name, "kind": reg.kind, "required": st.required, "does": st.doc}
            for reg in (ARTICLE_STAGES, CORPUS_STAGES) for st in reg]
    if as_json:
        emit_json(rows, indent=1)
        return
    t = Table(title="storyline stages")
    for col in ("stage", "runs", "skippable", "what it does"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["name"], str(r["kind"]), "no" if r["required"] else "yes", Text(str(r["does"])))
    out.print(t)
