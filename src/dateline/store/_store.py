"""The SQLite store: documents and everything extracted from them.

Each document is written in one transaction together with its sentences, mentions, time
expressions and event mentions, so an interrupted run leaves either the whole document or
none of it, and a re-run picks up where it stopped (document ids are content hashes).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from .. import __version__
from ..linking import MentionSource, build_event, event_id
from ..model import (
    Actor,
    Annotation,
    DateValue,
    DatingEvidence,
    Document,
    Event,
    EventMention,
    TemporalLink,
    actor_from_dict,
    dating_evidence_from_dict,
    event_from_dict,
    event_mention_from_dict,
    temporal_link_from_dict,
    to_dict,
)
from ..textnorm import fold
from .schema import StoreError, connect

CODER_VERSION = f"dateline {__version__}"


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


class Store:
    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        self.conn = connect(self.path, create)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether the document is stored for good (a failed one is tried again)."""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE id = ? AND status != 'failed'", (doc_id,)
        ).fetchone()
        return row is not None

    def add_document(self, document: Document) -> bool:
        """Store a document without annotations (a failed or skipped one). False if known."""
        with self._transaction():
            return self._insert_document(document)

    def add_annotation(self, annotation: Annotation) -> list[str]:
        """Store a processed document and everything found in it; returns touched event ids."""
        doc = annotation.document
        with self._transaction():
            if not self._insert_document(doc):
                return []
            self.conn.executemany(
                "INSERT INTO sentences (doc_id, idx, start, end) VALUES (?, ?, ?, ?)",
                [(doc.id, s.index, s.start, s.end) for s in annotation.sentences],
            )
            for actor in annotation.actors.values():
                self._upsert_actor(actor)
            self.conn.executemany(
                "INSERT OR IGNORE INTO mentions (doc_id, start, end, text, label, actor_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(doc.id, m.start, m.end, m.text, m.label, m.actor_id)
                 for m in annotation.mentions],
            )  # fmt: skip
            self.conn.executemany(
                "INSERT OR IGNORE INTO timexes (doc_id, start, end, text, type, value, precision,"
                " earliest, latest, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, t.start, t.end, t.text, t.type, t.value, t.precision, t.earliest,
                  t.latest, t.anchor) for t in annotation.timexes],
            )  # fmt: skip
            self.conn.executemany(
                "INSERT OR IGNORE INTO temporal_links (doc_id, start, end, anchor_mention,"
                " dependent_mention, record) VALUES (?, ?, ?, ?, ?, ?)",
                [(doc.id, link.start, link.end, link.anchor_mention, link.dependent_mention,
                  _dumps(link)) for link in annotation.links],
            )  # fmt: skip
            self._write_evidence(doc.id, annotation.dating_evidence, annotation.dating_used)
            touched: set[str] = set()
            for em in annotation.event_mentions:
                touched.add(self._insert_event_mention(em))
            for eid in sorted(touched):
                self._rebuild_event(eid)
        return sorted(touched)

    def _insert_document(self, doc: Document) -> bool:
        if self.has_document(doc.id):
            return False
        # A document that failed before (same content, or same failure) is tried again.
        self.conn.execute("DELETE FROM documents WHERE id = ? AND status = 'failed'", (doc.id,))
        if doc.status == "ok":
            # A source that failed before and now reads fine replaces its failure record;
            # a whole file that failed ("a.csv") is replaced by any record read from it
            # ("a.csv#3"). Skipped documents stay: skipping them was right.
            whole_file = doc.source.rsplit("#", 1)[0]
            self.conn.execute(
                "DELETE FROM documents WHERE status = 'failed' AND source IN (?, ?)",
                (doc.source, whole_file),
            )
        p = doc.published
        self.conn.execute(
            "INSERT INTO documents (id, source, title, url, publisher, author, published_value,"
            " published_earliest, published_latest, published_precision, published_origin,"
            " language, status, error, duplicate_of, text, ingested_at, coder_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.source, doc.title, doc.url, doc.publisher, doc.author, p.value,
             p.earliest, p.latest, p.precision, p.origin, doc.language, doc.status, doc.error,
             doc.duplicate_of, doc.text, _now(), CODER_VERSION),
        )  # fmt: skip
        return True

    def _upsert_actor(self, actor: Actor) -> None:
        row = self.conn.execute("SELECT * FROM actors WHERE id = ?", (actor.id,)).fetchone()
        if row is not None:
            known = self._actor_from_row(row)
            aliases = list(dict.fromkeys([*known.aliases, *actor.aliases]))
            sectors = list(dict.fromkeys([*known.sectors, *actor.sectors]))
            roles = known.roles + [r for r in actor.roles if r not in known.roles]
            # The longest form seen is the most complete name ("Nicolás Maduro" over "Maduro").
            name = max([known.name, actor.name], key=len)
            country = known.country or actor.country
        else:
            aliases, sectors, roles = actor.aliases, actor.sectors, actor.roles
            name, country = actor.name, actor.country
        self.conn.execute(
            "INSERT INTO actors (id, name, kind, country, sectors, aliases, roles)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
            " country = excluded.country, sectors = excluded.sectors,"
            " aliases = excluded.aliases, roles = excluded.roles",
            (actor.id, name, actor.kind, country, _dumps(sectors), _dumps(aliases),
             _dumps(roles)),
        )  # fmt: skip

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

    # -- dating across the corpus ----------------------------------------------------------

    def _write_evidence(
        self, doc_id: str, evidence: Sequence[DatingEvidence], used: Sequence[bool]
    ) -> None:
        self.conn.execute("DELETE FROM dating_evidence WHERE doc_id = ?", (doc_id,))
        self.conn.executemany(
            "INSERT INTO dating_evidence (doc_id, idx, kind, used, record)"
            " VALUES (?, ?, ?, ?, ?)",
            [(doc_id, i, clue.kind, int(flag), _dumps(clue))
             for i, (clue, flag) in enumerate(zip(evidence, used, strict=False))],
        )  # fmt: skip

    def temporal_links(self) -> list[tuple[TemporalLink, DateValue | None]]:
        """Every clause dated by another event, with its date once known."""
        rows = self.conn.execute(
            "SELECT record, happened FROM temporal_links ORDER BY doc_id, start"
        ).fetchall()
        return [
            (temporal_link_from_dict(json.loads(r["record"])),
             DateValue.from_dict(json.loads(r["happened"])) if r["happened"] else None)
            for r in rows
        ]  # fmt: skip

    def dating_evidence(self, doc_id: str) -> list[tuple[DatingEvidence, bool]]:
        rows = self.conn.execute(
            "SELECT record, used FROM dating_evidence WHERE doc_id = ? ORDER BY idx", (doc_id,)
        ).fetchall()
        return [(dating_evidence_from_dict(json.loads(r["record"])), bool(r["used"])) for r in rows]

    def document_mentions(self, doc_id: str) -> list[EventMention]:
        rows = self.conn.execute(
            "SELECT record FROM event_mentions WHERE doc_id = ? ORDER BY trigger_start", (doc_id,)
        ).fetchall()
        return [event_mention_from_dict(json.loads(r["record"])) for r in rows]

    def reports_of(
        self, event_type: str, actor_ids: Sequence[str], exclude_doc: str
    ) -> list[StoredMention]:
        """Asserted mentions of ``event_type`` in other documents whose events involve any
        of ``actor_ids`` (candidates for the same happening)."""
        if not actor_ids:
            return []
        marks = ",".join("?" * len(actor_ids))
        return self._stored_mentions(
            f" JOIN event_actors ea ON ea.event_id = em.event_id AND ea.actor_id IN ({marks})"
            " WHERE em.type = ? AND em.modality = 'asserted' AND em.doc_id != ?",
            (*actor_ids, event_type, exclude_doc),
        )

    def documents_to_date(self) -> list[str]:
        """Stored documents whose publication date is unknown or was inferred."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE status = 'ok'"
            " AND published_origin IN ('unknown', 'inferred') ORDER BY id"
        ).fetchall()
        return [r["id"] for r in rows]

    def update_dating(
        self,
        *,
        mentions: Sequence[EventMention] = (),
        link: tuple[TemporalLink, DateValue] | None = None,
        document: tuple[str, DateValue, Sequence[DatingEvidence], Sequence[bool]] | None = None,
    ) -> None:
        """Write re-dated mentions (moving each to the event its new date makes it part
        of), a link's resolved date, or a document's inferred date, in one transaction."""
        with self._transaction():
            touched: set[str] = set()
            for mention in mentions:
                row = self.conn.execute(
                    "SELECT event_id FROM event_mentions WHERE id = ?", (mention.id,)
                ).fetchone()
                if row is None:
                    continue
                touched.add(row["event_id"])
                self.conn.execute("DELETE FROM event_mentions WHERE id = ?", (mention.id,))
                touched.add(self._insert_event_mention(mention))
            for eid in sorted(touched):
                self._rebuild_event(eid)
            if link is not None:
                found, happened = link
                self.conn.execute(
                    "UPDATE temporal_links SET happened = ? WHERE doc_id = ? AND start = ?"
                    " AND end = ?", (_dumps(happened), found.doc_id, found.start, found.end),
                )  # fmt: skip
            if document is not None:
                doc_id, published, evidence, used = document
                self.conn.execute(
                    "UPDATE documents SET published_value = ?, published_earliest = ?,"
                    " published_latest = ?, published_precision = ?, published_origin = ?"
                    " WHERE id = ?",
                    (published.value, published.earliest, published.latest,
                     published.precision, published.origin, doc_id),
                )  # fmt: skip
                self._write_evidence(doc_id, evidence, used)

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str]) -> int:
        with self._transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (started_at, inputs) VALUES (?, ?)",
                (_now(), json.dumps(inputs)),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self._transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                (_now(), json.dumps(counts), run_id),
            )

    # -- reading -------------------------------------------------------------------------

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

    def events(
        self,
        *,
        actor: str | None = None,
        types: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        dated_only: bool = False,
    ) -> list[Event]:
        """Events matching the filters, in date order (undated last)."""
        where: list[str] = ["num_mentions > 0"]
        params: list[str] = []
        if types:
            where.append(f"type IN ({','.join('?' * len(types))})")
            params.extend(types)
        if modalities:
            where.append(f"modality IN ({','.join('?' * len(modalities))})")
            params.extend(modalities)
        if dated_only:
            where.append("date_origin != 'unknown'")
        if date_from:
            where.append("coalesce(date_latest, '9999') >= ?")
            params.append(date_from)
        if date_to:
            # "~" sorts after every digit, so a partial bound ("2026-01") includes the
            # whole period it names.
            where.append("coalesce(date_earliest, '0000') <= ?")
            params.append(date_to + "~")
        if actor:
            ids = self.find_actor_ids(actor)
            if not ids:
                return []
            where.append(
                f"id IN (SELECT event_id FROM event_actors WHERE actor_id IN"
                f" ({','.join('?' * len(ids))}))"
            )
            params.extend(ids)
        rows = self.conn.execute(
            f"SELECT record FROM events WHERE {' AND '.join(where)}"
            " ORDER BY coalesce(date_earliest, date_latest) IS NULL,"
            " coalesce(date_earliest, date_latest), date_latest, type, id",
            params,
        ).fetchall()
        return [event_from_dict(json.loads(r["record"])) for r in rows]

    def find_actor_ids(self, query: str) -> list[str]:
        """Actors named by ``query`` (id, name or alias; case- and accent-insensitive).

        A country also brings in its groups and people ("VEN" finds "VEN:MIL" and
        Maduro), since an analyst asking for a country means its state and society.
        """
        needle = fold(query)
        actors = self.actors()
        direct = [
            a for a in actors if any(fold(n) == needle for n in [a.id, a.name, *a.aliases] if n)
        ]
        countries = {a.country for a in direct if a.kind == "country" and a.country}
        return sorted({a.id for a in direct} | {a.id for a in actors if a.country in countries})

    def actors(self) -> list[Actor]:
        rows = self.conn.execute("SELECT * FROM actors ORDER BY name").fetchall()
        return [self._actor_from_row(r) for r in rows]

    @staticmethod
    def _actor_from_row(row: sqlite3.Row) -> Actor:
        return actor_from_dict(
            {"id": row["id"], "name": row["name"], "kind": row["kind"],
             "country": row["country"], "sectors": json.loads(row["sectors"]),
             "aliases": json.loads(row["aliases"]), "roles": json.loads(row["roles"])}
        )  # fmt: skip

    def documents(self) -> Iterator[tuple[Document, int]]:
        """Every document (text included) with its number of event mentions."""
        rows = self.conn.execute(
            "SELECT d.*, (SELECT count(*) FROM event_mentions em WHERE em.doc_id = d.id)"
            " AS num_events FROM documents d ORDER BY d.source, d.id"
        )
        for r in rows:
            yield _document_from_row(r), int(r["num_events"])

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _document_from_row(row) if row else None

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
