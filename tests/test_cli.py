"""The command line, end to end, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import DateValue
from dateline.views.timeline import roughly_dated

runner = CliRunner()
DEMO = Path(__file__).resolve().parent.parent / "examples" / "venezuela"


def test_ingest_timeline_export_summary(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["ingest", str(DEMO), "--db", db])
    assert result.exit_code == 0, result.output
    assert "5 documents read: 5 stored" in result.output

    again = runner.invoke(app, ["ingest", str(DEMO), "--db", db])
    assert again.exit_code == 0 and "5 already stored" in again.output

    timeline = runner.invoke(app, ["timeline", "--db", db])
    assert timeline.exit_code == 0
    assert "2026-01-15" in timeline.stdout and "CONSULT" in timeline.stdout
    assert "[PLANNED]" not in timeline.stdout

    # Dated reports of a planned act: shown only when asked for, and marked.
    dated = tmp_path / "dated.jsonl"
    dated.write_text(
        json.dumps({"id": "p1", "published": "2025-09-02",
                    "text": "The United States is considering strikes on Venezuela."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    assert runner.invoke(app, ["ingest", str(dated), "--db", db]).exit_code == 0
    asserted_only = runner.invoke(app, ["timeline", "--db", db]).stdout
    assert "2025-09-02" not in asserted_only
    everything = runner.invoke(app, ["timeline", "--db", db, "--include", "planned,hypothetical"])
    assert "2025-09-02" in everything.stdout and "[PLANNED]" in everything.stdout

    as_json = runner.invoke(app, ["timeline", "--db", db, "--format", "json", "--actor", "VEN"])
    records = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert records and all(r["modality"] == "asserted" for r in records)
    # In date order; events known only to a span of years follow the story.
    rough = [roughly_dated(DateValue.from_dict(r["date"])) for r in records]
    assert rough == sorted(rough)
    dates = [
        r["date"]["earliest"] or r["date"]["latest"]
        for r, wide in zip(records, rough, strict=True)
        if not wide
    ]
    assert dates and dates == sorted(dates)

    out = tmp_path / "events.csv"
    export = runner.invoke(app, ["export", "events", "--db", db, "--format", "csv", "-o", str(out)])
    assert export.exit_code == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {"type", "modality", "actor_codes", "date"} <= rows[0].keys()

    docs = runner.invoke(app, ["export", "documents", "--db", db])
    assert len(docs.stdout.splitlines()) == 6

    summary = runner.invoke(app, ["summary", "--db", db])
    assert summary.exit_code == 0 and "6 ok" in summary.stdout


def test_failed_input_sets_the_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "failed" in result.output and "bad.txt" in result.output


def test_clear_errors_for_bad_arguments(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store" in missing.output
    bad_date = runner.invoke(
        app, ["ingest", str(DEMO), "--db", str(tmp_path / "s.db"), "--published", "someday"]
    )
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output
    not_a_db = tmp_path / "junk.db"
    not_a_db.write_bytes(b"junk" * 1000)
    junk = runner.invoke(app, ["summary", "--db", str(not_a_db)])
    assert junk.exit_code == 2 and "cannot open" in junk.output


def test_code_command(tmp_path: Path) -> None:
    lines = "\n".join(
        json.dumps(item)
        for item in [
            {"id": "a", "text": "Iran delivered gunboats to Venezuela.", "published": "2025-10-01"},
            {"id": "b", "text": "The US is considering strikes on Venezuela."},
        ]
    )
    result = runner.invoke(app, ["code"], input=lines + "\nnot json\n")
    assert result.exit_code == 1  # the malformed line is reported, the others coded
    out = [json.loads(line) for line in result.stdout.splitlines()]
    by_id = {o["id"]: o for o in out if "events" in o}
    aid = [e for e in by_id["a"]["events"] if e["type"] == "AID"]
    assert aid and aid[0]["actors"][0]["code"] == "IRN" and aid[0]["modality"] == "asserted"
    assert "mentions" not in aid[0]
    assert all(e["modality"] != "asserted" for e in by_id["b"]["events"])
    assert any("invalid JSON" in o.get("error", "") for o in out)


def test_timex_command() -> None:
    item = {"id": "t1", "text": "They met on January 15, 2026 and again last week.",
            "dct": "2026-01-20"}  # fmt: skip
    result = runner.invoke(app, ["timex"], input=json.dumps(item) + "\n")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in io.StringIO(result.stdout)]
    assert record["id"] == "t1"
    values = {t["text"]: t["value"] for t in record["timexes"]}
    assert values["January 15, 2026"] == "2026-01-15"
    assert values["last week"] == "2026-W03"
    for t in record["timexes"]:
        assert item["text"][t["start"] : t["end"]] == t["text"]


def test_timeline_rejects_bad_filters(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["ingest", str(DEMO / "001_7a42ce4cbfe48bf5.txt"), "--db", db])
    bad_from = runner.invoke(app, ["timeline", "--db", db, "--from", "2026-1"])
    assert bad_from.exit_code == 2 and "not a date" in bad_from.output
    bad_type = runner.invoke(app, ["timeline", "--db", db, "--type", "STRIKE"])
    assert bad_type.exit_code == 2 and "unknown type STRIKE" in bad_type.output
    month = runner.invoke(app, ["timeline", "--db", db, "--from", "2026-01", "--to", "2026-01"])
    assert month.exit_code == 0 and "2026-01-15" in month.stdout
    assert "no date" not in month.stdout  # undated events cannot fall in a range


def test_code_rejects_numeric_dates_per_line() -> None:
    lines = json.dumps({"id": "n", "text": "Iran sent aid.", "published": 2026})
    result = runner.invoke(app, ["code"], input=lines + "\n")
    assert result.exit_code == 1
    assert "must be a date string" in result.stdout


def test_timex_output_keeps_input_order_around_bad_lines() -> None:
    lines = [json.dumps({"id": i, "text": "They met on Friday.", "dct": "2026-01-20"})
             for i in ("a", "b")] + ["{broken"] + [
        json.dumps({"id": "c", "text": "Talks resume next week.", "dct": "2026-01-20"})
    ]  # fmt: skip
    result = runner.invoke(app, ["timex"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("id") for r in records] == ["a", "b", None, "c"]
    assert records[2]["line"] == 3 and "invalid JSON" in records[2]["error"]
    assert records[0]["timexes"][0]["value"] == "2026-01-16"
