"""Paths, directories (recursive) and stdin to RawDocs; every failure is a ReadError value."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..decode import looks_binary
from .archive import read_archive, read_archive_stream
from .base import MAX_BYTES, Item, ReadError, reader_for_name, sniff_reader
from .text import read_txt
from .warc import looks_warc, read_warc_stream

STREAMED = (".warc", ".warc.gz", ".arc", ".arc.gz", ".jsonl", ".ndjson", ".jsonlines")
MAX_STREAM_BYTES = 20 * 1024 * 1024 * 1024


def dispatch(source: str, data: bytes) -> Iterator[Item]:
    """Bytes of one input to RawDocs: by suffix, else by sniffing, else as text if not binary."""
    reader = reader_for_name(source) or sniff_reader(data)
    if reader is None:
        if looks_binary(data):
            yield ReadError(source, "binary file of unknown type, skipped")
            return
        reader = read_txt
    try:
        yield from reader(source, data)
    except ReadError as e:
        yield e
    except RecursionError:
        yield ReadError(source, "input nested too deeply")


def _jsonl_stream(path: Path) -> Iterator[Item]:
    from ..decode import DecodeError, decode_bytes
    from .jsonfmt import _jsonl_line

    with path.open("rb") as fh:
        for i, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw)
            except DecodeError as e:
                yield ReadError(f"{path}#{i}", str(e))
                continue
            yield from _jsonl_line(str(path), i, line)


def read_path(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        size = path.stat().st_size
        name = path.name.lower()
        if name.endswith(STREAMED) and size <= MAX_STREAM_BYTES:
            if ".jsonl" in name or ".ndjson" in name or ".jsonlines" in name:
                yield from _jsonl_stream(path)
            else:
                with path.open("rb") as fh:
                    yield from read_warc_stream(source, fh)
            return
        if reader_for_name(name) is read_archive and size <= MAX_STREAM_BYTES:
            with path.open("rb") as fh:  # members are read one at a time, so no MAX_BYTES here
                warc = looks_warc(fh.read(4096))  # a gzipped WARC under a plain .gz name
                fh.seek(0)
                yield from (read_warc_stream if warc else read_archive_stream)(source, fh)
            return
        if size > MAX_BYTES:
            yield ReadError(source, f"file too large ({size // 1_000_000} MB > {MAX_BYTES // 1_000_000} MB)")
            return
        with path.open("rb") as fh:
            head = fh.read(4096)
        if looks_warc(head):
            with path.open("rb") as fh:
                yield from read_warc_stream(source, fh)
            return
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(source, e.strerror or str(e))
        return
    yield from dispatch(source, data)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(q for q in path.rglob("*") if q.is_file()
                              and not any(part.startswith(".") for part in q.relative_to(path).parts))
        else:
            yield path


def read_stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        yield ReadError("<stdin>", f"input too large (> {MAX_BYTES // 1_000_000} MB)")
        return
    yield from dispatch("<stdin>", data)
