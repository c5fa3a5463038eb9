"""RSS/Atom reader: entries as documents, feed metadata, unsafe XML refused, no network."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import pytest
from defusedxml.ElementTree import fromstring

from dateline.model import RawDocument
from dateline.sources import Limits, expected_documents, iter_raw_documents
from dateline.sources.xmlsafe import ENTITIES, EXTERNAL

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
RSS = FIXTURES / "feed.rss"
ATOM = FIXTURES / "feed.atom"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "ha">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&i;</title><description>&i;</description></item>
</channel></rss>
"""


def _item_feed(prolog: str, title: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{prolog}\n<rss version="2.0"><channel><title>T</title>'
        f"<item><title>{title}</title><description>Body text here.</description></item>"
        "</channel></rss>\n"
    ).encode()


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Fails any attempt to open a connection; returns the attempts."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network use in a test that must stay offline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_rss_entries_become_documents_with_feed_metadata() -> None:
    first, second, headline = iter_raw_documents([RSS])
    assert first.error is None
    assert first.source == f"{RSS}#1"
    assert first.title == "Envoys resume talks in Caracas"
    assert first.url == "https://news.example.org/2022/03/envoys-resume-talks"
    assert first.author == "Maria Ortega"
    assert first.publisher == "Harbor Daily: Americas"
    # The day it was written where it was written (UTC already says 8 March).
    assert (first.published, first.published_origin) == ("2022-03-07T22:30:00-05:00", "metadata")
    # content:encoded (the article) wins over the teaser, through the HTML extractor.
    assert first.text == (
        "A delegation of United States officials met President Nicolás Maduro in Caracas on "
        "Saturday.\nThe talks covered energy supplies & the release of detained Americans, "
        "the officials said."
    )
    assert second.text == "The Treasury said it would review the oil sanctions."
    assert second.title == "Sanctions review <update>"
    assert second.published == "2022-03-08T09:00:00+00:00"
    # A headline-only entry has no text to read: empty, so screening skips it as such.
    assert (headline.text, headline.error, headline.title) == ("", None, "Headline only")
    assert (headline.published, headline.published_origin) == (None, "unknown")


def test_atom_entries_take_content_published_date_and_plain_titles() -> None:
    first, second = iter_raw_documents([ATOM])
    assert first.text == (
        "CIA Director John Ratcliffe met Delcy Rodriguez in Caracas on January 15, 2026.\n"
        "The meeting lasted two hours, officials said."
    )
    assert first.published == "2026-01-15T23:10:00-04:00"  # published, not updated
    assert (first.author, first.publisher) == ("Luis Peña", "Gulf Wire")
    assert first.url == "https://wire.example.com/2026/01/ratcliffe-caracas"
    # type="text" content is the text itself, entities decoded, nothing extracted.
    assert second.text == "Officials in Caracas said on Friday that talks would go on & widen."
    assert second.published == "2026-01-16T06:00:00+00:00"  # only updated is given


def test_entity_expansion_is_refused_quickly(tmp_path: Path) -> None:
    bomb = tmp_path / "laughs.rss"
    bomb.write_bytes(BILLION_LAUGHS)
    started = time.monotonic()
    (raw,) = iter_raw_documents([bomb])
    assert time.monotonic() - started < 2
    assert raw == RawDocument(source=str(bomb), error=ENTITIES)


def test_a_single_internal_entity_is_refused_too(tmp_path: Path) -> None:
    # Quadratic blow-up needs no nesting: one big entity referenced many times.
    path = tmp_path / "quad.rss"
    big = "x" * 10_000
    path.write_bytes(_item_feed(f'<!DOCTYPE rss [<!ENTITY a "{big}">]>', "&a;" * 1000))
    (raw,) = iter_raw_documents([path])
    assert raw.error == ENTITIES


def test_external_entities_are_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    path = tmp_path / "xxe.rss"
    uri = secret.as_uri()
    path.write_bytes(_item_feed(f'<!DOCTYPE rss [<!ENTITY s SYSTEM "{uri}">]>', "&s;"))
    (raw,) = iter_raw_documents([path])
    assert raw.error in (ENTITIES, EXTERNAL)
    assert "TOP-SECRET" not in repr(raw)


def test_entities_in_malformed_xml_are_refused(tmp_path: Path) -> None:
    # Broken before the doctype ends, so the strict check never reaches the declaration.
    path = tmp_path / "broken.rss"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE rss [ % <!ENTITY a "x">]>'
        b'<rss version="2.0"><channel><item><title>&a;</title></item></channel></rss>'
    )
    with pytest.raises(ParseError):  # the strict parser indeed gives up before it
        fromstring(path.read_bytes())
    (raw,) = iter_raw_documents([path])
    assert raw.error == ENTITIES


def test_malformed_but_harmless_feeds_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "loose.rss"
    path.write_bytes(_item_feed("", "AT&T wins a contract"))  # a bare "&": not XML
    (raw,) = iter_raw_documents([path])
    assert raw.error is None
    assert raw.title is not None and raw.title.startswith("AT&T")
    assert raw.text == "Body text here."


def test_reading_a_feed_never_uses_the_network(tmp_path: Path, no_network: list[Any]) -> None:
    # An external DTD (RSS 0.91's) and links everywhere: nothing may be fetched.
    path = tmp_path / "netscape.rss"
    path.write_bytes(
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
        b'0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b'<rss version="0.91"><channel><title>Old</title><link>http://example.org/</link>'
        b"<item><title>Talks</title><link>http://example.org/a</link>"
        b'<description>&lt;img src="http://example.org/x.png"&gt;Envoys met.</description>'
        b"</item></channel></rss>"
    )
    (raw,) = iter_raw_documents([path])
    assert (raw.error, raw.text, raw.url) == (None, "Envoys met.", "http://example.org/a")
    assert no_network == []


def test_xml_files_are_read_when_they_are_feeds(tmp_path: Path) -> None:
    (tmp_path / "news.xml").write_bytes(ATOM.read_bytes())
    (tmp_path / "sitemap.xml").write_bytes(
        b'<?xml version="1.0"?><!-- a <feed> in a comment --><urlset><url/></urlset>'
    )
    # In a folder, an XML file that is not a feed is passed over like README.md ...
    sources = [raw.source for raw in iter_raw_documents([tmp_path])]
    assert sources == [f"{tmp_path}/news.xml#1", f"{tmp_path}/news.xml#2"]
    # ... but named explicitly it is reported.
    (raw,) = iter_raw_documents([tmp_path / "sitemap.xml"])
    assert raw.error == "XML file is not an RSS or Atom feed (its root element is <urlset>)"
    assert expected_documents([tmp_path / "news.xml"]) is None  # many documents per file


def test_a_file_that_is_no_feed_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "junk.rss"
    path.write_bytes(b"this is not XML at all")
    (raw,) = iter_raw_documents([path])
    assert raw.error is not None and raw.error.startswith("not a readable feed")


def test_a_feed_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    (raw,) = iter_raw_documents([RSS], Limits(max_bytes=100))
    assert raw.error == f"file too large: {RSS.stat().st_size} bytes (limit 100)"


def test_one_bad_entry_does_not_lose_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.extract

    real = dateline.extract.html_to_raw

    def flaky(data: bytes | str, source: str) -> RawDocument:
        if source.endswith("#1"):
            raise ValueError("markup from another planet")
        return real(data, source)

    monkeypatch.setattr(dateline.extract, "html_to_raw", flaky)
    first, second, _ = iter_raw_documents([RSS])
    assert first == RawDocument(
        source=f"{RSS}#1", error="feed entry 1: ValueError: markup from another planet"
    )
    assert second.text == "The Treasury said it would review the oil sanctions."


def test_missing_or_odd_entry_dates(tmp_path: Path) -> None:
    path = tmp_path / "dates.rss"
    path.write_bytes(
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>A</title><pubDate></pubDate><description>One.</description></item>"
        b"<item><title>B</title><pubDate>15 January 2026</pubDate><description>Two."
        b"</description></item></channel></rss>"
    )
    empty, written = iter_raw_documents([path])  # and no DeprecationWarning from feedparser
    assert (empty.published, empty.published_origin, empty.text) == (None, "unknown", "One.")
    # Neither RFC 822 nor ISO 8601, but feedparser's date parsers know it.
    assert (written.published, written.published_origin) == ("2026-01-15", "metadata")
