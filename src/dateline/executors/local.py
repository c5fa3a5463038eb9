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
    from ..pipeline import warm_up

    warm_up()  # loads the model, and what the stages load on first use


@executors.register("local")
class LocalExecutor:
    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            # Workers are forked from a fork server, a fresh process that has loaded the
            # model once (``_preload``), not from this one, which holds SQLite connections
            # and threads: every worker starts with the model already in memory, shared
            # until written, instead of loading its own (seconds of CPU each, taken from
            # the parsing). The initializer loads it should the preload have failed.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([f"{__package__}._preload"])
            self._pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_load_model
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
