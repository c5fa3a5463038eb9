"""The REST API's query parameters: event filters and pagination, checked once for every
endpoint that takes them; a bad value is a 422 whose ``detail`` says which and why."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel

from ..model import MODALITIES, PLOVER_TYPES
from ._params import BadParameter, event_types, statuses

T = TypeVar("T")

MAX_LIMIT = 500


def invalid(name: str, message: str, where: str = "query") -> RequestValidationError:
    """A 422 in FastAPI's own shape (``detail``: a list of ``{"loc", "msg", "type"}``),
    as the OpenAPI schema documents every 422."""
    return RequestValidationError([{"loc": (where, name), "msg": message, "type": "value_error"}])


def checked(parse: Callable[[], T]) -> T:
    """``parse()``, a BadParameter it raises ("type: FOO is not ...") turned into a 422."""
    try:
        return parse()
    except BadParameter as exc:
        message = str(exc)
        raise invalid(message.split(":", 1)[0], message) from exc


def split(value: str | None) -> list[str]:
    """A comma-separated list ("COERCE,ASSAULT"); empty items dropped."""
    return [part for part in (value or "").split(",") if part.strip()]


@dataclass(slots=True, frozen=True)
class EventFilters:
    """What ``Store.event_page`` filters by, checked."""

    actor: str | None = None
    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None

    def store_args(self) -> dict[str, Any]:
        return {
            "actor": self.actor, "types": list(self.types) or None,
            "modalities": list(self.modalities) or None, "date_from": self.date_from,
            "date_to": self.date_to, "source": self.source,
        }  # fmt: skip

    def with_default_statuses(self, default: Sequence[str]) -> EventFilters:
        if self.modalities:
            return self
        return EventFilters(self.actor, self.types, tuple(default), self.date_from,
                            self.date_to, self.source)  # fmt: skip


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


def list_pattern(names: Sequence[str]) -> str:
    """What ``split`` and the checks accept, as a JSON Schema pattern: known names in any
    case, comma-separated, spaces and empty items allowed. (It documents the parameter
    and guides generated requests; the checks give the clearer message.)"""
    item = "(" + "|".join(_any_case(n) for n in names) + ")"
    return rf"^\s*{item}?\s*(,\s*{item}?\s*)*$"


DATE_PATTERN = r"^\s*([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?\s*$"
_DATE = re.compile(DATE_PATTERN)
TYPE_PATTERN = list_pattern(PLOVER_TYPES)
STATUS_PATTERN = list_pattern(MODALITIES)


def date_bound(value: str | None, name: str) -> str | None:
    """A bound as the store compares it: "2026", "2026-01" or "2026-01-15" (None if empty)."""
    if value is None or not value.strip():
        return None
    if not _DATE.match(value):
        raise BadParameter(f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value.strip()


def documented(pattern: str, description: str, alias: str | None = None) -> Any:
    return Query(alias=alias, description=description, json_schema_extra={"pattern": pattern})


def event_filters(
    actor: Annotated[
        str | None, Query(description="An actor's id, name or alias; a country brings its people.")
    ] = None,
    type: Annotated[
        str | None, documented(TYPE_PATTERN, "PLOVER event types, comma-separated: COERCE,AID.")
    ] = None,
    status: Annotated[
        str | None,
        documented(
            STATUS_PATTERN, "Statuses, comma-separated: asserted, negated, planned, hypothetical."
        ),
    ] = None,
    modality: Annotated[str | None, documented(STATUS_PATTERN, "Same as status.")] = None,
    date_from: Annotated[
        str | None, documented(DATE_PATTERN, "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.", "from")
    ] = None,
    date_to: Annotated[
        str | None, documented(DATE_PATTERN, "Latest date: YYYY, YYYY-MM or YYYY-MM-DD.", "to")
    ] = None,
    source: Annotated[
        str | None,
        Query(description="Reported by a document whose source or publisher holds this."),
    ] = None,
) -> EventFilters:
    return checked(
        lambda: EventFilters(
            actor=(actor or "").strip() or None,
            types=tuple(event_types(split(type))),
            modalities=tuple(statuses([*split(status), *split(modality)], default=())),
            date_from=date_bound(date_from, "from"),
            date_to=date_bound(date_to, "to"),
            source=(source or "").strip() or None,
        )
    )


@dataclass(slots=True, frozen=True)
class Page:
    limit: int
    offset: int

    def envelope(self, total: int, items: list[Any], **extra: Any) -> dict[str, Any]:
        """The paged answer: ``{"total", "limit", "offset", "items"}`` and ``extra``."""
        return {"total": total, "limit": self.limit, "offset": self.offset, **extra,
                "items": items}  # fmt: skip


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")] = 0,
) -> Page:
    return Page(limit, offset)


FiltersDep = Annotated[EventFilters, Depends(event_filters)]
PageDep = Annotated[Page, Depends(page)]


class Problem(BaseModel):
    """What went wrong, in words."""

    detail: str


def answers(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a route documents besides 422 (``responses=``)."""
    return {code: {"model": Problem} for code in codes}


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what}")
