"""The store's side of browsing: pages of events and documents, one document's spans for
the reader, full-text search, and the newest events for alerts.

Everything is paged in SQL and read through the indexes of migration 0005, so that a page
costs the same on a store of a hundred events as on one of a hundred thousand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Event, Timex, event_from_dict, event_mention_from_dict
from ._actors import ActorQueries
from ._base import MENTION_ORDER, StoredMention, _document_from_row, bulk_decoding, decode_record

#: ``Store.events``'s order; the expressions are those of the index ``events_order``.
EVENT_ORDER = (
    "coalesce(date_earliest, date_latest) IS NULL, coalesce(date_earliest, date_latest),"
    " date_latest, type, id"
)

#: Marks around the matched words in a document snippet, taken out again before it is
#: returned (private-use characters: no article contains them).
_OPEN, _CLOSE = "\ue000", "\ue001"
#: Pages and counts walk the order index, which holds every filtered column: cheaper than
#: what the planner picks from the filters alone (reading each matching row, then sorting).
_BY_ORDER = "INDEXED BY events_order"
#: The condition on an actor with few events: those are listed from ``event_actors`` and
#: counted or sorted as they are, cheaper than walking the order index for them.
_FEW_EVENTS_OF = "id IN (SELECT event_id FROM event_actors WHERE actor_id IN"
#: Events from which an actor's are found by walking the order index rather than listed.
_BUSY_ACTOR = 5000
_WORD = re.compile(r"(\w+)(\*?)")
_MAX_TERMS = 16


@dataclass(slots=True)
class ActorSpan:
    """A span of a document's text naming an actor, with the actor it names."""

    start: int
    end: int
    text: str
    label: str
    actor_id: str
    name: str
    kind: str
    code: str | None


@dataclass(slots=True)
class DocumentHit:
    id: str
    title: str | None
    source: str
    publisher: str | None
    snippet: str
    #: (start, end) of each matched word within ``snippet``.
    highlights: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class EventHit:
    event: Event
    #: The report whose sentence holds the words (else the first report), and where.
    sentence: str
    source: str
    doc_id: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class SearchResults:
    query: str
    #: The words searched for, as the full-text index was asked ("" when none).
    match: str
    documents: list[DocumentHit] = field(default_factory=list)
    events: list[EventHit] = field(default_factory=list)
    total_documents: int = 0
    total_events: int = 0


def fts_query(query: str) -> tuple[str, list[re.Pattern[str]]]:
    """User text as an FTS5 query that cannot be malformed: each word quoted (a trailing
    ``*`` kept as a prefix search), all required; and a pattern per word to mark it."""
    terms, patterns = [], []
    for word, star in _WORD.findall(query)[:_MAX_TERMS]:
        terms.append(f'"{word}"{star}')
        tail = r"\w*" if star else r"\b"
        patterns.append(re.compile(rf"\b{re.escape(word)}{tail}", re.IGNORECASE))
    return " ".join(terms), patterns


def _marks(text: str, patterns: Sequence[re.Pattern[str]]) -> list[tuple[int, int]]:
    found = {(m.start(), m.end()) for p in patterns for m in p.finditer(text)}
    return sorted(found)


def _unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet without its marks, and where the marked words are in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    at, start = 0, 0
    for char in snippet:
        if char == _OPEN:
            start = at
        elif char == _CLOSE:
            spans.append((start, at))
        else:
            plain.append(char)
            at += 1
    return "".join(plain), spans


#: Matches up to which search results are ranked by relevance (bm25).
_RANKED = 2000


def _order(matches: int) -> str:
    return "rank" if matches <= _RANKED else "rowid DESC"


def _placeholders(values: Sequence[Any]) -> str:
    """Placeholders for ``values`` ("?,?,?"): with them, unlike a JSON list, the planner
    searches an index for each value."""
    return ",".join("?" * len(values))


def _hint(condition: str) -> str:
    """How a count over ``condition`` reads the events: by the order index, unless an
    actor with few events narrows them down first."""
    return "" if _FEW_EVENTS_OF in condition else _BY_ORDER


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its wildcards taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class BrowseQueries(ActorQueries):
    def event_conditions(
        self,
        *,
        actor: str | None = None,
        types: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
        dated_only: bool = False,
    ) -> tuple[list[str], list[Any]] | None:
        """SQL conditions on ``events`` for the filters, and their parameters; None when
        the actor names no one (nothing can match).

        ``source`` keeps events reported by a document whose source or publisher contains
        it (case-insensitive for ASCII letters).
        """
        where: list[str] = ["num_mentions > 0"]
        params: list[Any] = []
        for column, values in (("type", types), ("modality", modalities)):
            if values:
                where.append(f"{column} IN ({_placeholders(values)})")
                params.extend(values)
        if dated_only:
            where.append("date_origin != 'unknown'")
        if date_from:
            where.append("coalesce(date_latest, '9999') >= ?")
            params.append(date_from)
        if date_to:
            # "~" sorts after every digit, so a partial bound ("2026-01") includes the
            # whole period it names.
            where.append("coalesce(date_earliest, '0000') <= ?")
            params.append(date_to + "~")
        if actor:
            ids = self.find_actor_ids(actor)
            if not ids:
                return None
            marks = _placeholders(ids)
            busy = self.scalar(
                f"SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE actor_id IN ({marks})"
                f" LIMIT {_BUSY_ACTOR})",
                *ids,
            )
            if busy >= _BUSY_ACTOR:
                # A busy actor (a country has most events) is tested per event as the
                # order index is walked, and a page stops early; listing its events
                # would cost more than the walk.
                where.append(
                    "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = events.id"
                    f" AND ea.actor_id IN ({marks}))"
                )
            else:
                where.append(f"{_FEW_EVENTS_OF} ({marks}))")
            params.extend(ids)
        if source:
            where.append(
                "EXISTS (SELECT 1 FROM event_mentions em JOIN documents d ON d.id = em.doc_id"
                " WHERE em.event_id = events.id AND (d.source LIKE ? ESCAPE '\\'"
                " OR d.publisher LIKE ? ESCAPE '\\'))"
            )
            params += [_like(source), _like(source)]
        return where, params

    def event_page(
        self,
        *,
        actor: str | None = None,
        types: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
        dated_only: bool = False,
        limit: int = 50,
        offset: int = 0,
        count: bool = True,
    ) -> tuple[list[Event], int]:
        """One page of the events ``Store.events`` would give (plus ``source``), and how
        many match in all (-1 without ``count``: the caller knows it, see
        ``count_events``)."""
        found = self.event_conditions(
            actor=actor, types=types, modalities=modalities, date_from=date_from,
            date_to=date_to, source=source, dated_only=dated_only,
        )  # fmt: skip
        if found is None:
            return [], 0
        where, params = found
        condition = " AND ".join(where)
        total = (
            int(
                self.scalar(
                    f"SELECT count(*) FROM events {_hint(condition)} WHERE {condition}", *params
                )
            )
            if count
            else -1
        )
        # The page's ids from the index first, then only their records.
        ids = [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM events WHERE {condition} ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        ]
        return self._events_by_id(ids), total

    def mentions_of(self, event_ids: Sequence[str]) -> dict[str, list[StoredMention]]:
        """Each event's mentions (``event_mentions`` order), for many events at once (a
        whole timeline's: the ids go in as one JSON list, not one parameter each); each
        document's text read once."""
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return {}
        rows = self.conn.execute(
            "SELECT em.event_id, em.record, em.doc_id, em.sentence_start, em.sentence_end"
            " FROM event_mentions em JOIN documents d ON d.id = em.doc_id"
            " WHERE em.event_id IN (SELECT value FROM json_each(?))"
            f" ORDER BY em.event_id, {MENTION_ORDER}",
            (json.dumps(ids),),
        ).fetchall()
        documents = self.document_texts({r[2] for r in rows})
        found: dict[str, list[StoredMention]] = {}
        with bulk_decoding():
            for event_id, record, doc_id, start, end in rows:
                mention = event_mention_from_dict(decode_record(record))
                source, publisher, text = documents[doc_id]
                found.setdefault(event_id, []).append(
                    StoredMention(mention, source, text[start:end], publisher)
                )
        return found

    def mention_rows(self, event_ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """Each event's mentions (``mentions_of`` order) as plain values, for listing many
        events' reports fast: (event_id, doc_id, source, publisher, sentence, start, end,
        trigger, trigger_start, trigger_end, type, modality, confidence, date, date_span,
        attribution), the last three as stored JSON text (or None). No record is decoded
        whole: that is most of what listing a page of events costs."""
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return []
        rows = self.conn.execute(
            "SELECT em.event_id, em.doc_id, em.sentence_start, em.sentence_end, em.trigger,"
            " em.trigger_start, em.trigger_end, em.type, em.modality,"
            " json_extract(em.record, '$.confidence'), json_extract(em.record, '$.date'),"
            " json_extract(em.record, '$.date_span'), json_extract(em.record, '$.attribution')"
            " FROM event_mentions em JOIN documents d ON d.id = em.doc_id"
            " WHERE em.event_id IN (SELECT value FROM json_each(?))"
            f" ORDER BY em.event_id, {MENTION_ORDER}",
            (json.dumps(ids),),
        ).fetchall()
        documents = self.document_texts({r[1] for r in rows})
        found = []
        for event_id, doc_id, start, end, *rest in rows:
            source, publisher, text = documents[doc_id]
            found.append((event_id, doc_id, source, publisher, text[start:end], start, end, *rest))
        return found

    def count_events(self, **filters: Any) -> int:
        """How many events match ``filters`` (as ``event_page`` takes them)."""
        found = self.event_conditions(**filters)
        if found is None:
            return 0
        where, params = found
        condition = " AND ".join(where)
        return int(
            self.scalar(
                f"SELECT count(*) FROM events {_hint(condition)} WHERE {condition}", *params
            )
        )

    def _events_by_id(self, ids: Sequence[str]) -> list[Event]:
        """The events with these ids, in the order given."""
        if not ids:
            return []
        rows = self.conn.execute(
            f"SELECT id, record FROM events WHERE id IN ({_placeholders(ids)})", list(ids)
        ).fetchall()
        records = {r[0]: r[1] for r in rows}
        return [event_from_dict(decode_record(records[i])) for i in ids if i in records]

    def event(self, event_id: str) -> Event | None:
        row = self.conn.execute(
            "SELECT record FROM events WHERE id = ? AND num_mentions > 0", (event_id,)
        ).fetchone()
        return event_from_dict(json.loads(row[0])) if row else None

    def newest_events(
        self, *, since: str | None = None, limit: int = 50, **filters: Any
    ) -> list[tuple[Event, str]]:
        """The events matching ``filters`` (as ``event_page`` takes them) first seen
        after ``since`` (an ISO timestamp), newest first, with when each was first seen."""
        found = self.event_conditions(**filters)
        if found is None:
            return []
        where, params = found
        if since:
            where.append("first_seen > ?")
            params.append(since)
        rows = self.conn.execute(
            # Newest first down the index: a feed's few entries are found without sorting.
            f"SELECT id, first_seen FROM events INDEXED BY events_first_seen"
            f" WHERE {' AND '.join(where)} ORDER BY first_seen DESC, id DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
        seen = {r[0]: r[1] for r in rows}
        return [(e, seen[e.id]) for e in self._events_by_id(list(seen))]

    def document_page(
        self, *, source: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[tuple[Document, int]], int]:
        """One page of documents (by source), each with its number of event mentions, and
        how many match in all; ``source`` as ``event_conditions`` takes it."""
        condition, params = "", []
        if source:
            condition = " WHERE source LIKE ? ESCAPE '\\' OR publisher LIKE ? ESCAPE '\\'"
            params = [_like(source), _like(source)]
        total = int(self.scalar(f"SELECT count(*) FROM documents{condition}", *params))
        rows = self.conn.execute(
            "SELECT d.*, (SELECT count(*) FROM event_mentions em WHERE em.doc_id = d.id)"
            " AS num_events FROM (SELECT rowid AS r FROM documents"
            f"{condition} ORDER BY source, id LIMIT ? OFFSET ?) AS page"
            " JOIN documents d ON d.rowid = page.r ORDER BY d.source, d.id",
            [*params, limit, offset],
        ).fetchall()
        return [(_document_from_row(r), int(r["num_events"])) for r in rows], total

    def document_events(self, doc_id: str) -> list[tuple[Event, list[StoredMention]]]:
        """The events a document reports, in the order it first reports them, each with
        its mentions in that document."""
        mentions = self._stored_mentions(
            " WHERE em.doc_id = ? ORDER BY em.trigger_start", (doc_id,)
        )
        owners = dict(
            self.conn.execute(
                "SELECT id, event_id FROM event_mentions WHERE doc_id = ?", (doc_id,)
            ).fetchall()
        )
        by_event: dict[str, list[StoredMention]] = {}
        for stored in mentions:
            by_event.setdefault(owners[stored.mention.id], []).append(stored)
        events = self._events_by_id(list(by_event))
        return [(event, by_event[event.id]) for event in events]

    def document_timexes(self, doc_id: str) -> list[Timex]:
        rows = self.conn.execute(
            "SELECT start, end, text, type, value, precision, earliest, latest, anchor"
            " FROM timexes WHERE doc_id = ? ORDER BY start, end",
            (doc_id,),
        ).fetchall()
        return [
            Timex(r["start"], r["end"], r["text"], r["type"], r["value"], r["precision"],
                  r["earliest"], r["latest"], r["anchor"], doc_id)
            for r in rows
        ]  # fmt: skip

    def document_actor_mentions(self, doc_id: str) -> list[ActorSpan]:
        rows = self.conn.execute(
            "SELECT m.start, m.end, m.text, m.label, m.actor_id, a.name, a.kind, a.country,"
            " a.sectors FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id"
            " WHERE m.doc_id = ? ORDER BY m.start, m.end",
            (doc_id,),
        ).fetchall()
        spans = []
        for r in rows:
            sectors = json.loads(r["sectors"]) if r["sectors"] else []
            code = r["country"] or (sectors[0] if sectors else None)
            name, kind = r["name"] or r["text"], r["kind"] or "unknown"
            span = (r["start"], r["end"], r["text"], r["label"], r["actor_id"])
            spans.append(ActorSpan(*span, name, kind, code))
        return spans

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> SearchResults:
        """Documents and events holding every word of ``query`` (plain words; a trailing
        ``*`` searches a prefix), the best matches first; when more than ``_RANKED``
        match, the most recently stored first (ranking them all would cost more than a
        page is worth: narrow the words to rank them)."""
        match, patterns = fts_query(query)
        results = SearchResults(query, match)
        if not match:
            return results
        results.total_documents = int(
            self.scalar("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", match)
        )
        order = _order(results.total_documents)
        rows = self.conn.execute(
            "SELECT d.id, d.title, d.source, d.publisher, hits.snippet FROM"
            " (SELECT rowid AS r, rowid, rank,"
            f" snippet(documents_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 24) AS snippet"
            f" FROM documents_fts WHERE documents_fts MATCH ? ORDER BY {order} LIMIT ? OFFSET ?)"
            f" AS hits JOIN documents d ON d.rowid = hits.r ORDER BY hits.{order}",
            (match, limit, offset),
        ).fetchall()
        for r in rows:
            snippet, spans = _unmark(r["snippet"] or "")
            results.documents.append(
                DocumentHit(r["id"], r["title"], r["source"], r["publisher"], snippet, spans)
            )
        results.total_events = int(
            self.scalar("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?", match)
        )
        order = _order(results.total_events)
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT s.event_id FROM (SELECT rowid AS r, rowid, rank FROM events_fts"
                f" WHERE events_fts MATCH ? ORDER BY {order} LIMIT ? OFFSET ?) AS hits"
                f" JOIN event_search s ON s.rowid = hits.r ORDER BY hits.{order}",
                (match, limit, offset),
            )
        ]
        for event in self._events_by_id(ids):
            results.events.append(self._event_hit(event, patterns))
        return results

    def _event_hit(self, event: Event, patterns: Sequence[re.Pattern[str]]) -> EventHit:
        """The event with the first of its reports whose sentence holds a searched word."""
        reports = self.event_mentions(event.id)
        if not reports:
            return EventHit(event, "", "", "")
        best = next((r for r in reports if _marks(r.sentence, patterns)), reports[0])
        sentence = " ".join(best.sentence.split())
        return EventHit(event, sentence, best.source, best.mention.doc_id,
                        _marks(sentence, patterns))  # fmt: skip

    def reindex_event_words(self) -> int:
        """Rebuild every event's search words from the stored events (for stores whose
        rows were written by other means than ``add_annotation``); returns the count."""
        ids = [r[0] for r in self.rows("SELECT id FROM events WHERE num_mentions > 0")]
        with self._transaction():
            self.conn.execute("DELETE FROM event_search")
            for i in range(0, len(ids), 1000):
                chunk = ids[i : i + 1000]
                rows = self.conn.execute(
                    "SELECT em.event_id, em.doc_id, em.sentence_start, em.sentence_end"
                    " FROM event_mentions em JOIN documents d ON d.id = em.doc_id"
                    " WHERE em.event_id IN (SELECT value FROM json_each(?))"
                    f" ORDER BY em.event_id, {MENTION_ORDER}",
                    (json.dumps(chunk),),
                ).fetchall()
                texts = self.document_texts({r[1] for r in rows})
                sentences: dict[str, list[str]] = {}
                for eid, doc_id, start, end in rows:
                    sentences.setdefault(eid, []).append(texts[doc_id][2][start:end])
                for event in self._events_by_id(chunk):
                    self._write_event_words(event, sentences.get(event.id, []))
        return len(ids)
