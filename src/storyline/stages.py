"""Named stages, in the spirit of spaCy's named pipeline components.

Each stage is a function registered under a name, in run order, with the stages whose output it
reads. The pipeline runs the registered stages instead of a hard-wired call list, so a stage can be
skipped (``Settings.skip``, ``storyline analyze --skip quotes``) or replaced by one
:func:`replace` call, and each stage's time is measured under its name.

Skipping a stage leaves its output empty; the stages after it run on that empty output (no quotes:
no quote groups, no voices in the comparison, briefs without quotes). Stages every other stage
needs are not skippable (``Stage.required``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .errors import StorylineError

S = TypeVar("S")


class UnknownStage(StorylineError):
    """A stage name that no registry holds (or one that cannot be skipped)."""


@dataclass(frozen=True)
class Stage(Generic[S]):
    name: str
    run: Callable[[S], None]
    required: bool = False
    doc: str = ""


class Registry(Generic[S]):
    """Stages of one kind (per article, or over the corpus), in the order they run."""

    def __init__(self, kind: str):
        self.kind = kind
        self._stages: dict[str, Stage[S]] = {}

    def stage(self, name: str, required: bool = False) -> Callable[[Callable[[S], None]], Callable[[S], None]]:
        """Decorator: register ``fn`` as the stage ``name``, after those registered before it."""
        def register(fn: Callable[[S], None]) -> Callable[[S], None]:
            self._stages[name] = Stage(name, fn, required, (fn.__doc__ or "").strip().split("\n")[0])
            return fn
        return register

    def replace(self, name: str, fn: Callable[[S], None]) -> Callable[[S], None]:
        """Put ``fn`` in the place of stage ``name``; returns the function it replaced (to restore it).
        In worker processes, replace before the pool starts (forked workers inherit it)."""
        old = self.get(name)
        self._stages[name] = Stage(name, fn, old.required, old.doc)
        return old.run

    def get(self, name: str) -> Stage[S]:
        if name not in self._stages:
            raise UnknownStage(f"unknown {self.kind} stage {name!r}; stages: {', '.join(self._stages)}")
        return self._stages[name]

    @property
    def names(self) -> list[str]:
        return list(self._stages)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(list(self._stages.values()))

    def run(self, state: S, skip: frozenset[str] = frozenset(), timings: dict[str, float] | None = None) -> S:
        """Every stage not in ``skip`` on ``state``, in order; wall time per stage into ``timings``."""
        for st in self:
            if st.name in skip and not st.required:
                continue
            t0 = time.perf_counter()
            try:
                st.run(state)
            finally:
                if timings is not None:
                    timings[st.name] = timings.get(st.name, 0.0) + time.perf_counter() - t0
        return state


def check_skip(names: Iterable[str], *registries: Registry[Any]) -> frozenset[str]:
    """``names`` as a skip set, or :class:`UnknownStage` for a name no registry holds or a required stage."""
    skip = frozenset(names)
    known = {st.name: st for reg in registries for st in reg}
    for name in sorted(skip):
        if name not in known:
            raise UnknownStage(f"unknown stage {name!r}; stages that can be skipped: "
                               f"{', '.join(n for n, st in known.items() if not st.required)}")
        if known[name].required:
            raise UnknownStage(f"stage {name!r} cannot be skipped: the other stages need it")
    return skip
