"""Request-scoped access to the store.

SQLite connections are not shared between requests, and FastAPI runs plain ``def`` routes
and dependencies in a thread pool, so each request opens its own connection (cheap: a
file open and a ``user_version`` read), which may pass from the thread that opened it to
the one running the route, and closes it when the response is sent.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from ..store import Store


def get_store(request: Request) -> Iterator[Store]:
    store = Store(request.app.state.db_path, create=False, any_thread=True)
    # A request's queries together get ``query_seconds``: past it, the one running is
    # interrupted and the request answered 503 (see ``app.query_too_long``).
    store.set_deadline(time.monotonic() + request.app.state.query_seconds)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]
