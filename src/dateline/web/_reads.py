"""What the pages read from the store beyond the views: corpus counts, one document's
marked spans for the reader, and search results made ready to show."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model import Event
from ..store import Store, StoredMention
from ..views.timeline import headline
from ._highlight import Span, highlight
from .templating import actor_href, event_href


@dataclass(slots=True)
class DocumentSpans:
    """A document's marked spans (actors, time expressions, event triggers) and the
    events it reports, in text order."""

    spans: list[Span]
    events: list[tuple[Event, list[StoredMention]]]


def _kind_and_code(kind: str, code: str | None) -> str:
    return f"{kind}, {code}" if code else kind


def document_spans(store: Store, doc_id: str) -> DocumentSpans:
    spans = [
        Span(a.start, a.end, "actor", f"actor: {a.name} ({_kind_and_code(a.kind, a.code)})",
             actor_href(a.actor_id))
        for a in store.document_actor_mentions(doc_id)
    ]  # fmt: skip
    spans += [
        Span(t.start, t.end, "timex", f"{t.type}: {t.value}")
        for t in store.document_timexes(doc_id)
    ]
    events = store.document_events(doc_id)
    for event, mentions in events:
        for stored in mentions:
            m = stored.mention
            tip = f"event: {m.type} ({m.modality}) — {headline(event)}"
            spans.append(Span(m.trigger_start, m.trigger_end, f"event hl-{m.modality}", tip,
                              event_href(event.id)))  # fmt: skip
    return DocumentSpans(spans, events)


@dataclass(slots=True)
class DocumentResult:
    doc_id: str
    title: str
    snippet: Markup


@dataclass(slots=True)
class EventResult:
    event: Event
    sentence: Markup
    source: str
    doc_id: str


@dataclass(slots=True)
class SearchPage:
    q: str
    documents: list[DocumentResult]
    events: list[EventResult]
    total_documents: int
    total_events: int


def _marked(text: str, matches: list[tuple[int, int]]) -> Markup:
    return highlight(text, [Span(start, end, "match") for start, end in matches])


def search(store: Store, q: str, limit: int = 50) -> SearchPage:
    """Documents and events holding every word of ``q``, their matched words marked."""
    found = store.search(q, limit=limit)
    return SearchPage(
        q,
        [DocumentResult(hit.id, hit.title or hit.source, _marked(hit.snippet, hit.highlights))
         for hit in found.documents],
        [EventResult(hit.event, _marked(hit.sentence, hit.highlights), hit.source, hit.doc_id)
         for hit in found.events],
        found.total_documents,
        found.total_events,
    )  # fmt: skip


@dataclass(slots=True)
class CorpusCounts:
    documents: int
    events: int
    actors: int
    sources: int


def corpus_counts(store: Store) -> CorpusCounts:
    """Documents read fine, events (merged), actors, and distinct sources: publishers, or
    documents where none is known (as ``Event.num_sources`` counts them)."""
    return CorpusCounts(
        documents=int(store.scalar("SELECT count(*) FROM documents WHERE status = 'ok'")),
        events=int(store.scalar("SELECT count(*) FROM events WHERE num_mentions > 0")),
        actors=int(store.scalar("SELECT count(*) FROM actors")),
        sources=int(
            store.scalar(
                "SELECT count(DISTINCT coalesce(publisher, id)) FROM documents"
                " WHERE status = 'ok' AND duplicate_of IS NULL"
            )
        ),
    )


def actor_names(store: Store) -> list[str]:
    """Names to suggest in an actor filter."""
    return [actor.name for actor in store.actors()]
