"""Whether a sentence can stand alone as a brief line. Lifted out of its article, a sentence that
leans on its neighbours ("But the vote...", "At one point...", "Spoiler alert:", "Police said he
fled") no longer says who or what; the summary leaves such sentences out rather than print them
unresolved."""

from __future__ import annotations

import re
from functools import cache

from ..resources import lines

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _openers(language: str) -> tuple[tuple[str, ...], ...]:
    try:
        return tuple(tuple(ln.lower().split()) for ln in lines(f"brief/dangling_{language}.txt"))
    except FileNotFoundError:
        return ()


@cache
def _pronouns(language: str) -> frozenset[str]:
    try:
        return frozenset(ln.strip().lower() for ln in lines(f"brief/pronouns_{language}.txt"))
    except FileNotFoundError:
        return frozenset()


def needs_context(text: str, language: str = "en") -> bool:
    """True when ``text`` opens with a word that points back, or uses a person pronoun before it
    names anyone (a capitalised word after the first)."""
    toks = _WORD.findall(text)
    low = [t.lower() for t in toks]
    if any(tuple(low[:len(o)]) == o for o in _openers(language)):
        return True
    pronouns = _pronouns(language)
    for i, (tok, w) in enumerate(zip(toks, low)):
        if w in pronouns:
            return True
        if i > 0 and tok[:1].isupper():
            return False  # a name came first: the pronoun can point at it
    return False
