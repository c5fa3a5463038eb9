"""Plain-text reader and the decoding rules every reader shares."""

from __future__ import annotations

from pathlib import Path

from dateline.model import RawDocument
from dateline.sources import Limits, iter_raw_documents

ARTICLE = "\n  Talks resume in Caracas  \nEnvoys met on Saturday.\n"


def _read(path: Path, limits: Limits | None = None) -> RawDocument:
    (raw,) = iter_raw_documents([path], limits)
    return raw


def test_text_is_the_whole_file_and_title_its_first_non_empty_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    raw = _read(path)
    assert raw.text == ARTICLE
    assert raw.title == "Talks resume in Caracas"
    assert raw.text.index("Talks") == 3  # spans count from the start of the file
    assert (raw.source, raw.size, raw.error, raw.published) == (
        str(path),
        len(ARTICLE.encode("utf-8")),
        None,
        None,
    )


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\nBody\n")
    raw = _read(path)
    assert (raw.text, raw.title) == ("Headline\nBody\n", "Headline")


def test_utf16_with_bom_is_decoded_not_taken_for_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Caf\u00e9 talks\n".encode("utf-16"))
    assert _read(path).text == "Caf\u00e9 talks\n"


def test_invalid_utf8_falls_back_to_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "The \u201cnew\u201d caf\u00e9 opened \u2014 officials said.\n"
    path.write_bytes(text.encode("cp1252"))
    assert _read(path).text == text


def test_crlf_line_ends_become_lf(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes(b"Headline\r\nBody one.\r\nBody two.\r\n")
    assert _read(path).text == "Headline\nBody one.\nBody two.\n"


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert _read(path) == RawDocument(source=str(path), error="binary file (not text)")


def test_control_characters_without_nul_are_binary_too(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(b"ab\x01\x02\x03\x04\x05\x06\x07\x08" * 20)
    assert _read(path).error == "binary file (not text)"


def test_empty_file_reads_as_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    raw = _read(path)
    assert (raw.text, raw.title, raw.error) == ("", None, None)


def test_oversized_file_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 101, encoding="utf-8")
    raw = _read(path, Limits(max_bytes=100))
    assert raw == RawDocument(source=str(path), error="file too large: 101 bytes (limit 100)")
    path.write_text("x" * 100, encoding="utf-8")
    assert _read(path, Limits(max_bytes=100)).text == "x" * 100
