"""An optional knowledge base of known entities (CSV or JSONL) to link canonical entities to ids.

Columns / keys: ``id`` (e.g. a Wikidata QID), ``name``, ``type`` (PERSON, ORG, GPE, LOC, ...),
``aliases`` and ``roles`` ('|'-separated in CSV, lists or '|'-strings in JSONL). Linking is
precision-first: an entity links only when exactly one entry fits its name or one of its aliases.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StorylineError
from .names import name_score, parse
from .translit import fold

PERSON_LINK = 0.95  # name score needed to link a person: full names, near-exact
_PLACE_TYPES = {"GPE", "LOC"}


class KBError(StorylineError, ValueError):
    """The knowledge-base file cannot be read; the message names the file and the line."""


@dataclass(frozen=True)
class KBEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class KB:
    entries: list[KBEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_key: dict[str, list[KBEntry]] = {}
        for e in self.entries:
            for n in e.names:
                self._by_key.setdefault(fold(n), []).append(e)

    def candidates(self, names: list[str], type_: str) -> list[KBEntry]:
        """Entries whose type fits and whose name or alias is one of ``names`` (persons: the same
        person by the name rules, full names only; others: the same folded spelling)."""
        found: dict[str, KBEntry] = {}
        if type_ == "PERSON":
            fulls = [p for n in names if (p := parse(n)) and p.is_full]
            for e in self.entries:
                if e.type != "PERSON":
                    continue
                for kn in e.names:
                    pk = parse(kn)
                    if pk and pk.is_full and any((s := name_score(p, pk)) is not None and s >= PERSON_LINK for p in fulls):
                        found[e.id] = e
            return list(found.values())
        for n in names:
            for e in self._by_key.get(fold(n), []):
                if e.type == type_ or (e.type in _PLACE_TYPES and type_ in _PLACE_TYPES | {"ORG"}):
                    found[e.id] = e
        return list(found.values())

    def link(self, names: list[str], type_: str) -> KBEntry | None:
        cands = self.candidates(names, type_)
        return cands[0] if len(cands) == 1 else None


def _split(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(v.strip() for v in str(value).split("|") if v.strip())


def _entry(row: dict, where: str) -> KBEntry:
    if not row.get("id") or not row.get("name"):
        raise KBError(f"{where}: every entry needs 'id' and 'name'")
    return KBEntry(id=str(row["id"]).strip(), name=str(row["name"]).strip(),
                   type=str(row.get("type") or "PERSON").strip().upper(),
                   aliases=_split(row.get("aliases")), roles=_split(row.get("roles")))


def load_kb(path: str | Path) -> KB:
    """Read a CSV (with a header row) or JSONL knowledge base."""
    p = Path(path)
    if not p.exists():
        raise KBError(f"{p}: knowledge base not found")
    text = p.read_text(encoding="utf-8-sig")
    entries = []
    if p.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise KBError(f"{p}:{i}: not JSON ({e.msg})") from e
            entries.append(_entry(row, f"{p}:{i}"))
    else:
        for i, row in enumerate(csv.DictReader(text.splitlines()), 2):
            entries.append(_entry(row, f"{p}:{i}"))
    return KB(entries)
