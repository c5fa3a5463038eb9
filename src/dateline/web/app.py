"""The application factory: one app per store, its routers, static files and guards."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, docs, feeds, ingest, pages
from .cache import StoreCache
from .security import SecurityMiddleware

STATIC_DIR = Path(__file__).parent / "static"


def create_app(db_path: str | Path, *, ingest_token: str | None = None) -> FastAPI:
    """The web app over the store at ``db_path``.

    Ingest from the browser is off unless ``ingest_token`` is given; then every ingest
    request must carry it.
    """
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None)
    app.state.db_path = Path(db_path)
    app.state.ingest_token = ingest_token
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
