"""The REST API over the demo store: contract records, filters, paging, errors."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from dateline.model import PLOVER_TYPES


def _all(client: TestClient, url: str) -> list[dict]:  # type: ignore[type-arg]
    body = client.get(url + ("&" if "?" in url else "?") + "limit=500").json()
    assert body["total"] == len(body["items"])
    return body["items"]  # type: ignore[no-any-return]


def test_coerce_filter_finds_the_operation_with_two_sources(client: TestClient) -> None:
    items = _all(client, "/api/events?type=COERCE")
    assert items and all(e["type"] == "COERCE" for e in items)
    removal = [e for e in items if e["num_sources"] == 2]
    assert len(removal) == 1
    (event,) = removal
    assert any("Maduro" in m["sentence"] for m in event["mentions"])
    assert {a["code"] for a in event["actors"]} == {"USA"}
    # Contract fields.
    for key in ("id", "mode", "contexts", "modality", "recipients", "date", "location",
                "quad_class", "intensity", "cameo", "confidence", "num_mentions",
                "mentions", "coder_version"):  # fmt: skip
        assert key in event
    assert {"doc_id", "source", "sentence", "start", "end", "trigger"} <= set(event["mentions"][0])


def test_filters_narrow_and_pages_add_up(client: TestClient) -> None:
    everything = _all(client, "/api/events")
    coerce = _all(client, "/api/events?type=coerce,ASSAULT")
    planned = _all(client, "/api/events?status=planned,hypothetical")
    ven = _all(client, "/api/events?actor=Maduro")
    dated = _all(client, "/api/events?from=2026-02&to=2026-03")
    for subset in (coerce, planned, ven, dated):
        assert 0 < len(subset) < len(everything)
    assert {e["modality"] for e in planned} == {"planned", "hypothetical"}
    assert all(
        (e["date"]["latest"] or "9999") >= "2026-02" and (e["date"]["earliest"] or "") <= "2026-03~"
        for e in dated
    )
    pages = []
    for offset in range(0, len(everything), 10):
        body = client.get("/api/events", params={"limit": 10, "offset": offset}).json()
        assert body["total"] == len(everything) and body["offset"] == offset
        pages += body["items"]
    assert [e["id"] for e in pages] == [e["id"] for e in everything]


def test_event_detail_has_every_mention_and_conflicts(client: TestClient) -> None:
    listed = _all(client, "/api/events")
    many = max(listed, key=lambda e: e["num_mentions"])
    detail = client.get(f"/api/events/{many['id']}").json()
    assert len(detail["mentions"]) == detail["num_mentions"] >= 2
    assert "conflicts" in detail


def test_timeline_is_in_date_order_and_summarises(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"limit": 500}).json()
    items = body["items"]
    assert items and all(e["modality"] == "asserted" for e in items)
    starts = [e["date"]["earliest"] or e["date"]["latest"] for e in items]
    assert starts == sorted(starts)
    summary = client.get("/api/timeline", params={"summary": "true", "dates": 3}).json()
    assert summary["dates"] == len(summary["items"]) == 3
    assert all(item["events"] or item["summary"] for item in summary["items"])


def test_documents_and_a_document_with_its_spans(client: TestClient) -> None:
    body = client.get("/api/documents", params={"limit": 2}).json()
    assert body["total"] == 5 and len(body["items"]) == 2
    doc_id = body["items"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    text = doc["text"]
    assert doc["num_events"] == len(doc["event_mentions"]) > 0
    for m in doc["event_mentions"]:
        assert text[m["trigger_start"] : m["trigger_end"]] == m["trigger"]
    assert all(text[t["start"] : t["end"]] == t["text"] for t in doc["timexes"])
    assert all(text[a["start"] : a["end"]] == a["text"] for a in doc["actor_mentions"])


def test_actors_quotes_graph_and_dyads(client: TestClient) -> None:
    actors = client.get("/api/actors").json()
    assert actors["items"][0]["num_events"] >= actors["items"][-1]["num_events"]
    maduro = client.get("/api/actors/Nicolás Maduro").json()
    assert maduro["id"] == "person:nicolas-maduro" and maduro["events"]
    assert client.get("/api/actors/person:nicolas-maduro").json()["id"] == maduro["id"]
    quotes = client.get("/api/quotes", params={"limit": 3}).json()
    assert quotes["total"] > 3 and len(quotes["items"]) == 3 and quotes["items"][0]["text"]
    graph = client.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert {"USA", "VEN"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    dyads = client.get("/api/dyads", params={"a": "USA", "b": "VEN", "by": "month"}).json()
    assert dyads["a"] == "United States" and dyads["items"]
    assert [r["period"] for r in dyads["items"]] == dyads["periods"]
    assert sum(r["events"] for r in dyads["items"]) > 0


def test_search(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Maduro"}).json()
    assert body["total_documents"] == 5 and body["events"]
    assert all("maduro" in e["sentence"].lower() for e in body["events"])
    assert client.get("/api/search", params={"q": '"NEAR( *'}).status_code == 200
    empty = client.get("/api/search", params={"q": ""}).json()
    assert empty["documents"] == [] and empty["events"] == []


def test_export_streams_jsonl_and_csv(client: TestClient) -> None:
    everything = _all(client, "/api/events")
    jsonl = client.get("/api/export/events", params={"format": "jsonl"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in jsonl.text.splitlines()]
    assert [r["id"] for r in lines] == [e["id"] for e in everything]
    rows = list(csv.DictReader(io.StringIO(
        client.get("/api/export/events", params={"format": "csv", "type": "COERCE"}).text
    )))  # fmt: skip
    assert rows and {r["type"] for r in rows} == {"COERCE"}


def test_bad_parameters_are_422_with_a_reason(client: TestClient) -> None:
    for url, words in (
        ("/api/events?from=2026-13-01", "from"),
        ("/api/events?to=yesterday", "to"),
        ("/api/events?type=BOMB", "BOMB"),
        ("/api/events?status=rumoured", "rumoured"),
        ("/api/events?limit=501", "500"),
        ("/api/events?limit=0", "1"),
        ("/api/events?offset=-1", "0"),
        ("/api/dyads?a=USA&b=USA", "same"),
        ("/api/export/events?format=xml", "jsonl"),
    ):
        response = client.get(url)
        assert response.status_code == 422, url
        assert words in json.dumps(response.json()["detail"]), url


def test_unknown_ids_are_404_json(client: TestClient) -> None:
    for url in ("/api/events/ev_nope", "/api/documents/doc_nope", "/api/actors/Nobody",
                "/api/dyads?a=USA&b=Atlantis"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == "application/json"
        assert response.json()["detail"].startswith(("no ", "b: no"))


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents",
                 "/api/documents/{doc_id}", "/api/actors", "/api/actors/{name_or_id}",
                 "/api/quotes", "/api/timeline", "/api/graph", "/api/dyads", "/api/search",
                 "/api/export/events", "/api/ingest", "/feeds/events.atom"):  # fmt: skip
        assert path in paths, path
    assert "type" in {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text


def test_every_plover_type_is_accepted(client: TestClient) -> None:
    response = client.get("/api/events", params={"type": ",".join(PLOVER_TYPES)})
    assert response.status_code == 200
    assert response.json()["total"] == client.get("/api/events").json()["total"]
