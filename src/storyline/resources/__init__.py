"""Lexicons as data: one file per concern (and per language where it matters)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-empty lines of a resource file, e.g. ``lines("quotes/cues_en.txt")``."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated resource rows."""
    return tuple(tuple(col.strip() for col in ln.split("\t")) for ln in lines(name))
