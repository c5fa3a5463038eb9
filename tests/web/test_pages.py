"""The HTML pages over the demo store: real content, filters, escaping, error pages.

``client`` (``conftest.py``) is the app over the demo store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.store import Store
from dateline.web import create_app
from dateline.web._highlight import Span, highlight

from .conftest import TOKEN


@pytest.fixture(scope="module")
def ids(demo_store_path: Path) -> dict[str, str]:
    """Ids of the demo's landmark records."""
    with Store(demo_store_path) as store:
        coerce = max(store.events(types=["COERCE"]), key=lambda e: e.num_sources)
        meeting = store.events(actor="John Ratcliffe", types=["CONSULT"])[0]
        doc_id = store.event_mentions(meeting.id)[0].mention.doc_id
    return {"coerce": coerce.id, "meeting": meeting.id, "doc": doc_id}


@pytest.fixture(scope="module")
def hostile_client(hostile_store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(hostile_store_path)) as test_client:
        yield test_client


def entry_of(html: str, event_id: str) -> str:
    """The timeline entry (its <li>) of one event."""
    match = re.search(rf'<li class="entry [^"]*" data-event-id="{event_id}".*?</li>', html, re.S)
    assert match, f"no entry for {event_id}"
    return match.group(0)


def test_overview_counts_chart_and_latest_events(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert re.search(r'<span class="number">5</span> <a href="/documents">documents', html)
    assert "United States → Venezuela" in html  # the main dyad's chart panel
    assert '<svg class="dyad-chart"' in html and 'class="bar-cooperation"' in html
    assert "Latest events" in html and "John Ratcliffe" in html


def test_overview_chart_of_a_chosen_dyad_and_a_bad_one(client: TestClient) -> None:
    chosen = client.get("/", params={"a": "Russia", "b": "Venezuela", "by": "year"})
    assert chosen.status_code == 200 and "Russia – Venezuela, by year" in chosen.text
    unknown = client.get("/", params={"a": "Atlantis", "b": "VEN"})
    assert unknown.status_code == 400 and "Atlantis" in unknown.text
    assert client.get("/", params={"by": "fortnight"}).status_code == 400


def test_timeline_shows_the_ratcliffe_meeting_on_its_day(
    client: TestClient, ids: dict[str, str]
) -> None:
    html = client.get("/timeline").text
    day = re.search(r'<details class="group group-day" open data-level="days" id="day-2026-01-15">'
                    r".*?</details>", html, re.S)  # fmt: skip
    assert day, "no group for 15 January 2026"
    entry = entry_of(day.group(0), ids["meeting"])
    assert "CONSULT" in entry and "John Ratcliffe" in entry and "status-asserted" in entry


def test_timeline_marks_the_considered_strikes_as_planned(client: TestClient) -> None:
    html = client.get("/timeline").text
    planned = [e for e in re.findall(r'<li class="entry status-planned".*?</li>', html, re.S)
               if "ASSAULT" in e]  # fmt: skip
    assert planned, "no planned strike on the timeline"
    assert any("military actions against Venezuela" in e for e in planned)
    assert all('<span class="badge badge-planned"' in e for e in planned)


def test_timeline_filters_narrow_the_list(client: TestClient) -> None:
    every = client.get("/timeline").text
    consults = client.get("/timeline", params={"type": "CONSULT"}).text
    ratcliffe = client.get("/timeline", params={"actor": "Ratcliffe"}).text
    asserted = client.get("/timeline", params={"status": "asserted"}).text
    in_2026 = client.get("/timeline", params={"from": "2026-01-10", "to": "2026-01-31"}).text

    def count(html: str) -> int:
        return len(re.findall(r'<li class="entry ', html))

    assert count(consults) < count(every) and count(consults) > 0
    assert all("CONSULT" in e for e in re.findall(r'<li class="entry .*?</li>', consults, re.S))
    assert 0 < count(ratcliffe) < count(consults) + count(every)
    assert "status-planned" in every and "status-planned" not in asserted
    assert "status-negated" not in every  # negated only when asked for
    assert "status-negated" in client.get("/timeline", params={"status": "negated"}).text
    assert "2026-01-15" in in_2026 and "2026-06" not in re.sub(r"<[^>]+>", "", in_2026)


def test_timeline_links_its_atom_feed_with_the_same_filters(client: TestClient) -> None:
    html = client.get("/timeline", params={"actor": "Ratcliffe", "type": "CONSULT"}).text
    assert (
        'href="/feeds/events.atom?actor=Ratcliffe&amp;type=CONSULT'
        '&amp;status=asserted%2Cplanned%2Chypothetical"' in html
    )


def test_event_page_of_the_removal_operation(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get(f"/events/{ids['coerce']}")
    assert page.status_code == 200
    html = page.text
    assert "COERCE" in html and "Nicolás Maduro" in html
    assert '<span class="num-sources">2 sources</span>' in html
    mentions = re.findall(r'<li class="mention status-asserted">.*?</li>', html, re.S)
    sources = {m for m in re.findall(r'href="/documents/(doc_[0-9a-f]+)#span-\d+"', html)}
    assert len(mentions) >= 2 and len(sources) == 2  # both articles' reports
    assert 'class="hl hl-sentence"' in html and "hl-trigger" in html
    assert "precision day" in html and "material conflict" in html


def test_reader_highlights_spans_with_anchors(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get(f"/documents/{ids['doc']}").text
    assert re.search(r'<a class="hl hl-actor" href="/actors/person:john-ratcliffe" '
                     r'title="actor: John Ratcliffe[^"]*">', html)  # fmt: skip
    assert re.search(r'<mark class="hl hl-timex" title="DATE: 2026-01-15">January 15, 2026', html)
    assert f'href="/events/{ids["meeting"]}"' in html and "hl-event" in html
    assert re.search(r'<span class="anchor" id="span-\d+"></span>', html)


def test_actor_pages(client: TestClient) -> None:
    table = client.get("/actors").text
    assert 'href="/actors/person:john-ratcliffe"' in table
    page = client.get("/actors/person:nicolas-maduro")
    assert page.status_code == 200
    html = page.text
    assert "Roles over time" in html and "President" in html
    relations = html[html.index("<h2>Relations</h2>") : html.index("<h2>Events</h2>")]
    assert "United States" in relations
    by_name = client.get("/actors/Maduro")
    assert by_name.status_code == 200 and "<h1>Nicolás Maduro</h1>" in by_name.text


def test_graph_page_draws_actors_linked_to_their_pages(client: TestClient) -> None:
    html = client.get("/graph").text
    assert '<svg class="actor-graph"' in html
    assert '<a class="node node-country" href="/actors/USA">' in html
    assert "edge-conflict" in html and "edge-cooperation" in html
    assert "edge-unreal" not in html  # asserted events only by default
    assert "edge-unreal" in client.get("/graph", params={"status": "planned"}).text


def test_documents_list_and_search(client: TestClient) -> None:
    listing = client.get("/documents").text
    assert listing.count('<a href="/documents/doc_') == 5
    found = client.get("/search", params={"q": "Ratcliffe"}).text
    assert "Ratcliffe&#39;s Diplomatic Mission" in found or "Ratcliffe's Diplomatic" in found
    assert '<mark class="hl hl-match" title="">Ratcliffe</mark>' in found
    assert "No document matches" in client.get("/search", params={"q": "zyzzyva"}).text


@pytest.mark.parametrize(
    "path",
    ["/events/ev_000000000000", "/actors/nobody-at-all", "/documents/doc_0000",
     "/events/%3Cscript%3E", "/actors/%22%3E%3Cscript%3E"],
)  # fmt: skip
def test_unknown_ids_give_a_404_page(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert "Not found" in page.text and "<script>" not in page.text


def test_a_path_outside_the_pages_is_a_404_not_an_error(client: TestClient) -> None:
    assert client.get("/documents/..%2F..%2Fetc%2Fpasswd").status_code == 404


@pytest.mark.parametrize(
    "params",
    [{"from": "2026-13"}, {"to": "yesterday"}, {"type": "BOMB"}, {"status": "rumoured"}],
)
def test_bad_timeline_parameters_give_a_readable_400(
    client: TestClient, params: dict[str, str]
) -> None:
    page = client.get("/timeline", params=params)
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html")
    assert "Bad request" in page.text and "Traceback" not in page.text


def test_bad_paging_gives_a_400_page(client: TestClient) -> None:
    assert client.get("/documents", params={"limit": "lots"}).status_code == 400
    assert client.get("/documents", params={"offset": "-1"}).status_code == 400


def test_hostile_article_renders_escaped_everywhere(hostile_client: TestClient) -> None:
    found = hostile_client.get("/search", params={"q": "sanctions Treasury"}).text
    doc_id = re.search(r'href="/documents/(doc_[0-9a-f]+)"', found)
    assert doc_id, "the hostile article is not found"
    reader = hostile_client.get(f"/documents/{doc_id.group(1)}").text
    event_ids = set(re.findall(r'href="/events/(ev_[0-9a-f]+)"', reader))
    assert event_ids, "the hostile article reports no event"
    pages = [found, reader, hostile_client.get("/timeline", params={"from": "2026-03"}).text,
             hostile_client.get("/documents").text]  # fmt: skip
    pages += [hostile_client.get(f"/events/{eid}").text for eid in sorted(event_ids)]
    for html in pages:
        assert "<script>window" not in html and "<script>alert" not in html
        assert "<img" not in html and "<svg onload" not in html
        assert not re.search(r"<[^>]+\son\w+\s*=", html), "an event handler attribute"
        assert not re.search(r"<a [^>]*href=.javascript:", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reader
    assert "&lt;img src=x onerror=alert(1)&gt;" in reader


def test_highlight_escapes_text_and_attributes() -> None:
    text = 'A <b>bold</b> "quote" & more'
    marked = highlight(text, [Span(2, 13, "actor", 'x" onmouseover="alert(1)', "/a?b=1&c=2")])
    assert str(marked) == (
        'A <span class="anchor" id="span-2"></span><a class="hl hl-actor"'
        ' href="/a?b=1&amp;c=2" title="x&quot; onmouseover=&quot;alert(1)">'
        '&lt;b&gt;bold&lt;/b&gt;</a> "quote" &amp; more'
    )


def test_highlight_overlapping_spans_and_a_window() -> None:
    text = "On January 15, 2026, Ratcliffe met Rodriguez."
    spans = [Span(3, 19, "timex", "2026-01-15"), Span(0, 45, "sentence"), Span(31, 34, "event")]
    marked = str(highlight(text, spans, start=21, end=34))
    assert marked == (
        '<mark class="hl hl-sentence" title="">Ratcliffe </mark><span class="anchor"'
        ' id="span-31"></span><mark class="hl hl-sentence hl-event" title="">met</mark>'
    )


def test_the_ingest_page_is_off_without_a_token(client: TestClient) -> None:
    page = client.get("/ingest")
    assert page.status_code == 200 and "is off" in page.text and '<form id="ingest' not in page.text


def test_the_ingest_page_posts_to_the_api_with_the_token(ingest_client: TestClient) -> None:
    page = ingest_client.get("/ingest")
    assert 'id="ingest-form"' in page.text and 'action="/api/ingest"' in page.text
    added = ingest_client.post(
        "/api/ingest",
        data={
            "token": TOKEN,
            "text": "On 2 May 2026 Brazil sent aid to Venezuela, officials said.",
        },
    )
    assert added.status_code == 200 and added.json()["counts"]["stored"] == 1
