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


def read_warc_stream(source: str, stream: BinaryIO) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response":
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {n}"
            name = f"{source}#{uri}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            body = record.content_stream().read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                yield ReadError(name, "record too large")
                continue
            if "html" not in ctype.lower() and not looks_html(body):
                continue  # images, scripts, robots.txt: not articles
            try:
                text = decode_bytes(body)
            except DecodeError as e:
                yield ReadError(name, str(e))
                continue
            meta = {"url": uri if uri.startswith("http") else None,
                    "extra": {"warc": source, "crawled": record.rec_headers.get_header("WARC-Date")}}
            yield RawDoc(name, text, "html", {k: v for k, v in meta.items() if v})
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as e:
        yield ReadError(source, f"broken WARC after {n} records: {type(e).__name__}: {e}")
        return
    if n == 0:
        yield ReadError(source, "WARC without response records")
