"""The API's views over many events: the timeline (and its key dates), the actor graph,
dyad series, and the streamed export of events.

The graph and dyad series read every event; they are kept (``cache``) until the store
changes, so only the first request after a change pays for them.
"""

from __future__ import annotations

import calendar
from typing import Annotated, Any, Literal

import networkx as nx
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from ..export import exporters
from ..export.records import event_record, mention_records_of
from ..model import Event
from ..store import Store
from ..views.dyads import By, dyad_series, resolve_side
from ..views.graph import actor_graph, to_networkx
from ..views.timeline import key_dates, summary_record, undated
from ._params import statuses
from .api_params import (
    DATE_PATTERN,
    STATUS_PATTERN,
    FiltersDep,
    PageDep,
    answers,
    checked,
    date_bound,
    documented,
    invalid,
    split,
)
from .cache import store_cache
from .deps import StoreDep
from .export_stream import stream_records

router = APIRouter()

#: What the timeline shows when no status is asked for: what happened.
TIMELINE_DEFAULT = ("asserted",)


def calendar_bound(value: str | None) -> str | None:
    """A bound the graph can turn into days: year 0 read as 1, a day past the month's end
    ("2026-02-30") as its last day. (The store compares bounds as text; the graph does
    calendar arithmetic.)"""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    parts[0] = max(1, parts[0])
    if len(parts) == 3:
        parts[2] = min(parts[2], calendar.monthrange(parts[0], parts[1])[1])
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def event_records(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    """Contract records of ``events``, their mentions read in one query."""
    mentions = mention_records_of(store, [e.id for e in events])
    return [event_record(e, mention_records=mentions.get(e.id, [])) for e in events]


@router.get("/timeline", summary="Dated events in date order, or with summary=true the key dates")
def timeline(
    request: Request,
    store: StoreDep,
    filters: FiltersDep,
    page: PageDep,
    summary: Annotated[
        bool, Query(description="The most important dates instead (source is not used).")
    ] = False,
    dates: Annotated[int, Query(ge=1, le=100, description="How many key dates.")] = 10,
) -> dict[str, Any]:
    filters = filters.with_default_statuses(TIMELINE_DEFAULT)
    if summary:
        chosen = key_dates(
            store, dates, actor=filters.actor, date_from=filters.date_from,
            date_to=filters.date_to, modalities=filters.modalities,
            types=list(filters.types) or None,
        )  # fmt: skip
        return {"dates": len(chosen), "items": [summary_record(key) for key in chosen]}
    args = {**filters.store_args(), "dated_only": True}
    cache = store_cache(request)
    total = cache.get(("count", filters, True), lambda: store.count_events(**args))
    hidden = cache.get(
        ("undated", filters),
        lambda: undated(store, filters.modalities, filters.actor, list(filters.types) or None),
    )
    events, _ = store.event_page(**args, limit=page.limit, offset=page.offset, count=False)
    return page.envelope(total, event_records(store, events), undated=hidden)


@router.get("/graph", summary="The actor graph as node-link JSON (networkx)")
def graph(
    request: Request,
    store: StoreDep,
    date_from: Annotated[str | None, documented(DATE_PATTERN, "Earliest date.", "from")] = None,
    date_to: Annotated[str | None, documented(DATE_PATTERN, "Latest date.", "to")] = None,
    status: Annotated[
        str | None, documented(STATUS_PATTERN, "Statuses tallied apart from asserted: planned,...")
    ] = None,
) -> dict[str, Any]:
    low = calendar_bound(checked(lambda: date_bound(date_from, "from")))
    high = calendar_bound(checked(lambda: date_bound(date_to, "to")))
    extra = checked(lambda: statuses(split(status), default=()))
    modalities = tuple(dict.fromkeys(["asserted", *extra]))

    def build() -> dict[str, Any]:
        built = actor_graph(store, date_from=low, date_to=high, modalities=modalities)
        data: dict[str, Any] = nx.node_link_data(to_networkx(built, "json"), edges="edges")
        return data

    return store_cache(request).get(("graph", low, high, modalities), build)


@router.get(
    "/dyads",
    responses=answers(404),
    summary="Cooperation and conflict between two actors, period by period",
)
def dyads(
    request: Request,
    store: StoreDep,
    a: Annotated[str, Query(min_length=1, description="One side: id, country code or name.")],
    b: Annotated[str, Query(min_length=1, description="The other side.")],
    by: Annotated[By, Query(description="Period of the series.")] = "month",
    both: Annotated[bool, Query(description="B → A as well as A → B.")] = False,
) -> dict[str, Any]:
    sides = []
    for name, query in (("a", a), ("b", b)):
        side = resolve_side(store, query)
        if side is None:
            raise HTTPException(404, detail=f"{name}: no actor named {query!r}")
        sides.append(side)
    if sides[0].ids == sides[1].ids:
        raise invalid("b", f"b: a and b name the same actors ({a!r}, {b!r})")

    def build() -> dict[str, Any]:
        series = dyad_series(store, sides[0], sides[1], by=by, both=both)
        return {"a": series.a.label, "b": series.b.label, "by": series.by,
                "periods": series.periods, "unplaced": series.unplaced,
                "items": series.records()}  # fmt: skip

    return store_cache(request).get(("dyads", sides[0], sides[1], by, both), build)


@router.get(
    "/export/events",
    summary="Every matching event, streamed as JSON Lines or CSV",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}},
                     "description": "One record per event"}},
)  # fmt: skip
def export_events(
    request: Request,
    filters: FiltersDep,
    format: Annotated[Literal["jsonl", "csv"], Query()] = "jsonl",
) -> StreamingResponse:
    media = {"jsonl": "application/x-ndjson", "csv": "text/csv"}[format]
    chunks = stream_records(request.app.state.db_path, filters, exporters.get(format), "events")
    return StreamingResponse(
        chunks,
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="events.{format}"'},
    )
