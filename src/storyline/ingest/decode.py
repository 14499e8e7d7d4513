"""Bytes to text without assuming an encoding: real inputs arrive as cp1251, latin-1, UTF-16..."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    pass


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of a Latin or Cyrillic script has NUL or script bytes at every other position."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """Binary junk has NUL bytes or many control bytes near the start; text almost never does."""
    head = data[:8192]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head):
        return False
    if head.count(b"\x00") > max(2, len(head) // 1000):
        return True  # binary formats are full of NULs; a stray one in a paste is no reason to refuse it
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.1


def decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise DecodeError("empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                raise DecodeError(f"invalid {enc} after its byte-order mark") from None
    if enc16 := _utf16_without_bom(data[:8192]):
        try:
            return data.decode(enc16)
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    data = data.replace(b"\x00", b" ")  # the few NULs a text may carry are no text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:2_000_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("could not detect a text encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return str(best)
