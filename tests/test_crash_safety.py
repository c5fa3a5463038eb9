"""Crashes lose nothing: an ingest killed at any point resumes to the store a clean run
makes, a full disk stops a run with a clear error and a consistent store, and a second
ingest into a store that is being written is refused.

The kill points are chosen by watching the store from outside while a real
``dateline ingest`` process writes it (after the first document, in the middle of the
corpus, once every document is stored and the corpus pass runs), and the process is
killed with SIGKILL, so no clean-up code of its own runs.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.export.records import all_event_records, document_records
from dateline.pipeline import IngestOptions, ingest
from dateline.store import Store, StoreBusy, StoreError

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parent.parent / "examples" / "venezuela"
#: What a store holds besides its records: every row of these tables must come back.
TABLES = ("documents", "sentences", "mentions", "timexes", "event_mentions", "events",
          "event_actors", "actors", "quotes", "temporal_links", "document_signatures")  # fmt: skip
INGEST = [sys.executable, "-c", "from dateline.cli import main; main()", "ingest"]


def snapshot(db: Path) -> dict[str, Any]:
    """Everything a store says, in a form two stores can be compared by."""
    with Store(db, create=False) as store:
        return {
            "documents": sorted(json.dumps(r, sort_keys=True) for r in document_records(store)),
            "events": sorted(json.dumps(r, sort_keys=True) for r in all_event_records(store)),
            "counts": {t: store.scalar(f"SELECT count(*) FROM {t}") for t in TABLES},
        }


def without_time(clean: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in clean.items() if key != "seconds"}


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def stored_documents(db: Path) -> int:
    """Documents committed so far, read as another process would (0 before the store
    exists or while it is being created)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def corpus_pass_running(db: Path, total: int) -> bool:
    """Every document is stored but the run is not finished: the corpus-level passes."""
    if stored_documents(db) < total:
        return False
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
    try:
        open_runs = conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL")
        return int(open_runs.fetchone()[0]) > 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def kill_when(db: Path, corpus: Path, ready: Callable[[], bool], timeout: float = 120) -> bool:
    """Start an ingest and SIGKILL it as soon as ``ready`` holds; False when the run
    ended on its own first."""
    process = subprocess.Popen([*INGEST, str(corpus), "--db", str(db)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if ready():
                process.send_signal(signal.SIGKILL)
                process.wait()
                return True
            time.sleep(0.01)
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "venezuela"
    shutil.copytree(DEMO, folder)
    return folder


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    started = time.monotonic()
    done = subprocess.run([*INGEST, str(corpus), "--db", str(db)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return {**snapshot(db), "seconds": time.monotonic() - started}


def after(seconds: float) -> Callable[[], bool]:
    """Ready once ``seconds`` have passed since its first call (the process's start)."""
    first: list[float] = []

    def ready() -> bool:
        if not first:
            first.append(time.monotonic())
        return time.monotonic() - first[0] >= seconds

    return ready


def test_an_ingest_killed_anywhere_resumes_to_the_clean_store(
    corpus: Path, clean: dict[str, Any], tmp_path: Path
) -> None:
    total = len(clean["documents"])
    assert total >= 5
    db = tmp_path / "killed.db"
    # Three chosen points, then two at random moments of a run (seeded, so a failure can
    # be replayed): during start-up, parsing or writing, wherever they fall.
    moments = random.Random(20261202)
    kill_points: list[tuple[str, Callable[[], bool]]] = [
        ("after the first document", lambda: stored_documents(db) >= 1),
        ("mid-corpus", lambda: stored_documents(db) >= total // 2 + 1),
        ("during the corpus pass", lambda: corpus_pass_running(db, total)),
        *[(f"at random {n}", after(moments.uniform(0.5, clean["seconds"]))) for n in (1, 2)],
    ]
    killed = []
    for name, ready in kill_points:
        if kill_when(db, corpus, ready):
            killed.append(name)
            assert integrity(db) == "ok", name
    # At least the first two points fall inside a run of several documents.
    assert killed[:2] == ["after the first document", "mid-corpus"]
    resumed = subprocess.run([*INGEST, str(corpus), "--db", str(db)], capture_output=True)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert integrity(db) == "ok"
    assert snapshot(db) == without_time(clean)


def test_a_full_disk_stops_the_run_with_a_clear_error_and_keeps_the_store(
    corpus: Path, clean: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "full.db"
    first = sorted(corpus.iterdir())[0]
    with Store(db) as store:
        ingest([first], store)
        before = snapshot(db)
        # The store may grow by a few pages only: the next document cannot be written.
        pages = store.scalar("PRAGMA page_count")
        store.conn.execute(f"PRAGMA max_page_count = {pages + 8}")
        with pytest.raises(StoreError, match="disk is full"):
            ingest([corpus], store, IngestOptions(batch_size=1))
    assert integrity(db) == "ok"
    after = snapshot(db)
    # What was stored before is all there; documents written before the disk filled up
    # are whole (each with its sentences and mentions), none is half written.
    assert set(before["documents"]) <= set(after["documents"])
    with Store(db) as store:
        orphans = store.scalar(
            "SELECT count(*) FROM documents d WHERE d.status = 'ok' AND d.duplicate_of IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)"
        )
        assert orphans == 0
        ingest([corpus], store)  # space again: the same command resumes
    assert snapshot(db) == without_time(clean)


def test_a_second_ingest_into_a_store_being_written_is_refused(
    corpus: Path, clean: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "shared.db"
    first = subprocess.Popen([*INGEST, str(corpus), "--db", str(db)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while stored_documents(db) < 1 and first.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert first.poll() is None, "the first ingest ended before the second started"
        with Store(db) as store, pytest.raises(StoreBusy, match=r"another ingest .* \(pid"):
            ingest([corpus], store)
        assert first.wait(timeout=120) == 0
    finally:
        if first.poll() is None:
            first.kill()
    assert snapshot(db) == without_time(clean)


def test_the_command_refuses_a_store_another_run_is_writing(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    with Store(db) as store, store.writer():
        refused = subprocess.run([*INGEST, str(DEMO), "--db", str(db)], capture_output=True)
    assert refused.returncode == 2
    message = " ".join(refused.stderr.decode().split())
    assert f"another ingest is writing to {db}" in message and "wait for it" in message
    with Store(db) as store:
        assert store.scalar("SELECT count(*) FROM documents") == 0


def test_the_writer_lock_is_released_by_a_run_that_ends(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, Store(tmp_path / "s.db") as other:
        with store.writer(), pytest.raises(StoreBusy, match="another ingest"), other.writer():
            pass
        with other.writer():  # free again once the first writer is done
            pass
