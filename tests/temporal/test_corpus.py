"""Corpus-level time: anchors and undated documents resolved through other documents."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dateline.model import EventMention
from dateline.pipeline import IngestOptions, ingest
from dateline.store import Store

READ_ON = date(2026, 12, 1)
AGREEMENT = {
    "id": "a", "published": "2025-03-04",
    "text": "On March 3, 2025, Russia and Venezuela signed a defence agreement in Caracas.",
}  # fmt: skip
VISIT = {
    "id": "b",
    "text": "Two weeks after Russia and Venezuela signed the defence agreement, Chinese "
    "officials visited Caracas.",
}
UNRELATED = {
    "id": "c", "published": "2019-05-01",
    "text": "On April 30, 2019, Russia and Venezuela signed an oil contract.",
}  # fmt: skip


def write(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run(store: Store, path: Path) -> None:
    ingest([path], store, IngestOptions(read_on=READ_ON))


def doc_of(store: Store, record_id: str) -> str:
    """The id of the document read from the JSONL record ``record_id``."""
    [row] = store.rows("SELECT id FROM documents WHERE source LIKE ?", f"%#{record_id}")
    return str(row["id"])


def visit_in(store: Store, record_id: str) -> EventMention:
    return next(
        m for m in store.document_mentions(doc_of(store, record_id)) if m.trigger == "visited"
    )


def test_an_anchor_dated_in_another_document_dates_the_clause(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        run(store, write(tmp_path / "in.jsonl", UNRELATED, AGREEMENT, VISIT))
        visit = visit_in(store, "b")
        assert (visit.date.value, visit.date.origin, visit.date_basis) == (
            "2025-03-17", "relative", "link",
        )  # fmt: skip
        # The undated document is from after what it reports.
        document = store.document(doc_of(store, "b"))
        assert document is not None
        assert document.published.origin == "inferred"
        assert document.published.earliest == "2025-03-17"
        [(link, happened)] = store.temporal_links()
        assert link.offset == "P2W"
        assert happened is not None and happened.value == "2025-03-17"
        # The events table follows the mention's new date.
        [event] = [e for e in store.events(types=["CONSULT"]) if e.id]
        assert event.date.value == "2025-03-17"


def test_a_later_article_resolves_an_earlier_one(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        run(store, write(tmp_path / "first.jsonl", VISIT))
        undated = store.document(doc_of(store, "b"))
        assert undated is not None and undated.published.earliest is None
        [(_, happened)] = store.temporal_links()
        assert happened is None
        before = {e.id for e in store.events()}

        run(store, write(tmp_path / "second.jsonl", AGREEMENT))
        redated = store.document(undated.id)
        assert redated is not None and redated.published.earliest == "2025-03-17"
        visit = visit_in(store, "b")
        assert visit.date.value == "2025-03-17"
        # The visit moved to the event its date makes it part of; no empty event is left.
        after = store.events()
        assert all(store.event_mentions(e.id) for e in after)
        assert {e.id for e in after} != before
        assert store.scalar("SELECT count(*) FROM events WHERE num_mentions = 0") == 0


def test_an_unrelated_report_of_the_same_parties_is_no_anchor(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        run(store, write(tmp_path / "in.jsonl", UNRELATED, VISIT))
        visit = visit_in(store, "b")
        assert visit.date_basis != "link"
        [(_, happened)] = store.temporal_links()
        assert happened is None


def test_a_second_pass_changes_nothing(tmp_path: Path) -> None:
    from dateline.temporal import resolve_corpus

    with Store(tmp_path / "s.db") as store:
        run(store, write(tmp_path / "in.jsonl", AGREEMENT, VISIT))
        events = [e.id for e in store.events()]
        again = resolve_corpus(store, READ_ON)
        assert (again.links_dated, again.mentions_redated, again.documents_dated) == (0, 0, 0)
        assert [e.id for e in store.events()] == events
