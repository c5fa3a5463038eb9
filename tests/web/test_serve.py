"""``dateline serve``: a real uvicorn on 127.0.0.1, asked over HTTP, then stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from dateline.cli import app
from dateline.cli_serve import is_loopback


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_the_api_over_http(demo_store_path: Path) -> None:
    port = _free_port()
    command = [sys.executable, "-c", "from dateline.cli import main; main()", "serve",
               "--db", str(demo_store_path), "--host", "127.0.0.1",
               "--port", str(port)]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_INGEST_TOKEN"}
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/events?limit=3", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        body = response.json()
        assert body["total"] > 3 and len(body["items"]) == 3
        assert response.headers["x-frame-options"] == "DENY"
        assert (
            httpx.post(f"http://127.0.0.1:{port}/api/ingest", data={"text": "x"}).status_code == 403
        )
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in stderr


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no store at" in result.output
    assert not (tmp_path / "none.db").exists()


def test_loopback_hosts() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "::1", "localhost", "127.5.0.1"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.4", "example.org", "::"]))
