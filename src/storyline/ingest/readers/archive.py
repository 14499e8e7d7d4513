"""Compressed files and archives: .gz/.bz2/.xz, .zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz.

Members are read in memory, never extracted to disk, and each one goes through the ordinary
``dispatch`` under its own name, so a zip of HTML pages reads like a folder of HTML pages. A member's
source is ``archive!member`` (``batch.zip!2025/korsa.html``; a single compressed file has one member,
``page.html.gz!page.html``), which keeps article ids stable across runs. A member that cannot be
read is one ReadError naming ``archive!member`` and the other members still count; a corrupt
archive is one ReadError naming the archive. An archive inside an archive is read (one level of
nesting); an archive inside that is refused. ``.warc.gz`` stays with the WARC reader (longest
suffix wins, and the sniffer leaves gzipped WARC alone).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

from .base import MAX_BYTES, Item, ReadError, reader_for_name, register, sniff_reader

# Limits against decompression bombs (a few KB of gzip can expand to gigabytes). They bound both
# memory (one member at a time is held, never more than MAX_MEMBER_BYTES) and time (decompression
# stops once the whole input has produced MAX_ARCHIVE_BYTES, nested archives included).
MB = 1024 * 1024
MAX_MEMBER_BYTES = MAX_BYTES  # one member is one document: the same cap as a plain file
MAX_ARCHIVE_BYTES = 2048 * MB  # far above a real batch (a year of an outlet's news)
MAX_MEMBERS = 100_000  # entries looked at per input (directories included): bounds the per-entry work
MAX_NESTING = 1  # archive inside an archive: read; one level further: refused

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; the end record of an empty zip
BZ2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz")
SUFFIXES = TAR_SUFFIXES + COMPRESSED_SUFFIXES + (".zip",)
# zip containers that are documents, not folders: read member by member they would only be junk
DOCUMENT_ZIPS = (b"mimetype", b"[Content_Types].xml", b"META-INF/")


class _Exhausted(Exception):
    pass


@dataclass
class _Budget:
    """What one input may still produce; shared with archives nested inside it."""

    bytes_left: int
    members_left: int

    def take(self, n: int) -> None:
        self.bytes_left -= n
        if self.bytes_left < 0:
            raise _Exhausted(f"over {MAX_ARCHIVE_BYTES // MB} MB decompressed in total "
                             "(possible decompression bomb); the remaining members are not read")


class _Capped:
    """A decompressing stream that counts what it produces against the budget."""

    def __init__(self, raw: BinaryIO, budget: _Budget):
        self.raw, self.budget = raw, budget

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            return b"".join(iter(lambda: self.read(1 << 20), b""))
        chunk = self.raw.read(n)
        self.budget.take(len(chunk))
        return chunk


def _bz2_magic(data: bytes) -> bool:
    return data[:3] == BZ2_MAGIC and data[3:4].isdigit() and data[4:10] in (b"1AY&SY", b"\x17rE8P\x90")


def _tar_magic(data: bytes) -> bool:
    """A ustar header with a valid checksum (the magic alone could be text: "custard")."""
    if len(data) < 512 or data[257:262] != b"ustar":
        return False
    try:
        stored = int(data[148:156].rstrip(b"\x00 ").decode("ascii") or "-1", 8)
    except ValueError:
        return False
    return stored == sum(data[:148]) + 8 * 32 + sum(data[156:512])


def _document_zip(data: bytes) -> bool:
    """EPUB/ODF store ``mimetype`` first, Office files ``[Content_Types].xml``: not archives of articles."""
    name_len = int.from_bytes(data[26:28], "little")
    return data[:4] == ZIP_MAGICS[0] and data[30:30 + name_len].startswith(DOCUMENT_ZIPS)


def looks_archive(data: bytes) -> bool:
    from .warc import looks_warc  # here, so that archives register (and are sniffed) before HTML

    if data[:4] in ZIP_MAGICS:
        return not _document_zip(data)
    if data[:2] == GZIP_MAGIC:
        return not looks_warc(data)  # a gzipped WARC is streamed by the WARC reader
    return data[:6] == XZ_MAGIC or _bz2_magic(data) or _tar_magic(data)


def _decompressor(magic: bytes, fh: BinaryIO) -> BinaryIO | None:
    if magic[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    if _bz2_magic(magic):
        return bz2.BZ2File(fh)  # type: ignore[return-value]
    if magic[:6] == XZ_MAGIC:
        return lzma.LZMAFile(fh)  # type: ignore[return-value]
    return None


# what a broken compressed stream or archive raises, by library
_BROKEN = (OSError, EOFError, zlib.error, lzma.LZMAError, tarfile.TarError, zipfile.BadZipFile,
           ValueError, NotImplementedError, RuntimeError)


@register("archive", suffixes=SUFFIXES, sniff=looks_archive,
          content_types=("application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
                         "application/x-bzip2", "application/x-xz"))
def read_archive(source: str, data: bytes) -> Iterator[Item]:
    yield from read_archive_stream(source, io.BytesIO(data))


def read_archive_stream(source: str, fh: BinaryIO) -> Iterator[Item]:
    """An archive from a seekable binary file: only one member at a time is held in memory."""
    yield from _read(source, fh, _Budget(MAX_ARCHIVE_BYTES, MAX_MEMBERS), 0)


def _read(source: str, fh: BinaryIO, budget: _Budget, depth: int) -> Iterator[Item]:
    n = 0
    try:
        for item in _members(source, fh, budget, depth):
            n += 1
            yield item
    except _Exhausted as e:
        if depth:
            raise  # reported once, by the outermost archive
        yield ReadError(source, str(e))
        return
    except _BROKEN as e:
        what = "broken archive" if n == 0 else f"broken archive after {n} files"
        yield ReadError(source, f"{what}: {type(e).__name__}: {e}")
        return
    if n == 0:
        yield ReadError(source, "archive without readable files")


def _members(source: str, fh: BinaryIO, budget: _Budget, depth: int) -> Iterator[Item]:
    magic = fh.read(512)
    fh.seek(0)
    if magic[:4] in ZIP_MAGICS:
        yield from _zip(source, fh, budget, depth)
        return
    raw = _decompressor(magic, fh)
    if raw is None:  # a plain tar
        yield from _tar(source, fh, budget, depth)
        return
    stream = _Capped(raw, budget)
    first = stream.read(512)
    if source.lower().endswith(TAR_SUFFIXES) or _tar_magic(first):
        yield from _tar(source, _Prefixed(first, stream), budget, depth)
        return
    # one compressed file: its member is the file under the compression suffix
    name = source.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in COMPRESSED_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    member = f"{source}!{name}"
    body = first + stream.read(MAX_MEMBER_BYTES + 1 - len(first))
    if len(body) > MAX_MEMBER_BYTES:
        yield _too_large(member)
        return
    _count(budget)
    yield from _member(member, body, budget, depth)


class _Prefixed:
    """The bytes already read to sniff, then the rest of the stream."""

    def __init__(self, first: bytes, rest: _Capped):
        self.first, self.rest = first, rest

    def read(self, n: int = -1) -> bytes:
        if self.first:
            if n is None or n < 0 or n >= len(self.first):
                out, self.first = self.first, b""
                return out + self.rest.read(-1 if n is None or n < 0 else n - len(out))
            out, self.first = self.first[:n], self.first[n:]
            return out
        return self.rest.read(n)


def _too_large(member: str) -> ReadError:
    return ReadError(member, f"decompressed size over {MAX_MEMBER_BYTES // MB} MB: refused "
                             "(possible decompression bomb)")


def _unsafe(name: str) -> str | None:
    """Why a member path must not be read, or None. Nothing is ever written to disk, but a name
    that climbs out of the archive or is absolute is a sign of a hostile archive."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute member path refused"
    if ".." in name.replace("\\", "/").split("/"):
        return "member path with '..' refused"
    return None


def _hidden(name: str) -> bool:
    """Skipped like hidden files in folders: dot files, macOS resource forks (__MACOSX/, ._x)."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(p.startswith(".") and p not in (".", "..") or p == "__MACOSX" for p in parts)


def _special(mode: int) -> bool:
    """A symlink, device, fifo or socket by the Unix mode a zip may carry (0 when made elsewhere)."""
    return any(test(mode) for test in (stat.S_ISLNK, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISFIFO, stat.S_ISSOCK))


def _count(budget: _Budget) -> None:
    budget.members_left -= 1
    if budget.members_left < 0:
        raise _Exhausted(f"more than {MAX_MEMBERS} members; the rest are not read")


def _screen(source: str, name: str, size: int) -> str | ReadError | None:
    """The name a member is read under (``archive!member``); the error that refuses it (a path
    out of the archive, a member over the size limit); or None for one skipped quietly (dot files)."""
    member = f"{source}!{name}"
    if why := _unsafe(name):
        return ReadError(member, why)
    if _hidden(name):
        return None
    if size > MAX_MEMBER_BYTES:
        return _too_large(member)
    return member


def _zip(source: str, fh: BinaryIO, budget: _Budget, depth: int) -> Iterator[Item]:
    with zipfile.ZipFile(fh) as zf:
        for info in zf.infolist():
            _count(budget)
            name = info.filename
            if info.is_dir() or _special(info.external_attr >> 16):
                continue  # folders, symlinks and devices
            member = _screen(source, name, info.file_size)
            if not isinstance(member, str):
                yield from ([member] if member is not None else [])
                continue
            budget.take(info.file_size)  # what the member says it holds: refused before reading
            try:
                with zf.open(info) as member_fh:
                    body = member_fh.read(MAX_MEMBER_BYTES + 1)
            except _BROKEN as e:
                yield ReadError(member, f"unreadable member: {type(e).__name__}: {e}")
                continue
            budget.take(max(0, len(body) - info.file_size))
            if len(body) > MAX_MEMBER_BYTES:
                yield _too_large(member)
                continue
            yield from _member(member, body, budget, depth)


def _tar(source: str, stream: object, budget: _Budget, depth: int) -> Iterator[Item]:
    with tarfile.open(fileobj=stream, mode="r|") as tf:  # type: ignore[call-overload]
        for info in tf:
            _count(budget)
            name = info.name.removeprefix("./")
            if not info.isreg():
                continue  # folders, symlinks, hard links, devices, fifos
            member = _screen(source, name, info.size)
            if not isinstance(member, str):
                yield from ([member] if member is not None else [])
                continue
            member_fh = tf.extractfile(info)
            body = member_fh.read() if member_fh is not None else b""
            yield from _member(member, body, budget, depth)


def _member(member: str, body: bytes, budget: _Budget, depth: int) -> Iterator[Item]:
    """One member through the ordinary dispatch by its own name; an archive in it one level deep."""
    from .files import dispatch

    if (reader_for_name(member) or sniff_reader(body)) is read_archive:
        if depth >= MAX_NESTING:
            yield ReadError(member, "archive nested more than one level deep, not read")
            return
        yield from _read(member, io.BytesIO(body), budget, depth + 1)
        return
    try:
        yield from dispatch(member, body)
    except Exception as e:  # noqa: BLE001 - a reader bug on one member must not end the archive
        yield ReadError(member, f"{type(e).__name__}: {e}")
