"""Serving the app on a local port and driving Debian's chromium with Playwright.

Shared by the browser tests (``conftest.py``) and ``scripts/screenshots.py``, so both
see the pages the same way: the app on 127.0.0.1 only, a headless browser that fetches
nothing from the internet, and a strict Content-Security-Policy.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Playwright, Response

from dateline.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: The policy the pages are written for; added to responses that carry none, so the
#: pages are held to it whether or not the app's own security headers are in place.
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _StrictCSP:
    """ASGI wrapper: the strict policy on every response that does not set its own."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def send_with_policy(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append((b"content-security-policy", STRICT_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_policy)


@contextmanager
def serve(db_path: Path, ingest_token: str | None = None) -> Iterator[str]:
    """The app over ``db_path`` on a free local port, in a thread; yields its base URL."""
    port = free_port()
    app = create_app(db_path, ingest_token=ingest_token)
    config = uvicorn.Config(
        _StrictCSP(app), host="127.0.0.1", port=port, log_level="warning",
        lifespan="off",
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="dateline-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class PageWatch:
    """What went wrong on a page: console errors (CSP violations among them), uncaught
    script errors, and dialogs (alert/confirm/prompt), which a page of ours never opens."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    #: Responses of 400 and above to what a page loaded (the console names no URL).
    failed_loads: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [*self.console_errors, *self.page_errors, *self.dialogs, *self.failed_loads]


@dataclass
class Tab:
    """A fresh page and what went wrong on it."""

    page: Page
    watch: PageWatch


def watch(page: Page) -> PageWatch:
    found = PageWatch()

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning") or "Content Security Policy" in message.text:
            found.console_errors.append(f"console {message.type}: {message.text}")

    def on_dialog(dialog: Dialog) -> None:
        found.dialogs.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            found.failed_loads.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: found.page_errors.append(f"page error: {error}"))
    page.on("dialog", on_dialog)
    # Violations are also reported as events; collect them where a test can read them.
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', function (e) {"
        " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });"
    )
    return found


def csp_violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))
