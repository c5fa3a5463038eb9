"""The REST API under ``/api``: JSON that matches the export contract.

Records are built by ``dateline.export.records`` (the shapes ``dateline export`` writes);
lists are paged: ``{"total", "limit", "offset", "items"}``. Bad parameters are a 422 and
unknown ids a 404, each with a ``detail`` that says why.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..export.records import actor_record, document_record, event_record, quote_record
from ..model import to_dict
from ..store import EventHit
from ..views.actors import actor_profiles, actor_table
from . import api_views
from .api_params import MAX_LIMIT, FiltersDep, PageDep, answers, not_found
from .api_views import event_records
from .cache import store_cache
from .deps import StoreDep

router = APIRouter(tags=["api"])


@router.get("/events", summary="Events, filtered and paged, in date order (undated last)")
def list_events(
    request: Request, store: StoreDep, filters: FiltersDep, page: PageDep
) -> dict[str, Any]:
    args = filters.store_args()
    # Counting reads every matching event's index entry: once per filter and store version.
    total = store_cache(request).get(("count", filters), lambda: store.count_events(**args))
    events, _ = store.event_page(**args, limit=page.limit, offset=page.offset, count=False)
    return page.envelope(total, event_records(store, events))


@router.get(
    "/events/{event_id}",
    responses=answers(404),
    summary="One event with all its mentions and conflicts",
)
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise not_found(f"event {event_id!r}")
    return event_record(event, store.event_mentions(event_id))


@router.get("/documents", summary="Documents, paged, by source")
def list_documents(
    store: StoreDep,
    page: PageDep,
    source: Annotated[str | None, Query(description="Source or publisher holds this.")] = None,
) -> dict[str, Any]:
    documents, total = store.document_page(
        source=(source or "").strip() or None, limit=page.limit, offset=page.offset
    )
    return page.envelope(total, [document_record(d, n) for d, n in documents])


@router.get(
    "/documents/{doc_id}",
    responses=answers(404),
    summary="One document: its record, text, and the spans to highlight in it",
)
def get_document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    document = store.document(doc_id)
    if document is None:
        raise not_found(f"document {doc_id!r}")
    reported = store.document_events(doc_id)
    record = document_record(
        document, sum(len(ms) for _, ms in reported), store.dating_evidence(doc_id)
    )
    record["text"] = document.text
    # Spans index ``text`` (character offsets, end exclusive).
    record["timexes"] = [
        {k: v for k, v in to_dict(t).items() if k != "doc_id"}
        for t in store.document_timexes(doc_id)
    ]
    record["actor_mentions"] = [to_dict(span) for span in store.document_actor_mentions(doc_id)]
    record["event_mentions"] = [
        {"event_id": event.id, "type": m.mention.type, "modality": m.mention.modality,
         "trigger": m.mention.trigger, "trigger_start": m.mention.trigger_start,
         "trigger_end": m.mention.trigger_end, "sentence_start": m.mention.sentence_start,
         "sentence_end": m.mention.sentence_end}
        for event, mentions in reported for m in mentions
    ]  # fmt: skip
    record["events"] = [event_record(event, mentions) for event, mentions in reported]
    return record


@router.get("/actors", summary="Every actor, the most active first")
def list_actors(request: Request, store: StoreDep, page: PageDep) -> dict[str, Any]:
    rows = store_cache(request).get(("actors",), lambda: actor_table(store))
    items = [actor_record(r.actor, r.counts) for r in rows[page.offset : page.offset + page.limit]]
    return page.envelope(len(rows), items)


@router.get(
    "/actors/{name_or_id}",
    responses=answers(404),
    summary="One actor (by id, name or alias) with its roles and events",
)
def get_actor(name_or_id: str, store: StoreDep) -> dict[str, Any]:
    profiles = actor_profiles(store, name_or_id)
    if not profiles:
        raise not_found(f"actor named {name_or_id!r}")
    first, *others = profiles
    record = actor_record(first.row.actor, first.row.counts, first.events)
    # A name two actors share (rare): the others' ids, to ask for them by id.
    record["also"] = [p.row.actor.id for p in others]
    return record


@router.get("/quotes", summary="Quotes with their speakers, by publication date")
def list_quotes(
    store: StoreDep,
    page: PageDep,
    speaker: Annotated[
        str | None, Query(description="A speaker's id, name or alias; a country brings its people.")
    ] = None,
) -> dict[str, Any]:
    quotes = store.quotes((speaker or "").strip() or None)
    chosen = quotes[page.offset : page.offset + page.limit]
    return page.envelope(len(quotes), [quote_record(q) for q in chosen])


def event_hit_record(hit: EventHit) -> dict[str, Any]:
    """An event found by search: its record (without mentions) and the sentence found."""
    record = event_record(hit.event, with_mentions=False)
    record.update(sentence=hit.sentence, source=hit.source, doc_id=hit.doc_id,
                  highlights=[list(span) for span in hit.highlights])  # fmt: skip
    return record


@router.get("/search", summary="Documents and events holding every word of q")
def search(
    store: StoreDep,
    q: Annotated[
        str, Query(max_length=500, description="Plain words; a trailing * finds a prefix.")
    ] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> dict[str, Any]:
    found = store.search(q, limit=limit, offset=offset)
    return {
        "query": found.query,
        "limit": limit,
        "offset": offset,
        "total_documents": found.total_documents,
        "total_events": found.total_events,
        "documents": [to_dict(hit) for hit in found.documents],
        "events": [event_hit_record(hit) for hit in found.events],
    }


router.include_router(api_views.router)
