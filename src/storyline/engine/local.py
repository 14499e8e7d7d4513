"""Run a per-article function over inputs in a process pool, yielding results as they finish.

Each worker loads spaCy once (initializer), so the model cost is paid per process, not per article.
With one worker everything runs in-process, which is also what tests and small batches want.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import get_context
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def run_local(fn: Callable[[T], R], items: Iterable[T], workers: int,
              initializer: Callable[[], None] | None = None) -> Iterator[R]:
    items = list(items)
    workers = max(1, min(workers or os.cpu_count() or 1, len(items) or 1))
    if workers == 1:
        if initializer:
            initializer()
        for it in items:
            yield fn(it)
        return
    # fork shares the already-imported modules; bounded in-flight work keeps memory flat.
    ctx = get_context("fork") if hasattr(os, "fork") else get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=initializer) as pool:
        it = iter(items)
        pending = set()
        for x in it:
            pending.add(pool.submit(fn, x))
            if len(pending) >= workers * 4:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()
                nxt = next(it, None)
                if nxt is not None:
                    pending.add(pool.submit(fn, nxt))
