"""Move a cached per-article result to the source it was read from this time.

The result cache is keyed by what an analysis depends on (text, metadata, model, code, and the
date a path may carry), not by the path: the same files in a renamed or copied folder are not
analysed again. An article's id includes its source, so a hit from another path gets the new
article id, and every item id built from it (``ids.span_id``) is rebuilt from its span; offsets
do not change because the text is the same.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from pydantic import TypeAdapter

from ..ids import article_id, prefix_of, span_id

R = TypeVar("R")


def rehome(result: R, source: str) -> R:
    """``result`` (a per-article result dataclass with an ``article``) as if read from ``source``."""
    old = result.article  # type: ignore[attr-defined]
    new_id = article_id(source, old.text)
    if new_id == old.id and old.source == source:
        return result
    renamed = {old.id: new_id}
    for item in _span_items(result):
        renamed[item.id] = span_id(prefix_of(item.id), new_id, item.span.start, item.span.end)
    adapter = TypeAdapter(type(result))
    data = _renamed(adapter.dump_python(result, mode="json"), renamed)
    data["article"]["source"] = source
    return adapter.validate_python(data)


def _span_items(result: Any) -> list[Any]:
    """Items of the result's lists that are named by their span (they have ``id`` and ``span``)."""
    return [item for f in dataclasses.fields(result) if isinstance(seq := getattr(result, f.name), list)
            for item in seq if hasattr(item, "id") and hasattr(item, "span")]


def _renamed(value: Any, renamed: dict[str, str]) -> Any:
    if isinstance(value, str):
        return renamed.get(value, value)
    if isinstance(value, list):
        return [_renamed(v, renamed) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, renamed) for k, v in value.items()}
    return value
