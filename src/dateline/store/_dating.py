"""The store's side of corpus-level time: links between events, dating clues, and
re-dated mentions and documents (see ``temporal.corpus``)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import (
    DateValue,
    DatingEvidence,
    EventMention,
    TemporalLink,
    dating_evidence_from_dict,
    event_mention_from_dict,
    temporal_link_from_dict,
)
from ._base import StoredMention, _dumps
from ._linking import LinkingQueries


class DatingQueries(LinkingQueries):
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
        """Write re-dated mentions (linking each again to the event its new date makes it
        part of), a link's resolved date, or a document's inferred date, in one
        transaction."""
        with self._transaction():
            # Re-dated mentions are linked again: their new date may make them reports
            # of another event (or of none yet).
            left, unlinked = self._unlink_mentions([m.id for m in mentions])
            for eid in sorted(left):  # first, so that no event still shows them
                self._rebuild_event(eid)
            self._link_mentions([m for m in mentions if m.id in unlinked])
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
