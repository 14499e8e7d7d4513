from __future__ import annotations

import pytest

from storyline.model import Article, Mention


def _make_article(text: str, aid: str = "a1", outlet: str | None = "Test Herald", language: str = "en") -> Article:
    return Article(id=aid, source=f"{aid}.txt", outlet=outlet, text=text, language=language)


def _mention(article: Article, surface: str, label: str = "PERSON", nth: int = 0, **kw) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(surface, start + 1)
    return Mention(span=article.span(start, start + len(surface)), label=label, **kw)


@pytest.fixture(scope="session")
def nlp():
    from storyline.config import Settings
    from storyline.nlp.spacy_pipeline import load

    return load(Settings().spacy_model)


@pytest.fixture(scope="session")
def make_article():
    return _make_article


@pytest.fixture(scope="session")
def mention():
    return _mention
