"""Ingest over bad input: every bad file is recorded with its reason, the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import pipeline
from dateline.pipeline import IngestOptions, annotate_text, ingest
from dateline.sources import Limits
from dateline.store import Store

GOOD = (
    "Russia sends troops to Belarus\n"
    "Russian troops arrived in Belarus on Monday, officials said. The Belarusian defence "
    "ministry welcomed the deployment and said the soldiers would stay for joint exercises.\n"
)
GERMAN = (
    "Die Regierung hat am Montag neue Sanktionen gegen Russland beschlossen. Der Minister "
    "sagte, dass die Maßnahmen sofort in Kraft treten und die Wirtschaft stark treffen werden.\n"
)


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "big.txt").write_text("Officials met. " * 400, encoding="utf-8")
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")


def test_bad_files_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    _write_inputs(tmp_path / "in")
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path / "in"], store, IngestOptions(limits=Limits(max_bytes=4000)))
        statuses = {Path(r[0]).name: (r[1], r[2]) for r in
                    store.rows("SELECT source, status, error FROM documents")}  # fmt: skip
    assert report.stored == 1
    assert statuses["good.txt"] == ("ok", None)
    assert statuses["binary.txt"][0] == "failed" and "binary" in statuses["binary.txt"][1]
    assert statuses["empty.txt"] == ("skipped", "empty document")
    assert statuses["big.txt"][0] == "failed" and "too large" in statuses["big.txt"][1]
    assert statuses["german.txt"][0] == "skipped" and "'de'" in statuses["german.txt"][1]
    assert statuses["dangling.txt"][0] == "failed"
    assert len(report.failed) == 3 and len(report.skipped) == 2


def test_nothing_stored_is_lost_when_a_later_run_meets_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([good], store)
        events_before = store.rows("SELECT id, record FROM events ORDER BY id")
        _write_inputs(tmp_path / "in")
        report = ingest([tmp_path / "in"], store)
        assert report.unchanged == 1  # good.txt again, inside the folder
        after = {tuple(r) for r in store.rows("SELECT id, record FROM events")}
        assert {tuple(r) for r in events_before} <= after
        good_doc = store.rows("SELECT id FROM documents WHERE source = ?", str(good))
        assert len(good_doc) == 1
        assert store.scalar("SELECT count(*) FROM documents WHERE status = 'failed'") == 2


def test_a_stage_that_breaks_fails_only_its_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    # A different article (a copy of a.txt with one word changed would be stored as its
    # duplicate without being annotated).
    other = "Chinese officials visited Caracas on Tuesday and met the foreign minister.\n"
    (tmp_path / "in" / "b.txt").write_text(other, encoding="utf-8")
    real = pipeline.extract_events

    def fragile(doc, doc_id, mentions, actors):  # type: ignore[no-untyped-def]
        if "Tuesday" in doc.text:
            raise ValueError("cannot cope")
        return real(doc, doc_id, mentions, actors)

    monkeypatch.setattr(pipeline, "extract_events", fragile)
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path / "in"], store)
        assert report.stored == 1
        ((source, reason),) = report.failed
        assert source.endswith("b.txt")
        assert "ValueError: cannot cope" in reason
        # The failure is recorded, and a fixed run would replace it.
        assert store.scalar("SELECT status FROM documents WHERE source = ?", source) == "failed"


def test_published_option_dates_undated_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([good], store, IngestOptions(published="2022-03-09"))
        ((document, _),) = store.documents()
        assert document.published.value == "2022-03-09"
        assert document.published.origin == "user"


def test_annotate_text_without_a_store() -> None:
    annotation = annotate_text(GOOD, "2022-03-09")
    assert annotation.document.status == "ok"
    assert annotation.sentences[0].start == 0
    # The headline is its own sentence.
    assert GOOD[annotation.sentences[0].start : annotation.sentences[0].end].strip() == (
        "Russia sends troops to Belarus"
    )
    assert any(t.value == "2022-03-07" for t in annotation.timexes)  # "on Monday"


def test_two_workers_give_the_same_store_as_one(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parent.parent / "examples" / "venezuela"
    records = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            ingest([demo], store, IngestOptions(workers=workers, batch_size=2))
            records.append(
                [tuple(r) for r in store.rows("SELECT id, record FROM events ORDER BY id")]
            )
    assert records[0] == records[1]
    assert len(records[0]) > 10


HTML_ARTICLE = """<!doctype html>
<html><head>
<title>Officials meet in Caracas</title>
<meta property="og:title" content="Russian officials meet Venezuelan envoys in Caracas">
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2022-03-08T10:00:00Z">
<link rel="canonical" href="https://news.example.org/caracas-talks">
<script>document.write("not article text")</script>
</head><body><nav>Home | World</nav><article>
<h1>Russian officials meet Venezuelan envoys in Caracas</h1>
<p>On Saturday, Russian officials met Venezuelan representatives in Caracas, the foreign
ministry said. The two sides discussed oil supplies and military cooperation.</p>
<p>Analysts said the talks could lead to a new agreement between the two governments
later this year, although no deal has been signed so far.</p>
</article><footer>Copyright</footer></body></html>
"""


def test_html_metadata_dates_the_events(tmp_path: Path) -> None:
    page = tmp_path / "caracas.html"
    page.write_text(HTML_ARTICLE, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest([page], store)
        assert report.stored == 1
        ((document, _),) = store.documents()
        assert document.published.value == "2022-03-08"
        assert document.published.origin == "metadata"
        assert document.url == "https://news.example.org/caracas-talks"
        assert "not article text" not in document.text
        (met,) = [
            e
            for e in store.events(types=["CONSULT"])
            if any(m.mention.trigger == "met" for m in store.event_mentions(e.id))
        ]
        assert [a.country for a in met.actors] == ["RUS"]
        # "On Saturday" in a past-tense sentence: the Saturday before publication.
        assert met.date.value == "2022-03-05"
        assert met.date.origin == "relative"
        assert met.attribution is not None and met.attribution.text == "the foreign ministry said"


def test_a_document_that_failed_in_a_stage_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")

    def broken(doc, doc_id, mentions, actors):  # type: ignore[no-untyped-def]
        raise RuntimeError("bug")

    with Store(tmp_path / "s.db") as store:
        with monkeypatch.context() as patch:
            patch.setattr(pipeline, "extract_events", broken)
            assert len(ingest([good], store).failed) == 1
        report = ingest([good], store)  # the bug is fixed: the document is processed
        assert report.stored == 1 and report.unchanged == 0
        assert store.rows("SELECT status FROM documents")[0][0] == "ok"


def test_duplicates_in_flight_are_annotated_once(tmp_path: Path) -> None:
    import json

    lines = tmp_path / "same.jsonl"
    record = {"text": GOOD, "published": "2022-03-09"}
    lines.write_text("\n".join(json.dumps(record) for _ in range(6)) + "\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest([lines], store, IngestOptions(workers=2, batch_size=1))
        assert (report.stored, report.unchanged) == (1, 5)
        assert report.event_mentions == store.scalar("SELECT count(*) FROM event_mentions")


def test_text_over_the_character_limit_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text("Officials met. " * 100, encoding="utf-8")
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path / "in"], store, IngestOptions(limits=Limits(max_chars=1000)))
    assert report.stored == 1
    ((source, reason),) = report.failed
    assert source.endswith("long.txt") and "text too long: 1500 characters" in reason
