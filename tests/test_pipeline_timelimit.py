"""The time limit per document (``Limits.max_seconds``, ``--max-seconds``): a document too
slow to parse or to annotate is recorded as failed with the reason, the rest of its batch
is annotated as usual, and a later run tries it again; on every path to the annotating."""

from __future__ import annotations

import json
import pickle
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline import pipeline
from dateline.cli import app
from dateline.model import RawDocument
from dateline.pipeline import IngestOptions, IngestReport, batch_annotator, ingest, prepare
from dateline.shards import ShardWriter, load_shards, shard_rows
from dateline.sources import Limits
from dateline.store import Store

GOOD = (
    "Russia sends troops to Belarus\n"
    "Russian troops arrived in Belarus on Monday, officials said. The Belarusian defence "
    "ministry welcomed the deployment and said the soldiers would stay for joint exercises.\n"
)
#: The document made to hang (it mentions "Tuesday"; GOOD does not).
SLOW = "Chinese officials visited Caracas on Tuesday and met the foreign minister.\n"
LIMIT = 0.3
runner = CliRunner()
ANNOTATING = f"time limit exceeded: annotating took over {LIMIT:g} s (--max-seconds)"
PARSING = f"time limit exceeded: parsing took over {LIMIT:g} s (--max-seconds)"


def spin(seconds: float = 8.0) -> None:
    """A Python busy loop standing for a runaway stage (bounded, so that a limit that does
    not work fails the test instead of hanging it)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def hang_quotes(patch: pytest.MonkeyPatch, seconds: float = 8.0) -> None:
    """Make ``extract_quotes``, the last stage but one, hang on the slow document only."""
    real = pipeline.extract_quotes

    def hanging(doc, *args):  # type: ignore[no-untyped-def]
        if "Tuesday" in doc.text:
            spin(seconds)
        return real(doc, *args)

    patch.setattr(pipeline, "extract_quotes", hanging)


@pytest.fixture()
def hanging_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    hang_quotes(monkeypatch)


@pytest.fixture(scope="module", autouse=True)
def _warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One ingest first: what loads on first use is loaded outside the tests' timings."""
    folder = tmp_path_factory.mktemp("warm")
    (folder / "warm.txt").write_text(GOOD, encoding="utf-8")
    with Store(folder / "s.db") as store:
        assert ingest([folder], store).stored == 1


def _inputs(folder: Path, slow_first: bool = False) -> Path:
    folder.mkdir()
    names = ("b.txt", "a.txt") if slow_first else ("a.txt", "b.txt")
    (folder / names[0]).write_text(GOOD, encoding="utf-8")
    (folder / names[1]).write_text(SLOW, encoding="utf-8")
    return folder


def _status(store: Store, name: str) -> tuple[str, str | None]:
    ((status, error),) = store.rows(
        "SELECT status, error FROM documents WHERE source LIKE ?", f"%{name}"
    )
    return status, error


def _assert_slow_one_failed(report: IngestReport, reason: str) -> None:
    assert report.stored == 1
    ((source, why),) = report.failed
    assert Path(source).read_text(encoding="utf-8") == SLOW
    assert why == reason


def test_a_document_too_slow_to_annotate_fails_alone_and_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _inputs(tmp_path / "in")
    options = IngestOptions(limits=Limits(max_seconds=LIMIT))
    with Store(tmp_path / "s.db") as store:
        with monkeypatch.context() as patch:
            hang_quotes(patch)
            started = time.monotonic()
            report = ingest([folder], store, options)
            assert time.monotonic() - started < LIMIT + 3
        # Both in one batch: the slow one failed, the other annotated as usual.
        _assert_slow_one_failed(report, ANNOTATING)
        assert report.event_mentions > 0
        assert _status(store, "a.txt") == ("ok", None)
        assert _status(store, "b.txt") == ("failed", ANNOTATING)
        (counts,) = store.rows("SELECT counts FROM runs")
        assert json.loads(counts[0])["failed"] == 1
        # A failed document is tried again: now it goes through.
        again = ingest([folder], store, options)
        assert (again.stored, again.unchanged, again.failed) == (1, 1, [])
        assert _status(store, "b.txt") == ("ok", None)


class SlowParser:
    """The loaded pipeline, hanging on the slow document (batched or alone)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, text: str) -> Any:
        if "Tuesday" in text:
            spin()
        return self.nlp(text)

    def pipe(self, texts: Any, batch_size: int = 16) -> Any:
        for text in texts:
            yield self(text)


def test_a_document_too_slow_to_parse_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The slow document first: the batch runs out of its time (LIMIT per document) on it,
    # then each is parsed alone, and the one after it is parsed and annotated as usual.
    folder = _inputs(tmp_path / "in", slow_first=True)
    real = pipeline.load_pipeline
    monkeypatch.setattr(pipeline, "load_pipeline", lambda: SlowParser(real()))
    with Store(tmp_path / "s.db") as store:
        started = time.monotonic()
        report = ingest([folder], store, IngestOptions(limits=Limits(max_seconds=LIMIT)))
        # The batch's budget (2 x LIMIT), then LIMIT for the slow document alone.
        assert 3 * LIMIT - 0.05 < time.monotonic() - started < 3 * LIMIT + 3
        _assert_slow_one_failed(report, PARSING)
        assert _status(store, "b.txt") == ("ok", None)


@pytest.mark.usefixtures("hanging_quotes")
def test_the_limit_holds_when_the_ingest_runs_in_a_worker_thread(tmp_path: Path) -> None:
    # As in the web app, which ingests uploads in a worker thread: no signal there.
    folder = _inputs(tmp_path / "in")
    reports: list[IngestReport] = []

    def run() -> None:
        with Store(tmp_path / "s.db") as store:
            reports.append(ingest([folder], store, IngestOptions(limits=Limits(max_seconds=LIMIT))))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(LIMIT + 5)
    assert not thread.is_alive()
    _assert_slow_one_failed(reports[0], ANNOTATING)


@pytest.mark.usefixtures("hanging_quotes")
def test_the_pool_is_handed_the_limit(tmp_path: Path) -> None:
    # What a "spawn" process pool receives is the pickled function: it carries the limit.
    options = IngestOptions(limits=Limits(max_seconds=LIMIT))
    annotate = pickle.loads(pickle.dumps(batch_annotator(options)))
    documents = [prepare(RawDocument(source=n, text=t), options) for n, t in
                 (("good", GOOD), ("slow", SLOW))]  # fmt: skip
    good, slow = annotate(documents)
    assert good.document.status == "ok" and good.event_mentions
    assert (slow.document.status, slow.document.error) == ("failed", ANNOTATING)


@pytest.mark.usefixtures("hanging_quotes")
def test_a_ray_run_records_the_slow_document_as_failed(tmp_path: Path) -> None:
    # What each Ray actor does with its share of the inputs (``shard_rows``), then the
    # load into a store; the slow document first, so the one after it must not be
    # handed its annotation.
    options = IngestOptions(limits=Limits(max_seconds=LIMIT))
    raws = [RawDocument(source="slow", text=SLOW), RawDocument(source="good", text=GOOD)]
    with ShardWriter(tmp_path / "shards") as writer:
        for row in shard_rows(raws, [0, 1], options):
            writer.write(row)
    with Store(tmp_path / "s.db") as store:
        report = load_shards([tmp_path / "shards"], store, options)
        assert report.stored == 1 and report.failed == [("slow", ANNOTATING)]
        assert _status(store, "good") == ("ok", None)
        assert _status(store, "slow") == ("failed", ANNOTATING)


@pytest.mark.usefixtures("hanging_quotes")
def test_the_max_seconds_option_sets_the_limit(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    db = tmp_path / "s.db"
    result = runner.invoke(
        app, ["ingest", str(folder), "--db", str(db), "--max-seconds", str(LIMIT)]
    )
    assert result.exit_code == 1, result.output  # a run with failures
    assert "1 stored" in result.output and "1 failed" in result.output
    assert ANNOTATING in " ".join(result.output.split())  # the reason, however wrapped
    with Store(db) as store:
        assert _status(store, "b.txt") == ("failed", ANNOTATING)


def test_max_seconds_0_sets_no_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hang_quotes(monkeypatch, 0.4)
    folder = _inputs(tmp_path / "in")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--max-seconds", "0"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert _status(store, "b.txt") == ("ok", None)
