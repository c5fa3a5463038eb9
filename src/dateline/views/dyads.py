"""Dyad trends: the cooperation–conflict series between two actors, period by period.

Each period counts the asserted events from one side to the other by quad class and sums
their PLOVER intensity (−10 most hostile … +10), the Goldstein-style net score. Planned,
hypothetical and negated events are counted in columns of their own and never in the
counts or the score: they did not happen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from ..model import MODALITIES, Event
from ..store import Store
from .graph import HAPPENED, Tally, event_span, pairs

By = Literal["month", "week", "year"]
BY: tuple[By, ...] = ("month", "week", "year")
NOT_HAPPENED: tuple[str, ...] = tuple(m for m in MODALITIES if m != HAPPENED)


@dataclass(slots=True, frozen=True)
class Side:
    """One side of a dyad: what the user typed, a label, and the actor ids it covers (a
    country brings in its groups and people, as ``Store.find_actor_ids`` resolves it)."""

    query: str
    label: str
    ids: frozenset[str]


def resolve_side(store: Store, query: str) -> Side | None:
    ids = store.find_actor_ids(query)
    if not ids:
        return None
    named = store.actors_named(query)
    label = named[0].name if len(named) == 1 else query
    return Side(query, label, frozenset(ids))


def period_of(event: Event, by: By) -> str | None:
    """The period ("2026-01", "2026-W03", "2026") the event falls in, or None when it has
    no date (as the actor graph's spells see it) or one too coarse for a single period."""
    span = event_span(event)
    if span is None:
        return None
    first, last = _label(span[0], by), _label(span[1], by)
    return first if first == last else None


def _label(day: date, by: By) -> str:
    if by == "year":
        return f"{day.year:04d}"
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _start(period: str, by: By) -> date:
    if by == "year":
        return date(int(period), 1, 1)
    if by == "month":
        return date(int(period[:4]), int(period[5:7]), 1)
    return date.fromisocalendar(int(period[:4]), int(period[6:]), 1)


def periods_between(first: str, last: str, by: By) -> Iterator[str]:
    """Every period from ``first`` to ``last``, empty ones included (a series has no gaps)."""
    day, end = _start(first, by), _start(last, by)
    while day <= end:
        yield _label(day, by)
        if by == "week":
            day += timedelta(days=7)
        elif by == "month":
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        else:
            day = date(day.year + 1, 1, 1)


@dataclass(slots=True)
class DyadRow:
    source: Side
    target: Side
    period: str
    tally: Tally = field(default_factory=Tally)

    def record(self, by: By) -> dict[str, Any]:
        t = self.tally
        return {
            "source": self.source.label, "target": self.target.label, "by": by,
            "period": self.period, "events": t.count,
            **{f"quad{n}": t.quad[n - 1] for n in (1, 2, 3, 4)},
            "cooperation": t.quad[0] + t.quad[1], "conflict": t.quad[2] + t.quad[3],
            "intensity_sum": round(t.intensity_sum, 3), "intensity_mean": t.intensity_mean,
            **{m: t.other.get(m, 0) for m in NOT_HAPPENED},
        }  # fmt: skip


@dataclass(slots=True)
class DyadSeries:
    a: Side
    b: Side
    by: By
    #: Per direction (A→B, then B→A with ``both``), one row per period, gaps filled.
    directions: list[tuple[Side, Side, list[DyadRow]]]
    #: Per direction, the asserted events between the sides that no single period holds.
    unplaced: list[int]

    @property
    def periods(self) -> list[str]:
        return [row.period for row in self.directions[0][2]] if self.directions else []

    def records(self) -> list[dict[str, Any]]:
        return [row.record(self.by) for _, _, rows in self.directions for row in rows]


def directed(event: Event, source: Side, target: Side) -> bool:
    """Whether the event is an act of ``source`` on ``target`` (a joint act of both
    counts both ways, as in the actor graph)."""
    return any(a in source.ids and r in target.ids for a, r in pairs(event))


def dyad_series(store: Store, a: Side, b: Side, by: By = "month", both: bool = False) -> DyadSeries:
    """The A→B series (and B→A with ``both``) over every status; see the module doc."""
    events = store.events(modalities=MODALITIES)
    sides = [(a, b), (b, a)] if both else [(a, b)]
    placed: list[dict[str, list[Event]]] = []
    unplaced: list[int] = []
    for source, target in sides:
        by_period: dict[str, list[Event]] = {}
        missed = 0
        for event in events:
            if not directed(event, source, target):
                continue
            period = period_of(event, by)
            if period is None:
                missed += event.modality == HAPPENED
            else:
                by_period.setdefault(period, []).append(event)
        placed.append(by_period)
        unplaced.append(missed)
    seen = sorted({p for by_period in placed for p in by_period})
    axis = list(periods_between(seen[0], seen[-1], by)) if seen else []
    directions = []
    for (source, target), by_period in zip(sides, placed, strict=True):
        rows = []
        for period in axis:
            row = DyadRow(source, target, period)
            for event in by_period.get(period, []):
                row.tally.add(event)
            rows.append(row)
        directions.append((source, target, rows))
    return DyadSeries(a, b, by, directions, unplaced)


def _signed(value: float) -> str:
    return f"{value:+.2f}" if value else "0"


def render_text(series: DyadSeries) -> str:
    header = ("period", "events", "q1", "q2", "q3", "q4", "coop", "confl", "net", "mean",
              *NOT_HAPPENED)  # fmt: skip
    blocks = []
    for (source, target, rows), missed in zip(series.directions, series.unplaced, strict=True):
        cells = [header]
        for row in rows:
            r = row.record(series.by)
            mean = r["intensity_mean"]
            cells.append((r["period"], str(r["events"]),
                          *(str(r[f"quad{n}"]) for n in (1, 2, 3, 4)),
                          str(r["cooperation"]), str(r["conflict"]), _signed(r["intensity_sum"]),
                          "" if mean is None else _signed(mean),
                          *(str(r[m]) for m in NOT_HAPPENED)))  # fmt: skip
        widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
        lines = [f"{source.label} → {target.label}, by {series.by}"]
        if len(cells) == 1:
            lines.append("  no dated events")
        for cell in cells if len(cells) > 1 else []:
            pairs_ = enumerate(zip(cell, widths, strict=True))
            lines.append("  " + "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in pairs_))
        if missed:
            lines.append(f"  ({missed} more asserted events have no date within one {series.by})")
        blocks.append("\n".join(lines))
    legend = (
        "q1 verbal cooperation, q2 material cooperation, q3 verbal conflict, q4 material"
        " conflict (asserted events); net/mean: PLOVER intensity, −10 hostile … +10;"
        f" {', '.join(NOT_HAPPENED)}: reported but not happened, never counted above"
    )
    return "\n\n".join([*blocks, legend])
