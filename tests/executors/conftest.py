"""A small news corpus for the shard and Ray tests, and the local ingest they are held to.

Two outlets report the same meeting (merged into one event across documents); one
article is wired again word for word under another name (an exact duplicate), another
is reprinted with its last sentence changed (a near-duplicate); one article carries no
date; one record is empty (skipped) and one line is not JSON (failed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.export.records import all_event_records, document_records
from dateline.store import Store

MEETING = (
    "A United States envoy met Venezuelan officials at the Miraflores palace in Caracas on "
    "March 3, 2025, to discuss the release of detained Americans. Venezuela freed six "
    "Americans after the meeting, officials in Caracas said. The United States said it "
    "would consider easing oil sanctions if more prisoners were released."
)
SAME_MEETING = (
    "Venezuelan officials met a United States envoy in Caracas on March 3, 2025. Six "
    "Americans held in Venezuelan prisons were freed after the talks. Colombia welcomed "
    "the release on Tuesday and urged both governments to keep talking."
)
BORDER = (
    "Brazil accused Venezuela on Friday of moving troops toward the disputed Essequibo "
    "region, the foreign ministry in Brasilia said. Guyana asked the United Nations "
    "Security Council to meet on the crisis. Venezuela rejected the accusation and said "
    "its soldiers were on a routine exercise, according to a statement from Caracas."
)
BORDER_REPRINT = BORDER.replace(
    "according to a statement from Caracas.", "according to a statement read on state TV."
)
UNDATED = (
    "The European Union imposed sanctions on eleven Venezuelan officials on March 24, "
    "2025, accusing them of undermining democracy. Venezuela condemned the decision and "
    "recalled its ambassador from Brussels."
)


def write_corpus(folder: Path) -> Path:
    """The corpus as files in ``folder`` (created); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    records: list[dict[str, Any]] = [
        {"id": "harbour-1", "text": MEETING, "published": "2025-03-04",
         "publisher": "Harbour Times", "title": "Americans freed after envoy visit"},
        {"id": "ledger-7", "text": SAME_MEETING, "published": "2025-03-05",
         "publisher": "Valley Ledger", "title": "Six Americans released"},
        {"id": "wire-3", "text": MEETING, "published": "2025-03-04",
         "publisher": "Harbour Wire", "title": "Envoy visit (wire copy)"},
        {"id": "courier-2", "text": BORDER, "published": "2025-03-14",
         "publisher": "Southern Courier", "title": "Brazil accuses Venezuela"},
        {"id": "courier-2b", "text": BORDER_REPRINT, "published": "2025-03-15",
         "publisher": "Southern Courier", "title": "Brazil accuses Venezuela (updated)"},
        {"id": "blank", "text": "   ", "published": "2025-03-16"},
    ]  # fmt: skip
    lines = [json.dumps(record) for record in records]
    lines.insert(3, "{this line is not JSON")
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "undated.txt").write_text(UNDATED + "\n", encoding="utf-8")
    return folder


def store_records(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The exported event and document records of a store (they carry no run times)."""
    with Store(path) as store:
        return list(all_event_records(store)), list(document_records(store))


@pytest.fixture(scope="session")
def news_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("news") / "corpus")


@pytest.fixture(scope="session")
def local_store_path(news_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus ingested here, one batch of two documents at a time."""
    from dateline.pipeline import IngestOptions, ingest

    path = tmp_path_factory.mktemp("local") / "local.db"
    with Store(path) as store:
        ingest([news_corpus], store, IngestOptions(batch_size=2))
    return path


@pytest.fixture(scope="session")
def local_records(
    local_store_path: Path,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    events, documents = store_records(local_store_path)
    # The corpus exercises what loading must reproduce; if it did not, the tests comparing
    # stores would prove little.
    statuses = sorted(d["status"] for d in documents)
    assert statuses == ["failed", "ok", "ok", "ok", "ok", "ok", "skipped"], statuses
    assert sum(1 for d in documents if d["duplicate_of"]) == 1  # the reprint
    assert any(e["num_sources"] >= 2 for e in events)  # the meeting, reported twice
    assert any(d["published"]["origin"] == "inferred" for d in documents)  # undated.txt
    return events, documents
