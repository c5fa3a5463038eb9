"""iter_raw_documents: walking folders, naming sources, and never raising for bad input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.model import RawDocument
from dateline.sources import Limits, iter_raw_documents, readers


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("Alpha\n", encoding="utf-8")
    (root / "b" / "c.txt").write_text("Gamma\n", encoding="utf-8")
    (root / "b" / "a.htm").write_text("<p>Beta page</p>", encoding="utf-8")
    (root / "c.jsonl").write_text('{"text": "Delta"}\n', encoding="utf-8")
    (root / "README.md").write_text("# notes\n", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / ".hidden.txt").write_text("Hidden\n", encoding="utf-8")
    (root / ".cache").mkdir()
    (root / ".cache" / "d.txt").write_text("Cached\n", encoding="utf-8")


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path / "in")
    sources = [raw.source for raw in iter_raw_documents([tmp_path / "in"])]
    root = str(tmp_path / "in")
    assert sources == [
        f"{root}/a.txt",
        f"{root}/b/a.htm",
        f"{root}/b/c.txt",
        f"{root}/c.jsonl#1",
    ]


def test_paths_are_read_in_the_order_given_and_sources_keep_the_given_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    sources = [raw.source for raw in iter_raw_documents(["in/c.jsonl", "in/b"])]
    assert sources == ["in/c.jsonl#1", "in/b/a.htm", "in/b/c.txt"]


def test_an_explicit_file_of_unsupported_type_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n", encoding="utf-8")
    raws = list(iter_raw_documents([tmp_path / "notes.md", tmp_path / "Makefile"]))
    assert [(r.text, r.error) for r in raws] == [
        (None, "unsupported file type '.md'"),
        (None, "unsupported file type '(none)'"),
    ]


def test_a_missing_path_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine\n", encoding="utf-8")
    raws = list(iter_raw_documents(["no/such/file.txt", tmp_path / "ok.txt"]))
    assert raws[0] == RawDocument(source="no/such/file.txt", error="no such file or directory")
    assert (raws[1].text, raws[1].error) == ("Fine\n", None)


def test_a_dangling_symlink_inside_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (raw,) = iter_raw_documents([tmp_path / "in"])
    assert (raw.source, raw.error) == (
        str(tmp_path / "in" / "gone.txt"),
        "no such file or directory",
    )


def test_a_reader_that_breaks_becomes_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, limits: Limits) -> Iterator[RawDocument]:
        yield RawDocument(source=f"{path}#1", text="first record")
        raise RuntimeError("parser exploded")

    monkeypatch.setitem(readers._items, ".txt", broken)
    (tmp_path / "x.txt").write_text("whatever", encoding="utf-8")
    (tmp_path / "y.jsonl").write_text('{"text": "still read"}\n', encoding="utf-8")
    raws = list(iter_raw_documents([tmp_path / "x.txt", tmp_path / "y.jsonl"]))
    assert [(r.text, r.error) for r in raws] == [
        ("first record", None),
        (None, "cannot read file: RuntimeError: parser exploded"),
        ("still read", None),
    ]


def test_registered_suffixes() -> None:
    assert {".txt", ".html", ".htm", ".jsonl", ".csv"} <= set(readers)


def test_expected_documents_counts_single_document_files(tmp_path: Path) -> None:
    from dateline.sources import expected_documents

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "two.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert expected_documents([tmp_path]) == 2
    (tmp_path / "many.jsonl").write_text("{}\n", encoding="utf-8")
    assert expected_documents([tmp_path]) is None
