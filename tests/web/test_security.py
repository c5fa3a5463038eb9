"""Guards: security headers and a strict policy on every response, body size limits, and
no way out of the static folder."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from dateline.store import Store
from dateline.web import create_app
from dateline.web.security import CSP, DEFAULT_LIMIT, INGEST_LIMIT, SecurityMiddleware

from .conftest import TOKEN


def test_every_response_carries_the_headers(client: TestClient) -> None:
    for url in ("/api/events?limit=1", "/api/events/ev_nope", "/feeds/events.atom",
                "/openapi.json", "/no/such/page", "/api/export/events"):  # fmt: skip
        response = client.get(url)
        assert response.headers["content-security-policy"] == CSP, url
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CSP and "frame-ancestors 'none'" in CSP


def test_docs_are_served_from_here_with_no_inline_script(client: TestClient) -> None:
    response = client.get("/docs")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "http" not in policy  # nothing from outside
    assert "<script>" not in response.text  # no inline code: it starts from /docs/start.js
    assert "http" not in response.text.replace("/openapi.json", "")
    assert client.get("/docs/start.js").headers["content-type"].startswith("text/javascript")
    bundle = client.get("/docs/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text
    assert client.get("/docs/assets/swagger-ui.css").status_code == 200


def test_static_files_never_leave_their_folder(client: TestClient) -> None:
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/%2e%2e%2fapp.py",
                "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/%2e%2e/store/_store.py",
                "/static//etc/passwd"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 404, url
        assert "def create_app" not in response.text


def test_bodies_over_the_limit_are_413(ingest_client: TestClient) -> None:
    big = b"x" * (DEFAULT_LIMIT + 1)
    response = ingest_client.post("/api/events", content=big)
    assert response.status_code == 413 and "limit 1 MB" in response.json()["detail"]
    declared = ingest_client.post(
        "/api/ingest",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Length": str(INGEST_LIMIT + 1)},
        content=b"",
    )
    assert declared.status_code == 413


def test_streamed_bodies_are_counted() -> None:
    """A body sent without a length (chunked) is cut off once past the limit."""
    inner = FastAPI()

    @inner.post("/echo")
    async def echo(request: Request) -> dict[str, int]:
        return {"size": len(await request.body())}

    guarded = SecurityMiddleware(inner, body_limit=100_000, ingest_limit=200_000)

    def chunks(count: int) -> Iterator[bytes]:
        for _ in range(count):
            yield b"y" * 10_000

    with TestClient(guarded) as test_client:  # type: ignore[arg-type]
        assert test_client.post("/echo", content=chunks(10)).json() == {"size": 100_000}
        response = test_client.post("/echo", content=chunks(11))
        assert response.status_code == 413
        assert response.headers["content-security-policy"] == CSP
        assert test_client.post("/api/ingest", content=chunks(15)).status_code == 404


def test_a_request_past_its_query_time_is_stopped_with_a_503(demo_store_path: Path) -> None:
    # A deadline already passed: the first query of each request is interrupted.
    with TestClient(create_app(demo_store_path, query_seconds=-1)) as slow:
        answer = slow.get("/api/events?actor=VEN")
        assert answer.status_code == 503 and "took longer than" in answer.json()["detail"]
        page = slow.get("/timeline")
        assert page.status_code == 503 and "narrow the filters" in page.text
    with TestClient(create_app(demo_store_path)) as normal:
        assert normal.get("/api/events?actor=VEN").status_code == 200


def test_the_store_interrupts_a_statement_at_its_deadline(demo_store_path: Path) -> None:
    with Store(demo_store_path, create=False) as store:
        endless = (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
        )
        store.set_deadline(time.monotonic() + 0.2)
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            store.scalar(endless)
        assert time.monotonic() - started < 5
        store.set_deadline(None)
        assert store.scalar("SELECT count(*) FROM events") > 0
