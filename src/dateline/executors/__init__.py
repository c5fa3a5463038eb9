"""Executors run ``annotate_batch`` over batches of documents: in-process or in a pool.

An executor is registered by name and built with the number of workers; ``map`` yields
results in input order with a bounded number of batches in flight, so memory does not
grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from ..registry import Registry

In = TypeVar("In")
Out = TypeVar("Out")


class Executor(Protocol):
    def map(self, fn: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]: ...

    def close(self) -> None: ...


executors: Registry[Callable[[int], Executor]] = Registry("executor")

from . import local  # noqa: E402, F401  (registers "local")

__all__ = ["Executor", "executors"]
