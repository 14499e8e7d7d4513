"""Plain text, usually copied from a web page (site name, menus and title lines come along)."""

from __future__ import annotations

from .base import RawDoc, decode, register


@register("text", suffixes=(".txt", ".text", ".md"), content_types=("text/plain", "text/markdown"))
def read_txt(source: str, data: bytes) -> list[RawDoc]:
    return [RawDoc(source, decode(source, data), "text")]
