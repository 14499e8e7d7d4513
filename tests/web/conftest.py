"""The demo corpus analysed once per session and served by a TestClient, for the reader's pages."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyline import Settings, analyze  # noqa: E402
from storyline.outputs import write_outputs  # noqa: E402
from storyline.web.app import create_app  # noqa: E402

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"


@pytest.fixture(scope="session")
def demo_corpus():
    """The demo corpus as ``analyze`` leaves it (its broken inputs become error lines)."""
    return analyze([DEMO], Settings(workers=1))


@pytest.fixture(scope="session")
def demo(tmp_path_factory, demo_corpus):
    """A client over the demo analysis as ``analyze --out`` writes it."""
    folder = tmp_path_factory.mktemp("demo-served")
    write_outputs(demo_corpus, folder)
    return TestClient(create_app(folder), base_url="http://localhost")
