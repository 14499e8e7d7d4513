"""RSS and Atom feeds (feedparser): one RawDoc per item, from its full content or its summary."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from .base import Item, RawDoc, ReadError, head, register

MAX_ITEMS = 50_000
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def looks_feed(data: bytes) -> bool:
    h = head(data, 4096)
    return (b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h) and b"<html" not in h


def _iso(t: time.struct_time | None) -> str | None:
    if not t:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S", t)
    except (TypeError, ValueError):
        return None


@register("feed", suffixes=(".rss", ".atom", ".rdf"), sniff=looks_feed,
          content_types=("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                         "application/xml", "text/xml"))
def read_feed(source: str, data: bytes) -> Iterator[Item]:
    import feedparser  # optional extra "feeds"

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as e:  # feedparser wraps expat/sgml errors inconsistently
        raise ReadError(source, f"unreadable feed: {type(e).__name__}") from None
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        raise ReadError(source, f"feed without items{f' ({why})' if why else ''}")
    outlet = (parsed.get("feed") or {}).get("title")
    for i, entry in enumerate(entries[:MAX_ITEMS], 1):
        name = f"{source}#{i}"
        contents = entry.get("content") or []
        body = next((c.get("value") for c in contents if (c.get("value") or "").strip()), None) \
            or entry.get("summary") or ""
        if not body.strip():
            yield ReadError(name, "feed item without content or summary")
            continue
        meta = {"title": entry.get("title"), "url": entry.get("link"), "outlet": outlet,
                "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                "byline": entry.get("author"),
                "extra": {"feed": source, "guid": entry.get("id")}}
        meta = {k: v for k, v in meta.items() if v}
        kind = "html" if _TAG.search(body) else "text"
        yield RawDoc(name, body, kind, meta)  # type: ignore[arg-type]
    if len(entries) > MAX_ITEMS:
        yield ReadError(source, f"{len(entries)} items; only the first {MAX_ITEMS} were read")
