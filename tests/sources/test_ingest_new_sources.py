"""The new input kinds end to end: `dateline ingest` on a feed, an archive and a URL list."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.cli import app

if TYPE_CHECKING:
    from conftest import Site

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
PAGE = (
    b"<html><head><title>Ratcliffe in Caracas</title>"
    b'<meta property="article:published_time" content="2026-01-16"></head><body><article>'
    b"<p>CIA Director John Ratcliffe met Delcy Rodriguez in Caracas on January 15, 2026.</p>"
    b"</article></body></html>"
)


def _archive(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(PAGE)))],
            protocol="HTTP/1.1",
        )  # fmt: skip
        record = writer.create_warc_record(
            "https://cc.example/ratcliffe", "response", payload=io.BytesIO(PAGE),
            length=len(PAGE), http_headers=http,
        )  # fmt: skip
        writer.write_record(record)


@pytest.mark.slow
def test_ingest_feed_archive_and_url_list(tmp_path: Path, site: Site) -> None:
    site.add("/robots.txt", b"User-agent: *\nDisallow: /private\n")
    page = site.add("/story", PAGE.replace(b"Caracas on", b"Caracas, Venezuela, on"),
                    headers={"Content-Type": "text/html"})  # fmt: skip
    urls = tmp_path / "list.urls"
    urls.write_text(f"{page}\n{site.base}/private/x\n", encoding="utf-8")
    _archive(tmp_path / "news.warc.gz")
    db = str(tmp_path / "s.db")
    inputs = [str(FIXTURES / "feed.rss"), str(tmp_path / "news.warc.gz"), str(urls)]
    result = CliRunner().invoke(app, ["ingest", *inputs, "--db", db, "--fetch-delay", "0"])
    assert result.exit_code == 1, result.output  # the robots.txt refusal is a failure
    assert "disallowed by robots.txt" in result.output

    docs = CliRunner().invoke(app, ["export", "documents", "--db", db])
    records = {r["source"]: r for r in map(json.loads, docs.stdout.splitlines())}
    talks = records[f"{FIXTURES / 'feed.rss'}#1"]
    assert (talks["status"], talks["title"]) == ("ok", "Envoys resume talks in Caracas")
    # The feed's date, in the publisher's own time zone.
    assert talks["published"]["value"] == "2022-03-07"
    assert records[f"{FIXTURES / 'feed.rss'}#3"]["status"] == "skipped"  # headline only
    archived = next(r for r in records.values() if r["url"] == "https://cc.example/ratcliffe")
    assert archived["status"] == "ok" and archived["published"]["value"] == "2026-01-16"
    assert archived["num_events"] >= 1
    assert records[page]["status"] == "ok"
    assert records[f"{site.base}/private/x"]["status"] == "failed"
