"""Reported content beyond speech verbs, from a small learned model: "endorsed Trump", "called for
a ban on ...", "vowed to repeal ...", "his claim that ...", "the poll showed ...".

Why learned: attribution in political news runs through hundreds of cue words (stance, support,
criticism, intention, findings), each reliable only in some constructions ("called for X" reports,
"called X" names). A logistic model over the cue's word form, the grammatical role of the
candidate content (clause, object, infinitive, prepositional object) and the kind of subject
weighs these per construction; its weights are data (``resources/quotes/cue_weights.tsv``, written by
``train_cues.py`` from PolNeAR's training split) and scoring is a sum over a dozen features, so
the stage stays cheap.

A candidate is a (cue token, content) pair: the content is one complement of the cue in the parse.
"""

from __future__ import annotations

import math
import os
from functools import cache
from pathlib import Path
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..resources import rows, table
from ..text.glyphs import ENGLISH_DOUBLE
from .extent import trim_trailing
from .indirect import discourse_marker
from .lexicon import is_role_noun, pronouns, source_documents

# complements that can carry reported content, and how they are named in the features
_CHILD_KINDS = {"ccomp": "ccomp", "xcomp": "xcomp", "dobj": "dobj", "acomp": "acomp", "oprd": "oprd",
                "attr": "attr", "acl": "acl", "advcl": "advcl"}
_WH = {"what", "how", "why", "whether", "if", "who", "when", "where", "which"}
_TRIM_LEAD = {"that", ",", ":", "-", "—", "–"}
_PERSON_PRON = {"he", "she", "him", "her", "they", "i", "we", "you", "who"}


@dataclass
class Candidate:
    cue: Token
    kind: str
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    features: list[str]
    score: float = 0.0


def _stem(word: str) -> str:
    """A crude stem, so 'supports', 'supported' and 'supporting' share evidence: the lemmatizer
    is not run (it costs a fifth of spaCy's time)."""
    for suf in ("ing", "ed", "es", "s"):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            word = word[: -len(suf)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def _span_of(toks: list[Token]) -> tuple[int, int] | None:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].lower_ in _TRIM_LEAD or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in ('"', "”", "’"):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].i, toks[-1].i + 1


def _subject(tok: Token) -> Token | None:
    from .attribute import subject_of

    try:
        return subject_of(tok)
    except Exception:  # a malformed parse must not stop the stage
        return None


def _subject_feature(subj: Token | None) -> str:
    """The kind of the cue's subject: a pronoun, an entity type, a role, a document, or its POS."""
    if subj is None:
        return "subj=none"
    low = subj.lower_
    if low in pronouns() or low in _PERSON_PRON:
        return f"subj=pron:{low}"
    if subj.ent_type_:
        return f"subj=ent:{subj.ent_type_}"
    if is_role_noun(low):
        return "subj=role"
    if low in source_documents() or low.rstrip("s") in source_documents():
        return "subj=doc"
    return f"subj=pos:{subj.pos_}"


def _prev_word(tok: Token) -> str:
    """The word before the cue ('has', 'to', 'his', 'publicly'), as a feature value."""
    if tok.i == 0 or tok.is_sent_start:
        return "^"
    prev = tok.doc[tok.i - 1]
    return "_" if prev.is_space else prev.lower_.replace("\t", " ")


def _candidate_spans(tok: Token) -> list[tuple[str, list[Token]]]:
    out: list[tuple[str, list[Token]]] = []
    rights = [c for c in tok.children if c.i > tok.i]
    for c in tok.children:
        kind = _CHILD_KINDS.get(c.dep_)
        if kind is not None:
            out.append((kind, list(c.subtree)))
        elif c.dep_ == "prep" and c.i > tok.i:
            objs = [t for t in c.subtree if t is not c]
            if objs:
                out.append((f"prep:{c.lower_}", objs))
    # the whole predicate after the cue: "accused the senator of lying", "called on Congress to act"
    keep = [c for c in rights if c.dep_ not in ("conj", "cc", "punct", "mark", "advmod", "npadvmod")]
    if len(keep) >= 2:
        toks = [t for c in keep for t in c.subtree]
        out.append(("right", toks))
    return out


def candidates(doc: Doc, speech: list[tuple[int, int]]) -> list[Candidate]:
    """Every (cue token, complement) pair of the doc whose cue lies outside ``speech`` (quoted stretches)."""
    out: list[Candidate] = []
    quoted_sents = set()
    bounds: list[tuple[int, int]] = [(0, len(doc))] * len(doc)  # each token's sentence, found once
    for s in doc.sents:
        bounds[s.start:s.end] = [(s.start, s.end)] * (s.end - s.start)
        if any(t.text in ENGLISH_DOUBLE for t in s):
            quoted_sents.add(s.start)
    for tok in doc:
        if tok.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"):
            continue
        if any(a <= tok.idx < b for a, b in speech):
            continue
        if tok.text[:1].isupper() and not tok.is_sent_start:
            continue  # a Title Case headline or label ("What Both Parties Want: ...") is no report
        spans = _candidate_spans(tok)  # before the marker check: most tokens have no complement
        if not spans or discourse_marker(tok):
            continue
        subj = _subject(tok)
        low = tok.lower_
        neg = any(c.dep_ == "neg" for c in tok.children)
        stem = _stem(low)
        sf = _subject_feature(subj)
        hdep = tok.head.dep_ if tok.head is not tok else "self"
        base = [f"w={low}", f"s={stem}", f"tag={tok.tag_}", f"dep={tok.dep_}", sf, f"s|dep={stem}|{tok.dep_}",
                f"hdep={hdep}", f"s|subj={stem}|{sf}", f"s|hdep={stem}|{hdep}", f"pw={_prev_word(tok)}"]
        if any(c.dep_ == "poss" for c in tok.children):
            base.append("poss")
        s0, s1 = bounds[tok.i]
        if s0 in quoted_sents:
            base.append("sentq")
        if neg:
            base.append("neg")
        if tok.head is not tok and tok.head.lower_ == "to":
            base.append("after_to")
        for kind, toks in spans:
            span = _span_of([t for t in toks if s0 <= t.i < s1])
            if span is None:
                continue
            a, b = span
            n = b - a
            first = doc[a]
            head = next((t for t in doc[a:b] if not a <= t.head.i < b or t.head is t), doc[a])
            lead = first.lower_ if first.lower_ in _WH or first.lower_ in ("to", "for", "of", "on") else first.pos_
            fs = base + [f"k={kind}", f"w|k={low}|{kind}", f"tag|k={tok.tag_}|{kind}",
                         f"k|head={kind}|{head.ent_type_ or head.pos_}", f"s|k={stem}|{kind}",
                         f"len={min(n, 12) if n < 12 else (20 if n < 30 else 40)}", f"first={lead}",
                         f"k|first={kind}|{lead}", f"s|k|len={stem}|{kind}|{'short' if n < 4 else 'long'}"]
            if b <= tok.i:
                fs.append("left")
            if any(t.lower_ == "that" and t.dep_ == "mark" for t in toks):
                fs.append("that")
            c0, c1 = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
            inq = sum(min(c1, y) - max(c0, x) for x, y in speech if x < c1 and c0 < y)
            if inq > 0:
                fs.append("inquote>50" if inq > 0.5 * (c1 - c0) else "inquote")
            out.append(Candidate(tok, kind, a, b, fs))
    return out


def score(c: Candidate, weights: dict[str, float], bias: float) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in c.features)
    return 1.0 / (1.0 + math.exp(-z))


THRESHOLD = 0.3  # chosen on the held-out half of PolNeAR train (F1 .586 at 0.4, .608 at 0.3, .613 at 0.25 with less precision)


@cache
def _model() -> tuple[dict[str, float], float]:
    """The shipped weights, or those of ``STORYLINE_CUE_WEIGHTS`` (a file written by train_cues.py):
    a model fitted on part of PolNeAR train can then be scored on the rest, held out."""
    other = os.environ.get("STORYLINE_CUE_WEIGHTS")
    found = rows(Path(other).read_text(encoding="utf-8")) if other else table("quotes/cue_weights.tsv")
    weights = {row[0]: float(row[1]) for row in found}
    bias = weights.pop("__bias__")
    return weights, bias


def reported_from_model(doc: Doc, speech: list[tuple[int, int]], full_quotes: list[tuple[int, int]],
                        taken: list[tuple[int, int]], cue_taken: set[int],
                        threshold: float | None = None) -> list[tuple[Token, int, int, float]]:
    """(cue, start char, end char, probability) of the learned candidates at or above ``threshold``:
    the best complement per cue; none whose cue is in ``cue_taken`` (token indices already used as
    cues), whose content runs into a direct quote of ``full_quotes`` (that quote is the speech), or
    whose cue or content lies inside, or mostly repeats, a stretch in ``taken`` (reported clauses
    found by rule) or a stronger learned report."""
    th = THRESHOLD if threshold is None else threshold
    weights, bias = _model()
    best: dict[int, Candidate] = {}
    for c in candidates(doc, speech):
        if c.cue.i in cue_taken or "neg" in c.features:
            continue  # "did not say how many were lost" reports nothing
        c.score = score(c, weights, bias)
        if c.score >= th and (c.cue.i not in best or c.score > best[c.cue.i].score):
            best[c.cue.i] = c
    out: list[tuple[Token, int, int, float]] = []
    spans = list(taken)
    for c in sorted(best.values(), key=lambda c: -c.score):
        toks = trim_trailing(list(doc[c.start:c.end]))
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
        if any(x <= c.cue.idx < y for x, y in spans) or any(x <= a and b <= y for x, y in spans) \
                or any(min(b, y) - max(a, x) >= 0.5 * max(b - a, y - x) for x, y in spans) \
                or any(x < b and a < y for x, y in full_quotes) \
                or any(a <= o[0].idx < b for o in out):  # holds a stronger report's cue: one report, that one
            continue
        spans.append((a, b))
        out.append((c.cue, a, b, c.score))
    return sorted(out, key=lambda x: x[1])
