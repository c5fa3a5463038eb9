"""The application factory: one app per store, its routers, static files and guards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, docs, feeds, ingest, pages
from .cache import StoreCache
from .security import SecurityMiddleware
from .templating import error_page

STATIC_DIR = Path(__file__).parent / "static"


#: How long one request's queries may take together before they are stopped.
QUERY_SECONDS = 30.0


def create_app(
    db_path: str | Path, *, ingest_token: str | None = None, query_seconds: float = QUERY_SECONDS
) -> FastAPI:
    """The web app over the store at ``db_path``.

    Ingest from the browser is off unless ``ingest_token`` is given; then every ingest
    request must carry it. A request whose queries run past ``query_seconds`` is
    answered 503 instead of holding the server.
    """
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None)
    app.state.db_path = Path(db_path)
    app.state.ingest_token = ingest_token
    app.state.query_seconds = query_seconds
    app.add_exception_handler(sqlite3.OperationalError, query_too_long)
    app.state.store_cache = StoreCache(app.state.db_path)
    app.add_middleware(SecurityMiddleware)
    app.include_router(api.router, prefix="/api")
    app.include_router(ingest.router, prefix="/api")
    app.include_router(feeds.router)
    app.include_router(docs.router)
    docs.mount_assets(app)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


async def query_too_long(request: Request, exc: Exception) -> Response:
    """A query stopped at the request's deadline: 503 with the reason (JSON for the API,
    a page for the pages); any other database error is re-raised as it was."""
    if "interrupted" not in str(exc):
        raise exc
    seconds = request.app.state.query_seconds
    message = f"the query took longer than {seconds:g} s; narrow the filters and try again"
    if request.url.path.startswith(("/api/", "/feeds/")):
        return JSONResponse({"detail": message}, status_code=503)
    return error_page(request, 503, "Too slow", message)
