"""Quotes and actor queries in the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from dateline.model import Annotation, DateValue, Quote
from dateline.store import Store, schema_version

AnnotationFactory = Callable[..., Annotation]


def _with_quotes(annotation: Annotation) -> Annotation:
    """The sample annotation with one resolved and one unresolved quote of its own text."""
    text = annotation.document.text
    doc_id = annotation.document.id
    start = text.index("the CIA")
    annotation.quotes = [
        Quote(doc_id, start, len(text) - 1, text[start:-1], "indirect", "Delcy Rodriguez",
              "person:delcy-rodriguez", "Rodriguez", 0, 9, "said", 10, 14,
              DateValue(), ["person:delcy-rodriguez"]),
        Quote(doc_id, 0, 20, text[:20], "direct", "analysts", None, "analysts"),
    ]  # fmt: skip
    return annotation


def test_quotes_are_written_with_the_document(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(_with_quotes(make_annotation()))
        found = store.quotes()
        assert [q.quote.kind for q in found] == ["direct", "indirect"]  # in text order
        resolved = found[1]
        assert resolved.source == "doc_a.txt"
        assert resolved.quote.speaker_actor_id == "person:delcy-rodriguez"
        assert resolved.quote.about == ["person:delcy-rodriguez"]
        assert store.scalar("SELECT count(*) FROM quotes") == 2
        # Re-adding the same document changes nothing.
        store.add_annotation(_with_quotes(make_annotation()))
        assert store.scalar("SELECT count(*) FROM quotes") == 2


def test_speaker_filter_matches_names_aliases_and_ids(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(_with_quotes(make_annotation()))
        for query in ("Delcy Rodríguez", "delcy rodriguez", "RODRIGUEZ", "person:delcy-rodriguez"):
            assert [q.quote.kind for q in store.quotes(query)] == ["indirect"], query
        # A country brings in its people, as in every actor filter.
        assert [q.quote.kind for q in store.quotes("Venezuela")] == ["indirect"]
        # An unresolved speaker matches by its words.
        assert [q.quote.speaker for q in store.quotes("Analysts")] == ["analysts"]
        assert store.quotes("Nobody") == []


def test_quote_dates_follow_the_document(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(_with_quotes(make_annotation()))
        assert {q.quote.date.value for q in store.quotes()} == {None}
        # The corpus pass dates an undated document later: its quotes follow.
        store.conn.execute(
            "UPDATE documents SET published_value = '2026-01', published_earliest = '2026-01-01',"
            " published_latest = '2026-01-31', published_precision = 'month',"
            " published_origin = 'inferred'"
        )
        dates = [q.quote.date for q in store.quotes()]
        assert dates == [DateValue("2026-01", "2026-01-01", "2026-01-31", "month", "inferred")] * 2


def test_quotes_go_with_their_document(tmp_path: Path, make_annotation: AnnotationFactory) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(_with_quotes(make_annotation()))
        store.conn.execute("DELETE FROM event_mentions")
        store.conn.execute("DELETE FROM documents")
        assert store.scalar("SELECT count(*) FROM quotes") == 0


def test_a_version_2_store_gains_the_quotes_table(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE quotes")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with Store(path) as store:
        assert store.scalar("PRAGMA user_version") == schema_version() >= 3
        assert store.quotes() == []


def test_actor_queries(tmp_path: Path, make_annotation: AnnotationFactory) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(_with_quotes(make_annotation()))
        counts = store.actor_counts()
        assert counts["person:delcy-rodriguez"] == {"events": 1, "mentions": 1, "quotes": 1}
        assert counts["USA"]["events"] == 1
        assert "VEN" not in counts  # no event, mention or quote
        ((event, roles),) = store.actor_events("person:delcy-rodriguez")
        assert event.type == "CONSULT" and roles == ["recipient"]
        assert store.actor_events("VEN") == []
        # Unlike find_actor_ids, a country does not bring in its people here.
        assert [a.id for a in store.actors_named("venezuela")] == ["VEN"]
        assert [a.id for a in store.actors_named("Rodriguez")] == ["person:delcy-rodriguez"]
