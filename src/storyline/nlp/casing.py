"""Lower-casing that keeps offsets: ``len(lower(s)) == len(s)``, always.

``str.lower`` is not length-preserving: ``"İ".lower()`` is ``"i̇"`` (two code points), so an offset
found in ``text.lower()`` points at the wrong character of ``text`` after every capital I with dot
(Turkish and Azerbaijani names, "İstanbul"), and a word a case-insensitive regex matched in ``text``
is not a key of a table built with ``.lower()``. Code that searches a lower-cased copy and then uses
the positions in the original, or looks words up by their lower case, uses :func:`lower` and
``dict.get`` instead.
"""

from __future__ import annotations


def lower(s: str) -> str:
    """``s.lower()`` with every character mapped to exactly one character (İ -> i)."""
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower()[:1] for c in s)


def lower_key(word: str) -> str:
    """The lookup key of a matched word in a table keyed by lower case; like :func:`lower`, and
    the long s that a case-insensitive regex takes for "s" (ſ) read as "s"."""
    return lower(word).replace("\u017f", "s")
