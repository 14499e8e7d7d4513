"""A bounded, thread-safe memo of computed answers for a server whose data never changes.

The API's data is read-only for the life of the server, so an answer computed once (a search over
the full-text index costs tens of milliseconds of CPU) can be served again as is. Clients tend to
ask the same thing at the same moment (a popular query, a page everyone opens), so concurrent askers
of a key that is still being computed wait for that one computation instead of each starting their
own: under 50 clients, 50 copies of one query would otherwise queue for the same two cores.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

T = TypeVar("T")


class Memo(Generic[T]):
    """At most ``size`` answers, least recently used dropped first. ``None`` answers and failures
    are handed to whoever was waiting for them but not kept, so the next asker computes again
    (they stand for "could not answer now", which may change)."""

    def __init__(self, size: int = 1024):
        if size < 1:
            raise ValueError("a memo keeps at least one answer")
        self.size = size
        self._items: OrderedDict[Hashable, Future] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return sum(1 for f in self._items.values() if f.done())

    def get(self, key: Hashable, compute: Callable[[], T | None]) -> T | None:
        """The answer for ``key``: kept, being computed by another thread (then wait for it), or
        computed now by calling ``compute``."""
        with self._lock:
            pending = self._items.get(key)
            mine = pending is None
            if mine:
                pending = self._items[key] = Future()
                while len(self._items) > self.size:  # a dropped pending entry still reaches its waiters
                    self._items.popitem(last=False)
            else:
                self._items.move_to_end(key)
        if mine:
            try:
                value = compute()
            except BaseException as e:
                self._forget(key, pending)
                pending.set_exception(e)
                raise
            if value is None:
                self._forget(key, pending)
            pending.set_result(value)
        return pending.result()

    def _forget(self, key: Hashable, entry: Future) -> None:
        with self._lock:
            if self._items.get(key) is entry:
                del self._items[key]
