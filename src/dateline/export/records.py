"""Export records: the JSON shapes of the output contract, built from the store."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ..model import Actor, DateValue, DatingEvidence, Document, Event, EventMention, to_dict
from ..registry import Registry
from ..store import CODER_VERSION, Store, StoredMention, StoredQuote


def event_record(
    event: Event,
    mentions: Sequence[StoredMention] | None = None,
    with_mentions: bool = True,
    mention_records: Sequence[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The contract's event record; its mentions from ``mentions``, or given as records
    already (``mention_records_of``)."""
    record: dict[str, Any] = {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "contexts": event.contexts,
        "modality": event.modality,
        "actors": to_dict(event.actors),
        "recipients": to_dict(event.recipients),
        "date": to_dict(event.date),
        "location": to_dict(event.location),
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "cameo": event.cameo,
        "attribution": to_dict(event.attribution),
        "confidence": event.confidence,
        "num_mentions": event.num_mentions,
        "num_sources": event.num_sources,
        "conflicts": to_dict(event.conflicts),
    }
    if mention_records is not None:
        record["mentions"] = list(mention_records)
    elif with_mentions:
        record["mentions"] = [mention_record(m) for m in mentions or []]
    record["coder_version"] = CODER_VERSION
    return record


def mention_record(stored: StoredMention) -> dict[str, Any]:
    m = stored.mention
    return {
        "doc_id": m.doc_id,
        "source": stored.source,
        "sentence": stored.sentence,
        "start": m.sentence_start,
        "end": m.sentence_end,
        "trigger": m.trigger,
        "trigger_start": m.trigger_start,
        "trigger_end": m.trigger_end,
        "publisher": stored.publisher,
        "type": m.type,
        "modality": m.modality,
        "confidence": m.confidence,
        "date": to_dict(m.date),
        "date_span": list(m.date_span) if m.date_span else None,
        "attribution": to_dict(m.attribution),
    }


def mention_records_of(store: Store, event_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """``mention_record`` of every mention of these events, by event, read from the
    store's columns and the parts of each record it needs (no mention is rebuilt whole:
    a page of events can carry hundreds of reports)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in store.mention_rows(event_ids):
        (event_id, doc_id, source, publisher, sentence, start, end, trigger, trigger_start,
         trigger_end, kind, modality, confidence, date, span, attribution) = row  # fmt: skip
        found.setdefault(event_id, []).append({
            "doc_id": doc_id, "source": source, "sentence": sentence, "start": start,
            "end": end, "trigger": trigger, "trigger_start": trigger_start,
            "trigger_end": trigger_end, "publisher": publisher, "type": kind,
            "modality": modality, "confidence": confidence,
            "date": json.loads(date) if date else to_dict(DateValue()),
            "date_span": json.loads(span) or None if span else None,
            "attribution": json.loads(attribution) if attribution else None,
        })  # fmt: skip
    return found


def mention_as_event(mention: EventMention) -> dict[str, Any]:
    """An unmerged mention in the event record shape (``dateline code``)."""
    from ..linking import Report, build_event

    event = build_event([Report(mention)])
    record = event_record(event, with_mentions=False)
    record["trigger"] = mention.trigger
    record["trigger_start"] = mention.trigger_start
    record["trigger_end"] = mention.trigger_end
    return record


def event_records(store: Store, events: Sequence[Event]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield event_record(event, store.event_mentions(event.id))


def document_record(
    document: Document, num_events: int, dating: Sequence[tuple[DatingEvidence, bool]] = ()
) -> dict[str, Any]:
    """The contract's document record; ``dating`` adds the clues an inferred publication
    date rests on (``used``) or that contradicted stronger ones."""
    return {
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "url": document.url,
        "publisher": document.publisher,
        "author": document.author,
        "published": to_dict(document.published),
        "language": document.language,
        "status": document.status,
        "error": document.error,
        "duplicate_of": document.duplicate_of,
        "num_events": num_events,
        "length": len(document.text),
        "dating": [{**to_dict(clue), "used": used} for clue, used in dating],
    }


def document_records(store: Store) -> Iterator[dict[str, Any]]:
    for document, num_events in store.documents():
        yield document_record(document, num_events, store.dating_evidence(document.id))


#: What ``dateline export KIND`` can write: each kind's records, read from a store.
RecordSource = Callable[[Store], Iterable[dict[str, Any]]]
record_kinds: Registry[RecordSource] = Registry("export kind")


@record_kinds.register("events")
def all_event_records(store: Store) -> Iterator[dict[str, Any]]:
    return event_records(store, store.events())


record_kinds.register("documents")(document_records)


def quote_record(stored: StoredQuote) -> dict[str, Any]:
    """A quote with its id and source: ``start``/``end`` index the document text."""
    quote = stored.quote
    return {"id": quote.id, **to_dict(quote), "source": stored.source}


@record_kinds.register("quotes")
def quote_records(store: Store, speaker: str | None = None) -> Iterator[dict[str, Any]]:
    for stored in store.quotes(speaker):
        yield quote_record(stored)


def actor_event_record(event: Event, roles: Sequence[str]) -> dict[str, Any]:
    """An event as it concerns one actor: what happened, when, and the actor's roles."""
    return {"id": event.id, "type": event.type, "modality": event.modality,
            "date": to_dict(event.date), "roles": list(roles)}  # fmt: skip


def actor_record(
    actor: Actor, counts: dict[str, int], events: Sequence[tuple[Event, Sequence[str]]] = ()
) -> dict[str, Any]:
    """An actor with its aliases, roles (with periods), counts and events."""
    return {
        **to_dict(actor),
        "code": actor.code,
        "num_events": counts.get("events", 0),
        "num_mentions": counts.get("mentions", 0),
        "num_quotes": counts.get("quotes", 0),
        "events": [actor_event_record(event, roles) for event, roles in events],
    }


@record_kinds.register("actors")
def actor_records(store: Store) -> Iterator[dict[str, Any]]:
    counts = store.actor_counts()
    for actor in store.actors():
        yield actor_record(actor, counts.get(actor.id, {}), store.actor_events(actor.id))
