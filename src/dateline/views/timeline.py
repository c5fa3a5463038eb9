"""The timeline: dated events in order, and the most important dates of a story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import ActorRef, DateValue, Event
from ..store import Store, StoredMention


@dataclass(slots=True)
class TimelineEntry:
    event: Event
    mentions: list[StoredMention]

    @property
    def sentence(self) -> str:
        return " ".join(self.mentions[0].sentence.split()) if self.mentions else ""

    def excerpt(self, width: int = 160) -> str:
        """The first mention's sentence, cut to ``width`` around its trigger if longer."""
        if not self.mentions:
            return ""
        first = self.mentions[0]
        sentence = first.sentence
        if len(" ".join(sentence.split())) <= width:
            return " ".join(sentence.split())
        at = first.mention.trigger_start - first.mention.sentence_start
        start = max(0, min(at - width // 2, len(sentence) - width))
        end = start + width
        words = sentence[start:end].split()
        # Drop words cut in half at either edge.
        if start > 0 and not sentence[start - 1].isspace():
            words = words[1:]
        if end < len(sentence) and not sentence[end].isspace():
            words = words[:-1]
        return ("…" if start > 0 else "") + " ".join(words) + ("…" if end < len(sentence) else "")


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    modalities: Sequence[str] = ("asserted",),
    types: Sequence[str] | None = None,
) -> list[TimelineEntry]:
    """Dated events in date order; undated events are left out (``undated`` counts them)."""
    events = store.events(
        actor=actor, date_from=date_from, date_to=date_to, modalities=modalities, types=types,
        dated_only=True,
    )  # fmt: skip
    return [TimelineEntry(e, store.event_mentions(e.id)) for e in events]


def undated(
    store: Store,
    modalities: Sequence[str] = ("asserted",),
    actor: str | None = None,
    types: Sequence[str] | None = None,
) -> int:
    """How many events the same filters would show if they had a date."""
    events = store.events(actor=actor, types=types, modalities=modalities)
    return sum(1 for e in events if e.date.origin == "unknown")


@dataclass(slots=True)
class KeyDate:
    date: str
    salience: float
    entries: list[TimelineEntry]


def key_dates(store: Store, entries: Sequence[TimelineEntry], n: int) -> list[KeyDate]:
    """The ``n`` most important day-precise dates.

    A date's salience adds the sources of the events on it to the number of time
    expressions across the store that refer to it: a date many articles mention is
    important even when few events are coded on it.
    """
    by_date: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        if entry.event.date.precision == "day" and entry.event.date.value:
            by_date[entry.event.date.value].append(entry)
    scored = []
    for date, on_date in by_date.items():
        references = int(store.scalar("SELECT count(*) FROM timexes WHERE value = ?", date))
        salience = references + sum(e.event.num_sources for e in on_date)
        scored.append(KeyDate(date, float(salience), on_date))
    top = sorted(scored, key=lambda k: (-k.salience, k.date))[:n]
    return sorted(top, key=lambda k: k.date)


def describe_side(side: Sequence[ActorRef]) -> str:
    return ", ".join(f"{a.name} ({a.code})" if a.code and a.code != a.name else a.name
                     for a in side) or "?"  # fmt: skip


def headline(event: Event) -> str:
    kind = f"{event.type}:{event.mode}" if event.mode else event.type
    return f"{describe_side(event.actors)} → {kind} → {describe_side(event.recipients)}"


def date_label(date: DateValue) -> str:
    """The value, or the range when no single period holds the date ("≤ 2026-01-15")."""
    if date.value:
        return date.value
    if date.earliest and date.latest:
        return f"{date.earliest}…{date.latest}"
    if date.latest:
        return f"≤ {date.latest}"
    return f"≥ {date.earliest}" if date.earliest else "?"


def render_text(entries: Sequence[TimelineEntry], undated_count: int = 0) -> str:
    lines = []
    for entry in entries:
        e = entry.event
        status = "" if e.modality == "asserted" else f" [{e.modality.upper()}]"
        sources = f"{e.num_sources} source{'s' if e.num_sources != 1 else ''}"
        lines.append(
            f"{date_label(e.date):<10}  {headline(e)}{status}"
            f"  ({e.date.precision}, {e.date.origin}; {sources})"
        )
        origin = entry.mentions[0].source if entry.mentions else ""
        lines.append(f"{'':<12}“{entry.excerpt()}” — {origin}")
    if undated_count:
        lines.append(f"({undated_count} more events have no date and are not shown)")
    return "\n".join(lines)


def _timelinejs_date(iso: str, precision: str) -> dict[str, str]:
    year, month, day = iso.split("-")
    date = {"year": year}
    if precision in ("day", "month"):
        date["month"] = month.lstrip("0")
    if precision == "day":
        date["day"] = day.lstrip("0")
    return date


def timelinejs(entries: Sequence[TimelineEntry], title: str = "dateline") -> dict[str, Any]:
    """A TimelineJS3 JSON document; a period other than a day, month or year (a week, a
    season, a decade) is drawn over its whole range."""
    events = []
    for entry in entries:
        e = entry.event
        if not (e.date.earliest and e.date.latest):
            continue
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _timelinejs_date(e.date.earliest, e.date.precision),
            "text": {"headline": headline(e), "text": entry.sentence},
            "group": e.modality,
        }
        if e.date.precision not in ("day", "month", "year"):
            item["start_date"] = _timelinejs_date(e.date.earliest, "day")
            item["end_date"] = _timelinejs_date(e.date.latest, "day")
        events.append(item)
    return {"title": {"text": {"headline": title}}, "events": events}
