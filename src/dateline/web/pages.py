"""The HTML pages: server-rendered, escaped, with small scripts of our own.

Every page is a view over the store (``dateline.views``) rendered by a template; the
routes only check parameters. Bad parameters give a 400/422 page and unknown ids a 404
page (``_params.PageRoute``), never a traceback.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..model import MODALITIES, PLOVER_TYPES
from ..store import Store
from ..views.dyads import BY, By, dyad_series, resolve_side
from ..views.graph import actor_graph, pairs
from ..views.summary import summarise
from ..views.timeline import TimelineEntry, timeline, undated
from . import _reads, charts
from ._params import (
    DEFAULT_STATUSES,
    BadParameter,
    PageRoute,
    event_types,
    partial_date,
    statuses,
)
from ._timeline import group_entries
from .deps import StoreDep
from .records import register as register_record_pages
from .templating import query_with, render

router = APIRouter(include_in_schema=False, route_class=PageRoute)

#: Statuses of events that did not (or not yet) happen: drawn apart, never as fact.
NOT_HAPPENED = tuple(m for m in MODALITIES if m != "asserted")
TIMELINE_LIMIT = 2000
LATEST = 10
MAIN_DYADS = 2
#: Dates precise enough to say an event is recent; a decade or a range is not.
RECENT_PRECISIONS = frozenset({"day", "week", "month", "quarter", "season", "half", "year"})

ListParam = Annotated[list[str], Query()]


def main_dyads(store: Store, n: int = 2) -> list[tuple[str, str]]:
    """The country pairs with the most events between them (asserted ones), busiest first."""
    counts: Counter[tuple[str, str]] = Counter()
    for event in store.events(modalities=("asserted",)):
        countries = {ref.actor_id: ref.country for ref in [*event.actors, *event.recipients]}
        seen: set[tuple[str, str]] = set()
        for a, b in pairs(event):
            ca, cb = countries.get(a), countries.get(b)
            if ca and cb and ca != cb:
                seen.add((ca, cb) if ca < cb else (cb, ca))
        counts.update(seen)
    return [(a, b) for (a, b), _ in counts.most_common(n)]


def latest_events(store: Store, n: int = LATEST) -> list[TimelineEntry]:
    """The ``n`` latest events dated to a year or finer, the latest first."""
    entries = timeline(store, modalities=DEFAULT_STATUSES, first_mention_only=True)
    dated = [e for e in entries if e.event.date.precision in RECENT_PRECISIONS]
    dated.sort(key=lambda e: e.event.date.value or e.event.date.latest or "", reverse=True)
    return dated[:n]


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request, store: StoreDep, a: str | None = None, b: str | None = None,
    by: str = "month",
) -> HTMLResponse:  # fmt: skip
    if by not in BY:
        raise BadParameter(f"by: {by!r} is not one of {', '.join(BY)}")
    period: By = by  # narrowed by the check above
    asked = bool(a and b)
    charts_ = []
    for left, right in [(a or "", b or "")] if asked else main_dyads(store, 6):
        side_a, side_b = resolve_side(store, left), resolve_side(store, right)
        if side_a is None or side_b is None:
            missing = left if side_a is None else right
            raise BadParameter(f"no actor named {missing!r} in this store")
        series = dyad_series(store, side_a, side_b, period, both=True)
        # Unasked, only pairs with dated events make a chart: an empty one says nothing.
        if asked or series.periods:
            charts_.append((series, charts.dyad_chart(series)))
        if len(charts_) == MAIN_DYADS:
            break
    latest = latest_events(store)
    return render(
        request, "overview.html", summary=summarise(store), counts=_reads.corpus_counts(store),
        charts=charts_, latest=latest, by=period, by_choices=BY,
        a=a or "", b=b or "",
    )  # fmt: skip


def _split(values: list[str]) -> list[str]:
    """Repeated parameters (a form's checkboxes) and comma-separated ones (the API's
    form, "status=asserted,planned") alike."""
    return [part for value in values for part in value.split(",")]


def feed_query(
    actor: str | None, types: list[str], chosen: list[str], first: str | None,
    last: str | None,
) -> str:  # fmt: skip
    """The timeline's filters as the Atom feed takes them (lists comma-separated)."""
    return query_with(
        {}, actor=actor, type=",".join(types) or None, status=",".join(chosen),
        **{"from": first, "to": last},
    )  # fmt: skip


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    actor: str | None = None,
    type: ListParam = [],  # noqa: B006  (FastAPI copies defaults per request)
    status: ListParam = [],  # noqa: B006
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> HTMLResponse:
    types = event_types(_split(type))
    chosen = statuses(_split(status))
    first, last = partial_date(date_from, "from"), partial_date(date_to, "to")
    actor = (actor or "").strip() or None
    unknown_actor = bool(actor) and not store.find_actor_ids(actor or "")
    entries = timeline(
        store, actor=actor, date_from=first, date_to=last, modalities=chosen,
        types=types or None, first_mention_only=True,
    )  # fmt: skip
    shown = entries[:TIMELINE_LIMIT]
    return render(
        request, "timeline.html", groups=group_entries(shown), total=len(entries),
        shown=len(shown), undated=undated(store, chosen, actor, types or None),
        actor=actor or "", types=types, statuses=chosen, date_from=first or "",
        date_to=last or "", all_types=PLOVER_TYPES, all_statuses=MODALITIES,
        actor_names=_reads.actor_names(store), unknown_actor=unknown_actor,
        feed_query=feed_query(actor, types, chosen, first, last),
    )  # fmt: skip


@router.get("/graph", response_class=HTMLResponse)
def graph_page(
    request: Request,
    store: StoreDep,
    status: ListParam = [],  # noqa: B006
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> HTMLResponse:
    chosen = statuses(_split(status), default=("asserted",))
    first, last = partial_date(date_from, "from"), partial_date(date_to, "to")
    graph = actor_graph(store, date_from=first, date_to=last, modalities=chosen)
    edges = sorted(
        graph.edges.items(),
        key=lambda item: (-item[1].count, -sum(item[1].other.values()), item[0]),
    )
    return render(
        request, "graph.html", svg=charts.actor_graph_svg(graph), graph=graph, edges=edges,
        edge_tone=charts.edge_tone, statuses=chosen, all_statuses=MODALITIES,
        date_from=first or "", date_to=last or "",
    )  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    q = q.strip()
    if len(q) > 500:
        raise BadParameter("q: a search is at most 500 characters")
    results = _reads.search(store, q) if q else None
    return render(request, "search.html", q=q, results=results)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    """Upload files or paste a text; off unless the server was given an ingest token."""
    return render(request, "ingest.html", enabled=bool(request.app.state.ingest_token))


register_record_pages(router)
