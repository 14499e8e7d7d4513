"""Where reported content ends: a complement's subtree often runs on into the writer's own
addition, a non-restrictive relative clause after a comma or dash (", which was first
reported by …", ", who has since resigned"); it is not part of what the source said.

Only relative clauses are cut: on PolNeAR's training split, cutting comma-led adverbial
clauses, appositions or ", according to …" lost more matches than it gained (those belong to
the reported content about as often as not).
"""

from __future__ import annotations

from spacy.tokens import Token

_SEP = {",", "-", "--", "—", "–", ";"}


def trim_trailing(toks: list[Token]) -> list[Token]:
    """``toks`` (in order) without a trailing relative clause set off by a comma or dash."""
    if len(toks) < 4:
        return toks
    first, ids = toks[0].i, {t.i for t in toks}
    words = [t.i for t in toks if not t.is_punct]
    last = words[-1] if words else toks[-1].i
    doc = toks[0].doc
    for h in toks:
        if h.i - first < 2 or h.dep_ != "relcl" or h.head.i not in ids:
            continue
        le = h.left_edge.i
        if le - 1 <= first + 1 or doc[le - 1].text not in _SEP or h.right_edge.i < last:
            continue
        kept = [t for t in toks if t.i < le - 1]
        while kept and (kept[-1].is_punct or kept[-1].is_space) and kept[-1].text not in ('"', "”", "’"):
            kept = kept[:-1]
        if len(kept) >= 2:
            return kept
    return toks
