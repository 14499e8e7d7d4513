"""Paths, directories (recursive) and stdin to RawDocs; every failure is a ReadError value.

Only regular files are read: a FIFO, a device (``/dev/zero``) or a socket never ends or never
answers, so each is one error. The size cap counts the bytes actually read, not what ``stat`` says
(a /proc file says 0, a file may grow while read)."""

from __future__ import annotations

import os
import stat
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


def _jsonl_stream(source: str, fh) -> Iterator[Item]:
    from ..decode import DecodeError, decode_bytes
    from .jsonfmt import _jsonl_line

    i = 0
    while raw := fh.readline(MAX_BYTES + 1):  # one line is held at a time, and never more than the cap
        i += 1
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line
            yield ReadError(f"{source}#{i}", "line too large")
            continue
        if not raw.strip():
            continue
        try:
            line = decode_bytes(raw)
        except DecodeError as e:
            yield ReadError(f"{source}#{i}", str(e))
            continue
        yield from _jsonl_line(source, i, line)


class NotRegular(OSError):
    pass


def open_regular(path: Path):
    """(binary file object, size) of a regular file, else NotRegular. Checked before opening (opening
    a FIFO waits for a writer; a socket cannot be opened) and again on the open descriptor, which is
    opened non-blocking so a FIFO swapped in between cannot stall the open."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise NotRegular("not a regular file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular("not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), st.st_size
    except BaseException:
        os.close(fd)
        raise


def _too_large(source: str, size: int | None = None) -> ReadError:
    if size is None:
        return ReadError(source, f"file too large (> {MAX_BYTES // 1_000_000} MB)")
    return ReadError(source, f"file too large ({size // 1_000_000} MB > {MAX_BYTES // 1_000_000} MB)")


def read_path(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        fh, size = open_regular(path)
        with fh:
            name = path.name.lower()
            if name.endswith(STREAMED) and size <= MAX_STREAM_BYTES:
                if ".jsonl" in name or ".ndjson" in name or ".jsonlines" in name:
                    yield from _jsonl_stream(source, fh)
                else:
                    yield from read_warc_stream(source, fh)
                return
            if reader_for_name(name) is read_archive and size <= MAX_STREAM_BYTES:
                # members are read one at a time, so no MAX_BYTES here
                warc = looks_warc(fh.read(4096))  # a gzipped WARC under a plain .gz name
                fh.seek(0)
                yield from (read_warc_stream if warc else read_archive_stream)(source, fh)
                return
            if size > MAX_BYTES:
                yield _too_large(source, size)
                return
            head = fh.read(4096)
            fh.seek(0)
            if looks_warc(head):
                yield from read_warc_stream(source, fh)
                return
            data = fh.read(MAX_BYTES + 1)  # the bytes read decide, whatever stat said
        if len(data) > MAX_BYTES:
            yield _too_large(source)
            return
    except NotRegular as e:
        yield ReadError(source, str(e))
        return
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
