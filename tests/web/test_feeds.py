"""Atom alerts: valid Atom 1.0 of the newest events matching a filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import feedparser
from fastapi.testclient import TestClient

from dateline.model import Annotation
from dateline.store import Store
from dateline.web import create_app


def _feed(client: TestClient, query: str = "") -> feedparser.FeedParserDict:
    response = client.get(f"/feeds/events.atom{query}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_feed_lists_matching_events_with_stable_ids_and_links(client: TestClient) -> None:
    parsed = _feed(client, "?type=COERCE")
    events = client.get("/api/events?type=COERCE").json()
    assert len(parsed.entries) == events["total"] > 0
    ids = {e["id"] for e in events["items"]}
    for entry in parsed.entries:
        event_id = entry.link.rsplit("/", 1)[1]
        assert event_id in ids and entry.link.endswith(f"/events/{event_id}")
        assert entry.id.endswith(f"/events/{event_id}")
        assert entry.updated_parsed is not None
        assert "COERCE" in entry.title and entry.summary
    assert "type COERCE" in parsed.feed.title
    assert _feed(client, "?type=COERCE").entries[0].id == parsed.entries[0].id


def test_an_event_stored_later_appears_at_the_top(
    store_copy: Path, make_annotation: Callable[..., Annotation]
) -> None:
    with TestClient(create_app(store_copy)) as client:
        before = _feed(client, "?type=CONSULT&actor=Delcy Rodriguez&limit=200")
        with Store(store_copy) as store:
            (new_id,) = store.add_annotation(make_annotation("doc_new", publisher="Feed Wire"))
        after = _feed(client, "?type=CONSULT&actor=Delcy Rodriguez&limit=200")
    known = {entry.id for entry in before.entries}
    assert not any(entry.id.endswith(new_id) for entry in before.entries)
    assert after.entries[0].id.endswith(f"/events/{new_id}")
    assert {entry.id for entry in after.entries[1:]} == known
    assert "met Delcy Rodriguez" in after.entries[0].summary


def test_feed_escapes_text_and_rejects_bad_filters(client: TestClient) -> None:
    response = client.get("/feeds/events.atom", params={"actor": "<script>x</script>"})
    assert response.status_code == 200 and b"<script>" not in response.content
    assert client.get("/feeds/events.atom?type=NOPE").status_code == 422
