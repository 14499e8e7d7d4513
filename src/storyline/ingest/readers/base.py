"""What every reader shares: the RawDoc it yields, the one-line ReadError, the registry, decoding.

A reader only decodes and splits; cleaning and metadata are later stages, so every format shares
them. Readers are registered by file suffix and, for inputs without a telling suffix (stdin, URLs,
unknown files), by a sniffer that looks at the first bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ...errors import StorylineError
from ..decode import DecodeError, decode_bytes
from ..sanitize import clean_doc_fields, clean_source, valid_unicode

MAX_BYTES = 50 * 1024 * 1024  # one document; streaming formats (JSONL, WARC) check per record


@dataclass(frozen=True)
class RawDoc:
    source: str
    content: str
    kind: Literal["text", "html"]
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # the input boundary: whichever reader made it, what a RawDoc holds is valid, bounded text
        # (ingest/sanitize.py says how); "frozen" is kept for everyone else
        source, content, meta = clean_doc_fields(self.source, self.content, self.meta)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "meta", meta)


class ReadError(StorylineError):
    """One input could not be read; the message is one line naming the input."""

    def __init__(self, source: str, reason: str):
        source = clean_source(str(source))
        reason = valid_unicode(" ".join(str(reason).split())[:300])
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


Item = RawDoc | ReadError
Reader = Callable[[str, bytes], Iterable[Item]]


@dataclass(frozen=True)
class Registration:
    name: str
    reader: Reader
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool] | None
    content_types: tuple[str, ...]


REGISTRY: list[Registration] = []


def register(name: str, suffixes: tuple[str, ...] = (), sniff: Callable[[bytes], bool] | None = None,
             content_types: tuple[str, ...] = ()) -> Callable[[Reader], Reader]:
    def deco(fn: Reader) -> Reader:
        REGISTRY.append(Registration(name, fn, suffixes, sniff, content_types))
        return fn

    return deco


def reader_for_name(name: str) -> Reader | None:
    low = name.lower()
    best = None
    for reg in REGISTRY:
        for s in reg.suffixes:
            if low.endswith(s) and (best is None or len(s) > best[0]):
                best = (len(s), reg.reader)
    return best[1] if best else None


def reader_for_content_type(ctype: str) -> Reader | None:
    ctype = ctype.split(";", 1)[0].strip().lower()
    for reg in REGISTRY:
        if ctype in reg.content_types:
            return reg.reader
    return None


def sniff_reader(data: bytes) -> Reader | None:
    for reg in REGISTRY:
        if reg.sniff is not None and reg.sniff(data):
            return reg.reader
    return None


def decode(source: str, data: bytes) -> str:
    try:
        text = decode_bytes(data)
    except DecodeError as e:
        raise ReadError(source, str(e)) from None
    if not text.strip():
        raise ReadError(source, "empty input")
    return text


def head(data: bytes, n: int = 2048) -> bytes:
    """The first bytes, lower-cased, past a BOM and whitespace: what sniffers look at."""
    return data[:n].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
