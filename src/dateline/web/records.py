"""The pages of single records and their lists: an event, actors, documents (the reader)."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from ..model import Conflict, Document, Event
from ..store import StoredMention
from ..views.actors import actor_profiles, actor_table, role_label
from . import _reads
from ._highlight import Span, highlight
from ._params import BadParameter, NotFound
from .deps import StoreDep
from .templating import render

#: Characters of article shown on each side of a mention's sentence on the event page.
CONTEXT = 260
DOCUMENTS_PER_PAGE = 50


@dataclass(slots=True)
class MentionView:
    stored: StoredMention
    title: str
    #: The sentence highlighted inside its passage of the article.
    passage: Markup


def _passage(document: Document, stored: StoredMention) -> Markup:
    """The mention's sentence (and its trigger and date) marked inside a passage of its
    article, cut at word boundaries."""
    m = stored.mention
    text = document.text
    start = max(0, m.sentence_start - CONTEXT)
    end = min(len(text), m.sentence_end + CONTEXT)
    if start > 0:
        space = text.find(" ", start, m.sentence_start)
        start = space + 1 if space >= 0 else m.sentence_start
    if end < len(text):
        space = text.rfind(" ", m.sentence_end, end)
        end = space if space >= 0 else m.sentence_end
    spans = [
        Span(m.sentence_start, m.sentence_end, "sentence", "the reporting sentence"),
        Span(m.trigger_start, m.trigger_end, "trigger", f"{m.type} ({m.modality})"),
    ]
    if m.date_span:
        spans.append(Span(m.date_span[0], m.date_span[1], "timex", f"date: {m.date.value}"))
    body = highlight(text, spans, start=start, end=end)
    return Markup("…" if start > 0 else "") + body + Markup("…" if end < len(text) else "")


@dataclass(slots=True)
class ConflictView:
    conflict: Conflict
    #: Per value: the mentions that give it.
    columns: list[tuple[str, list[MentionView]]] = field(default_factory=list)


def event_page(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    event = store.event(event_id)
    if event is None:
        raise NotFound(f"There is no event with the id {event_id!r}.")
    documents: dict[str, Document | None] = {}
    views: list[MentionView] = []
    for stored in store.event_mentions(event.id):
        doc_id = stored.mention.doc_id
        if doc_id not in documents:
            documents[doc_id] = store.document(doc_id)
        document = documents[doc_id]
        if document is None:
            continue
        views.append(MentionView(stored, document.title or document.source,
                                 _passage(document, stored)))  # fmt: skip
    by_id = {view.stored.mention.id: view for view in views}
    conflicts = [
        ConflictView(c, [(value, [by_id[i] for i in ids if i in by_id])
                         for value, ids in zip(c.values, c.mentions, strict=False)])
        for c in event.conflicts
    ]  # fmt: skip
    sources = list(dict.fromkeys(
        (v.stored.publisher or v.title, v.stored.mention.doc_id) for v in views
    ))  # fmt: skip
    return render(request, "event.html", event=event, mentions=views, conflicts=conflicts,
                  sources=sources)  # fmt: skip


def actors_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "actors.html", rows=actor_table(store))


@dataclass(slots=True)
class Relation:
    """A counterpart of an actor: events between them by quad class (asserted only) and
    the reported ones that did not happen."""

    actor_id: str
    name: str
    quad: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    happened: int = 0
    not_happened: int = 0


def relations(actor_id: str, events: list[tuple[Event, list[str]]]) -> list[Relation]:
    found: dict[str, Relation] = {}
    for event, roles in events:
        others = []
        if "actor" in roles:
            others += event.recipients or event.actors  # a joint act: the co-actors
        if "recipient" in roles:
            others += event.actors
        for ref in {r.actor_id: r for r in others if r.actor_id != actor_id}.values():
            rel = found.setdefault(ref.actor_id, Relation(ref.actor_id, ref.name))
            if event.modality != "asserted":
                rel.not_happened += 1
                continue
            rel.happened += 1
            if event.quad_class in (1, 2, 3, 4):
                rel.quad[event.quad_class - 1] += 1
    return sorted(found.values(), key=lambda r: (-r.happened, -r.not_happened, r.name))


def actor_page(request: Request, store: StoreDep, name_or_id: str) -> HTMLResponse:
    profiles = actor_profiles(store, name_or_id)
    if not profiles:
        raise NotFound(f"There is no actor with the id or name {name_or_id!r}.")
    views = [(p, relations(p.row.actor.id, p.events)) for p in profiles]
    return render(request, "actor.html", profiles=views, role_label=role_label,
                  query_name=name_or_id)  # fmt: skip


def _int(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise BadParameter(f"{name}: {value!r} is not a whole number") from exc
    if not low <= number <= high:
        raise BadParameter(f"{name}: {number} is not between {low} and {high}")
    return number


def documents_page(
    request: Request, store: StoreDep, offset: str | None = None, limit: str | None = None
) -> HTMLResponse:
    first = _int(offset, "offset", 0, 0, 10**9)
    size = _int(limit, "limit", DOCUMENTS_PER_PAGE, 1, 500)
    documents, total = store.document_page(limit=size, offset=first)
    return render(request, "documents.html", documents=documents, total=total, offset=first,
                  limit=size)  # fmt: skip


def document_page(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    document = store.document(doc_id)
    if document is None:
        raise NotFound(f"There is no document with the id {doc_id!r}.")
    marked = _reads.document_spans(store, doc_id)
    anchors = {m.mention.sentence_start for _, ms in marked.events for m in ms}
    body = highlight(document.text, marked.spans, anchors=anchors)
    return render(request, "document.html", document=document, body=body, events=marked.events,
                  counts=_span_counts(marked.spans))  # fmt: skip


def _span_counts(spans: list[Span]) -> dict[str, int]:
    counts = {"actor": 0, "timex": 0, "event": 0}
    for span in spans:
        kind = span.kind.split()[0]
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def register(router: APIRouter) -> None:
    """Add these pages to ``router`` (the pages router of ``dateline.web.pages``)."""
    router.add_api_route("/events/{event_id}", event_page, response_class=HTMLResponse)
    router.add_api_route("/actors", actors_page, response_class=HTMLResponse)
    router.add_api_route("/actors/{name_or_id}", actor_page, response_class=HTMLResponse)
    router.add_api_route("/documents", documents_page, response_class=HTMLResponse)
    router.add_api_route("/documents/{doc_id}", document_page, response_class=HTMLResponse)
