"""Characterisations: one person's report of what another argues, wants or did. "X accused Y of
arguing that the state should ..." and "X claimed that Y wants to ..." are X's words about Y;
listing them as Y's own would put a critic's paraphrase in Y's mouth.

Why a separate field (``Quote.about``) and not just the right speaker: the target is what makes
such a report worth telling apart from the speaker's own position -- a brief can show it as
"X on Y" instead of as X's view of the world.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import characterising
from .people import People


def accusing_verb(prep: Token) -> Token | None:
    """The verb of accusing that ``prep`` ("of", "for") hangs from: "accused Y of arguing",
    "blamed Y for saying"; its subject speaks, not its object."""
    if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and prep.head.lower_ in characterising("accuse"):
        return prep.head
    return None


def _accused(cue: Token) -> Token | None:
    """The object of the accusing verb a gerund cue hangs from ("accused Vela of arguing")."""
    tok = cue
    for _ in range(2):
        if tok.dep_ not in ("pcomp", "pobj") or tok.head is tok:
            return None
        if (verb := accusing_verb(tok.head)) is not None:
            return next((c for c in verb.children if c.dep_ == "dobj"), None)
        tok = tok.head
    return None


def _believer(cue: Token) -> Token | None:
    """The subject of the reported clause when that clause states someone's mind ("claimed that
    Vela wants ...")."""
    for comp in (c for c in cue.children if c.dep_ == "ccomp"):
        if comp.lower_ in characterising("attitude"):
            return next((c for c in comp.children if c.dep_ == "nsubj"), None)
    return None


def about_whom(cue: Token, people: People, speaker: str | None) -> str | None:
    """The person or body a report of ``cue`` characterises, when one is named and is not the
    speaker ("Ridge said he wants ..." is about nobody else)."""
    target = _accused(cue) or _believer(cue)
    if target is None:
        return None
    r = people.at(target.idx, target.idx + len(target))
    if r is None and target.text[:1].isupper():
        r = people.surname(target.text, target.idx)
    if r is None or r.name == speaker or people.full_name(r) == speaker:
        return None
    return people.full_name(r)
