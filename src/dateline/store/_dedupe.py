"""The store's side of duplicate detection: signatures and LSH band keys of stored texts
(see ``dateline.dedupe``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import DateValue
from ._base import StoreBase

if TYPE_CHECKING:
    from ..dedupe import Signature


class DedupeQueries(StoreBase):
    def _write_signature(self, doc_id: str, sig: Signature) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO document_signatures (doc_id, fingerprint, minhash)"
            " VALUES (?, ?, ?)",
            (doc_id, sig.fingerprint, sig.minhash),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO document_bands (key, doc_id) VALUES (?, ?)",
            [(key, doc_id) for key in sig.bands],
        )

    def add_signatures(self, signatures: Sequence[tuple[str, Signature]]) -> None:
        """Store the signatures of documents stored without one (by an older dateline)."""
        with self._transaction():
            for doc_id, sig in signatures:
                self._write_signature(doc_id, sig)

    def documents_with_fingerprint(self, fingerprint: str) -> list[tuple[str, str | None]]:
        """Stored texts with these exact words: (id, the id of their original or None)."""
        rows = self.conn.execute(
            "SELECT d.id, d.duplicate_of FROM document_signatures s"
            " JOIN documents d ON d.id = s.doc_id WHERE s.fingerprint = ? AND d.status = 'ok'"
            " ORDER BY d.rowid",
            (fingerprint,),
        ).fetchall()
        return [(r["id"], r["duplicate_of"]) for r in rows]

    def documents_in_bands(
        self, bands: Sequence[int]
    ) -> list[tuple[str, str | None, bytes | None]]:
        """Stored texts sharing an LSH band key: (id, original or None, MinHash values)."""
        if not bands:
            return []
        rows = self.conn.execute(
            "SELECT d.id, d.duplicate_of, s.minhash FROM document_signatures s"
            " JOIN documents d ON d.id = s.doc_id WHERE d.status = 'ok' AND s.doc_id IN"
            f" (SELECT doc_id FROM document_bands WHERE key IN ({','.join('?' * len(bands))}))"
            " ORDER BY d.rowid",
            tuple(bands),
        ).fetchall()
        return [(r["id"], r["duplicate_of"], r["minhash"]) for r in rows]

    def document_text(self, doc_id: str) -> tuple[str, DateValue] | None:
        """A stored document's text and publication date."""
        row = self.conn.execute(
            "SELECT text, published_value, published_earliest, published_latest,"
            " published_precision, published_origin FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        return row["text"], DateValue(*[row[i] for i in range(1, 6)])

    def unsigned_documents(self, limit: int) -> list[tuple[str, str]]:
        """(id, text) of up to ``limit`` stored texts without a signature (stored before
        schema version 4)."""
        # Counted first (from indexes): on a store where all are signed, as after every
        # run of this version, nothing is scanned.
        if not self.scalar(
            "SELECT (SELECT count(*) FROM documents WHERE status = 'ok')"
            " > (SELECT count(*) FROM document_signatures)"
        ):
            return []
        rows = self.conn.execute(
            "SELECT id, text FROM documents WHERE status = 'ok' AND id NOT IN"
            " (SELECT doc_id FROM document_signatures) ORDER BY rowid LIMIT ?",
            (limit,),
        ).fetchall()
        return [(r["id"], r["text"]) for r in rows]
