"""The input boundary: every string that enters a RawDoc (and so an Article) is valid, bounded text.

What arrives from files, JSON, feeds and archives is not always text a JSON writer accepts:

- a lone surrogate (``"\\ud800"`` in a JSON field) cannot be encoded as UTF-8, so one such field
  made writing ``analysis.json`` fail for the whole batch. Lone surrogates become U+FFFD (and a
  surrogate pair left as two code points is joined into its character); the article then carries the
  quality flag ``invalid_unicode``, so the repair is visible.
- a file name with a byte that is not UTF-8 reaches Python as a *surrogate escape* (b"bad\\xff.txt"
  is ``"bad\\udcff.txt"``). A ``source`` must stay printable and tell the user which file it was, so
  such a byte is written as its ``\\xNN`` form (``bad\\xff.txt``), as are control characters
  (a newline in a file name would split a one-line error); other lone surrogates become U+FFFD.
- metadata fields (title, outlet, byline, url, published, language) lose control characters other
  than newline and tab, and are cut to ``MAX_META_CHARS`` with an ellipsis: a 5 MB title stays a title.
- ``language`` is only ever a short ISO-639-like code (``en``, ``pt-BR``, ``zh-Hant``); anything else
  (300 characters, a NUL, a path) is dropped, so the language is detected instead. Resource file
  names are built from it, so the resource loader refuses non-codes too.
"""

from __future__ import annotations

import re
from typing import Any

MAX_META_CHARS = 1000  # title, outlet, byline, url, published: longer values are cut with "…"
MAX_SOURCE_CHARS = 4000  # a source is a path or URL (archive!member#record): long, but bounded
INVALID_UNICODE = "invalid_unicode"  # quality flag: lone surrogates in the input became U+FFFD

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")  # what os.fsdecode makes of a byte that is not UTF-8
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0/C1 controls except \t and \n
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # in a source, a newline or tab is escaped too
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")
META_KEYS = ("title", "outlet", "byline", "url", "published")


def has_surrogates(s: str) -> bool:
    return _SURROGATE.search(s) is not None


def valid_unicode(s: str) -> str:
    """``s`` with every lone surrogate replaced by U+FFFD (a split pair is joined): encodable UTF-8."""
    if not has_surrogates(s):
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def one_line(message: str, limit: int = 500) -> str:
    """A message as one bounded line of valid text: what every error line the user reads is."""
    return valid_unicode(" ".join(message.split()))[:limit]


def clean_meta(value: str, limit: int = MAX_META_CHARS) -> str:
    """A metadata value: valid UTF-8, no control characters but newline and tab, at most ``limit``
    characters (longer values end in an ellipsis)."""
    value = _CONTROL.sub("", valid_unicode(value))
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value


def clean_source(source: str) -> str:
    """A printable, round-trippable source name: a surrogate-escaped byte (a file name that is not
    UTF-8) and a control character become ``\\xNN``, another lone surrogate U+FFFD."""
    if _ESCAPED_BYTE.search(source) or _ANY_CONTROL.search(source):
        source = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", source)
        source = _ANY_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", source)
    source = valid_unicode(source)
    if len(source) > MAX_SOURCE_CHARS:
        source = source[: MAX_SOURCE_CHARS - 1] + "…"
    return source


def language_code(value: Any) -> str | None:
    """A short ISO-639-like language code (primary subtag lower-cased), or None for anything else."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) > 12:
        return None
    primary, sep, rest = value.partition("-")
    value = primary.lower() + sep + rest
    return value if _LANGUAGE.fullmatch(value) else None


MAX_EXTRA_DEPTH = 16  # nesting kept in unknown JSON fields; deeper structures cannot be pickled
# to a worker or serialised by pydantic, and no news field needs them


def clean_value(value: Any, depth: int = 0) -> Any:
    """Any JSON-like value with every string in it (keys too) made valid UTF-8; what is nested
    deeper than MAX_EXTRA_DEPTH is replaced by a note saying so."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, (dict, list, tuple)) and depth >= MAX_EXTRA_DEPTH:
        return f"[nested deeper than {MAX_EXTRA_DEPTH} levels: not kept]"
    if isinstance(value, dict):
        return {clean_value(k) if isinstance(k, str) else k: clean_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_value(v, depth + 1) for v in value]
    return value


def _any_surrogates(value: Any, depth: int = 0) -> bool:
    if isinstance(value, str):
        return has_surrogates(value)
    if depth >= MAX_EXTRA_DEPTH:
        return False  # not kept anyway (clean_value)
    if isinstance(value, dict):
        return any(_any_surrogates(k) or _any_surrogates(v, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_any_surrogates(v, depth + 1) for v in value)
    return False


def clean_doc_fields(source: str, content: str, meta: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """What a RawDoc holds, made safe: see the module docstring. A repaired input gets
    ``meta["quality"] = ["invalid_unicode"]``."""
    repaired = has_surrogates(content) or _any_surrogates(meta)
    out: dict[str, Any] = {}
    for k, v in meta.items():
        if k in META_KEYS:
            if v is None:
                continue
            out[k] = clean_meta(v if isinstance(v, str) else str(v))
        elif k == "language":
            if (code := language_code(v)) is not None:
                out[k] = code
        elif k == "quality":
            out[k] = [str(q) for q in v] if isinstance(v, (list, tuple)) else []
        else:
            out[clean_value(k) if isinstance(k, str) else k] = clean_value(v)
    if repaired and INVALID_UNICODE not in out.get("quality", []):
        out["quality"] = [*out.get("quality", []), INVALID_UNICODE]
    return clean_source(source), valid_unicode(content), out
