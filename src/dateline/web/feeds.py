"""Atom alerts: ``/feeds/events.atom`` with the event filters of the API gives the newest
events (by when the store first saw them) matching, so a feed reader shows each new
event of a saved query once.

The XML is built with ElementTree, so article text is always escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from ..views.timeline import date_label, headline, status_mark
from .api_params import EventFilters, FiltersDep
from .deps import StoreDep

router = APIRouter(tags=["feeds"])

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"


def describe(filters: EventFilters) -> str:
    """The filters in words, for the feed's title ("type COERCE; actor VEN")."""
    parts = []
    if filters.types:
        parts.append("type " + ",".join(filters.types))
    if filters.modalities:
        parts.append("status " + ",".join(filters.modalities))
    for name, value in (("actor", filters.actor), ("source", filters.source),
                        ("from", filters.date_from), ("to", filters.date_to)):  # fmt: skip
        if value:
            parts.append(f"{name} {value}")
    return "; ".join(parts) or "all events"


def _atom_time(stamp: str | None) -> str:
    """An RFC 3339 time as Atom wants it (stored stamps are ISO with an offset)."""
    if not stamp:
        return datetime.now(UTC).isoformat(timespec="seconds")
    try:
        parsed = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.now(UTC).isoformat(timespec="seconds")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.isoformat(timespec="seconds")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


@router.get(
    "/feeds/events.atom",
    summary="Atom feed of the newest events matching the filters",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}, "description": "Atom 1.0"}},
)
def events_feed(
    request: Request,
    store: StoreDep,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=200, description="Entries in the feed.")] = 50,
) -> Response:
    newest = store.newest_events(limit=limit, **filters.store_args())
    mentions = store.mentions_of([event.id for event, _ in newest])
    base = str(request.base_url)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", f"{base}feeds/events.atom?{request.url.query}")
    _add(feed, "title", f"dateline: {describe(filters)}")
    _add(feed, "updated", _atom_time(newest[0][1] if newest else None))
    _add(_add(feed, "author"), "name", "dateline")
    _add(feed, "link", rel="self", href=str(request.url), type="application/atom+xml")
    _add(feed, "link", rel="alternate", href=f"{base}events", type="text/html")
    for event, first_seen in newest:
        entry = _add(feed, "entry")
        # The event's id never changes, so a reader shows each event once.
        _add(entry, "id", f"{base}events/{event.id}")
        title = f"{date_label(event.date)}: {headline(event)}{status_mark(event)}"
        _add(entry, "title", title)
        _add(entry, "updated", _atom_time(first_seen))
        _add(entry, "link", rel="alternate", href=f"{base}events/{event.id}", type="text/html")
        reports = mentions.get(event.id, [])
        sentence = " ".join(reports[0].sentence.split()) if reports else ""
        sources = f"{event.num_sources} source{'s' if event.num_sources != 1 else ''}"
        _add(entry, "summary", f"{headline(event)}{status_mark(event)} ({sources}). {sentence}")
        for label in (event.type, event.modality):
            _add(entry, "category", term=label)
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, media_type=MEDIA_TYPE)
