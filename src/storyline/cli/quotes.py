"""``storyline quotes``: who said what in a finished run, each quotation with its citations and the
outlets that carried it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from ..cli_help import Command, examples
from ..config import Settings
from ..quotes.grouping import collapse, outlets_by_group
from ..quotes.lookup import spoken_by
from ..quotes.trust import speaker_label
from .options import DEFAULT_OUT, FromDir, JsonFlag, load_run
from .output import emit_json, out, shown
from .root import app


@app.command(cls=Command, epilog=examples(
    "storyline quotes --from out", "storyline quotes --from out --speaker Kowalczyk --json"))
def quotes(from_dir: FromDir = Path(DEFAULT_OUT),
           speaker: Annotated[Optional[str], typer.Option(metavar="NAME", help="Only quotes by this person "
                                                          "(any alias or spelling).")] = None,
           as_json: JsonFlag = False) -> None:
    """Who said what, with citations."""
    corpus = load_run(from_dir)
    arts = {a.id: a for a in corpus.articles}
    ents = {e.id: e for e in corpus.entities}
    outlets = outlets_by_group(corpus.quotes, {a.id: a.outlet for a in corpus.articles})
    kept = [q for q in corpus.quotes if not speaker or spoken_by(q, speaker, ents)]
    if as_json:
        rows = [{"speaker": q.speaker, "kind": q.kind, "text": q.text, "outlet": arts[q.span.article_id].outlet,
                 "article_id": q.span.article_id, "start": q.span.start, "end": q.span.end,
                 "cue": q.cue, "confidence": q.confidence, "group_id": q.group_id,
                 "source": q.source.text if q.source else None,
                 "outlets": len(outlets.get(q.group_id, [])) if q.group_id else 1} for q in kept]
        emit_json(rows, ensure_ascii=False, indent=1)
        return
    sure = Settings().speaker_sure
    for group in collapse(kept):
        lead = group[0]
        named = next((q for q in group if q.speaker), None)
        who = speaker_label(named.speaker, named.confidence, sure) if named else None
        if who is None and (src := next((q.source for q in group if q.source), None)) is not None:
            who = f"(source) {src.text}"  # "two officials": said by someone, though no one person is named
        n = len(outlets.get(lead.group_id, [])) if lead.group_id else 1
        more = f" (quoted by {n} outlets)" if n > 1 else ""
        # a report reads by its verb: "Volkhov [indirect · defended] “the decision”"
        verb = f"{lead.cue} to" if (lead.cue or "").lower() == "according" else lead.cue
        how = f"{lead.kind} · {verb}" if lead.kind == "indirect" and lead.cue else lead.kind
        out.print(Text.assemble((shown(who or "(unattributed)"), "bold"), shown(f" [{how}] “{lead.text}”"),
                                (more, "cyan")))
        for q in group:
            out.print(Text(shown(f"   — {arts[q.span.article_id].outlet or ''} {q.span.article_id}:{q.span.start}-"
                                 f"{q.span.end}{'' if q is lead else ' “' + q.text[:70] + '”'}"), style="dim"))
