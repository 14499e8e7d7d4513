"""Plain text, usually copied from a web page (site name, menus and title lines come along).

A pasted text may start with a front matter block that says what the page does not::

    ---
    title: Korsa closes border crossing at Lindhaven
    outlet: Nordwire
    published: 2025-03-14
    ---

Its keys are the JSON reader's fields (same names and aliases: ``date`` for ``published``,
``source``/``site`` for ``outlet``, ``author``/``byline``...), so it behaves exactly like a JSON
input: metadata wins over what cleaning infers, and unknown keys are kept in ``extra``. The block
is cut from the text before cleaning. Anything that is not a well-formed block (no closing ``---``
within MAX_FRONT_MATTER_LINES lines, a line that is not ``key: value``) leaves the text untouched.
"""

from __future__ import annotations

import re
from typing import Any

from .base import RawDoc, ReadError, decode, register
from .jsonfmt import META_FIELDS

MAX_FRONT_MATTER_LINES = 40  # a real block has a handful of keys; a "---" rule in prose is not one
_KEY_VALUE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,40})[ \t]*:[ \t]*(.*)")
_QUOTES = ("\"\"", "''", "\u201c\u201d", "\u2018\u2019", "\u00ab\u00bb")
_ALIASES = {alias.lower(): key for key, names in META_FIELDS.items() for alias in names}


def _unquote(value: str) -> str:
    value = value.strip()
    for q in _QUOTES:
        if len(value) >= 2 and value[0] == q[0] and value[-1] == q[1]:
            return value[1:-1].strip()
    return value


def split_front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """(meta, the text after the block) for a text that opens with front matter, else None."""
    lines = text.lstrip("\ufeff").split("\n")
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if start is None or lines[start].rstrip() != "---":
        return None
    pairs: list[tuple[str, str]] = []
    for j in range(start + 1, min(len(lines), start + 2 + MAX_FRONT_MATTER_LINES)):
        line = lines[j].rstrip()
        if line == "---":
            break
        if not line.strip():
            continue
        m = _KEY_VALUE.fullmatch(line)
        if m is None:
            return None  # prose under a horizontal rule, not metadata
        pairs.append((m.group(1).lower().replace("-", "_"), _unquote(m.group(2) or "")))
    else:
        return None  # no closing ---
    if not pairs:
        return None
    given: dict[str, str] = {}
    for key, value in pairs:
        given.setdefault(key, value)
    meta: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for key, value in given.items():
        if key not in _ALIASES:
            extra[key] = value
    for field, names in META_FIELDS.items():  # the JSON reader's order: "outlet" before "source"
        value = next((given[n.lower()] for n in names if given.get(n.lower())), None)
        if value:
            meta[field] = value
    meta["extra"] = extra
    return meta, "\n".join(lines[j + 1:]).lstrip("\n")


@register("text", suffixes=(".txt", ".text", ".md"), content_types=("text/plain", "text/markdown"))
def read_txt(source: str, data: bytes) -> list[RawDoc]:
    text = decode(source, data)
    if (front := split_front_matter(text)) is None:
        return [RawDoc(source, text, "text")]
    meta, body = front
    if not body.strip():
        raise ReadError(source, "front matter but no article text after it")
    return [RawDoc(source, body, "text", meta)]
