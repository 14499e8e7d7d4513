"""JSON and JSON Lines: one article per object, with fields such as title, url, outlet, published,
author and text or html. Unknown fields are kept in ``extra``, never dropped; a broken line is one
error and the other lines still count."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .base import MAX_BYTES, Item, RawDoc, ReadError, decode, head, register

META_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher", "source_domain"),
    "published": ("published", "date", "published_at", "pubdate", "datePublished", "date_publish",
                  "published_date", "publish_date"),
    "byline": ("author", "byline", "authors"),
    "language": ("language", "lang"),
}
BODY_FIELDS = ("text", "body", "content", "maintext", "articleBody", "article")
MAX_DEPTH_ITEMS = 100_000


def _scalar(v: Any) -> str | None:
    if isinstance(v, (str, int, float)) and str(v).strip():
        return str(v).strip()
    if isinstance(v, list) and v and all(isinstance(x, (str, int, float)) for x in v):
        return ", ".join(str(x) for x in v)
    if isinstance(v, dict):  # {"name": "..."} as in schema.org authors and publishers
        return _scalar(v.get("name"))
    return None


def record_to_doc(source: str, obj: Any) -> RawDoc:
    """A JSON object with article fields to a RawDoc."""
    if not isinstance(obj, dict):
        raise ReadError(source, f"expected a JSON object, got {type(obj).__name__}")
    meta: dict[str, Any] = {}
    used: set[str] = set()
    for key, names in META_FIELDS.items():
        for n in names:
            if n in obj and (v := _scalar(obj[n])):
                meta[key] = v
                used.add(n)
                break
    body_key = next((k for k in BODY_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if body_key:
        content, kind = obj[body_key], "text"
        if content.lstrip()[:1] == "<" and "</" in content[:5000]:
            kind = "html"  # some dumps put markup in "content"
    elif isinstance(obj.get("html"), str) and obj["html"].strip():
        body_key, content, kind = "html", obj["html"], "html"
    else:
        raise ReadError(source, "no text or html field")
    used.add(body_key)
    meta["extra"] = {k: v for k, v in obj.items() if k not in used}
    return RawDoc(source, content, kind, meta)  # type: ignore[arg-type]


def looks_json(data: bytes) -> bool:
    return head(data)[:1] in (b"{", b"[")


@register("json", suffixes=(".json",), sniff=looks_json, content_types=("application/json",))
def read_json(source: str, data: bytes) -> Iterator[Item]:
    text = decode(source, data)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        if _first_line_is_object(text):
            yield from read_jsonl_text(source, text)  # JSON Lines under a .json name
            return
        raise ReadError(source, f"broken JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    except RecursionError:
        raise ReadError(source, "JSON nested too deeply") from None
    except ValueError as e:  # e.g. an integer of more than 4300 digits
        raise ReadError(source, f"broken JSON: {e}") from None
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        raise ReadError(source, "empty JSON list: no article records")  # never a silent no-op
    if len(items) > MAX_DEPTH_ITEMS:
        yield ReadError(source, f"{len(items)} items; only the first {MAX_DEPTH_ITEMS} are read")
        items = items[:MAX_DEPTH_ITEMS]
    for i, it in enumerate(items, 1):
        name = f"{source}#{i}" if len(items) > 1 else source
        try:
            yield record_to_doc(name, it)
        except ReadError as e:
            yield e


def _first_line_is_object(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict) and "\n" in text.strip()
    except (json.JSONDecodeError, RecursionError):
        return False


def read_jsonl_text(source: str, text: str) -> Iterator[Item]:
    for i, line in enumerate(text.splitlines(), 1):
        yield from _jsonl_line(source, i, line)


def _jsonl_line(source: str, i: int, line: str) -> Iterator[Item]:
    if not line.strip():
        return
    name = f"{source}#{i}"
    if len(line) > MAX_BYTES:
        yield ReadError(name, "line too large")
        return
    try:
        yield record_to_doc(name, json.loads(line))
    except json.JSONDecodeError as e:
        yield ReadError(name, f"broken JSON line: {e.msg} at column {e.colno}")
    except RecursionError:
        yield ReadError(name, "JSON nested too deeply")
    except ValueError as e:  # e.g. an integer of more than 4300 digits: this line only
        yield ReadError(name, f"broken JSON line: {e}")
    except ReadError as e:
        yield e


@register("jsonl", suffixes=(".jsonl", ".ndjson", ".jsonlines"), content_types=("application/x-ndjson",
                                                                                 "application/jsonl"))
def read_jsonl(source: str, data: bytes) -> Iterator[Item]:
    yield from read_jsonl_text(source, decode(source, data))
