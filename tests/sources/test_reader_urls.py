"""URL lists: fetched politely from a local site (127.0.0.1 only), failures as records."""

from __future__ import annotations

import itertools
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dateline.model import RawDocument
from dateline.sources import FetchPolicy, Limits, expected_documents, iter_raw_documents
from dateline.sources.fetch import USER_AGENT, Fetcher, FetchError
from dateline.sources.urls import url_lines

if TYPE_CHECKING:
    from conftest import Site

ARTICLE = (
    b"<html><head><title>Envoys resume talks</title></head><body><article>"
    b"<p>A delegation of United States officials met President Maduro on Saturday.</p>"
    b"</article></body></html>"
)
FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local Wire</title>
<item><title>Strikes considered</title><link>/2026/strikes</link>
<pubDate>Thu, 15 Jan 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Officials said strikes were being considered.&lt;/p&gt;</description></item>
</channel></rss>"""
HTML = {"Content-Type": "text/html; charset=utf-8"}
FAST = FetchPolicy(delay=0.0, timeout=2.0)


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    # Requests must go straight to the local site, whatever this machine's settings.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def _list(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "reading.urls"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(path: Path, policy: FetchPolicy = FAST, max_bytes: int = 100_000) -> list[RawDocument]:
    return list(iter_raw_documents([path], Limits(max_bytes=max_bytes, fetch=policy)))


def test_pages_and_feeds_are_fetched_and_failures_recorded(tmp_path: Path, site: Site) -> None:
    site.add("/robots.txt", b"User-agent: *\nDisallow: /private\n")
    page = site.add("/news/talks", ARTICLE, headers=HTML)
    old = site.add("/old", status=301, headers={"Location": "/news/talks"})
    feed = site.add("/feed", FEED, headers={"Content-Type": "application/rss+xml"})
    hidden = site.add("/private/memo", ARTICLE, headers=HTML)
    sneaky = site.add("/to-private", status=302, headers={"Location": "/private/memo"})
    json = site.add("/data.json", b"{}", headers={"Content-Type": "application/json"})
    missing = site.base + "/missing"
    path = _list(
        tmp_path, "# reading list", "", page, f"{old}   # moved", feed, hidden, sneaky,
        missing, json, "not a url", "ftp://files.example.org/a.html",
    )  # fmt: skip
    talks, moved, entry, *errors = _read(path)
    assert (talks.source, talks.url, talks.error) == (page, page, None)
    assert talks.title == "Envoys resume talks"
    assert talks.text == "A delegation of United States officials met President Maduro on Saturday."
    # A redirect is followed; the document says where it was finally fetched from.
    assert (moved.source, moved.url, moved.text) == (old, page, talks.text)
    assert (entry.source, entry.title, entry.publisher) == (f"{feed}#1", "Strikes considered",
                                                            "Local Wire")  # fmt: skip
    assert entry.url == site.base + "/2026/strikes"  # resolved against the feed's URL
    assert entry.text == "Officials said strikes were being considered."
    assert entry.published == "2026-01-15T10:00:00+00:00"
    assert [(e.source, e.error) for e in errors] == [
        (hidden, f"line 6: disallowed by robots.txt: {hidden}"),
        (sneaky, f"line 7: disallowed by robots.txt: {hidden}"),
        (missing, f"line 8: HTTP 404 Not Found for {missing}"),
        (json, "not a page or feed (Content-Type 'application/json')"),
        (f"{path}#10", "line 10: not an http(s) URL: 'not a url'"),
        ("ftp://files.example.org/a.html",
         "line 11: not an http(s) URL: 'ftp://files.example.org/a.html'"),
    ]  # fmt: skip
    # robots.txt read once for the host; the disallowed page never requested.
    assert site.paths().count("/robots.txt") == 1
    assert "/private/memo" not in site.paths()
    assert {request.user_agent for request in site.requests} == {USER_AGENT}
    assert USER_AGENT.startswith("dateline/")


def test_requests_to_one_host_wait_their_turn(tmp_path: Path, site: Site) -> None:
    urls = [site.add(f"/{n}", ARTICLE, headers=HTML) for n in range(3)]
    _read(_list(tmp_path, *urls), FetchPolicy(delay=0.2, timeout=2.0))
    assert site.paths() == ["/robots.txt", "/0", "/1", "/2"]  # robots.txt: a 404, all allowed
    times = [request.at for request in site.requests]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.19, gaps


def test_crawl_delay_is_honoured_up_to_a_cap(site: Site) -> None:
    site.add("/robots.txt", b"User-agent: dateline\nCrawl-delay: 3600\n")
    first, second = site.add("/a", ARTICLE, headers=HTML), site.add("/b", ARTICLE, headers=HTML)
    waits: list[float] = []
    policy = FetchPolicy(delay=0.0, timeout=2.0, max_crawl_delay=7.0)
    with Fetcher(policy, 100_000, sleep=waits.append) as fetcher:
        fetcher.fetch(first)
        fetcher.fetch(second)
    # Waits before /a (after robots.txt) and before /b: 7 s each, not an hour.
    assert len(waits) == 2 and all(6.5 < wait <= 7.0 for wait in waits), waits


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (404, None),  # no robots.txt: everything allowed
        (410, None),
        (403, "robots.txt answered HTTP 403 Forbidden: site not fetched"),
        (503, "robots.txt unreachable (HTTP 503 Service Unavailable): site not fetched"),
    ],
)
def test_robots_txt_answers(tmp_path: Path, site: Site, status: int, error: str | None) -> None:
    site.add("/robots.txt", b"whatever", status=status)
    page = site.add("/page", ARTICLE, headers=HTML)
    (raw,) = _read(_list(tmp_path, page))
    assert raw.error == (error and f"line 1: {error}")
    assert ("/page" in site.paths()) == (error is None)


def test_a_slow_server_times_out_and_the_list_goes_on(tmp_path: Path, site: Site) -> None:
    slow = site.add("/slow", ARTICLE, headers=HTML, stall=10)
    fine = site.add("/fine", ARTICLE, headers=HTML)
    timed_out, ok = _read(_list(tmp_path, slow, fine), FetchPolicy(delay=0.0, timeout=0.3))
    assert timed_out.error == "line 1: timed out after 0.3 s"
    assert ok.error is None


def test_redirect_loops_end(tmp_path: Path, site: Site) -> None:
    loop = site.add("/loop", status=302, headers={"Location": "/loop"})
    (raw,) = _read(_list(tmp_path, loop), FetchPolicy(delay=0.0, timeout=2.0, max_redirects=3))
    assert raw.error == "line 1: too many redirects (more than 3)"
    assert site.paths().count("/loop") == 4


@pytest.mark.parametrize("declared", [True, False])
def test_large_responses_are_refused(tmp_path: Path, site: Site, declared: bool) -> None:
    big = site.add("/big", b"<p>" + b"x" * 50_000 + b"</p>", headers=HTML, length=declared)
    (raw,) = _read(_list(tmp_path, big), max_bytes=10_000)
    assert raw.error is not None
    assert raw.error.startswith("line 1: response too large: ")
    assert raw.error.endswith("bytes (limit 10000)")


def test_a_refused_connection_is_recorded(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (raw,) = _read(_list(tmp_path, f"http://127.0.0.1:{port}/page"))
    assert raw.error is not None and raw.error.startswith("line 1: cannot connect: ")
    assert raw.error.endswith(
        f"(reading http://127.0.0.1:{port}/robots.txt; nothing fetched from the site)"
    )


def test_only_url_lists_are_fetched(tmp_path: Path, site: Site) -> None:
    page = site.add("/page", ARTICLE, headers=HTML)
    (tmp_path / "links.txt").write_text(f"{page}\n", encoding="utf-8")
    (tmp_path / "links.jsonl").write_text(f'{{"text": "see", "url": "{page}"}}\n')
    (tmp_path / "links.html").write_text(f'<p><a href="{page}">{page}</a></p>\n')
    raws = list(iter_raw_documents([tmp_path]))
    assert len(raws) == 3
    assert site.requests == []


def test_url_lines_skip_comments_but_keep_fragments() -> None:
    text = "# list\n\n  https://a.example/x#part \nhttps://b.example/y  # note\n#https://c/\n"
    assert url_lines(text) == [(3, "https://a.example/x#part"), (4, "https://b.example/y")]
    assert expected_documents([Path("any.urls")]) is None  # a feed URL gives many


def test_fetcher_checks_each_url() -> None:
    with Fetcher(FAST, 1000) as fetcher, pytest.raises(FetchError, match="not an http"):
        fetcher.fetch("http://127.0.0.1:99999/")  # port out of range
