"""What every part of the store shares: the connection, transactions, and the reading of
event mentions, which documents, dating and linking all go through."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from ..model import (
    DateValue,
    Document,
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(to_dict(value), ensure_ascii=False, sort_keys=True)


class StoreBase:
    """The connection and the event-mention plumbing the store's parts build on."""

    conn: sqlite3.Connection

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def event_mentions(self, eid: str) -> list[StoredMention]:
        return self._stored_mentions(
            " WHERE em.event_id = ? ORDER BY d.source, em.trigger_start", (eid,)
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
            StoredMention(event_mention_from_dict(json.loads(r["record"])), r["source"],
                          r["sentence"], r["publisher"])
            for r in rows
        ]  # fmt: skip

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
                self.conn.execute("ROLLBACK")
                raise StoreError(f"could not write to the store: {error}") from error
        else:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"could not write to the store: {exc}") from exc


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
