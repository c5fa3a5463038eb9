from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.export import exporters
from dateline.export.records import (
    document_records,
    event_record,
    event_records,
    mention_record,
    mention_records_of,
)
from dateline.model import Annotation
from dateline.store import Store

CONTRACT_EVENT_FIELDS = {
    "id", "type", "mode", "contexts", "modality", "actors", "recipients", "date", "location",
    "quad_class", "intensity", "cameo", "attribution", "confidence", "num_mentions",
    "num_sources", "mentions", "coder_version",
}  # fmt: skip
CONTRACT_DOCUMENT_FIELDS = {
    "id", "source", "title", "url", "publisher", "published", "language", "status", "error",
    "duplicate_of", "num_events",
}  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path, make_annotation: Callable[..., Annotation]) -> Store:
    store = Store(tmp_path / "s.db")
    store.add_annotation(make_annotation())
    return store


def test_jsonl_events_follow_the_contract(store: Store) -> None:
    out = io.StringIO()
    count = exporters.get("jsonl")(event_records(store, store.events()), out, "events")
    (line,) = out.getvalue().splitlines()
    record = json.loads(line)
    assert count == 1
    assert record.keys() >= CONTRACT_EVENT_FIELDS
    assert record["id"].startswith("ev_")
    assert record["date"] == {
        "value": "2026-01-15", "earliest": "2026-01-15", "latest": "2026-01-15",
        "precision": "day", "origin": "explicit",
    }  # fmt: skip
    assert record["actors"][0]["code"] == "USA"
    (mention,) = record["mentions"]
    assert mention["source"] == "doc_a.txt"
    assert mention["sentence"][mention["trigger_start"] : mention["trigger_end"]] == "met"


def test_jsonl_documents_follow_the_contract(store: Store) -> None:
    out = io.StringIO()
    exporters.get("jsonl")(document_records(store), out, "documents")
    record = json.loads(out.getvalue())
    assert record.keys() >= CONTRACT_DOCUMENT_FIELDS
    assert record["num_events"] == 1
    assert record["status"] == "ok"


def test_csv_flattens_events_and_documents(store: Store) -> None:
    out = io.StringIO()
    exporters.get("csv")(event_records(store, store.events()), out, "events")
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["type"] == "CONSULT"
    assert row["actor_codes"] == "USA"
    assert row["recipient_names"] == "Delcy Rodriguez"
    assert row["date_precision"] == "day"
    out = io.StringIO()
    exporters.get("csv")(document_records(store), out, "documents")
    (doc,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert doc["num_events"] == "1"
    assert doc["published_origin"] == "unknown"


def test_csv_lists_conflicting_accounts_in_one_cell(store: Store) -> None:
    (record,) = event_records(store, store.events())
    assert record["conflicts"] == []
    record["conflicts"] = [
        {"field": "figures", "values": ["5", "7"], "mentions": [["em_a"], ["em_b"]]},
        {"field": "date", "values": ["2026-01-03", "2026-01-05"], "mentions": [["em_a"], ["em_b"]]},
    ]  # fmt: skip
    out = io.StringIO()
    exporters.get("csv")([record], out, "events")
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["conflicts"] == "figures: 5 | 7; date: 2026-01-03 | 2026-01-05"


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="csv, json, jsonl"):
        exporters.get("xlsx")


def test_mention_records_read_from_columns_equal_the_full_ones(demo_store: Store) -> None:
    events = demo_store.events(modalities=["asserted", "planned", "hypothetical", "negated"])
    fast = mention_records_of(demo_store, [e.id for e in events])
    slow = demo_store.mentions_of([e.id for e in events])
    assert sum(len(v) for v in fast.values()) > 60
    for event in events:
        assert fast.get(event.id, []) == [mention_record(m) for m in slow.get(event.id, [])]
        assert event_record(event, mention_records=fast.get(event.id, [])) == event_record(
            event, slow.get(event.id, [])
        )
