"""Who speaks when no one person is named: "two officials said", "Dock workers in Port Selvik
said", "according to freight companies". The quote keeps no speaker (naming a group as a person
would be a wrong speaker); the words that describe the source are kept as evidence instead, so
a reader (and a fact-checker) sees that a claim rests on unnamed officials rather than on nobody.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Article, Quote
from ..text.glyphs import CURLY_SINGLE, DOUBLE_QUOTES
from .attribute import BODY_NOUNS, subject_of
from .lexicon import pronouns, role_nouns, source_documents

_MAX_TOKENS = 8
_BODIES = {"authority", "service", "institute", "center", "centre", "foundation", "association", "federation",
           "organization", "organisation", "coalition", "alliance", "network", "station", "watchdog", "regulator",
           "inquiry", "panel", "newspaper", "outlet", "broadcaster", "airline", "operator", "utility"}
_GLYPHS = DOUBLE_QUOTES + CURLY_SINGLE
# the part of a subject phrase that names the source; a relative clause or apposition after a
# comma only tells more about it ("Dock workers in Port Selvik, who depend on the grain trade")
_STOP_DEPS = {"relcl", "appos", "acl", "punct"}
# punctuation that parts the source's name from what comes before it ("(Nordwire) - Defence
# ministers") or after it
_BREAKS = {",", "-", "--", "—", "–", "(", ")", ":", ";"}


def _cue_token(doc: Doc, q: Quote, para: tuple[int, int]) -> Token | None:
    """The token of the quote's cue word nearest the quote, in the quote's paragraph."""
    if not q.cue or " " in q.cue:
        return None
    span = doc.char_span(para[0], para[1], alignment_mode="expand")
    if span is None:
        return None
    hits = [t for t in span if t.text == q.cue and not q.span.start <= t.idx < q.span.end]
    return min(hits, key=lambda t: min(abs(t.idx - q.span.start), abs(t.idx - q.span.end)), default=None)


def _phrase(subj: Token) -> tuple[int, int] | None:
    """Character extent of the source-naming part of a subject phrase."""
    toks = [subj]
    for c in subj.children:
        if c.dep_ in _STOP_DEPS:
            continue
        toks += list(c.subtree)
    toks.sort(key=lambda t: t.i)
    # keep the stretch without a comma around the head
    lo = max([t.i + 1 for t in toks if t.i < subj.i and t.text in _BREAKS] + [toks[0].i])
    hi = min([t.i - 1 for t in toks if t.i > subj.i and t.text in _BREAKS] + [toks[-1].i])
    kept = [t for t in toks if lo <= t.i <= hi]
    if not kept or len(kept) > _MAX_TOKENS:
        kept = [t for t in kept if t.i >= subj.i - 3 and t.i <= subj.i]  # "the four officials"
    if not kept:
        return None
    return kept[0].idx, kept[-1].idx + len(kept[-1])


def _speaks(subj: Token) -> bool:
    """Can this subject be a source: a group ("analysts", "Authorities"), a name, a role ("the
    California congressman"), an organisation or a document ("the ministry", "a new poll")? A
    singular abstract noun ("a controversial comment", "accountability") cannot."""
    low = subj.lower_
    return subj.tag_ in ("NNS", "NNPS") or subj.pos_ in ("PROPN", "NUM") or low in role_nouns() \
        or low in source_documents() or low in BODY_NOUNS or low in _BODIES or subj.ent_type_ in ("ORG", "NORP")


def unnamed_sources(article: Article, doc: Doc, quotes: list[Quote],
                    paragraphs: list[tuple[int, int]], speech: list[tuple[int, int]]) -> list[Quote]:
    """``quotes`` with ``source`` set on those that have a cue but no speaker, where the cue's
    subject is a noun phrase (a group, a description, a document); never a pronoun."""
    out = []
    for q in quotes:
        if q.speaker is not None or q.cue is None:
            out.append(q)
            continue
        para = next(((a, b) for a, b in paragraphs if a <= q.span.start < b), None)
        cue = _cue_token(doc, q, para) if para is not None else None
        subj = subject_of(cue) if cue is not None else None
        if subj is None or subj.lower_ in pronouns() or subj.pos_ not in ("NOUN", "PROPN", "NUM") \
                or any(a <= subj.idx < b for a, b in speech) or q.span.start <= subj.idx < q.span.end:
            out.append(q)
            continue
        extent = _phrase(subj) if _speaks(subj) else None
        if extent is not None and any(ch in article.text[extent[0]:extent[1]] for ch in _GLYPHS):
            extent = None  # a stretch of a quotation is not who speaks
        out.append(q if extent is None else q.model_copy(update={"source": article.span(*extent)}))
    return out
