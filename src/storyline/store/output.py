"""The ``analyze --out`` folder as a transaction: every run's files are published at once, or not at all.

Layout (the contract names at the top are symbolic links; readers use them as plain paths)::

    OUT/analysis.json          -> .current/analysis.json
    OUT/storyline.duckdb       -> .current/storyline.duckdb
    OUT/briefs/                -> .current/briefs
    OUT/stories_state.json     -> .current/stories_state.json
    OUT/article_results.jsonl  -> .current/article_results.jsonl
    OUT/.current               -> .runs/<run>     (the one switch: replaced atomically by rename)
    OUT/.runs/<run>/           one complete run each; only the current one is kept
    OUT/.cache/                per-article results (content-keyed, shared by runs)
    OUT/.lock                  held (flock) by the one writer

A run is written into a fresh ``.runs/<run>`` folder, flushed to disk, and published by replacing
the ``.current`` link with ``rename(2)``; so a crash (even ``kill -9``) at any point leaves either
the previous complete run or the new complete run, never a mix of the two. Readers take no lock:
a path resolved through ``.current`` always leads to one complete run. Writers take ``OUT/.lock``
(``fcntl.flock``), so a second writer into the same folder fails at once instead of interleaving.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StorylineError

ANALYSIS = "analysis.json"
DATABASE = "storyline.duckdb"
BRIEFS = "briefs"
STATE = "stories_state.json"
RESULTS = "article_results.jsonl"
RUN_ENTRIES = (ANALYSIS, DATABASE, BRIEFS, STATE, RESULTS)
CURRENT = ".current"
RUNS = ".runs"
LOCK = ".lock"


class OutputBusy(StorylineError, RuntimeError):
    """Another writer holds the folder's lock."""

    def __init__(self, out_dir: Path, holder: str | None):
        self.out_dir, self.holder = out_dir, holder
        who = f" (pid {holder})" if holder else ""
        super().__init__(f"{out_dir}: another `storyline analyze`{who} is writing here; "
                         "wait for it to finish or use another --out")


_held: dict[str, int] = {}  # realpath of OUT -> fd of its lock file, while this process holds it


@contextmanager
def writer_lock(out_dir: str | Path) -> Iterator[Path]:
    """Hold ``OUT/.lock`` for the block (re-entrant within one process); raise :class:`OutputBusy`
    at once when another process holds it. Creates OUT; touches nothing else."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(out)
    if key in _held:
        yield out
        return
    import fcntl

    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                raise
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or None
            raise OutputBusy(out, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)  # shown to a refused second writer
        _held[key] = fd
        try:
            yield out
        finally:
            del _held[key]
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _fsync_tree(root: Path) -> None:
    """Flush every file and folder under ``root``: a published run must survive a power cut too."""
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _symlink_replace(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` atomically (a new link renamed over the old name)."""
    tmp = link.with_name(f"{link.name}.tmp-{os.getpid()}")
    try:
        tmp.unlink()
    except FileNotFoundError:
        pass
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _is_link_to(path: Path, target: str) -> bool:
    return path.is_symlink() and os.readlink(path) == target


def current_run(out_dir: str | Path) -> Path | None:
    """The folder of the published run, or None (no run, or a folder written before runs were
    published as a whole)."""
    link = Path(out_dir) / CURRENT
    if not link.is_symlink():
        return None
    run = Path(out_dir) / os.readlink(link)
    return run if run.is_dir() else None


def _adopt_legacy(out: Path) -> None:
    """A folder written before this layout holds the contract files themselves. Make it a run of
    its own first (hard links, briefs copied), so every later step swaps complete runs only."""
    present = [n for n in RUN_ENTRIES if (out / n).exists() and not (out / n).is_symlink()]
    if not present or (out / CURRENT).is_symlink():
        return
    run = out / RUNS / f"legacy-{time.time_ns()}"
    run.mkdir(parents=True)
    for name in present:
        src, dst = out / name, run / name
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
    _fsync_tree(run)
    _symlink_replace(f"{RUNS}/{run.name}", out / CURRENT)
    for name in present:
        _link_entry(out, name)


def _link_entry(out: Path, name: str) -> None:
    link, target = out / name, f"{CURRENT}/{name}"
    if _is_link_to(link, target):
        return
    if link.is_dir() and not link.is_symlink():
        # a real folder cannot be renamed over (only ever the one-time migration of an older folder,
        # whose briefs are already in the adopted run): swap it with the new link in one step
        tmp = link.with_name(f"{link.name}.tmp-{os.getpid()}")
        if tmp.is_symlink():
            tmp.unlink()
        os.symlink(target, tmp)
        aside = out / RUNS / f"old-{name}-{time.time_ns()}"
        if not _exchange(tmp, link):  # no renameat2: a moment without the folder, then the link
            os.rename(link, aside)
            os.rename(tmp, link)
        else:
            os.rename(tmp, aside)
        return
    _symlink_replace(target, link)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _collect_garbage(out: Path, keep: Path | None) -> None:
    """Runs that are not current: the previous run after a publish, or what a killed writer left."""
    runs = out / RUNS
    if runs.is_dir():
        for p in runs.iterdir():
            if keep is None or p.name != keep.name:
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
    for name in (*RUN_ENTRIES, CURRENT):
        for p in out.glob(f"{name}.tmp-*"):
            if p.is_symlink():
                p.unlink(missing_ok=True)


@contextmanager
def new_run(out_dir: str | Path) -> Iterator[Path]:
    """A fresh run folder to write into; published when the block ends without an exception,
    removed otherwise. The caller must hold :func:`writer_lock` (taken here if it does not)."""
    with writer_lock(out_dir) as out:
        _collect_garbage(out, current_run(out))  # leftovers of a killed writer
        run = out / RUNS / f"{time.time_ns()}-{os.getpid()}"
        run.mkdir(parents=True)
        try:
            yield run
        except BaseException:
            shutil.rmtree(run, ignore_errors=True)
            raise
        publish(out, run)


def publish(out: Path, run: Path) -> None:
    """Make ``run`` the current run of ``out`` in one atomic step, then drop the previous one."""
    _fsync_tree(run)
    _adopt_legacy(out)
    for name in RUN_ENTRIES:  # dangling until the first publish: the same as no output at all
        _link_entry(out, name)
    _symlink_replace(f"{RUNS}/{run.name}", out / CURRENT)  # the commit point
    _fsync_dir(out)
    _collect_garbage(out, run)


def write_run(out_dir: str | Path, write: Callable[[Path], None]) -> Path:
    """Run ``write(folder)`` into a new run folder and publish it; return OUT."""
    with new_run(out_dir) as run:
        write(run)
    return Path(out_dir)
