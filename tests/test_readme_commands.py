"""The README's quick start works as written, in the order written, against the installed venv.

The block between ``<!-- quickstart -->`` and ``<!-- /quickstart -->`` is read from README.md and
each line run: ``make demo`` with this venv (its install step skipped: the venv is installed) and
its output in a temp folder; ``.venv/bin/storyline ...`` with this venv's script, in that temp
folder, where ``my_folder`` holds a few demo articles; ``serve`` on a free port, polled until the
reader answers 200, then stopped. About a minute on two cores, most of it ``make demo``.
"""

from __future__ import annotations

import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from storyline.cli import DEFAULT_PORT

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
QUICKSTART = re.compile(r"<!-- quickstart -->\s*```sh\n(.*?)```\s*<!-- /quickstart -->", re.S)
MY_FOLDER = ("korsa_herald_grain_talks.txt", "nordwire_grain_talks.txt")  # two short demo articles


def quickstart() -> str:
    found = QUICKSTART.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert found, "README.md has no <!-- quickstart --> ```sh block <!-- /quickstart -->"
    return found.group(1)


def commands() -> list[list[str]]:
    return [argv for line in quickstart().splitlines() if (argv := shlex.split(line, comments=True))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_until_200(argv: list[str], cwd: Path, timeout: float = 60.0) -> None:
    port = free_port()
    proc = subprocess.Popen([*argv, "--port", str(port)], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert proc.poll() is None, f"{shlex.join(argv)} exited: {proc.communicate()[0][-2000:]}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    assert resp.status == 200
                    return
            except OSError:
                time.sleep(0.3)
        pytest.fail(f"{shlex.join(argv)} did not answer on port {port} within {timeout:.0f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_quick_start_names_the_real_default_port_and_the_readers_address():
    assert f"http://127.0.0.1:{DEFAULT_PORT}" in quickstart()
    assert any(argv[:2] == [".venv/bin/storyline", "analyze"] and "my_folder" in argv for argv in commands())


def test_a_plain_install_has_what_the_quick_start_uses():
    """`make demo` installs `-e .` with no extras: serve and search must not need one."""
    deps = " ".join(tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"])
    for package in ("fastapi", "uvicorn", "duckdb-extension-fts"):
        assert package in deps
    assert re.search(r"^\t\$\(BIN\)/pip install --quiet -e \.$", (REPO / "Makefile").read_text(), re.M)


@pytest.mark.slow
def test_quick_start_commands_run_in_order(tmp_path: Path):
    if not (BIN / "storyline").exists() or shutil.which("make") is None:
        pytest.skip("needs make and the storyline script installed next to this python")
    mine = tmp_path / "my_folder"
    mine.mkdir()
    for name in MY_FOLDER:
        shutil.copy(REPO / "demo" / "corpus" / name, mine / name)
    for argv in commands():
        if argv[:2] == ["make", "demo"]:
            r = subprocess.run(["make", "-o", "install", *argv[1:], f"VENV={BIN.parent}", f"OUT={tmp_path / 'out'}"],
                               cwd=REPO, capture_output=True, text=True, timeout=300)
        elif argv[0].startswith(".venv/bin/"):
            argv = [str(BIN / argv[0].removeprefix(".venv/bin/")), *argv[1:]]
            if argv[1] == "serve":
                serve_until_200(argv, tmp_path)
                continue
            r = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        else:
            pytest.fail(f"the quick start has a command this test cannot run: {shlex.join(argv)}")
        assert r.returncode == 0, f"{shlex.join(argv)} exited {r.returncode}:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    assert len(list((tmp_path / "out" / "briefs").glob("*.html"))) >= 1
