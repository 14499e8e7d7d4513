"""The local process pool: results as they finish, and workers that die with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from storyline.engine.local import run_local

SRC = Path(__file__).resolve().parents[2] / "src"


def _square(x: int) -> int:
    return x * x


def test_run_local_yields_every_result():
    assert sorted(run_local(_square, range(10), workers=2)) == [x * x for x in range(10)]
    assert list(run_local(_square, [], workers=2)) == []
    calls = []
    assert list(run_local(_square, [3], workers=1, initializer=lambda: calls.append(1))) == [9] and calls == [1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_when_the_parent_is_killed(tmp_path: Path):
    """Regression: after kill -9 of the parent the pool's workers waited forever on a dead queue."""
    pids = tmp_path / "pids"
    code = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(SRC)!r})
        from storyline.engine.local import run_local

        def init():
            with open({str(pids)!r}, "a") as f:
                f.write(f"{{os.getpid()}}\\n")

        def slow(x):
            time.sleep(600)

        list(run_local(slow, range(4), workers=2, initializer=init))
    """)
    proc = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.monotonic() + 60
        def worker_pids() -> list[int]:  # the parent runs the initializer too, before forking
            return [int(p) for p in pids.read_text().split() if int(p) != proc.pid] if pids.exists() else []

        while time.monotonic() < deadline and len(worker_pids()) < 2:
            time.sleep(0.05)
        workers = worker_pids()
        assert len(workers) == 2
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()

        def alive(pid: int) -> bool:
            try:
                return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
            except OSError:
                return False

        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(p) for p in workers):
            time.sleep(0.05)
        assert not [p for p in workers if alive(p)]
    finally:
        if proc.poll() is None:
            proc.kill()


_LOADED: list[int] = []


def _load_model_stand_in() -> None:
    if not _LOADED:  # like spacy_pipeline.load: a cached load, a no-op the second time in a process
        _LOADED.append(os.getpid())


def _loaded_by(_: int) -> list[int]:
    return list(_LOADED)


def test_forked_workers_inherit_what_the_initializer_loaded_in_the_parent():
    """The model is loaded once before forking, so workers do not each pay to load it again."""
    _LOADED.clear()
    seen = list(run_local(_loaded_by, range(6), workers=2, initializer=_load_model_stand_in))
    assert _LOADED == [os.getpid()]
    assert all(loaded == [os.getpid()] for loaded in seen)  # inherited, not reloaded in the child


def test_worker_start_builds_the_lazy_parts_before_any_article():
    """The pool's initializer (run before the fork) analyses a warm-up article, so the first-name
    dictionary and friends are built once in the parent, not again in every worker."""
    from storyline import pipeline
    from storyline.config import Settings
    from storyline.entities import names

    names._detector.cache_clear()
    pipeline._init_worker(Settings().spacy_model)()
    assert names._detector.cache_info().currsize == 1
