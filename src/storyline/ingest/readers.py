"""Readers turn one input (file, directory, stdin) into RawDocs; one registry maps suffixes to readers.

A reader only decodes and splits; cleaning and metadata are later stages, so every format shares them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .decode import DecodeError, decode_bytes, looks_binary

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class RawDoc:
    source: str
    content: str
    kind: Literal["text", "html"]
    meta: dict[str, Any] = field(default_factory=dict)


class ReadError(Exception):
    """One input could not be read; the message is one line naming the input."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


Reader = Callable[[str, bytes], list[RawDoc]]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn

    return deco


def _text(source: str, data: bytes) -> str:
    try:
        text = decode_bytes(data)
    except DecodeError as e:
        raise ReadError(source, str(e)) from None
    if not text.strip():
        raise ReadError(source, "empty input")
    return text


@register(".txt", ".text", ".md")
def read_txt(source: str, data: bytes) -> list[RawDoc]:
    return [RawDoc(source, _text(source, data), "text")]


@register(".html", ".htm", ".xhtml")
def read_html(source: str, data: bytes) -> list[RawDoc]:
    return [RawDoc(source, _text(source, data), "html")]


META_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source", "site", "site_name", "publisher"),
    "published": ("published", "date", "published_at", "pubdate", "datePublished", "date_publish"),
    "byline": ("author", "byline", "authors"),
    "language": ("language", "lang"),
}
BODY_FIELDS = ("text", "body", "content", "maintext", "articleBody")


def record_to_doc(source: str, obj: Any) -> RawDoc:
    """A JSON object with article fields; unknown fields are kept in ``extra``, never dropped."""
    if not isinstance(obj, dict):
        raise ReadError(source, f"expected a JSON object, got {type(obj).__name__}")
    meta: dict[str, Any] = {}
    used: set[str] = set()
    for key, names in META_FIELDS.items():
        for n in names:
            if obj.get(n):
                v = obj[n]
                meta[key] = ", ".join(map(str, v)) if isinstance(v, list) else str(v)
                used.add(n)
                break
    body_key = next((k for k in BODY_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if body_key:
        content, kind = obj[body_key], "text"
    elif isinstance(obj.get("html"), str) and obj["html"].strip():
        body_key, content, kind = "html", obj["html"], "html"
    else:
        raise ReadError(source, "no text or html field")
    used.add(body_key)
    meta["extra"] = {k: v for k, v in obj.items() if k not in used}
    return RawDoc(source, content, kind, meta)  # type: ignore[arg-type]


@register(".json")
def read_json(source: str, data: bytes) -> list[RawDoc]:
    try:
        obj = json.loads(_text(source, data))
    except json.JSONDecodeError as e:
        raise ReadError(source, f"broken JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    items = obj if isinstance(obj, list) else [obj]
    return [record_to_doc(f"{source}#{i}" if len(items) > 1 else source, it)
            for i, it in enumerate(items, 1)]


def read_jsonl_lines(source: str, text: str) -> Iterator[RawDoc | ReadError]:
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{source}#{i}"
        try:
            yield record_to_doc(name, json.loads(line))
        except json.JSONDecodeError as e:
            yield ReadError(name, f"broken JSON line: {e.msg}")
        except ReadError as e:
            yield e


def read_source(path: Path) -> Iterator[RawDoc | ReadError]:
    """One path to its RawDocs; every failure is a ReadError value so a batch never stops."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield ReadError(source, f"file too large ({size // 1_000_000} MB > {MAX_BYTES // 1_000_000} MB)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(source, e.strerror or str(e))
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        try:
            yield from read_jsonl_lines(source, _text(source, data))
        except ReadError as e:
            yield e
        return
    reader = READERS.get(suffix)
    if reader is None:
        if looks_binary(data):
            yield ReadError(source, "binary file of unknown type, skipped")
            return
        sniff = data[:2048].lstrip().lower()
        reader = read_html if sniff.startswith((b"<!doctype html", b"<html")) else read_txt
    try:
        yield from reader(source, data)
    except ReadError as e:
        yield e


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(q for q in path.rglob("*") if q.is_file() and not q.name.startswith("."))
        else:
            yield path


def read_inputs(paths: Iterable[str | Path]) -> Iterator[RawDoc | ReadError]:
    for p in paths:
        if str(p) == "-":
            data = sys.stdin.buffer.read()
            try:
                yield RawDoc("<stdin>", _text("<stdin>", data),
                             "html" if data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")) else "text")
            except ReadError as e:
                yield e
            continue
        for path in expand_paths([p]):
            if not path.exists():
                yield ReadError(str(path), "no such file")
                continue
            yield from read_source(path)
