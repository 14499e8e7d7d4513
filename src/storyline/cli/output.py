"""How every command speaks: data on stdout, messages on stderr, one-line errors, exit codes.

Nothing printed is ever read as Rich markup (the consoles have markup off; styles come from
``Text``), and every string from outside (paths, URLs, titles, article text, error messages) is
shown through :func:`shown`, so an input can neither break a message nor reach the terminal with
escape sequences.
"""

from __future__ import annotations

import json
import re
import sys

import typer
from rich.console import Console
from rich.text import Text

OK, SOME_FAILED, USAGE, NOTHING_WRITTEN = 0, 1, 2, 3

# markup off: an input's "[red]" or "[/x]" is text; styles are given as Text spans instead
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False, highlight=False)  # an error stays one line
out = Console(markup=False, emoji=False, highlight=False)

# C0 (but tab and newline), DEL, C1, and lone surrogates (unprintable, and unencodable as UTF-8)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # what json.dumps leaves raw


def shown(value: object, lines: bool = False) -> str:
    """``value`` as text that is safe to print: control characters and lone surrogates become
    U+FFFD; newlines become spaces unless ``lines`` (a message stays one line)."""
    text = _UNSAFE.sub("\ufffd", str(value))
    return text if lines else text.replace("\n", " ")


def json_text(doc: str) -> str:
    """A JSON document with DEL, C1 controls, line separators and lone surrogates written as \\u
    escapes: the same JSON value, but nothing a terminal would act on and nothing UTF-8 refuses."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", doc)


def emit_json(value: object, **kw: object) -> None:
    sys.stdout.write(json_text(json.dumps(value, **kw)) + "\n")


def error(message: object) -> None:
    """One line on stderr: ``error: <message>``."""
    err.print(Text.assemble(("error:", "red"), " ", shown(message)))


def fail(message: object, code: int = USAGE) -> typer.Exit:
    """One error line, and the exit to raise."""
    error(message)
    return typer.Exit(code)
