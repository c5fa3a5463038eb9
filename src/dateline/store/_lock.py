"""One writer at a time: the lock an ingest holds on its store.

SQLite serialises single transactions, but an ingest is a long sequence of them (each
document, then the corpus-level passes) whose in-memory state — the duplicate index of
the documents in flight, the linking vocabulary — assumes no other run is writing. So a
second ingest into the same store is refused with a message naming the first, instead
of interleaving with it.

The lock is an advisory ``flock`` on ``<store>.lock``: the operating system releases it
when its process ends, however it ends, so a run killed with SIGKILL leaves no stale
lock behind and the next ``dateline ingest`` resumes at once.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from .schema import StoreError


class StoreBusy(StoreError):
    """Another run is writing to the store."""


class WriterLock:
    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.path = store_path.with_name(store_path.name + ".lock")
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise StoreBusy(
                f"another ingest is writing to {self.store_path} ({holder});"
                " wait for it to finish, or ingest into another store"
            ) from None
        os.ftruncate(fd, 0)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        os.write(fd, f"pid {os.getpid()}, started {started}".encode())
        self._fd = fd
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
