"""A live reader and a real browser: Playwright (from PyPI) driving Debian's Chromium.

Playwright's own browser download cannot work here (the network is closed), so the tests launch the
system `chromium` that `make install-test` installs. Without it they skip with the install hint, except
under CI, where a missing browser is a failure: a skipped browser suite must not pass CI unnoticed.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from storyline.outputs import write_outputs  # noqa: E402
from storyline.web.app import create_app  # noqa: E402

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network and a root user: without the background-networking ones Chromium keeps
# dialling Google's hosts and logs refused connections.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if path:
        return path
    hint = f"browser tests need Debian's chromium at {CHROMIUM} (make install-test, or apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(hint)
    pytest.skip(hint)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def reader_url(tmp_path_factory, mini_corpus) -> Iterator[str]:
    """The reader over the mini corpus, served by uvicorn in a thread, as `storyline serve` does."""
    folder = tmp_path_factory.mktemp("reader")
    write_outputs(mini_corpus, folder)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(folder), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the reader did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = _chromium()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots() -> Path | None:
    """Where screenshots go: `STORYLINE_SCREENSHOTS=benchmarks/results/screenshots` refreshes the
    README's pictures; otherwise none are written (a test run leaves the work tree clean)."""
    folder = os.environ.get("STORYLINE_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
