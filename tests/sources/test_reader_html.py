"""HTML reader and extractor: main text without page furniture, metadata, date."""

from __future__ import annotations

from pathlib import Path

from dateline.extract import html_to_raw
from dateline.model import RawDocument
from dateline.sources import iter_raw_documents

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "sources" / "article.html"


def test_article_text_and_metadata() -> None:
    (raw,) = iter_raw_documents([FIXTURE])
    assert raw.error is None
    assert raw.source == str(FIXTURE)
    assert raw.title == "Envoys resume talks in Caracas"
    assert raw.author == "Maria Ortega"
    assert raw.publisher == "Harbor Daily"
    assert raw.url == "https://news.example.org/2022/03/envoys-resume-talks"
    assert (raw.published, raw.published_origin) == ("2022-03-07", "metadata")
    assert raw.size == FIXTURE.stat().st_size
    text = raw.text or ""
    assert "President Nicolás Maduro, the first such visit in years" in text
    assert text.rstrip().endswith("the officials added on Monday.")
    for furniture in ("SCRIPT-MUST-NOT-APPEAR", "trackingToken", "Home", "rights reserved"):
        assert furniture not in text


def test_paragraphs_are_separate_lines() -> None:
    text = html_to_raw(FIXTURE.read_bytes(), "a.html").text or ""
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[1].startswith("A delegation of United States officials")
    assert lines[2].startswith("The talks covered energy supplies")


def test_a_page_without_metadata_has_none() -> None:
    raw = html_to_raw("<html><body><p>Envoys met on Saturday.</p></body></html>", "b.html")
    assert (raw.text, raw.author, raw.url, raw.publisher) == (
        "Envoys met on Saturday.",
        None,
        None,
        None,
    )
    assert (raw.published, raw.published_origin) == (None, "unknown")


def test_xml_declared_xhtml_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Hello there.</p></body></html>'
    assert html_to_raw(page.encode("utf-8"), "c.xhtml").text == "Hello there."


def test_binary_and_empty_pages() -> None:
    assert html_to_raw(b"\x00\x01\x02garbage", "d.html") == RawDocument(
        source="d.html", error="binary file (not text)", size=10
    )
    empty = html_to_raw(b"", "e.html")
    assert (empty.text, empty.error) == ("", None)
