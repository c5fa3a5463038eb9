"""`dateline quotes`, `dateline actors` and their exports, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()

ARTICLE = (
    "Colombia and the US trade words over the blockade\n"
    "\n"
    "President Gustavo Petro met Secretary of State Marco Rubio in Bogotá on Monday. "
    "“Colombia will never join this blockade,” Petro said. Rubio told Reuters that the "
    "ships would stay in the Caribbean.\n"
    "\n"
    "“Nobody will leave this room until we agree on the text of a deal.”\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("quotes")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = str(folder / "q.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", path, "--published", "2026-02-03"])
    assert result.exit_code == 0, result.output
    return path


def _json_lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_quotes_lists_every_quote_with_its_speaker(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--db", db])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("2026-02-03  Gustavo Petro said: “Colombia will never join")
    assert "Marco Rubio told: the ships would stay in the Caribbean" in lines[1]
    assert "(no speaker): “Nobody will leave this room" in lines[2]
    assert all(line.endswith("article.txt]") for line in lines)


def test_quotes_speaker_filter_and_json(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--db", db, "--speaker", "rubio", "-f", "json"])
    assert result.exit_code == 0, result.output
    (record,) = _json_lines(result.stdout)
    assert record["speaker_actor_id"] == "person:marco-rubio"
    assert record["kind"] == "indirect" and record["cue"] == "told"
    day = "2026-02-03"
    assert record["date"] == {
        "value": day,
        "earliest": day,
        "latest": day,
        "precision": "day",
        "origin": "user",
    }
    assert str(record["id"]).startswith("q_") and str(record["source"]).endswith("article.txt")
    text = ARTICLE  # the span indexes the stored (unmodified) text
    assert text[int(str(record["start"])) : int(str(record["end"]))] == record["text"]
    nobody = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Nobody At All"])
    assert nobody.exit_code == 0 and nobody.stdout.strip() == "no quotes"


def test_quotes_export_as_jsonl_and_csv(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "quotes", "--db", db])
    assert result.exit_code == 0, result.output
    records = _json_lines(result.stdout)
    assert [r["kind"] for r in records] == ["direct", "indirect", "direct"]
    assert records[0]["about"] == ["COL"]
    out = tmp_path / "quotes.csv"
    saved = runner.invoke(app, ["export", "quotes", "--db", db, "-f", "csv", "-o", str(out)])
    assert saved.exit_code == 0 and "3 quotes written" in saved.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["speaker"] == "Gustavo Petro" and rows[0]["date"] == "2026-02-03"
    assert rows[0]["about"] == "COL" and rows[2]["speaker"] == ""


def test_actors_table(db: str) -> None:
    result = runner.invoke(app, ["actors", "--db", db])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "name", "kind", "country", "sectors", "events"]
    petro = next(row for row in rows if row.startswith("person:gustavo-petro "))
    assert "Gustavo Petro" in petro and " person " in petro and " COL " in petro
    assert int(petro.split()[-1]) >= 1  # the meeting, at least


def test_actor_details(db: str) -> None:
    result = runner.invoke(app, ["actors", "Petro", "--db", db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Gustavo Petro  [person:gustavo-petro]")
    assert "kind: person; country: COL" in out and "quotes: 1" in out
    assert "President of Colombia (COL, GOV), 2022-08-07 – …" in out
    assert "aliases: Petro" in out
    (meeting,) = [line for line in out.splitlines() if "CONSULT" in line]
    assert meeting.split()[:4] == ["2026-02-02", "CONSULT", "actor", "asserted"]  # Monday
    assert "with Marco Rubio" in meeting


def test_actor_details_as_json_and_the_actors_export(db: str) -> None:
    result = runner.invoke(app, ["actors", "person:marco-rubio", "--db", db, "-f", "json"])
    (record,) = _json_lines(result.stdout)
    assert record["name"] == "Marco Rubio" and record["num_quotes"] == 1
    assert record["roles"][0]["start"] == "2025-01-21"
    assert ("CONSULT", ["recipient"]) in [(e["type"], e["roles"]) for e in record["events"]]
    export = runner.invoke(app, ["export", "actors", "--db", db, "-f", "csv"])
    assert export.exit_code == 0, export.output
    rows = list(csv.DictReader(io.StringIO(export.stdout)))
    rubio = next(r for r in rows if r["id"] == "person:marco-rubio")
    assert int(rubio["num_events"]) >= 1 and rubio["code"] == "USA"
    assert "Secretary of State of the United States 2025-01-21/" in rubio["roles"]


def test_unknown_actor_and_missing_store(db: str, tmp_path: Path) -> None:
    unknown = runner.invoke(app, ["actors", "Nobody At All", "--db", db])
    assert unknown.exit_code == 1 and "no actor named" in unknown.output
    for command in (["quotes"], ["actors"]):
        missing = runner.invoke(app, [*command, "--db", str(tmp_path / "none.db")])
        assert missing.exit_code == 2 and "no store" in missing.output
