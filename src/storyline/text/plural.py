"""Counts in words: "1 outlet", "2 outlets". A reader trips on "1 articles" in every meta line."""

from __future__ import annotations


def counted(n: int, noun: str, nouns: str | None = None) -> str:
    """``n`` and the noun in the number it needs; ``nouns`` for a plural that is not noun + "s"."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"
