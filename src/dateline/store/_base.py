"""What every part of the store shares: the connection, transactions, and the writing and
reading of event mentions, which documents, dating and merging all go through."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from ..linking import MentionSource, build_event, event_id
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

    def _insert_event_mention(self, em: EventMention) -> str:
        eid = event_id(em)
        self.conn.execute(
            "INSERT OR IGNORE INTO events (id, type, modality, date_precision, date_origin,"
            " num_mentions, num_sources, record)"
            " VALUES (?, ?, ?, 'unknown', 'unknown', 0, 0, '{}')",
            (eid, em.type, em.modality),
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO event_mentions (id, doc_id, event_id, sentence_idx,"
            " sentence_start, sentence_end, trigger_start, trigger_end, trigger, type, modality,"
            " record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (em.id, em.doc_id, eid, em.sentence_index, em.sentence_start, em.sentence_end,
             em.trigger_start, em.trigger_end, em.trigger, em.type, em.modality, _dumps(em)),
        )  # fmt: skip
        return eid

    def _rebuild_event(self, eid: str) -> None:
        stored = self.event_mentions(eid)
        if not stored:  # its mentions moved to other events (their dates changed)
            self.conn.execute("DELETE FROM events WHERE id = ?", (eid,))
            return
        event = build_event(
            [s.mention for s in stored],
            [MentionSource(s.mention.doc_id, s.publisher) for s in stored],
        )
        d = event.date
        self.conn.execute(
            "UPDATE events SET date_value = ?, date_earliest = ?, date_latest = ?,"
            " date_precision = ?, date_origin = ?, num_mentions = ?, num_sources = ?,"
            " record = ? WHERE id = ?",
            (d.value, d.earliest, d.latest, d.precision, d.origin, len(stored),
             event.num_sources, _dumps(event), eid),
        )  # fmt: skip
        self.conn.execute("DELETE FROM event_actors WHERE event_id = ?", (eid,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
            [(eid, ref.actor_id, "actor") for ref in event.actors]
            + [(eid, ref.actor_id, "recipient") for ref in event.recipients],
        )

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
