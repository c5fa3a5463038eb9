"""The actor graph: who did what to whom, aggregated over events, for networkx and Gephi.

Nodes are actors, directed edges actor → recipient. Only asserted events are relations
that happened, so only they make an edge's count, quad-class counts, intensity and dates;
planned, hypothetical and negated events asked for with ``modalities`` are tallied apart
on the same edges (and may make an edge of their own, with a count of 0).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import permutations
from typing import Any, BinaryIO, Literal

import networkx as nx

from ..model import ActorRef, Event
from ..store import Store
from .quotes import COARSE

GraphFormat = Literal["gexf", "graphml", "json"]
GRAPH_FORMATS: tuple[GraphFormat, ...] = ("gexf", "graphml", "json")
HAPPENED = "asserted"


def pairs(event: Event) -> set[tuple[str, str]]:
    """The (actor id, recipient id) relations an event states.

    An event with several actors and no recipient ("the United States and Venezuela
    signed an agreement") is a joint act: each actor acts on every other one. An actor is
    never its own recipient.
    """
    actors = list(dict.fromkeys(ref.actor_id for ref in event.actors))
    if not event.recipients:
        return set(permutations(actors, 2))
    recipients = list(dict.fromkeys(ref.actor_id for ref in event.recipients))
    return {(a, r) for a in actors for r in recipients if a != r}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:  # a partial date ("2026-01") is no day
        return None


def _period(value: str) -> tuple[date, date] | None:
    """The days a partial ISO date names ("2026", "2026-01", "2026-01-15"); None for other
    periods (weeks, quarters, seasons), which the date's range bounds instead."""
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return None
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(parts[1])
    following = date(year + month // 12, month % 12 + 1, 1)
    if len(parts) == 2:
        return date(year, month, 1), following - timedelta(days=1)
    day = date.fromisoformat(value)
    return day, day


def _bound(value: str, end: int) -> date:
    """The first (``end`` 0) or last (1) day of a partial date used as a bound."""
    period = _period(value)
    if period is None:
        raise ValueError(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return period[end]


def event_span(event: Event) -> tuple[date, date] | None:
    """The days an event is dated to: its date's period (a day, a month, a year) kept
    within its certain range. None when it has no date of a year or finer: a decade, or
    only the range its documents bound it by, does not say when something happened."""
    d = event.date
    if d.origin == "unknown" or not d.value or d.precision in COARSE:
        return None
    try:
        period = _period(d.value)
        first, last = _day(d.earliest), _day(d.latest)
    except ValueError:
        return None
    if period is None:
        return (first, last) if first and last else None
    start, end = max(period[0], first or period[0]), min(period[1], last or period[1])
    # A range that misses the period contradicts the value; the value is the estimate.
    return (start, end) if start <= end else period


def merge_spans(spans: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Overlapping or back-to-back day ranges joined: the periods of activity."""
    merged: list[tuple[date, date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(slots=True)
class Tally:
    """What the events on a node or an edge add up to."""

    count: int = 0  # asserted events only
    quad: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    intensity_sum: float = 0.0
    intensity_n: int = 0
    spans: list[tuple[date, date]] = field(default_factory=list)
    #: Events of the other statuses asked for, by status; never part of the above.
    other: dict[str, int] = field(default_factory=dict)
    other_spans: list[tuple[date, date]] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    def add(self, event: Event) -> None:
        self.event_ids.append(event.id)
        span = event_span(event)
        if event.modality != HAPPENED:
            self.other[event.modality] = self.other.get(event.modality, 0) + 1
            if span:
                self.other_spans.append(span)
            return
        self.count += 1
        if event.quad_class in (1, 2, 3, 4):
            self.quad[event.quad_class - 1] += 1
        if event.intensity is not None:
            self.intensity_sum += event.intensity
            self.intensity_n += 1
        if span:
            self.spans.append(span)

    @property
    def intensity_mean(self) -> float | None:
        return round(self.intensity_sum / self.intensity_n, 3) if self.intensity_n else None

    def spells(self) -> list[tuple[date, date]]:
        """When the relation was active: its asserted events' days; for an edge that only
        planned or hypothetical events make, theirs (its ``status`` says so)."""
        return merge_spans(self.spans or self.other_spans)

    def attributes(self, modalities: Sequence[str]) -> dict[str, Any]:
        first = min((s for s, _ in self.spans), default=None)
        last = max((e for _, e in self.spans), default=None)
        attrs: dict[str, Any] = {
            "count": self.count,
            **{f"quad{n}": self.quad[n - 1] for n in (1, 2, 3, 4)},
            "cooperation": self.quad[0] + self.quad[1],
            "conflict": self.quad[2] + self.quad[3],
            "intensity_sum": round(self.intensity_sum, 3),
            "intensity_mean": self.intensity_mean,
            "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None,
            "undated": self.count - len(self.spans),  # asserted but in no spell
            "status": HAPPENED if self.count else "+".join(sorted(self.other)),
        }
        for modality in modalities:
            if modality != HAPPENED:
                attrs[modality] = self.other.get(modality, 0)
        return attrs


@dataclass(slots=True)
class GraphNode:
    id: str
    name: str
    kind: str
    country: str | None
    sectors: list[str]
    tally: Tally = field(default_factory=Tally)


@dataclass(slots=True)
class ActorGraph:
    nodes: dict[str, GraphNode]
    edges: dict[tuple[str, str], Tally]
    modalities: tuple[str, ...]


def actor_graph(
    store: Store,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    modalities: Sequence[str] = (HAPPENED,),
) -> ActorGraph:
    """The actors of the matching events and their relations.

    With a date bound, only events dated (to a year or finer, as ``event_span`` sees
    them) into the period count: one the corpus only bounds ("before 2026-01-03") may
    lie outside it.
    """
    events = store.events(modalities=modalities, date_from=date_from, date_to=date_to)
    if date_from or date_to:
        low = _bound(date_from, 0) if date_from else date.min
        high = _bound(date_to, 1) if date_to else date.max
        events = [e for e in events if (span := event_span(e)) and span[1] >= low
                  and span[0] <= high]  # fmt: skip
    known = {actor.id: actor for actor in store.actors()}
    nodes: dict[str, GraphNode] = {}
    edges: dict[tuple[str, str], Tally] = {}

    def node(ref: ActorRef) -> GraphNode:
        if ref.actor_id not in nodes:
            actor = known.get(ref.actor_id)
            nodes[ref.actor_id] = (
                GraphNode(actor.id, actor.name, actor.kind, actor.country, list(actor.sectors))
                if actor
                else GraphNode(ref.actor_id, ref.name, "unknown", ref.country,
                               [ref.sector] if ref.sector else [])
            )  # fmt: skip
        return nodes[ref.actor_id]

    for event in events:
        for ref in {r.actor_id: r for r in [*event.actors, *event.recipients]}.values():
            node(ref).tally.add(event)
        for key in sorted(pairs(event)):
            edges.setdefault(key, Tally()).add(event)
    return ActorGraph(nodes, edges, tuple(dict.fromkeys([HAPPENED, *modalities])))


def _spells(tally: Tally) -> list[tuple[str, str]]:
    return [(s.isoformat(), e.isoformat()) for s, e in tally.spells()]


def to_networkx(graph: ActorGraph, fmt: GraphFormat = "json") -> Any:
    """A ``networkx.DiGraph`` of the graph, its attributes shaped for ``fmt``: GEXF and
    GraphML take no lists or nulls (sectors become "GOV,MIL", unknowns are left out);
    GEXF and JSON carry each node's and edge's spells (its periods of activity)."""
    g = nx.DiGraph(name="dateline actor graph", modalities=",".join(graph.modalities))
    if fmt == "gexf":
        g.graph["mode"] = "dynamic"

    def shaped(attrs: dict[str, Any], tally: Tally) -> dict[str, Any]:
        if fmt != "graphml":
            attrs["spells"] = _spells(tally)
        if fmt == "json":
            return attrs
        if isinstance(attrs.get("sectors"), list):
            attrs["sectors"] = ",".join(attrs["sectors"])
        # An element without spells would be taken as present at all times.
        return {k: v for k, v in attrs.items() if v is not None and v != []}

    for n in graph.nodes.values():
        attrs = {"label": n.name, "name": n.name, "kind": n.kind, "country": n.country,
                 "sectors": n.sectors, "events": n.tally.count,
                 **n.tally.attributes(graph.modalities)}  # fmt: skip
        del attrs["count"]  # a node's count is its ``events``
        g.add_node(n.id, **shaped(attrs, n.tally))
    for (source, target), tally in graph.edges.items():
        attrs = {"weight": tally.count, **tally.attributes(graph.modalities)}
        g.add_edge(source, target, **shaped(attrs, tally))
    return g


def write_graph(graph: ActorGraph, fmt: GraphFormat, out: BinaryIO) -> None:
    """GEXF 1.2 (dynamic, dated spells), GraphML, or node-link JSON."""
    g = to_networkx(graph, fmt)
    if fmt == "gexf":
        nx.write_gexf(g, out)
    elif fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        data = nx.node_link_data(g, edges="edges")
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
