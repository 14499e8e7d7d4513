"""Lexicons as data: one file per concern (and per language where it matters)."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

# a resource name: folders and a file of word characters, dots and dashes ("time/calendar_en.tsv",
# "quotes/cues_pt-br.txt"). Names are built from language codes, so a value that is no code (300
# characters, a NUL byte, "../") must never reach the file system: it is refused as not found.
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}(?:/[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}){0,3}")


def base_language(lang: str | None, default: str = "en") -> str:
    """The language whose lexicons apply: "de-AT" and "DE" read German data, no language reads
    ``default``'s. Lexicon files are named by this code (``cue_verbs_de.txt``)."""
    return (lang or default).split("-")[0].lower()


def _path(name: str):  # type: ignore[no-untyped-def]
    if not isinstance(name, str) or ".." in name or not _NAME.fullmatch(name):
        raise FileNotFoundError(f"not a resource name: {name[:60]!r}")
    return files(__package__).joinpath(name)


def exists(name: str) -> bool:
    """Whether the resource file ``name`` exists (False for a name that is not a resource name)."""
    try:
        return _path(name).is_file()
    except FileNotFoundError:
        return False


def content_lines(text: str) -> tuple[str, ...]:
    """Non-comment, non-empty lines of a lexicon's text."""
    return tuple(ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


def rows(text: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a lexicon's text (a resource, or a file written like one)."""
    return tuple(tuple(col.strip() for col in ln.split("\t")) for ln in content_lines(text))


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-empty lines of a resource file, e.g. ``lines("quotes/cues_en.txt")``."""
    return content_lines(_path(name).read_text(encoding="utf-8"))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated resource rows."""
    return rows(_path(name).read_text(encoding="utf-8"))
