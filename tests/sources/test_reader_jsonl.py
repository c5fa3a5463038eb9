"""JSON Lines reader: one record per line; a bad line does not stop the file."""

from __future__ import annotations

from pathlib import Path

from dateline.model import RawDocument
from dateline.sources import iter_raw_documents

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "sources" / "records.jsonl"


def test_records_bad_lines_and_sources() -> None:
    raws = list(iter_raw_documents([FIXTURE]))
    path = str(FIXTURE)
    bad_column = FIXTURE.read_text(encoding="utf-8").splitlines()[2].index("oops") + 1
    assert [(r.source, r.error) for r in raws] == [
        (f"{path}#talks-1", None),
        ("wire:2022-03-07:77", None),
        (f"{path}#3", "invalid JSON on line 3: Expecting property name enclosed in double quotes"
                      f" (column {bad_column})"),
        (f"{path}#5", None),
        (f"{path}#6", "line 6: expected a JSON object, got list"),
        (f"{path}#7", "line 7: has no 'text' field"),
    ]  # fmt: skip
    first = raws[0]
    assert first == RawDocument(
        source=f"{path}#talks-1",
        text="Envoys met in Caracas on Saturday.",
        title="Envoys meet",
        url="https://news.example.org/a",
        publisher="Harbor Daily",
        author="Maria Ortega",
        published="2022-03-05",
        size=len(FIXTURE.read_bytes().splitlines(keepends=True)[0]),
    )
    assert raws[3].published == "2022"  # a bare year given as a number


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "One\\r\\nTwo"}\r\n{"text": "Three"}\r\n')
    assert [r.text for r in iter_raw_documents([path])] == ["One\nTwo", "Three"]


def test_binary_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"text": "x"}\n\x00\x00\x00')
    assert list(iter_raw_documents([path])) == [
        RawDocument(source=str(path), error="binary file (not text)")
    ]
