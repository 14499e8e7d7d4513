"""HTML pages; extraction happens later (ingest.html), so the page is only decoded here."""

from __future__ import annotations

from .base import RawDoc, decode, head, register


def looks_html(data: bytes) -> bool:
    h = head(data, 4096)
    return h.startswith((b"<!doctype html", b"<html")) or (b"<html" in h and b"<body" in h) \
        or (h.startswith(b"<") and (b"<head" in h or b"<body" in h or b"<p>" in h or b"<div" in h))


@register("html", suffixes=(".html", ".htm", ".xhtml", ".shtml"), sniff=looks_html,
          content_types=("text/html", "application/xhtml+xml"))
def read_html(source: str, data: bytes) -> list[RawDoc]:
    return [RawDoc(source, decode(source, data), "html")]
