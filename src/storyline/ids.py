"""Ids of articles and extracted items: one recipe each, so an id can be rebuilt from its parts.

Quotes, quoted terms, claims and time expressions are named by their article and character span.
Because every per-article stage builds ids here, a cached result can be moved to another article
id (the same text read from a renamed folder) by rebuilding each id from its span
(``engine.rehome``), instead of analysing the text again.
"""

from __future__ import annotations

import hashlib


def article_id(source: str, text: str) -> str:
    """Stable id: the same source with the same cleaned text always gets the same id."""
    return hashlib.sha1(f"{source}\x00{text}".encode()).hexdigest()[:16]


def span_id(prefix: str, article_id: str, start: int, end: int) -> str:
    """``prefix`` + 10 hex digits of sha1("<article_id>:<start>:<end>")."""
    return prefix + hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:10]


def prefix_of(item_id: str) -> str:
    """The kind prefix of an id made by :func:`span_id` ("q_", "qt_", "c_", "t_")."""
    return item_id[: item_id.index("_") + 1] if "_" in item_id else ""
