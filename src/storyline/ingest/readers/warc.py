"""WARC archives (warcio), e.g. CC-NEWS: every HTML response record becomes one RawDoc.

The archive is streamed record by record, so its size is not limited; one record is. The WARC date
is when the page was crawled, not published, so it goes to ``extra`` and never becomes the
publish date.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import BinaryIO

from ..decode import DecodeError, decode_bytes
from .base import MAX_BYTES, Item, RawDoc, ReadError, register
from .html import looks_html


def looks_warc(data: bytes) -> bool:
    return data[:8].upper().startswith(b"WARC/") or (data[:2] == b"\x1f\x8b" and b"WARC/" in _gunzip_head(data))


def _gunzip_head(data: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[:4096], 64)
    except zlib.error:
        return b""


@register("warc", suffixes=(".warc", ".warc.gz", ".arc", ".arc.gz"), sniff=looks_warc,
          content_types=("application/warc",))
def read_warc(source: str, data: bytes) -> Iterator[Item]:
    yield from read_warc_stream(source, BytesIO(data))


def _tolerant(iterator):  # type: ignore[no-untyped-def]
    """warcio parses a record's HTTP headers only for an http(s) target URI and reads the URI with
    ``uri.startswith``: a record without WARC-Target-URI raised AttributeError and ended the archive.
    Such a record is read with no URI (it is named ``file.warc#N``); the records after it still count."""
    from warcio.recordloader import ArcWarcRecordLoader

    class _Loader(ArcWarcRecordLoader):
        def load_http_headers(self, rec_type, uri, stream, length):  # type: ignore[no-untyped-def]
            return super().load_http_headers(rec_type, uri or "", stream, length)

    iterator.loader.__class__ = _Loader
    return iterator


def read_warc_stream(source: str, stream: BinaryIO) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = given = 0  # response records seen; documents and errors yielded
    try:
        for record in _tolerant(ArchiveIterator(stream, arc2warc=True)):
            if record.rec_type != "response":
                continue
            n += 1
            try:
                for item in _record(source, n, record):
                    given += 1
                    yield item
            except Exception as e:  # noqa: BLE001 - one bad record is one error, the next is read
                given += 1
                yield ReadError(f"{source}#{n}", f"{type(e).__name__}: {e}")
    except (ArchiveLoadFailed, ValueError, OSError, EOFError, AttributeError, TypeError) as e:
        yield ReadError(source, f"broken WARC after {n} records: {type(e).__name__}: {e}")
        return
    if n == 0:
        yield ReadError(source, "WARC without response records")
    elif given == 0:  # only images, scripts or a record cut short: an input never vanishes unreported
        yield ReadError(source, f"no HTML page among its {n} response records")


def _record(source: str, n: int, record) -> Iterator[Item]:  # type: ignore[no-untyped-def]
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    name = f"{source}#{uri}" if uri else f"{source}#{n}"  # no URI: the record's number names it
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    body = record.content_stream().read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        yield ReadError(name, "record too large")
        return
    if record.http_headers is None and body.lstrip()[:5].upper() == b"HTTP/":
        body = _after_http_headers(body)  # no URI, so warcio left the HTTP headers in the payload
    if "html" not in ctype.lower() and not looks_html(body):
        return  # images, scripts, robots.txt: not articles
    try:
        text = decode_bytes(body)
    except DecodeError as e:
        yield ReadError(name, str(e))
        return
    meta = {"url": uri if uri.startswith("http") else None,
            "extra": {"warc": source, "crawled": record.rec_headers.get_header("WARC-Date")}}
    yield RawDoc(name, text, "html", {k: v for k, v in meta.items() if v})


def _after_http_headers(body: bytes) -> bytes:
    for sep in (b"\r\n\r\n", b"\n\n"):
        if (k := body.find(sep)) != -1:
            return body[k + len(sep):]
    return body
