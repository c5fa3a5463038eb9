"""Answers computed from the whole store (the actor graph, dyad series, the actor table),
kept until the store file changes.

A store changes only by writes, and every write touches the database file or its WAL
file; their modification times and sizes are the store's version. Cheap to check, so
each request checks it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Request

T = TypeVar("T")


def store_version(path: Path) -> tuple[int, ...]:
    """The modification times and sizes of the store and its WAL (0 when missing).

    An empty WAL holds nothing: every connection that opens the store touches it, so its
    time only counts once it has content.
    """
    version: list[int] = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            stat = file.stat()
        except FileNotFoundError:
            version += [0, 0]
        else:
            version += [stat.st_mtime_ns if stat.st_size else 0, stat.st_size]
    return tuple(version)


class StoreCache:
    """The last ``size`` answers, each under its key and the store's version."""

    def __init__(self, path: Path, size: int = 64) -> None:
        self.path = path
        self.size = size
        self._items: OrderedDict[Hashable, tuple[tuple[int, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = store_version(self.path)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] == version:
                self._items.move_to_end(key)
                return hit[1]  # type: ignore[no-any-return]
        # Computed outside the lock: two requests may both compute it, none waits.
        value = compute()
        with self._lock:
            self._items[key] = (version, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def store_cache(request: Request) -> StoreCache:
    """The app's cache of whole-store answers (made on first use)."""
    cache: StoreCache | None = getattr(request.app.state, "store_cache", None)
    if cache is None:
        cache = request.app.state.store_cache = StoreCache(request.app.state.db_path)
    return cache
