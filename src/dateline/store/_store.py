"""The SQLite store: documents and everything extracted from them.

Each document is written in one transaction together with its sentences, mentions, time
expressions and event mentions, so an interrupted run leaves either the whole document or
none of it, and a re-run picks up where it stopped (document ids are content hashes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..model import (
    Actor,
    Annotation,
    Document,
    Event,
    EventMention,
    event_from_dict,
)
from ._actors import StoredQuote, merge_roles
from ._base import (
    StoredMention,
    _document_from_row,
    _dumps,
    _now,
    bulk_decoding,
    decode_record,
)
from ._browse import EVENT_ORDER, BrowseQueries
from ._dating import DatingQueries
from ._dedupe import DedupeQueries
from ._lock import WriterLock
from .schema import connect

if TYPE_CHECKING:
    from ..dedupe import Signature

__all__ = ["CODER_VERSION", "Store", "StoredMention", "StoredQuote"]

CODER_VERSION = f"dateline {__version__}"


class Store(DatingQueries, DedupeQueries, BrowseQueries):
    def __init__(self, path: str | Path, create: bool = True, *, any_thread: bool = False) -> None:
        """``any_thread``: the store may be handed between threads (a web request's)."""
        self.path = Path(path)
        self.conn = connect(self.path, create, any_thread=any_thread)

    def writer(self) -> WriterLock:
        """The lock a run holds while it writes (``with store.writer(): ...``); a second
        writer is refused with ``StoreBusy`` rather than interleaved."""
        return WriterLock(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def has_document(self, doc_id: str) -> bool:
        """Whether the document is stored for good (a failed one is tried again)."""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE id = ? AND status != 'failed'", (doc_id,)
        ).fetchone()
        return row is not None

    def add_document(self, document: Document, signature: Signature | None = None) -> bool:
        """Store a document without annotations (a failed or skipped one, or a duplicate
        with its signature). False if known."""
        with self._transaction():
            if not self._insert_document(document):
                return False
            if signature is not None:
                self._write_signature(document.id, signature)
            return True

    def add_annotation(
        self, annotation: Annotation, signature: Signature | None = None
    ) -> list[str]:
        """Store a processed document and everything found in it, its mentions linked to
        the events they report (see ``dateline.linking``); returns touched event ids."""
        doc = annotation.document
        with self._transaction():
            if not self._insert_document(doc):
                return []
            if signature is not None:
                self._write_signature(doc.id, signature)
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
            self.conn.executemany(
                "INSERT OR IGNORE INTO quotes (doc_id, start, end, kind, speaker_actor_id,"
                " speaker, record) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, q.start, q.end, q.kind, q.speaker_actor_id, q.speaker, _dumps(q))
                 for q in annotation.quotes],
            )  # fmt: skip
            touched = self._link_mentions(annotation.event_mentions)
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
            roles = merge_roles(known.roles, actor.roles)
            # The longest form seen is the most complete name ("Nicolás Maduro" over "Maduro");
            # among equals, one with accents ("Delcy Rodríguez" over "Delcy Rodriguez").
            name = max([known.name, actor.name], key=lambda n: (len(n), not n.isascii()))
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
        found = self.event_conditions(
            actor=actor, types=types, modalities=modalities, date_from=date_from,
            date_to=date_to, dated_only=dated_only,
        )  # fmt: skip
        if found is None:
            return []
        where, params = found
        rows = self.conn.execute(
            f"SELECT record FROM events WHERE {' AND '.join(where)} ORDER BY {EVENT_ORDER}",
            params,
        ).fetchall()
        with bulk_decoding():
            return [event_from_dict(decode_record(r["record"])) for r in rows]

    def events_with_first_mention(self, **filters: Any) -> list[tuple[Event, StoredMention | None]]:
        """``events(**filters)``, each with the report a timeline quotes (its first, by
        ``first_mention_id``), in one query: the mention is built from its columns, not its
        record, and each document's text is read once."""
        found = self.event_conditions(**filters)
        if found is None:
            return []
        where, params = found
        rows = self.conn.execute(
            "SELECT f.record, em.doc_id, em.sentence_idx, em.sentence_start, em.sentence_end,"
            " em.trigger_start, em.trigger_end, em.trigger, em.type, em.modality"
            f" FROM (SELECT record, first_mention_id, row_number() OVER (ORDER BY {EVENT_ORDER})"
            f" AS position FROM events WHERE {' AND '.join(where)}) f"
            " LEFT JOIN event_mentions em ON em.id = f.first_mention_id ORDER BY f.position",
            params,
        ).fetchall()
        documents = self.document_texts({r[1] for r in rows if r[1] is not None})
        found_events: list[tuple[Event, StoredMention | None]] = []
        with bulk_decoding():
            for record, doc_id, index, start, end, *trigger in rows:
                event = event_from_dict(decode_record(record))
                if doc_id is None:
                    found_events.append((event, None))
                    continue
                mention = EventMention(
                    doc_id=doc_id, sentence_index=index, sentence_start=start,
                    sentence_end=end, trigger_start=trigger[0], trigger_end=trigger[1],
                    trigger=trigger[2], type=trigger[3], modality=trigger[4],
                )  # fmt: skip
                source, publisher, text = documents[doc_id]
                found_events.append(
                    (event, StoredMention(mention, source, text[start:end], publisher))
                )
        return found_events

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
