from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.model import Article, Quote


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.spacy_pipeline import load

    return load(Settings().spacy_model)


@pytest.fixture(scope="session")
def quotes_of(nlp):
    """Text -> quotes (speech), parsed with the project's spaCy pipeline, mentions from entities/."""
    from storyline.entities.mentions import extract_mentions
    from storyline.quotes.detect import analyze_quotes

    def run(text: str, language: str = "en", full: bool = False):
        art = Article(id="t", source="t", text=text, language=language)
        doc = nlp(text)
        found = analyze_quotes(art, extract_mentions(art, doc), doc)
        return found if full else found.quotes

    return run


def _one(quotes: list[Quote], needle: str) -> Quote:
    hits = [q for q in quotes if needle in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0]


@pytest.fixture(scope="session")
def one():
    """The single quote whose text contains a needle (fails if none or several)."""
    return _one
