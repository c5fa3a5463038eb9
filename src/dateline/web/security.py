"""Guards on every response and request: security headers, a strict Content-Security-
Policy, and a limit on request bodies (by Content-Length and by the bytes that arrive).

A plain ASGI middleware, so streamed responses pass through untouched.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
#: The API explorer at /docs: Swagger UI sets style attributes on what it draws, so its
#: page alone allows inline styles (its scripts still come only from the app).
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
    " form-action 'self'"
)
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

MB = 1024 * 1024
DEFAULT_LIMIT = 1 * MB
INGEST_LIMIT = 20 * MB
INGEST_PATH = "/api/ingest"


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, *, body_limit: int = DEFAULT_LIMIT,
                 ingest_limit: int = INGEST_LIMIT) -> None:  # fmt: skip
        self.app = app
        self.body_limit = body_limit
        self.ingest_limit = ingest_limit

    def limit_for(self, path: str) -> int:
        return self.ingest_limit if path == INGEST_PATH else self.body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        policy = DOCS_CSP if path == "/docs" or path.startswith("/docs/") else CSP
        limit = self.limit_for(path)
        rejected = started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if rejected:  # the 413 is sent: what the app answers after it is dropped
                return
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in HEADERS]  # fmt: skip
                headers.append((b"content-security-policy", policy.encode()))
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                message["headers"] = headers
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send_with_headers, limit)
            return
        received = 0

        async def counted_receive() -> Message:
            # A body longer than it said (or sent without a length) is cut off at the
            # limit: the client gets a 413 and the app sees it go away.
            nonlocal received, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if not started:
                        await _too_large(send_with_headers, limit)
                    rejected = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except Exception:
            # Cut off, the app may fail on the body it did not get (ClientDisconnect);
            # the client has its answer.
            if not rejected:
                raise


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body too large (limit {limit // MB} MB)"}).encode()
    await send({
        "type": "http.response.start", "status": 413,
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})
