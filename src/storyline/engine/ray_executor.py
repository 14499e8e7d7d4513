"""Per-article stages on a Ray cluster, for batches one machine cannot handle in time (extra ``ray``).

Same contract as :func:`storyline.engine.local.run_local`: results are yielded as they finish. Each
Ray actor plays the role of a pool process: it loads spaCy once in its constructor and then handles
many articles, so the model cost is paid per actor, not per article. Corpus stages stay on the
driver: they are incremental and need all articles anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def run_ray(fn: Callable[[T], R], items: Iterable[T], workers: int,
            initializer: Callable[[], None] | None = None, address: str | None = None) -> Iterator[R]:
    try:
        import ray
        from ray.util import ActorPool
    except ImportError:
        raise RuntimeError("the Ray executor needs the 'ray' extra: pip install 'storyline[ray]'") from None

    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True)

    @ray.remote
    class Worker:
        def __init__(self) -> None:
            if initializer:
                initializer()

        def run(self, item: T) -> R:
            return fn(item)

    try:
        n = max(1, workers or int(ray.cluster_resources().get("CPU", 1)))
        pool = ActorPool([Worker.remote() for _ in range(n)])  # type: ignore[attr-defined]
        yield from pool.map_unordered(lambda actor, item: actor.run.remote(item), list(items))
    finally:
        if started_here:
            ray.shutdown()
