"""What every part of the store shares: the connection, transactions, and the reading of
event mentions, which documents, dating and linking all go through."""

from __future__ import annotations

import gc
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import orjson

from ..model import (
    DateValue,
    Document,
    Event,
    EventMention,
    event_mention_from_dict,
    to_dict,
)
from .schema import StoreError


@dataclass(slots=True)
class StoredMention:
    """An event mention with the document it came from."""

    mention: EventMention
    source: str
    sentence: str
    publisher: str | None


#: How an event's reports are listed, in SQL (``report_order`` in Python): by source, then
#: document, then position. The first is the one a timeline quotes.
MENTION_ORDER = "d.source, em.doc_id, em.trigger_start, em.id"


def decode_record(text: str) -> Any:
    """A stored JSON record decoded: by orjson, which takes half the time of ``json`` on
    the thousands of records a timeline or an export decodes, or by ``json`` for what
    orjson refuses (the NaN and Infinity ``json.dumps`` can write)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


@contextmanager
def bulk_decoding() -> Iterator[None]:
    """The cyclic garbage collector paused while many stored records are decoded at once.

    Tens of thousands of JSON records make hundreds of thousands of small objects, none in
    a reference cycle; the collections they trigger rescan all of them and double the
    time a large timeline takes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def report_order(report: StoredMention) -> tuple[str, str, int, str]:
    m = report.mention
    return (report.source, m.doc_id, m.trigger_start, m.id)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(to_dict(value), ensure_ascii=False, sort_keys=True)


class StoreBase:
    """The connection and the event-mention plumbing the store's parts build on."""

    conn: sqlite3.Connection

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def event_mentions(self, eid: str, limit: int = -1) -> list[StoredMention]:
        """The event's reports in ``MENTION_ORDER``; the first ``limit`` of them if given."""
        return self._stored_mentions(
            f" WHERE em.event_id = ? ORDER BY {MENTION_ORDER} LIMIT ?", (eid, limit)
        )

    def _stored_mentions(self, condition: str, params: Sequence[Any]) -> list[StoredMention]:
        """Event mentions with their document's source and their sentence's text;
        ``condition`` follows the join of ``event_mentions em`` and ``documents d``."""
        rows = self.conn.execute(
            "SELECT DISTINCT em.record, d.source, d.publisher, em.trigger_start,"
            " substr(d.text, em.sentence_start + 1, em.sentence_end - em.sentence_start)"
            " AS sentence FROM event_mentions em JOIN documents d ON d.id = em.doc_id" + condition,
            params,
        ).fetchall()
        return [
            StoredMention(event_mention_from_dict(decode_record(r["record"])), r["source"],
                          r["sentence"], r["publisher"])
            for r in rows
        ]  # fmt: skip

    def _write_event_words(self, event: Event, sentences: Iterable[str]) -> None:
        """Rewrite the words an event is found by: its type, its participants' names and
        the sentences that report it (``event_search``, indexed by ``events_fts``)."""
        names = [ref.name for ref in [*event.actors, *event.recipients]]
        distinct = dict.fromkeys(" ".join(s.split()) for s in sentences)
        text = " ".join([event.type, *names, *distinct])
        self.conn.execute(
            "INSERT INTO event_search (event_id, text) VALUES (?, ?)"
            " ON CONFLICT(event_id) DO UPDATE SET text = excluded.text"
            " WHERE text != excluded.text",
            (event.id, text),
        )

    def document_texts(self, doc_ids: Iterable[str]) -> dict[str, tuple[str, str | None, str]]:
        """Source, publisher and text of documents, each read once: cutting sentences out
        in SQL, or joining the document to each mention, reads it again per mention."""
        rows = self.conn.execute(
            "SELECT id, source, publisher, text FROM documents"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(doc_ids))),),
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def set_deadline(self, deadline: float | None) -> None:
        """Interrupt any statement still running at ``deadline`` (``time.monotonic()``;
        None: no limit). The statement then raises ``sqlite3.OperationalError``
        ("interrupted") and the store is left as it was."""
        if deadline is None:
            self.conn.set_progress_handler(None, 0)
            return
        self.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 1_000)

    def scalar(self, sql: str, *params: Any) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def rows(self, sql: str, *params: Any) -> list[sqlite3.Row]:
        return list(self.conn.execute(sql, params).fetchall())


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error (the store stays as it was)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"store is busy or read-only: {exc}") from exc

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._roll_back()
                raise _write_error(error) from error
        else:
            self._roll_back()
            if isinstance(exc, sqlite3.Error):
                raise _write_error(exc) from exc

    def _roll_back(self) -> None:
        # Some errors (a full disk, an I/O error) make SQLite roll the transaction back
        # itself; a second ROLLBACK would then raise and hide the error that matters.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def _write_error(error: sqlite3.Error) -> StoreError:
    if getattr(error, "sqlite_errorname", "") == "SQLITE_FULL":
        return StoreError(f"the disk is full: could not write to the store ({error})")
    return StoreError(f"could not write to the store: {error}")


def _document_from_row(r: sqlite3.Row) -> Document:
    return Document(
        id=r["id"], source=r["source"], text=r["text"], title=r["title"], url=r["url"],
        publisher=r["publisher"], author=r["author"],
        published=DateValue(r["published_value"], r["published_earliest"],
                            r["published_latest"], r["published_precision"],
                            r["published_origin"]),
        language=r["language"], status=r["status"], error=r["error"],
        duplicate_of=r["duplicate_of"],
    )  # fmt: skip
