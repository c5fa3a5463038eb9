"""Ingest from the browser: off without a token, guarded by it, through the real pipeline;
uploaded names are labels only, and hostile text comes back as data."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app
from dateline.web.ingest import upload_label, upload_suffix

from .conftest import TOKEN

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "hostile_article.txt"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_ingest_is_off_without_a_token(client: TestClient) -> None:
    response = client.post("/api/ingest", data={"text": "On March 3, 2026, ..."})
    assert response.status_code == 403
    assert "--ingest-token" in response.json()["detail"]


def test_ingest_needs_the_right_token(ingest_client: TestClient) -> None:
    for headers, data in (({}, {}), ({"Authorization": "Bearer nope"}, {}),
                          ({}, {"token": "nope"}), ({"Authorization": TOKEN}, {})):  # fmt: skip
        response = ingest_client.post("/api/ingest", data={"text": "x", **data}, headers=headers)
        assert response.status_code == 401, (headers, data)
    response = ingest_client.post("/api/ingest", data={"token": TOKEN})
    assert response.status_code == 422
    assert "nothing to ingest" in response.json()["detail"][0]["msg"]
    bad_date = ingest_client.post(
        "/api/ingest", data={"text": "x", "published": "soon"}, headers=AUTH
    )
    assert bad_date.status_code == 422


def test_upload_names_are_labels_never_paths() -> None:
    assert upload_label("../../etc/passwd.txt", 0) == "passwd.txt"
    assert upload_label("C:\\Users\\x\\..\\report.html", 1) == "report.html"
    assert upload_label("..", 2) == "file-2"
    assert upload_label("<b>é.txt", 3) == "_b_é.txt"
    assert upload_suffix("story.HTML") == ".html"
    assert upload_suffix("crawl.warc.gz") == ".warc.gz"
    assert upload_suffix("list.urls") == ""  # would fetch from the network
    assert upload_suffix("tool.exe") == ""


@pytest.mark.slow
def test_ingested_hostile_article_comes_back_as_data(ingest_client: TestClient) -> None:
    before = ingest_client.get("/api/documents").json()["total"]
    response = ingest_client.post(
        "/api/ingest",
        files=[("files", ("../../../tmp/evil.txt", HOSTILE.read_bytes(), "text/plain")),
               ("files", ("feeds.urls", b"http://127.0.0.1:9/x\n", "text/plain"))],
        data={"published": "2026-03-06"},
        headers=AUTH,
    )  # fmt: skip
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["counts"]["stored"] == 1 and report["counts"]["event_mentions"] > 0
    # The .urls file was not read as a list of URLs: nothing fetched, a reason given.
    assert [f["source"] for f in report["failed"]] == ["upload/feeds.urls"]
    assert "unsupported" in report["failed"][0]["reason"]
    documents = ingest_client.get("/api/documents?limit=500").json()
    assert documents["total"] == before + 2
    (stored,) = [d for d in documents["items"] if d["source"] == "upload/evil.txt"]
    doc = ingest_client.get(f"/api/documents/{stored['id']}")
    assert "<script>alert(1)</script>" in doc.json()["text"]
    # Data, never markup: JSON, which browsers are told not to sniff as anything else.
    assert doc.headers["content-type"] == "application/json"
    assert doc.headers["x-content-type-options"] == "nosniff"
    found = ingest_client.get("/api/search", params={"q": "onerror Treasury"}).json()
    assert [d["id"] for d in found["documents"]] == [stored["id"]]
    assert ingest_client.get("/api/events?source=upload/evil").json()["total"] > 0
    again = ingest_client.post(
        "/api/ingest", files=[("files", ("again.txt", HOSTILE.read_bytes()))], headers=AUTH
    )
    assert again.json()["counts"]["unchanged"] == 1


@pytest.mark.slow
def test_pasted_text_with_a_form_token(store_copy: Path) -> None:
    text = "On March 9, 2026, Venezuela and Colombia signed an agreement on border trade."
    with TestClient(create_app(store_copy, ingest_token=TOKEN)) as client:
        response = client.post("/api/ingest", data={"text": text, "token": TOKEN})
        assert response.status_code == 200, response.text
        assert response.json()["counts"]["stored"] == 1
        found = client.get("/api/search", params={"q": "border trade"}).json()
        assert found["total_documents"] == 1
        assert found["documents"][0]["source"].startswith("upload/text-")
