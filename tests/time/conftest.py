from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.model import Article


@pytest.fixture(scope="session")
def parse() -> Callable[[str], object]:
    """spaCy loaded once per session, through the one module allowed to run it."""
    from storyline.config import Settings
    from storyline.nlp.spacy_pipeline import annotate

    model = Settings().spacy_model
    return lambda text: annotate(text, model)


@pytest.fixture(scope="session")
def article() -> Callable[..., Article]:
    def make(text: str, published: str | None = "2025-03-14", language: str = "en", aid: str = "a1",
             outlet: str | None = None, duplicate_of: str | None = None) -> Article:
        return Article(id=aid, source=f"{aid}.txt", text=text, published=published, language=language,
                       outlet=outlet, duplicate_of=duplicate_of)

    return make
