"""A corpus summary: documents, events by type and status, the busiest actors."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import Store


@dataclass(slots=True)
class CorpusSummary:
    documents: dict[str, int] = field(default_factory=dict)
    events: dict[str, dict[str, int]] = field(default_factory=dict)
    event_mentions: int = 0
    dated_events: int = 0
    top_actors: list[tuple[str, str, int]] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)


def summarise(store: Store, top: int = 10) -> CorpusSummary:
    summary = CorpusSummary()
    for row in store.rows("SELECT status, count(*) FROM documents GROUP BY status"):
        summary.documents[row[0]] = row[1]
    for row in store.rows(
        "SELECT type, modality, count(*) FROM events WHERE num_mentions > 0"
        " GROUP BY type, modality ORDER BY type"
    ):
        summary.events.setdefault(row[0], {})[row[1]] = row[2]
    summary.event_mentions = int(store.scalar("SELECT count(*) FROM event_mentions"))
    summary.dated_events = int(
        store.scalar("SELECT count(*) FROM events WHERE date_origin != 'unknown'")
    )
    summary.top_actors = [
        (row[0], row[1], row[2])
        for row in store.rows(
            "SELECT a.id, a.name, count(DISTINCT ea.event_id) AS n FROM event_actors ea"
            " JOIN actors a ON a.id = ea.actor_id GROUP BY a.id ORDER BY n DESC, a.name"
            " LIMIT ?",
            top,
        )
    ]
    summary.problems = [
        (row[0], row[1], row[2])
        for row in store.rows(
            "SELECT source, status, error FROM documents WHERE status != 'ok' ORDER BY source"
        )
    ]
    return summary
