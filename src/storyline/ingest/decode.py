"""Bytes to text without assuming an encoding: real inputs arrive as cp1251, latin-1, UTF-16..."""

from __future__ import annotations

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    """Binary junk has NUL bytes or many control bytes near the start; text almost never does."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.1


def decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise DecodeError("empty input")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("could not detect a text encoding")
    return str(best)
