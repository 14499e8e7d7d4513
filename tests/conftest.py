from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def mini_corpus():
    """The small fixture corpus analysed once per test session (spaCy in-process)."""
    from storyline import Settings, analyze

    return analyze([DATA / "mini", DATA / "bad"], Settings(workers=1))
