"""The store's actors and quotes: finding actors by name, their events, who said what."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace

from ..model import (
    Actor,
    DateValue,
    Event,
    Quote,
    Role,
    actor_from_dict,
    event_from_dict,
    quote_from_dict,
)
from ..textnorm import fold
from ._base import StoreBase, decode_record


@dataclass(slots=True)
class StoredQuote:
    """A quote with the document it came from (its date is the document's current one)."""

    quote: Quote
    source: str
    title: str | None


def merge_roles(known: list[Role], new: list[Role]) -> list[Role]:
    """An actor's stored roles with those of another document added.

    Roles with the same title (case- and accent-insensitive), country and recorded period
    are one: a title learned from the text (no start or end) widens its observed period
    (``seen_from``/``seen_to``), keeps the earliest "former" bound (``ended_by``) and adds
    its sources. The knowledge base's start and end are never changed. (A learned title
    that names a knowledge-base role was already folded into it by
    ``dateline.actors.roles``.)
    """
    merged = [replace(role, sources=list(role.sources)) for role in known]

    def key(role: Role) -> tuple[str, str | None, str | None, str | None]:
        return fold(role.title), role.country, role.start, role.end

    index = {key(role): role for role in merged}
    for role in new:
        same = index.get(key(role))
        if same is None:
            same = index[key(role)] = replace(role, sources=list(role.sources))
            merged.append(same)
            continue
        same.seen_from = min(filter(None, [same.seen_from, role.seen_from]), default=None)
        same.seen_to = max(filter(None, [same.seen_to, role.seen_to]), default=None)
        same.ended_by = min(filter(None, [same.ended_by, role.ended_by]), default=None)
        same.sources = list(dict.fromkeys([*same.sources, *role.sources]))
    return merged


class ActorQueries(StoreBase):
    def find_actor_ids(self, query: str) -> list[str]:
        """Actors named by ``query`` (id, name or alias; case- and accent-insensitive).

        A country also brings in its groups and people ("VEN" finds "VEN:MIL" and
        Maduro), since an analyst asking for a country means its state and society.
        """
        needle = fold(query)
        actors = self.actors()
        direct = [
            a for a in actors if any(fold(n) == needle for n in [a.id, a.name, *a.aliases] if n)
        ]
        countries = {a.country for a in direct if a.kind == "country" and a.country}
        return sorted({a.id for a in direct} | {a.id for a in actors if a.country in countries})

    def actors(self) -> list[Actor]:
        rows = self.conn.execute("SELECT * FROM actors ORDER BY name").fetchall()
        return [self._actor_from_row(r) for r in rows]

    @staticmethod
    def _actor_from_row(row: sqlite3.Row) -> Actor:
        return actor_from_dict(
            {"id": row["id"], "name": row["name"], "kind": row["kind"],
             "country": row["country"], "sectors": json.loads(row["sectors"]),
             "aliases": json.loads(row["aliases"]), "roles": json.loads(row["roles"])}
        )  # fmt: skip

    def actors_named(self, query: str) -> list[Actor]:
        """Actors whose id, name or alias is ``query`` (case- and accent-insensitive),
        without the country's people that ``find_actor_ids`` adds."""
        needle = fold(query)
        return [
            a for a in self.actors()
            if any(fold(n) == needle for n in [a.id, a.name, *a.aliases] if n)
        ]  # fmt: skip

    def actor_events(self, actor_id: str) -> list[tuple[Event, list[str]]]:
        """The events an actor takes part in, in date order (undated last), with its roles
        in each ("actor", "recipient")."""
        rows = self.conn.execute(
            "SELECT e.record, group_concat(ea.role) AS roles FROM event_actors ea"
            " JOIN events e ON e.id = ea.event_id WHERE ea.actor_id = ? AND e.num_mentions > 0"
            " GROUP BY e.id ORDER BY coalesce(e.date_earliest, e.date_latest) IS NULL,"
            " coalesce(e.date_earliest, e.date_latest), e.date_latest, e.type, e.id",
            (actor_id,),
        ).fetchall()
        return [
            (event_from_dict(decode_record(r["record"])), sorted(r["roles"].split(",")))
            for r in rows
        ]

    def actor_counts(self) -> dict[str, dict[str, int]]:
        """Per actor id: the events it takes part in, its mentions and its quotes."""
        counts: dict[str, dict[str, int]] = {}
        for key, sql in (
            ("events", "SELECT ea.actor_id, count(DISTINCT ea.event_id) FROM event_actors ea"
                       " JOIN events e ON e.id = ea.event_id WHERE e.num_mentions > 0"
                       " GROUP BY ea.actor_id"),
            ("mentions", "SELECT actor_id, count(*) FROM mentions GROUP BY actor_id"),
            ("quotes", "SELECT speaker_actor_id, count(*) FROM quotes"
                       " WHERE speaker_actor_id IS NOT NULL GROUP BY speaker_actor_id"),
        ):  # fmt: skip
            for actor_id, n in self.conn.execute(sql).fetchall():
                counts.setdefault(actor_id, {"events": 0, "mentions": 0, "quotes": 0})[key] = n
        return counts

    def quotes(self, speaker: str | None = None) -> list[StoredQuote]:
        """Quotes by publication date, then source and position. ``speaker`` keeps the
        quotes of the actors it names (matched as ``find_actor_ids`` matches, so a country
        brings in its people) and those whose unresolved speaker is written so."""
        condition, params = "", []
        if speaker:
            ids = self.find_actor_ids(speaker)
            marks = ",".join("?" * len(ids))
            condition = (
                f" WHERE (q.speaker_actor_id IN ({marks})" if ids else " WHERE (0"
            ) + " OR (q.speaker_actor_id IS NULL AND q.speaker IS NOT NULL))"
            params = ids
        rows = self.conn.execute(
            "SELECT q.record, q.speaker_actor_id, q.speaker, d.source, d.title,"
            " d.published_value, d.published_earliest, d.published_latest,"
            " d.published_precision, d.published_origin FROM quotes q"
            " JOIN documents d ON d.id = q.doc_id" + condition
            + " ORDER BY d.published_earliest IS NULL, d.published_earliest, d.source, q.start,"
            " q.end",
            params,
        ).fetchall()  # fmt: skip
        needle = fold(speaker) if speaker else None
        found = []
        for r in rows:
            if needle and r["speaker_actor_id"] is None and fold(r["speaker"]) != needle:
                continue
            quote = quote_from_dict(json.loads(r["record"]))
            quote.date = DateValue(r["published_value"], r["published_earliest"],
                                   r["published_latest"], r["published_precision"],
                                   r["published_origin"])  # fmt: skip
            found.append(StoredQuote(quote, r["source"], r["title"]))
        return found
