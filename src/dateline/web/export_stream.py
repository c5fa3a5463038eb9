"""Streaming an export: an exporter writes to a file; the response reads it in chunks.

The exporter runs in a thread of its own with a store connection of its own (SQLite
connections stay in one thread), writing into a bounded queue the response drains, so a
large export is never held in memory whole and a client that goes away stops it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..export import ExportFn
from ..export.records import event_records
from ..store import Store
from .api_params import EventFilters

_CHUNK = 64 * 1024
_PAGE = 500  # events read per query
_DONE = object()


class _Stopped(Exception):
    """The client went away: the exporter stops writing."""


class _QueueWriter:
    """A text file whose contents go to a queue in chunks of about ``_CHUNK`` characters."""

    def __init__(self, out: queue.Queue[object], stop: threading.Event) -> None:
        self.out, self.stop = out, stop
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= _CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self._put("".join(self.parts).encode("utf-8"))
            self.parts, self.size = [], 0

    def _put(self, item: object) -> None:
        while not self.stop.is_set():
            try:
                self.out.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Stopped


def _events(store: Store, filters: EventFilters) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        events, _ = store.event_page(**filters.store_args(), limit=_PAGE, offset=offset)
        yield from event_records(store, events)
        if len(events) < _PAGE:
            return
        offset += _PAGE


def stream_records(
    db_path: Path, filters: EventFilters, writer: ExportFn, kind: str
) -> Iterator[bytes]:
    """The bytes ``writer`` writes for the events matching ``filters``, chunk by chunk."""
    chunks: queue.Queue[object] = queue.Queue(maxsize=16)
    stop = threading.Event()

    def produce() -> None:
        out = _QueueWriter(chunks, stop)
        try:
            with Store(db_path, create=False) as store:
                writer(_events(store, filters), out, kind)  # type: ignore[arg-type]
            out.flush()
        except _Stopped:
            return
        except Exception as exc:  # the response has started: end it with the reason
            chunks.put(f"\nexport failed: {type(exc).__name__}: {exc}\n".encode())
        finally:
            if not stop.is_set():
                chunks.put(_DONE)

    thread = threading.Thread(target=produce, name="dateline-export", daemon=True)
    thread.start()
    try:
        while (item := chunks.get()) is not _DONE:
            assert isinstance(item, bytes)
            yield item
    finally:
        stop.set()
