"""The local executor: in this process for one worker, a process pool for several."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from . import executors

In = TypeVar("In")
Out = TypeVar("Out")


def _load_model() -> None:
    from ..nlp import load_pipeline

    load_pipeline()


@executors.register("local")
class LocalExecutor:
    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            # Each worker loads its own model once; "spawn" avoids forking a parent that
            # holds SQLite connections and threads.
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_load_model,
            )

    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        if self._pool is None:
            yield from map(fn, items)
            return
        in_flight: deque[Future[Out]] = deque()
        for item in items:
            in_flight.append(self._pool.submit(fn, item))
            if len(in_flight) >= 2 * self.workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
