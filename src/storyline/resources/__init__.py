"""Lexicons as data: one file per concern (and per language where it matters)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def content_lines(text: str) -> tuple[str, ...]:
    """Non-comment, non-empty lines of a lexicon's text."""
    return tuple(ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


def rows(text: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a lexicon's text (a resource, or a file written like one)."""
    return tuple(tuple(col.strip() for col in ln.split("\t")) for ln in content_lines(text))


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-empty lines of a resource file, e.g. ``lines("quotes/cues_en.txt")``."""
    return content_lines(files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated resource rows."""
    return rows(files(__package__).joinpath(name).read_text(encoding="utf-8"))
