"""Readers: one module per input format, one registry (base.REGISTRY) that maps suffixes, content
types and sniffed first bytes to them, and ``read_inputs`` that turns any mix of paths, folders,
archives, URLs and ``-`` (stdin) into RawDocs and one-line ReadErrors without ever stopping the batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

# registration order is sniffing order: most specific formats first. Archives lead: their magic
# bytes are unambiguous, and an uncompressed zip or tar of pages would pass the HTML sniffer.
from . import archive as _archive  # noqa: F401
from . import warc as _warc  # noqa: F401
from . import feed as _feed  # noqa: F401
from . import jsonfmt as _jsonfmt  # noqa: F401
from . import html as _html  # noqa: F401
from . import text as _text  # noqa: F401
from .base import REGISTRY, Item, RawDoc, ReadError
from .files import dispatch, expand_paths, read_path, read_stdin
from .url import is_url, read_url

__all__ = ["REGISTRY", "RawDoc", "ReadError", "dispatch", "read_inputs", "expand_paths"]


def read_inputs(paths: Iterable[str | Path], allow_private: bool = False) -> Iterator[Item]:
    for p in paths:
        s = str(p)
        if s == "-":
            yield from _guard("<stdin>", read_stdin())
        elif is_url(s):
            yield from _guard(s, read_url(s, allow_private))
        else:
            for path in expand_paths([p]):
                if not path.exists():
                    yield ReadError(str(path), "no such file")
                    continue
                yield from _guard(str(path), read_path(path))


def _guard(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """The last line of defence: a reader bug becomes one error for its input, not a crash."""
    try:
        yield from items
    except ReadError as e:
        yield e
    except Exception as e:  # noqa: BLE001 - any reader failure must stay local to its input
        yield ReadError(source, f"{type(e).__name__}: {e}")
