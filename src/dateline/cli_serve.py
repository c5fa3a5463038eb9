"""``dateline serve``: the web UI and REST API over a store, run by uvicorn.

``register`` adds the command to the main app; the helpers it shares with other commands
are imported from ``cli`` when it runs, as ``cli`` imports this module while loading.
"""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from ._console import DEFAULT_DB, DbOption, err

TOKEN_VARIABLE = "DATELINE_INGEST_TOKEN"


def is_loopback(host: str) -> bool:
    """Whether ``host`` only answers this machine ("127.0.0.1", "::1", "localhost")."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    ingest_token: Annotated[
        str | None,
        typer.Option(
            help=f"Allow ingest from the browser with this token (or set {TOKEN_VARIABLE}).",
            show_default=False,
        ),
    ] = None,
    query_seconds: Annotated[
        float, typer.Option(min=0.1, help="Longest a request's queries may take (seconds).")
    ] = 30.0,
) -> None:
    """The web UI and REST API over the store (JSON under /api, Atom alerts under /feeds)."""
    import uvicorn

    from .cli import _open_store
    from .web import create_app

    _open_store(db, must_exist=True).close()  # a clear error now rather than per request
    token = ingest_token or os.environ.get(TOKEN_VARIABLE) or None
    if not is_loopback(host):
        err.print(
            f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach this"
            " machine can read the store" + (" and ingest with the token" if token else ""),
            highlight=False,
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(f"serving {db} at http://{shown}:{port}/", highlight=False)
    if token:
        err.print("ingest from the browser is on (POST /api/ingest with the token)")
    app = create_app(db, ingest_token=token, query_seconds=query_seconds)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the main app."""
    app.command()(serve)
