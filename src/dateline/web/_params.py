"""Checking the pages' query parameters, and the route class that turns a bad one (or an
unknown id) into a readable HTML page instead of a JSON error or a traceback."""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine, Sequence
from datetime import date
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from ..model import MODALITIES, PLOVER_TYPES
from .templating import error_page

#: What the timeline shows when no status is asked for: everything but negated events,
#: with planned and hypothetical ones marked as such.
DEFAULT_STATUSES: tuple[str, ...] = ("asserted", "planned", "hypothetical")

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadParameter(ValueError):
    """A query parameter the page cannot use; the message says which and why."""


class NotFound(LookupError):
    """No record with the id in the path; the message names it."""


def partial_date(value: str | None, name: str) -> str | None:
    """A bound as the store takes it: "2026", "2026-01" or "2026-01-15"."""
    value = (value or "").strip()
    if not value:
        return None
    if not _PARTIAL_DATE.match(value):
        raise BadParameter(f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [*value.split("-"), "01", "01"][:3]
    try:
        date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError as exc:
        raise BadParameter(f"{name}: {value!r} is not a date ({exc})") from exc
    return value


def event_types(values: Sequence[str]) -> list[str]:
    chosen = [v.strip().upper() for v in values if v.strip()]
    unknown = [v for v in chosen if v not in PLOVER_TYPES]
    if unknown:
        raise BadParameter(
            f"type: {', '.join(unknown)} is not a PLOVER event type"
            f" (one of {', '.join(PLOVER_TYPES)})"
        )
    return list(dict.fromkeys(chosen))


def statuses(values: Sequence[str], default: Sequence[str] = DEFAULT_STATUSES) -> list[str]:
    chosen = [v.strip().lower() for v in values if v.strip()]
    unknown = [v for v in chosen if v not in MODALITIES]
    if unknown:
        raise BadParameter(
            f"status: {', '.join(unknown)} is not a status (one of {', '.join(MODALITIES)})"
        )
    return list(dict.fromkeys(chosen)) or list(default)


def _describe(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "query")
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(problems) or "the request is not valid"


Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class PageRoute(APIRoute):
    """A page route: bad parameters give a 400 or 422 page, unknown ids a 404 page."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                return error_page(request, 422, "Bad request", _describe(exc))
            except BadParameter as exc:
                return error_page(request, 400, "Bad request", str(exc))
            except NotFound as exc:
                return error_page(request, 404, "Not found", str(exc))

        return page_handler
