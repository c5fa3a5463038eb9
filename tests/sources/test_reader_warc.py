"""WARC reader: HTML responses as documents; broken archives keep what was read."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.model import RawDocument
from dateline.sources import Limits, expected_documents, iter_raw_documents

PAGE = (
    "<html><head><title>{title}</title></head><body><article><p>{text}</p></article></body></html>"
)


def _page(title: str, text: str) -> bytes:
    return PAGE.format(title=title, text=text).encode("utf-8")


def _write(
    path: Path, records: list[tuple[str, str, str, bytes, list[tuple[str, str]]]]
) -> list[int]:
    """Writes (type, uri, status, body, headers) records; returns their offsets."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    offsets = []
    for record_type, uri, status, body, headers in records:
        offsets.append(buffer.tell())
        http = None
        if record_type in ("response", "request"):
            fields = [*headers, ("Content-Length", str(len(body)))]
            http = StatusAndHeaders(status, fields, protocol="HTTP/1.1", is_http_request=False)
        record = writer.create_warc_record(
            uri, record_type, payload=io.BytesIO(body), length=len(body), http_headers=http
        )
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return offsets


HTML = [("Content-Type", "text/html; charset=utf-8")]
ARTICLES = [
    ("response", "https://a.example/talks", "200 OK",
     _page("Talks", "Envoys met in Caracas on Saturday."), HTML),
    ("response", "https://a.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n",
     [("Content-Type", "image/png")]),
    ("response", "https://a.example/gone", "404 Not Found",
     _page("Not found", "Nothing here."), HTML),
    ("response", "https://a.example/moved", "301 Moved Permanently", b"",
     [*HTML, ("Location", "https://a.example/talks")]),
    ("metadata", "https://a.example/talks", "", b"fetchTimeMs: 12", []),
    ("response", "https://b.example/strikes", "200 OK",
     # Windows-1252 bytes with no charset given: the decode module works it out.
     "<html><body><p>Officials in Bogotá said the strikes were considered.</p></body></html>"
     .encode("cp1252"), [("Content-Type", "application/xhtml+xml")]),
]  # fmt: skip


@pytest.mark.parametrize("name", ["news.warc", "CC-NEWS-20260115-00001.warc.gz"])
def test_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets = _write(path, ARTICLES)
    raws = list(iter_raw_documents([path]))
    assert [(r.source, r.url, r.error) for r in raws] == [
        (f"{path}#{offsets[0]}", "https://a.example/talks", None),
        (f"{path}#{offsets[5]}", "https://b.example/strikes", None),
    ]
    assert (raws[0].title, raws[0].text) == ("Talks", "Envoys met in Caracas on Saturday.")
    assert raws[1].text == "Officials in Bogotá said the strikes were considered."
    # The offset in the source is the record's: an archive tool finds it there.
    with path.open("rb") as handle:
        handle.seek(offsets[5])
        record = next(iter(ArchiveIterator(handle)))
        assert record.rec_headers.get_header("WARC-Target-URI") == "https://b.example/strikes"


def test_gzip_encoded_bodies_are_decoded(tmp_path: Path) -> None:
    body = gzip.compress(_page("Zipped", "Troops massed near the border on Monday."))
    path = tmp_path / "zipped.warc.gz"
    _write(path, [("response", "https://c.example/z", "200 OK", body,
                   [*HTML, ("Content-Encoding", "gzip")])])  # fmt: skip
    (raw,) = iter_raw_documents([path])
    assert raw.text == "Troops massed near the border on Monday."


def _three(path: Path) -> tuple[list[int], bytes]:
    offsets = _write(path, [
        ("response", f"https://a.example/{n}", "200 OK",
         _page(f"Story {n}", f"Story number {n} is long enough to be read. " * 20), HTML)
        for n in range(3)
    ])  # fmt: skip
    return offsets, path.read_bytes()


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_an_archive_cut_inside_a_record_keeps_what_came_before(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets, data = _three(path)
    path.write_bytes(data[: len(data) - 100])  # inside the last record's page
    raws = list(iter_raw_documents([path]))
    assert [r.error for r in raws[:2]] == [None, None]
    assert [r.url for r in raws[:2]] == ["https://a.example/0", "https://a.example/1"]
    assert raws[2].source == f"{path}#{offsets[2]}"
    assert raws[2].error == (
        f"archive broken at byte {offsets[2]} (after 2 documents): archive ends inside this record"
    )
    assert len(raws) == 3


@pytest.mark.parametrize("name", ["headers.warc", "headers.warc.gz"])
def test_an_archive_cut_inside_record_headers_says_where(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets, data = _three(path)
    path.write_bytes(data[: offsets[1] + 40])  # a few bytes into the second record
    raws = list(iter_raw_documents([path]))
    assert [r.url for r in raws[:1]] == ["https://a.example/0"]
    assert len(raws) == 2
    assert raws[1].error is not None
    assert raws[1].error.startswith(f"archive broken at byte {offsets[1]} (after 1 document): ")


def test_a_corrupt_archive_yields_an_error_record_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.warc.gz"
    offsets, data = _three(path)
    start = offsets[1] + 20
    path.write_bytes(data[:start] + b"\x00garbage\xff" * 8 + data[start + 80 :])
    raws = list(iter_raw_documents([path]))
    assert raws[0].url == "https://a.example/0"
    assert raws[-1].error == f"archive broken at byte {offsets[1]} (after 1 document): " + (
        "Invalid WARC record"
    )
    assert all(r.error is None for r in raws[:-1])


def test_a_file_that_is_no_archive_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are notes, not an archive.\n", encoding="utf-8")
    (raw,) = iter_raw_documents([path])
    assert raw.error is not None
    assert raw.error.startswith("archive broken at byte 0 (after 0 documents): ")


def test_an_oversized_record_is_refused_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    big = _page("Big", "word " * 2000)
    offsets = _write(path, [
        ("response", "https://a.example/big", "200 OK", big, HTML),
        ("response", "https://a.example/small", "200 OK", _page("Small", "Short one."), HTML),
    ])  # fmt: skip
    big_raw, small = iter_raw_documents([path], Limits(max_bytes=5000))
    assert big_raw.source == f"{path}#{offsets[0]}"
    assert big_raw.url == "https://a.example/big"
    assert big_raw.error == "record too large: over 5000 bytes (limit 5000)"
    assert (small.error, small.text) == (None, "Short one.")


def test_warc_gz_is_one_suffix_to_the_registry(tmp_path: Path) -> None:
    _write(tmp_path / "a.warc.gz", ARTICLES[:1])
    _write(tmp_path / "b.2026.WARC.GZ", ARTICLES[:1])
    (tmp_path / "c.tar.gz").write_bytes(gzip.compress(b"not ours"))
    sources = [raw.source.split("#")[0] for raw in iter_raw_documents([tmp_path])]
    assert sources == [str(tmp_path / "a.warc.gz"), str(tmp_path / "b.2026.WARC.GZ")]
    (raw,) = iter_raw_documents([tmp_path / "c.tar.gz"])
    assert raw.error == "unsupported file type '.gz'"
    assert expected_documents([tmp_path / "a.warc.gz"]) is None


def test_a_bad_record_body_does_not_stop_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateline.extract

    path = tmp_path / "mixed.warc.gz"
    offsets = _write(path, [
        ("response", "https://c.example/bad-gzip", "200 OK", b"\x1f\x8b\x08\x00not gzip" * 3,
         [*HTML, ("Content-Encoding", "gzip")]),
        ("response", "https://c.example/odd", "200 OK", _page("Odd", "Odd page."), HTML),
        ("response", "https://c.example/ok", "200 OK", _page("Ok", "Fine text here."), HTML),
    ])  # fmt: skip
    real = dateline.extract.html_to_raw

    def flaky(data: bytes | str, source: str) -> RawDocument:
        if source.endswith(f"#{offsets[1]}"):
            raise ValueError("extractor tripped")
        return real(data, source)

    monkeypatch.setattr(dateline.extract, "html_to_raw", flaky)
    bad, odd, ok = iter_raw_documents([path])
    assert (bad.url, bad.error) == ("https://c.example/bad-gzip", "binary file (not text)")
    assert odd == RawDocument(
        source=f"{path}#{offsets[1]}",
        error="unreadable record (ValueError: extractor tripped)",
    )
    assert (ok.error, ok.text) == (None, "Fine text here.")
