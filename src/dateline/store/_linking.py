"""The store's side of event linking: placing each new or re-dated event mention in the
event it reports (``dateline.linking``), and keeping each event's record up to date.

Only candidates are read: events of a compatible type that share a participant and whose
date lies near the unit's, or that hold reports from the same document. Nothing else is
recomputed when an article arrives.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import timedelta

from ..conflicts import date_range
from ..linking import (
    CONFLICT_GAP_DAYS,
    UNDATED_GAP_DAYS,
    UNDATED_WIDTH_DAYS,
    Link,
    build_event,
    compare,
    dated_by_text,
    event_key,
    family,
    sentence_terms,
    width_days,
)
from ..model import EventMention, content_id
from ._base import StoreBase, StoredMention, _dumps, _now, report_order

#: How far around a unit's date candidate events are looked for: the widest gap a rule
#: of ``dateline.linking`` accepts between two reports of one happening.
_WINDOW = timedelta(days=max(CONFLICT_GAP_DAYS, UNDATED_GAP_DAYS))
_CHUNK = 500  # SQLite parameters per query, well under its limit
#: A stored event is compared with a new report through its first reports only: an event
#: reported hundreds of times says nothing more about what it is in its later reports,
#: and reading them all would make each new article's cost grow with the story.
_COMPARED_REPORTS = 50
#: The widest date range (days) a report dated by its text is matched with by date.
_MATCH_WIDTH = 366


#: The document frequencies read are kept until the store has grown by this share: a
#: word's weight hardly moves in between, and reading them is most of linking's cost.
_IDF_REFRESH = 0.2


class _Idf:
    """Inverse document frequencies from the full-text index, read as they are needed."""

    def __init__(self, store: StoreBase) -> None:
        self.store = store
        self.documents = 0
        self.frequency: dict[str, int] = {}

    def refresh(self) -> None:
        """Count the documents; forget the frequencies read once the store has grown."""
        documents = int(self.store.scalar("SELECT count(*) FROM documents") or 0)
        if documents > self.documents * (1 + _IDF_REFRESH):
            self.frequency.clear()
            self.documents = documents

    def prefetch(self, sentences: Iterable[str]) -> None:
        wanted = {w for s in sentences for w in sentence_terms(s)} - self.frequency.keys()
        self.frequency.update(dict.fromkeys(wanted, 0))
        words = sorted(wanted)
        for i in range(0, len(words), _CHUNK):
            chunk = words[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.store.rows(
                f"SELECT term, doc FROM documents_vocab WHERE term IN ({marks})", *chunk
            )
            self.frequency.update({r["term"]: int(r["doc"]) for r in rows})

    def __call__(self, word: str) -> float:
        # Smoothed: a word in every document still weighs a little, an unseen one most.
        return math.log((1 + self.documents) / (1 + self.frequency.get(word, 0))) + 1


def _widest_match(reports: Sequence[StoredMention]) -> int | None:
    """The widest date range (days) of a stored event these reports can match by date;
    None when their date can match none but in their own article.

    Only events dated about as precisely can: a report dated by its text matches a range
    up to a year wide (no rule of ``dateline.linking`` accepts a wider one for a finer
    date), a report dated by its publication only a few days, and only when its own
    date is as narrow. The rest (a decade, an undated article's span of years) would be
    compared in vain with every report near them.
    """
    width = width_days(reports[0].mention.date)
    if any(dated_by_text(r.mention) for r in reports):
        return max(_MATCH_WIDTH, width)
    return UNDATED_WIDTH_DAYS if width <= UNDATED_WIDTH_DAYS else None


class LinkingQueries(StoreBase):
    _idf_cache: _Idf | None = None

    def _link_mentions(self, mentions: Sequence[EventMention]) -> set[str]:
        """Store mentions (of stored documents), each unit of them joining the event it
        reports or founding one; returns the ids of the events touched."""
        units: dict[tuple[str, str], list[EventMention]] = {}
        for m in mentions:
            units.setdefault((m.doc_id, event_key(m)), []).append(m)
        # Units dated by their text first: an undated one then finds them in its article.
        order = sorted(
            units, key=lambda k: (not dated_by_text(units[k][0]), units[k][0].trigger_start)
        )
        documents = self.document_texts({m.doc_id for m in mentions})
        idf = self._idf()
        touched: set[str] = set()
        # The first reports of the events compared so far: the units of one document
        # share candidates, and only the events they join change meanwhile.
        compared: dict[str, list[StoredMention]] = {}
        for doc_id, key in order:
            source, publisher, text = documents[doc_id]
            reports = [
                StoredMention(m, source, text[m.sentence_start : m.sentence_end], publisher)
                for m in units[(doc_id, key)]
            ]
            eid, members = self._best_event(reports, idf, compared)
            if eid is None:
                eid, members = self._found_event(f"{key}@{doc_id}"), []
            elif len(members) >= _COMPARED_REPORTS:
                members = self.event_mentions(eid)  # the event is rebuilt from all of them
            self.conn.executemany(
                "INSERT OR IGNORE INTO event_mentions (id, doc_id, event_id, sentence_idx,"
                " sentence_start, sentence_end, trigger_start, trigger_end, trigger, type,"
                " modality, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(m.id, m.doc_id, eid, m.sentence_index, m.sentence_start, m.sentence_end,
                  m.trigger_start, m.trigger_end, m.trigger, m.type, m.modality, _dumps(m))
                 for m in units[(doc_id, key)]],
            )  # fmt: skip
            # At once, so that the next unit finds this one's participants and date.
            merged: dict[str, StoredMention] = {}
            for r in [*members, *reports]:  # a mention stored twice counts once, as stored
                merged.setdefault(r.mention.id, r)
            ranked = sorted(merged.values(), key=report_order)
            self._rebuild_event(eid, ranked)
            compared.pop(eid, None)
            touched.add(eid)
        return touched

    def _idf(self) -> _Idf:
        idf = self._idf_cache
        if idf is None:
            idf = self._idf_cache = _Idf(self)
        idf.refresh()
        return idf

    def _unlink_mentions(self, mention_ids: Sequence[str]) -> tuple[set[str], set[str]]:
        """Take stored mentions out of their events (to be linked again): the events they
        were in, and the ids of those that were stored."""
        touched: set[str] = set()
        found: set[str] = set()
        for mid in mention_ids:
            row = self.conn.execute(
                "SELECT event_id FROM event_mentions WHERE id = ?", (mid,)
            ).fetchone()
            if row is not None:
                touched.add(row["event_id"])
                found.add(mid)
                self.conn.execute("DELETE FROM event_mentions WHERE id = ?", (mid,))
        return touched, found

    def _candidates(self, reports: Sequence[StoredMention]) -> list[str]:
        first = reports[0].mention
        actor_ids = sorted(
            {a.actor_id for r in reports for a in [*r.mention.actors, *r.mention.recipients]}
        )
        if not actor_ids:
            return []  # nothing says who took part: no other report can be matched to it
        types = sorted(family(first.type))
        where = [
            f"ea.actor_id IN ({','.join('?' * len(actor_ids))})",
            f"e.type IN ({','.join('?' * len(types))})",
            "e.num_mentions > 0",
        ]
        params: list[str | int] = [*actor_ids, *types, first.doc_id]
        near = "e.id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?)"
        bounds, widest = date_range(first.date), _widest_match(reports)
        if bounds is not None and first.date.value is not None and widest is not None:
            try:
                low, high = (bounds[0] - _WINDOW).isoformat(), (bounds[1] + _WINDOW).isoformat()
            except OverflowError:  # an open range: nothing near it but its own article
                pass
            else:
                near += (
                    " OR (e.date_earliest <= ? AND e.date_latest >= ?"
                    " AND julianday(e.date_latest) - julianday(e.date_earliest) < ?)"
                )
                params += [high, low, widest]
        rows = self.conn.execute(
            "SELECT DISTINCT e.id FROM events e JOIN event_actors ea ON ea.event_id = e.id"
            f" WHERE {' AND '.join(where)} AND ({near}) ORDER BY e.id",
            params,
        ).fetchall()
        return [r["id"] for r in rows]

    def _best_event(
        self, reports: Sequence[StoredMention], idf: _Idf,
        compared: dict[str, list[StoredMention]] | None = None,
    ) -> tuple[str | None, list[StoredMention]]:  # fmt: skip
        """The stored event these reports (one unit) report and its reports so far;
        (None, []) when there is none. ``compared``: events' first reports read before
        (and still current), filled as events are read."""
        compared = {} if compared is None else compared
        best: tuple[Link, str, list[StoredMention]] | None = None
        for eid in self._candidates(reports):
            members = compared.get(eid)
            if members is None:
                members = compared[eid] = self.event_mentions(eid, _COMPARED_REPORTS)
            idf.prefetch([r.sentence for r in [*reports, *members]])
            link = compare(reports, members, idf)
            if link is not None and (best is None or link > best[0]):
                best = (link, eid, members)
        return (best[1], best[2]) if best else (None, [])

    def _found_event(self, key: str) -> str:
        """A new event's id: from the key of the unit that founds it (and keeps it as its
        reports come and go), salted past any id in use."""
        for salt in range(1000):
            eid = content_id(key if salt == 0 else f"{key}#{salt}", "ev_", 12)
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO events (id, type, modality, date_precision, date_origin,"
                " num_mentions, num_sources, record, first_seen)"
                " VALUES (?, '', 'asserted', 'unknown', 'unknown', 0, 0, '{}', ?)",
                (eid, _now()),
            )
            if cur.rowcount:
                return eid
        raise RuntimeError(f"no free event id for {key}")

    def _rebuild_event(self, eid: str, stored: list[StoredMention] | None = None) -> None:
        """Rewrite an event's record from its reports (``stored``: them, when known)."""
        stored = self.event_mentions(eid) if stored is None else stored
        if not stored:  # its mentions moved to other events (their dates changed)
            self.conn.execute("DELETE FROM events WHERE id = ?", (eid,))
            return
        event = build_event(stored, eid)
        d = event.date
        self.conn.execute(
            "UPDATE events SET type = ?, modality = ?, date_value = ?, date_earliest = ?,"
            " date_latest = ?, date_precision = ?, date_origin = ?, num_mentions = ?,"
            " num_sources = ?, record = ?, first_mention_id = ? WHERE id = ?",
            (event.type, event.modality, d.value, d.earliest, d.latest, d.precision, d.origin,
             event.num_mentions, event.num_sources, _dumps(event),
             min(stored, key=report_order).mention.id, eid),
        )  # fmt: skip
        self.conn.execute("DELETE FROM event_actors WHERE event_id = ?", (eid,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
            [(eid, ref.actor_id, "actor") for ref in event.actors]
            + [(eid, ref.actor_id, "recipient") for ref in event.recipients],
        )
        self._write_event_words(event, [r.sentence for r in stored])
