"""The Jinja2 environment of the HTML pages and the helpers their templates call.

Autoescape is on for every template: article text, titles and actor names come from
untrusted input, and only markup built by our own code (``Markup`` from
``dateline.web._highlight`` and ``dateline.web.charts``) is inserted unescaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from ..model import DateValue, Event
from ..views.timeline import date_label, headline

TEMPLATE_DIR = Path(__file__).parent / "templates"

QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def actor_href(actor_id: str) -> str:
    """The actor page of an id; ids hold ":" ("person:john-ratcliffe", "USA:GOV")."""
    return "/actors/" + quote(actor_id, safe=":")


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def document_href(doc_id: str, start: int | None = None) -> str:
    href = "/documents/" + quote(doc_id, safe="")
    return f"{href}#span-{start}" if start is not None else href


def quad_label(quad_class: int | None) -> str:
    return QUAD_LABELS.get(quad_class or 0, "unclassified")


def quad_tone(quad_class: int | None) -> str:
    """The CSS tone of a quad class: cooperation, conflict or none."""
    if quad_class in (1, 2):
        return "cooperation"
    if quad_class in (3, 4):
        return "conflict"
    return "neutral"


def date_text(date: DateValue) -> str:
    """The date as a reader sees it: its label, and "(publication date)" when the text gave
    none, so a fallback never passes for a date the article states."""
    label = date_label(date)
    if date.origin == "publication":
        return f"{label} (publication date)"
    return label


def status_class(event: Event) -> str:
    """The CSS class that styles an event by its status ("status-planned")."""
    return f"status-{event.modality}"


def query_with(params: dict[str, Any], **changes: Any) -> str:
    """A query string from the current parameters with some changed (None drops one)."""
    merged = {**params, **changes}
    pairs: list[tuple[str, str]] = []
    for key, value in merged.items():
        if value is None or value == "":
            continue
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((key, str(v)) for v in values)
    return urlencode(pairs)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        version=__version__,
        actor_href=actor_href,
        event_href=event_href,
        document_href=document_href,
        quad_label=quad_label,
        quad_tone=quad_tone,
        date_text=date_text,
        date_label=date_label,
        headline=headline,
        status_class=status_class,
        query_with=query_with,
    )
    return env


ENV = _environment()

NAV = (
    ("/", "Overview"),
    ("/timeline", "Timeline"),
    ("/graph", "Graph"),
    ("/actors", "Actors"),
    ("/documents", "Documents"),
    ("/ingest", "Add articles"),
)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``template``; ``context`` adds to what every page gets (the nav, the
    current path)."""
    page = ENV.get_template(template).render(nav=NAV, path=request.url.path, **context)
    return HTMLResponse(page, status_code=status_code)


def error_page(request: Request, status_code: int, title: str, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code, title=title, message=message)
