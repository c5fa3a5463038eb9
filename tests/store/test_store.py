from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.model import Annotation, Document
from dateline.store import Store, StoreError, schema_version

AnnotationFactory = Callable[..., Annotation]
TEXT = "On January 15, 2026, the CIA Director met Delcy Rodriguez in Caracas."


def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.scalar("PRAGMA user_version") == schema_version()
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA foreign_keys") == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_annotation_round_trip_and_idempotence(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        touched = store.add_annotation(make_annotation())
        assert len(touched) == 1
        assert store.add_annotation(make_annotation()) == []  # same content: no-op
        (event,) = store.events()
        assert event.type == "CONSULT"
        assert event.date.value == "2026-01-15"
        assert [a.actor_id for a in event.recipients] == ["person:delcy-rodriguez"]
        (stored,) = store.event_mentions(event.id)
        assert stored.sentence == TEXT
        assert TEXT[stored.mention.trigger_start : stored.mention.trigger_end] == "met"
        assert store.scalar("SELECT count(*) FROM documents") == 1
        assert store.scalar("SELECT count(*) FROM timexes") == 1


def test_reports_from_two_publishers_merge_into_one_event(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(make_annotation("doc_a", "Reuters"))
        other = make_annotation("doc_b", "AP")
        other.document.text = TEXT + " "  # different content, same report
        store.add_annotation(other)
        (event,) = store.events()
        assert event.num_sources == 2
        assert event.num_mentions == len(store.event_mentions(event.id)) == 2
        assert event.confidence > 0.6


def test_actor_aliases_accumulate_across_documents(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(make_annotation("doc_a"))
        second = make_annotation("doc_b")
        second.actors["person:delcy-rodriguez"].aliases = ["Delcy Rodríguez"]
        store.add_annotation(second)
        (actor,) = [a for a in store.actors() if a.id == "person:delcy-rodriguez"]
        assert actor.aliases == ["Rodriguez", "Delcy Rodríguez"]
        assert store.find_actor_ids("delcy rodriguez") == ["person:delcy-rodriguez"]
        # A country query brings in that country's people.
        assert store.find_actor_ids("Venezuela") == ["VEN", "person:delcy-rodriguez"]


def test_event_filters(tmp_path: Path, make_annotation: AnnotationFactory) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(make_annotation())
        assert len(store.events(date_from="2026-01", date_to="2026-01")) == 1
        assert store.events(date_to="2025-12") == []
        assert store.events(date_from="2026-02") == []
        assert store.events(modalities=["planned"]) == []
        assert len(store.events(actor="Delcy Rodriguez")) == 1
        assert store.events(actor="Nobody") == []


def test_failed_document_is_replaced_when_source_reads_fine(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        failed = Document("doc_fail", "doc_a.txt", "", status="failed", error="binary file")
        assert store.add_document(failed)
        assert store.add_document(failed)  # a failure is tried again, recorded once
        assert store.scalar("SELECT count(*) FROM documents") == 1
        assert not store.has_document("doc_fail")
        store.add_annotation(make_annotation("doc_a"))
        statuses = store.rows("SELECT id, status FROM documents")
        assert [(r[0], r[1]) for r in statuses] == [("doc_a", "ok")]


def test_full_text_search(tmp_path: Path, make_annotation: AnnotationFactory) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(make_annotation())
        hits = store.rows(
            "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
            " WHERE documents_fts MATCH 'caracas'"
        )
        assert [h[0] for h in hits] == ["doc_a"]


def test_read_only_open_refuses_a_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="not a dateline store"):
        Store(path, create=False)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == {"notes"}


def test_undated_reports_are_never_merged(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    from dateline.model import DateValue

    with Store(tmp_path / "s.db") as store:
        for doc_id in ("doc_a", "doc_b"):
            annotation = make_annotation(doc_id)
            annotation.document.text += doc_id
            annotation.event_mentions[0].date = DateValue()
            store.add_annotation(annotation)
        assert len(store.events()) == 2


def test_a_fixed_file_replaces_its_whole_file_failure(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_document(Document("f1", "rows.csv", "", status="failed", error="bad header"))
        store.add_document(Document("s1", "rows.csv#2", "Hola", status="skipped", error="es"))
        fixed = make_annotation("doc_a")
        fixed.document.source = "rows.csv#1"
        store.add_annotation(fixed)
        rows = {(r[0], r[1]) for r in store.rows("SELECT source, status FROM documents")}
        assert rows == {("rows.csv#1", "ok"), ("rows.csv#2", "skipped")}


def test_records_json_writes_but_orjson_refuses_still_decode(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    # json.dumps writes NaN for a float that is not a number; the fast decoder refuses it.
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(make_annotation())
        (record,) = store.conn.execute("SELECT record FROM events").fetchone()
        written = json.dumps({**json.loads(record), "intensity": math.nan})
        assert "NaN" in written
        store.conn.execute("UPDATE events SET record = ?", (written,))
        (event,) = store.events()
        assert event.intensity is not None and math.isnan(event.intensity)
        assert event.type == "CONSULT"
