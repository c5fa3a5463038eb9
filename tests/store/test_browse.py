"""Browsing the store: pages of events and documents, a document's spans, search, and the
newest events for alerts (``store/_browse.py`` and migration 0005)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.model import Annotation
from dateline.store import Store, schema_version
from dateline.store.schema import migrations

AnnotationFactory = Callable[..., Annotation]


def test_event_page_pages_store_events_in_the_same_order(demo_store: Store) -> None:
    everything = [e.id for e in demo_store.events()]
    assert len(everything) > 20
    paged: list[str] = []
    for offset in range(0, len(everything), 7):
        page, total = demo_store.event_page(limit=7, offset=offset)
        assert total == len(everything)
        paged += [e.id for e in page]
    assert paged == everything
    page, total = demo_store.event_page(limit=7, offset=len(everything))
    assert (page, total) == ([], len(everything))


def test_event_page_filters_as_store_events_does(demo_store: Store) -> None:
    cases = [
        {"types": ["COERCE"]},
        {"modalities": ["planned", "hypothetical"]},
        {"actor": "Maduro"},
        {"date_from": "2026-02", "date_to": "2026-03"},
        {"dated_only": True, "types": ["CONSULT", "AID"]},
    ]
    for filters in cases:
        expected = [e.id for e in demo_store.events(**filters)]  # type: ignore[arg-type]
        page, total = demo_store.event_page(**filters, limit=500)  # type: ignore[arg-type]
        assert [e.id for e in page] == expected, filters
        assert 0 < total == len(expected) < len(demo_store.events()), filters


def test_event_page_source_filter_keeps_reports_of_matching_documents(demo_store: Store) -> None:
    source = "001_7a42ce4cbfe48bf5"
    page, total = demo_store.event_page(source=source, limit=500)
    assert 0 < total < len(demo_store.events())
    for event in page:
        assert any(source in m.source for m in demo_store.event_mentions(event.id))
    # Wildcards in the value are taken literally.
    assert demo_store.event_page(source="%")[1] == 0


def test_unknown_actor_or_event_finds_nothing(demo_store: Store) -> None:
    assert demo_store.event_page(actor="Nobody At All") == ([], 0)
    assert demo_store.event("ev_000000000000") is None
    first = demo_store.events()[0]
    found = demo_store.event(first.id)
    assert found is not None and found.id == first.id


def test_document_page_and_a_documents_spans(demo_store: Store) -> None:
    page, total = demo_store.document_page(limit=2)
    assert total == 5 and len(page) == 2
    rest, _ = demo_store.document_page(limit=10, offset=2)
    everything = [(d.id, n) for d, n in demo_store.documents()]
    assert [(d.id, n) for d, n in page + rest] == everything
    assert demo_store.document_page(source="003_")[1] == 1
    document, num_events = page[0]
    text = document.text
    reported = demo_store.document_events(document.id)
    assert sum(len(ms) for _, ms in reported) == num_events > 0
    for event, mentions in reported:
        assert {m.mention.id for m in mentions} <= {
            m.mention.id for m in demo_store.event_mentions(event.id)
        }
        for m in mentions:
            assert text[m.mention.trigger_start : m.mention.trigger_end] == m.mention.trigger
            assert text[m.mention.sentence_start : m.mention.sentence_end] == m.sentence
    timexes = demo_store.document_timexes(document.id)
    assert timexes and all(text[t.start : t.end] == t.text for t in timexes)
    actors = demo_store.document_actor_mentions(document.id)
    assert actors and all(text[a.start : a.end] == a.text for a in actors)
    assert any(a.code == "USA" for a in actors)


def test_search_finds_documents_and_events_by_their_words(demo_store: Store) -> None:
    found = demo_store.search("Maduro")
    assert found.total_documents == 5 and found.total_events > 5
    assert all("maduro" in hit.snippet.lower() for hit in found.documents)
    for hit in found.documents:
        for start, end in hit.highlights:
            assert hit.snippet[start:end].lower() == "maduro"
    assert all(hit.sentence for hit in found.events)
    # A prefix, words in any order, and accents folded.
    assert demo_store.search("remov*").total_events > 0
    assert demo_store.search("remov").total_events == 0
    assert demo_store.search("Rodriguez Delcy").total_documents > 0
    assert demo_store.search("Rodríguez").total_documents > 0
    paged = demo_store.search("Maduro", limit=2, offset=2)
    assert len(paged.events) == 2 and paged.total_events == found.total_events
    assert [h.event.id for h in paged.events] == [h.event.id for h in found.events[2:4]]


@pytest.mark.parametrize(
    "query",
    ['"', "AND", "OR NOT", "NEAR(a b)", "a* *b", "^x", "col:term", "(((", "-", "'", "x\x00y"],
)
def test_search_never_fails_on_user_text(demo_store: Store, query: str) -> None:
    found = demo_store.search(query)
    assert found.total_documents >= 0 and found.total_events >= 0


def test_empty_search_returns_nothing(demo_store: Store) -> None:
    for query in ("", "   ", "!!!"):
        found = demo_store.search(query)
        assert found.match == "" and not found.documents and not found.events


def test_written_events_are_searchable_and_stamped(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        (eid,) = store.add_annotation(make_annotation())
        assert store.search("Caracas").total_events == 1
        assert store.search("Rodriguez CONSULT").events[0].event.id == eid
        ((event, seen),) = store.newest_events()
        assert event.id == eid and seen.startswith("20")
        assert store.newest_events(since=seen) == []
        assert store.newest_events(types=["ASSAULT"]) == []


def test_migration_backfills_first_seen_and_search_words(
    demo_store_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    shutil.copy(demo_store_path, path)
    _downgrade_to_version_4(path)
    with Store(path) as store:
        assert store.scalar("PRAGMA user_version") == schema_version()
        events = int(store.scalar("SELECT count(*) FROM events WHERE num_mentions > 0"))
        assert store.scalar("SELECT count(*) FROM event_search") == events
        assert store.scalar("SELECT count(*) FROM events WHERE first_seen IS NULL") == 0
        ingested = store.scalar("SELECT min(ingested_at) FROM documents")
        assert store.scalar("SELECT min(first_seen) FROM events") == ingested
        assert store.search("Maduro").total_events > 5


def _downgrade_to_version_4(path: Path) -> None:
    """Take out what migrations 5 and later added, as a store written before them."""
    conn = sqlite3.connect(path, isolation_level=None)
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name LIKE 'event_search%'"
        " OR name LIKE 'events_fts%' OR name IN ('events_first_seen', 'events_order',"
        " 'documents_publisher', 'documents_order', 'event_mentions_event_doc')"
    ).fetchall():
        if kind in ("table", "index") and not name.startswith("events_fts_"):
            conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    added = {r[1] for r in conn.execute("PRAGMA table_info(events)")} - {
        "id", "type", "modality", "date_value", "date_earliest", "date_latest",
        "date_precision", "date_origin", "num_mentions", "num_sources", "record",
    }  # fmt: skip
    for column in sorted(added):
        conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    assert max(version for version, _ in migrations()) >= 5


def test_reindex_rebuilds_the_search_words(demo_store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(demo_store_path, path)
    with Store(path) as store:
        before = store.rows("SELECT event_id, text FROM event_search ORDER BY event_id")
        store.conn.execute("DELETE FROM event_search")
        assert store.search("Maduro").total_events == 0
        assert store.reindex_event_words() == len(before)
        assert store.rows("SELECT event_id, text FROM event_search ORDER BY event_id") == before
        assert store.search("Maduro").total_events > 5
