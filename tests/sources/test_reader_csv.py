"""CSV reader: date,text or published,text columns, one record per row."""

from __future__ import annotations

from pathlib import Path

from dateline.model import RawDocument
from dateline.sources import iter_raw_documents

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "sources" / "rows.csv"


def test_rows_become_records() -> None:
    raws = list(iter_raw_documents([FIXTURE]))
    path = str(FIXTURE)
    assert raws[0] == RawDocument(
        source=f"{path}#v1",
        text="Envoys met in Caracas on Saturday.\nThey talked for hours.",
        title="Envoys meet",
        url="https://news.example.org/a",
        published="2022-03-05",
        size=len(b"Envoys met in Caracas on Saturday.\nThey talked for hours."),
    )
    assert (raws[1].source, raws[1].text, raws[1].published, raws[1].title) == (
        f"{path}#2",
        "Officials said a second round was not scheduled.",
        "2022-03-07",
        None,
    )
    assert len(raws) == 2


def test_date_column_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("date,text\n2026-01-15,Ratcliffe visited Caracas.\n,\n", encoding="utf-8")
    assert [(r.source, r.published, r.text) for r in iter_raw_documents([path])] == [
        (f"{path}#1", "2026-01-15", "Ratcliffe visited Caracas.")
    ]


def test_wrong_header_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("when,body\n2026-01-15,Hello\n", encoding="utf-8")
    assert list(iter_raw_documents([path])) == [
        RawDocument(
            source=str(path),
            error="CSV header needs a 'text' column and a 'date' or 'published' column"
            " (found: 'when', 'body')",
        )
    ]


def test_empty_csv_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(b"")
    assert [r.error for r in iter_raw_documents([path])] == ["CSV file has no header row"]


def test_texts_longer_than_the_default_field_limit(tmp_path: Path) -> None:
    long_text = "Officials met again. " * 10_000  # 210,000 characters > csv's 131,072
    path = tmp_path / "l.csv"
    path.write_text(f'published,text\n2022-03-05,"{long_text}"\n', encoding="utf-8")
    (raw,) = iter_raw_documents([path])
    assert raw.text == long_text


def test_cp1252_csv(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("date,text\n2022-03-05,The caf\u00e9 reopened.\n".encode("cp1252"))
    assert [r.text for r in iter_raw_documents([path])] == ["The caf\u00e9 reopened."]
