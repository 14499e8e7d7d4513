"""``storyline entities``: the people (or other entities) of a finished run, with their aliases,
how often each outlet writes each spelling, and their roles."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from ..cli_help import Command, examples
from .options import DEFAULT_OUT, FromDir, JsonFlag, load_run
from .output import emit_json, fail, out, shown
from .root import app


@app.command(cls=Command, epilog=examples(
    "storyline entities --from out                      # people",
    "storyline entities --from out --type all --json",
    "storyline entities --from out --name \"Dmytro Volkhov\"   # one person, any spelling"))
def entities(from_dir: FromDir = Path(DEFAULT_OUT),
             kind: Annotated[str, typer.Option("--type", metavar="TYPE", help="PERSON, ORG, GPE, LOC, NORP, EVENT, "
                                               "or all (any case).")] = "PERSON",
             name: Annotated[Optional[str], typer.Option(metavar="NAME", help="Only entities known by this name "
                                                         "(any alias or spelling); exit 2 when none is.")] = None,
             as_json: JsonFlag = False) -> None:
    """People (or other entities) with their aliases, how often each spelling occurs, and roles."""
    # lazy: LABELS lives beside the spaCy mention extractor (~2 s to import); only entities needs it
    from ..entities.mentions import LABELS
    from ..entities.names import same_person
    from ..entities.translit import fold

    corpus = load_run(from_dir)
    kind = kind if kind == "all" else kind.upper()
    types = set(LABELS.values()) | {e.type for e in corpus.entities}
    if kind != "all" and kind not in types:
        raise fail(f"unknown entity type {kind!r} ({', '.join(sorted(types))}, all)")
    outlet_of = {a.id: a.outlet for a in corpus.articles}
    rows = []
    for e in corpus.entities:
        if kind != "all" and e.type != kind:
            continue
        if name and not any(same_person(n, name) if e.type == "PERSON" else fold(n) == fold(name)
                            for n in (e.name, *e.aliases)):
            continue
        spellings = Counter(s.text for s in e.mentions)
        by_outlet: dict[str, Counter[str]] = {}
        for s in e.mentions:  # which outlet writes Kiev and which Kyiv: a framing signal
            by_outlet.setdefault(outlet_of.get(s.article_id) or "?", Counter())[s.text] += 1
        rows.append({"id": e.id, "name": e.name, "type": e.type, "mentions": len(e.mentions),
                     "articles": len({s.article_id for s in e.mentions}),
                     "outlets": sorted({o for s in e.mentions if (o := outlet_of.get(s.article_id))}),
                     "aliases": e.aliases, "spellings": dict(spellings.most_common()),
                     "spellings_by_outlet": {o: dict(c.most_common()) for o, c in sorted(by_outlet.items())},
                     "roles": e.roles,
                     "kb_id": e.kb_id})
    if name and not rows:
        raise fail(f"no {'entity' if kind == 'all' else kind} known as {name!r}; "
                   f"see `storyline entities --from {from_dir} --type {kind}`")
    if as_json:
        emit_json(rows, ensure_ascii=False, indent=1)
        return
    t = Table()
    for col in ("name", "type", "mentions", "articles", "aliases (mentions)", "roles", "kb"):
        t.add_column(col)
    for r in rows:
        aliases = ", ".join(f"{a} ({r['spellings'][a]})" if a in r["spellings"] else a for a in r["aliases"])
        t.add_row(*(Text(shown(x)) for x in (r["name"], r["type"], str(r["mentions"]), str(r["articles"]), aliases,
                                             ", ".join(r["roles"]), r["kb_id"] or "")))
    out.print(t)
