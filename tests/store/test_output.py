"""The output folder as a transaction (storyline.store.output): a writer killed at any step leaves the
previous complete run or the new complete run, never a mix; one writer at a time."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storyline.store.output import (ANALYSIS, BRIEFS, DATABASE, RESULTS, RUN_ENTRIES, STATE, OutputBusy, current_run,
                                    write_run, writer_lock)

SRC = Path(__file__).resolve().parents[2] / "src"
FILES = (ANALYSIS, DATABASE, STATE, RESULTS)


def fill(folder: Path, tag: str) -> None:
    """A stand-in run: every entry holds the run's tag."""
    for name in FILES:
        (folder / name).write_text(tag)
    (folder / BRIEFS).mkdir()
    (folder / BRIEFS / "s1.md").write_text(tag)
    (folder / BRIEFS / f"{tag}.md").write_text(tag)


def seen(out: Path) -> set[str] | None:
    """The tags a reader finds through the contract paths; None when some entries are there and others
    not (a half-published run); an empty set when there is no run at all."""
    tags, present = set(), 0
    for name in FILES:
        p = out / name
        if p.exists():
            present += 1
            tags.add(p.read_text())
    b = out / BRIEFS
    if b.is_dir():
        present += 1
        tags |= {p.read_text() for p in b.iterdir()}
        tags |= {p.stem for p in b.iterdir() if p.stem != "s1"}
    if present not in (0, len(RUN_ENTRIES)):
        return None
    return tags


def legacy(out: Path, tag: str) -> None:
    """A folder as written before runs were published whole: the entries themselves."""
    out.mkdir(parents=True)
    fill(out, tag)


def test_write_run_publishes_every_entry_and_keeps_one_run(tmp_path: Path):
    out = tmp_path / "out"
    write_run(out, lambda run: fill(run, "one"))
    assert seen(out) == {"one"}
    write_run(out, lambda run: fill(run, "two"))
    assert seen(out) == {"two"}
    assert [p.name for p in (out / ".runs").iterdir()] == [current_run(out).name]
    for name in RUN_ENTRIES:
        assert (out / name).is_symlink()


def test_a_failing_writer_leaves_the_previous_run(tmp_path: Path):
    out = tmp_path / "out"
    write_run(out, lambda run: fill(run, "old"))

    def half(run: Path) -> None:
        (run / ANALYSIS).write_text("new")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_run(out, half)
    assert seen(out) == {"old"}
    assert len(list((out / ".runs").iterdir())) == 1


def test_a_legacy_folder_is_adopted_then_replaced(tmp_path: Path):
    out = tmp_path / "out"
    legacy(out, "old")
    write_run(out, lambda run: fill(run, "new"))
    assert seen(out) == {"new"}
    assert len(list((out / ".runs").iterdir())) == 1


def test_the_lock_refuses_a_second_writer_and_is_reentrant(tmp_path: Path):
    out = tmp_path / "out"
    with writer_lock(out):
        with writer_lock(out):  # the same process: write_outputs inside analyze
            pass
        code = ("import sys; from storyline.store.output import writer_lock, OutputBusy\n"
                "try:\n    writer_lock(sys.argv[1]).__enter__()\nexcept OutputBusy as e:\n"
                "    print(e); sys.exit(3)\n")
        r = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(SRC)})
        assert r.returncode == 3 and f"pid {os.getpid()}" in r.stdout
    with writer_lock(out):  # released
        pass
    with pytest.raises(OutputBusy):
        import fcntl

        fd = os.open(out / ".lock", os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            with writer_lock(out):
                pass
        finally:
            os.close(fd)


# a child process that writes a run and dies (os._exit, as abruptly as kill -9) just before its
# N-th change to the file system; every N in turn, until the writer gets through
CHILD = textwrap.dedent("""
    import os, shutil, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from storyline.store import output
    from tests_store_fill import fill

    n, count = int(sys.argv[2]), [0]

    def dying(fn):
        def wrapped(*a, **k):
            count[0] += 1
            if count[0] == n:
                os._exit(9)
            return fn(*a, **k)
        return wrapped

    for name in ("replace", "rename", "symlink", "link", "unlink", "mkdir", "rmdir", "fsync"):
        setattr(os, name, dying(getattr(os, name)))
    shutil.rmtree = dying(shutil.rmtree)
    shutil.copytree = dying(shutil.copytree)
    output._exchange = dying(output._exchange)
    output.write_run(sys.argv[1], lambda run: fill(run, "new"))
""")


@pytest.mark.parametrize("before", ["nothing", "run", "legacy"])
def test_killed_at_every_step_leaves_the_old_or_the_new_run(tmp_path: Path, before: str):
    helper = tmp_path / "helper"
    helper.mkdir()
    (helper / "tests_store_fill.py").write_text(
        "from pathlib import Path\n" + textwrap.dedent(f"""
        FILES = {FILES!r}
        def fill(folder, tag):
            for name in FILES:
                (folder / name).write_text(tag)
            (folder / {BRIEFS!r}).mkdir()
            (folder / {BRIEFS!r} / "s1.md").write_text(tag)
            (folder / {BRIEFS!r} / (tag + ".md")).write_text(tag)
        """))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(helper)])}
    outcomes = []
    for n in range(1, 400):
        out = tmp_path / f"out{n}"
        if before == "run":
            write_run(out, lambda run: fill(run, "old"))
        elif before == "legacy":
            legacy(out, "old")
        r = subprocess.run([sys.executable, "-c", CHILD, str(out), str(n), str(SRC)], env=env,
                           capture_output=True, text=True)
        assert r.returncode in (0, 9), r.stderr
        now = seen(out)
        expected = [{"new"}] + ([set()] if before == "nothing" else [{"old"}])
        assert now in expected, (n, now, sorted(p.name for p in out.iterdir()))
        outcomes.append(r.returncode == 9 and now != {"new"})
        # the next writer cleans up whatever the killed one left, and publishes normally
        write_run(out, lambda run: fill(run, "next"))
        assert seen(out) == {"next"} and len(list((out / ".runs").iterdir())) == 1
        if r.returncode == 0:
            break
    else:
        pytest.fail("the writer never finished")
    assert any(outcomes) and not outcomes[-1]  # some kills kept the old run; the last run finished
