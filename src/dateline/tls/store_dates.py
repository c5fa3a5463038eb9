"""The store's side of date salience: references, publication dates and candidate
sentences read with a few set-wise queries over the store's connection.

Everything here reads the tables ``timexes``, ``documents`` and ``sentences`` as the store
writes them; near-duplicate and failed documents are left out, so a story reprinted twice
is not evidence twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ..model import Event, event_from_dict
from ..store import Store
from .salience import Published
from .sentences import Candidate

#: Documents that count as evidence: stored fine and not a copy of another.
_DOCS = "d.status = 'ok' AND d.duplicate_of IS NULL"

#: A time expression naming one calendar day or month, as its salience key: its first
#: day, or its value where no range was stored ("XXXX-XX-XX", unresolved, is no date).
_START = "coalesce(t.earliest, t.value)"
_KEY = f"CASE WHEN t.precision = 'day' THEN substr({_START}, 1, 10) ELSE substr({_START}, 1, 7) END"
_DATED = (
    "t.type IN ('DATE', 'TIME') AND t.precision IN ('day', 'month')"
    f" AND {_START} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def references(store: Store) -> list[tuple[str, str]]:
    """(document, day or month) for every dated time expression in the store."""
    rows = store.conn.execute(
        f"SELECT DISTINCT t.doc_id, {_KEY} FROM timexes t JOIN documents d ON d.id = t.doc_id"
        f" WHERE {_DATED} AND {_DOCS}"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def published(store: Store) -> dict[str, Published]:
    """Each document's publication range (earliest, latest day; None when open)."""
    rows = store.conn.execute(
        f"SELECT d.id, d.published_earliest, d.published_latest FROM documents d WHERE {_DOCS}"
    ).fetchall()
    return {r[0]: (_day(r[1]), _day(r[2])) for r in rows}


def sentences_naming(store: Store, keys: Iterable[str]) -> dict[str, list[Candidate]]:
    """For each day or month key, the sentences whose time expressions name it."""
    wanted = sorted(set(keys))
    found: dict[str, list[Candidate]] = {key: [] for key in wanted}
    if not wanted:
        return found
    # The expressions naming the keys first, then their sentences and documents: left to
    # itself the planner walks every document and sentence.
    rows = store.conn.execute(
        f"WITH hits AS MATERIALIZED (SELECT {_KEY} AS key, t.doc_id, t.start FROM timexes t"
        f" WHERE {_DATED} AND {_KEY} IN (SELECT value FROM json_each(?)))"
        " SELECT DISTINCT h.key, h.doc_id, d.source, s.start, s.end FROM hits h"
        " CROSS JOIN sentences s ON s.doc_id = h.doc_id AND s.start <= h.start"
        " AND h.start < s.end CROSS JOIN documents d ON d.id = h.doc_id"
        f" WHERE {_DOCS}",
        (json.dumps(wanted),),
    ).fetchall()
    # The text is cut out per distinct sentence, after the filtering: reading a long
    # document's text is the expensive part of the query.
    return _add_candidates(store, rows, found)


def _add_candidates(
    store: Store, rows: Sequence[Any], found: dict[str, list[Candidate]]
) -> dict[str, list[Candidate]]:
    """Rows of (key, doc_id, source, sentence start, end) as candidates under their key;
    each distinct sentence's text read once."""
    texts = _sentence_texts(store, {(r[1], r[3], r[4]) for r in rows})
    for key, doc_id, source, start, end in rows:
        found[key].append(Candidate(texts[(doc_id, start, end)], doc_id, source))
    return found


def leads_published_on(store: Store, days: Iterable[str]) -> dict[str, list[Candidate]]:
    """For each ISO day, the first sentence of every article published on it: what the
    news said that day, for a date that no sentence names and no event is coded on. A
    lead naming another date is about that date and left out."""
    wanted = sorted(set(days))
    found: dict[str, list[Candidate]] = {key: [] for key in wanted}
    if not wanted:
        return found
    rows = store.conn.execute(
        "SELECT substr(d.published_earliest, 1, 10), d.id, d.source, s.start, s.end"
        " FROM documents d JOIN sentences s ON s.doc_id = d.id AND s.idx = 0"
        f" WHERE {_DOCS} AND d.published_earliest = d.published_latest"
        " AND substr(d.published_earliest, 1, 10) IN (SELECT value FROM json_each(?))"
        " AND NOT EXISTS (SELECT 1 FROM timexes t WHERE t.doc_id = d.id"
        f" AND t.start >= s.start AND t.start < s.end AND {_DATED}"
        f" AND {_KEY} != substr(d.published_earliest, 1, 10))",
        (json.dumps(wanted),),
    ).fetchall()
    return _add_candidates(store, rows, found)


def events_on(
    store: Store,
    keys: Iterable[str],
    modalities: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    actor: str | None = None,
) -> dict[str, list[Event]]:
    """For each day or month key, the events matching the filters dated to exactly it, in
    ``Store.events`` order (a range that merely overlaps it is not "on" it)."""
    wanted = sorted(set(keys))
    on: dict[str, list[Event]] = {key: [] for key in wanted}
    found = store.event_conditions(modalities=modalities, types=types, actor=actor)
    if found is None or not wanted:
        return on
    where, params = found
    rows = store.conn.execute(
        f"SELECT date_value, record FROM events WHERE {' AND '.join(where)}"
        " AND date_origin != 'unknown' AND date_precision IN ('day', 'month')"
        " AND date_value IN (SELECT value FROM json_each(?))"
        " ORDER BY date_earliest, date_latest, type, id",
        [*params, json.dumps(wanted)],
    ).fetchall()
    for key, record in rows:
        on[key].append(event_from_dict(json.loads(record)))
    return on


def _sentence_texts(
    store: Store, spans: Iterable[tuple[str, int, int]]
) -> dict[tuple[str, int, int], str]:
    spans = sorted(spans)
    if not spans:
        return {}
    rows = store.conn.execute(
        "SELECT doc, start, end, substr(d.text, start + 1, end - start) FROM"
        " (SELECT json_extract(value, '$[0]') AS doc, json_extract(value, '$[1]') AS start,"
        " json_extract(value, '$[2]') AS end FROM json_each(?)) JOIN documents d ON d.id = doc",
        (json.dumps(spans),),
    ).fetchall()
    return {(r[0], int(r[1]), int(r[2])): r[3] for r in rows}


def dated_event_sources(
    store: Store,
    modalities: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    actor: str | None = None,
) -> dict[str, int]:
    """For each day or month that events matching the filters are dated to, the distinct
    sources (publisher, else document) reporting them: five events told by one article
    are one source."""
    found = store.event_conditions(modalities=modalities, types=types, actor=actor)
    if found is None:
        return {}
    where, params = found
    rows = store.conn.execute(
        "SELECT DISTINCT e.date_value, em.doc_id FROM (SELECT id, date_value FROM events"
        f" WHERE {' AND '.join(where)} AND date_precision IN ('day', 'month')"
        " AND date_origin != 'unknown' AND date_value IS NOT NULL) AS e"
        " JOIN event_mentions em ON em.event_id = e.id",
        params,
    ).fetchall()
    counted = _sources(store)
    sources: dict[str, set[str]] = {}
    for key, doc_id in rows:
        if doc_id in counted:
            sources.setdefault(key, set()).add(counted[doc_id])
    return {key: len(found) for key, found in sources.items()}


def _sources(store: Store) -> dict[str, str]:
    """What counts as one source for each document: its publisher, else itself."""
    rows = store.conn.execute(f"SELECT d.id, d.publisher FROM documents d WHERE {_DOCS}")
    return {r[0]: r[1] or r[0] for r in rows}
