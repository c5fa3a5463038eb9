"""The ``site`` fixture: a tiny web site for fetch tests, served on 127.0.0.1 only (never
any other address), recording every request it gets."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait before answering (cut short when the site shuts down).
    stall: float = 0.0
    #: Send Content-Length; without it the body runs until the connection closes.
    length: bool = True


@dataclass(frozen=True)
class Request:
    path: str
    user_agent: str
    at: float  # time.monotonic() when it arrived


class Site(ThreadingHTTPServer):
    # Handler threads are joined on close, so none outlives a test.
    daemon_threads = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.closing = threading.Event()

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def add(
        self,
        path: str,
        body: bytes = b"",
        status: int = 200,
        headers: dict[str, str] | None = None,
        stall: float = 0.0,
        length: bool = True,
    ) -> str:
        """Serves ``body`` at ``path``; returns the full URL."""
        self.routes[path] = Route(status, body, dict(headers or {}), stall, length)
        return self.base + path

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]


class _Handler(BaseHTTPRequestHandler):
    server: Site

    def do_GET(self) -> None:
        site = self.server
        site.requests.append(
            Request(self.path, self.headers.get("User-Agent", ""), time.monotonic())
        )
        route = site.routes.get(self.path, Route(404, b"<html><body>not found</body></html>"))
        if route.stall:
            site.closing.wait(route.stall)
        try:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size limit): that is what is tested

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[Site]:
    site = Site()
    thread = threading.Thread(target=site.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield site
    finally:
        site.closing.set()
        site.shutdown()
        site.server_close()
        thread.join()
