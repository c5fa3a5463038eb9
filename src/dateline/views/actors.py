"""Actors: the table of everyone in the store, and one actor's aliases, roles and events."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Actor, Event, Role
from ..store import Store
from .quotes import when


@dataclass(slots=True)
class ActorRow:
    actor: Actor
    events: int = 0
    mentions: int = 0
    quotes: int = 0

    @property
    def counts(self) -> dict[str, int]:
        return {"events": self.events, "mentions": self.mentions, "quotes": self.quotes}


@dataclass(slots=True)
class ActorProfile:
    row: ActorRow
    #: The actor's events in date order, with its roles in each ("actor", "recipient").
    events: list[tuple[Event, list[str]]] = field(default_factory=list)


def actor_table(store: Store) -> list[ActorRow]:
    """Every stored actor, the most active first (then by name)."""
    counts = store.actor_counts()
    rows = [ActorRow(actor, **counts.get(actor.id, {})) for actor in store.actors()]
    return sorted(rows, key=lambda r: (-r.events, -r.mentions, r.actor.name.casefold()))


def actor_profiles(store: Store, name: str) -> list[ActorProfile]:
    """The actors ``name`` names (id, name or alias), each with its events."""
    counts = store.actor_counts()
    return [
        ActorProfile(ActorRow(actor, **counts.get(actor.id, {})), store.actor_events(actor.id))
        for actor in store.actors_named(name)
    ]


def role_label(role: Role) -> str:
    """ "President (VEN, GOV), 2013-04-19 – 2026-01-03"; the period only when known.

    A role read in documents adds what they show: "interim leader (VEN, GOV);
    held 2026-01-10 – 2026-02-02 [2 documents]", "President (VEN, GOV); ended by
    2026-03-01 [1 document]".
    """
    where = ", ".join(part for part in (role.country, role.sector) if part)
    label = f"{role.title} ({where})" if where else role.title
    if role.start or role.end:
        label += f", {role.start or '…'} – {role.end or '…'}"
    # What the documents show (``dateline.actors.roles``): held on or around these dates,
    # ended by a date, and how many documents say so.
    if role.seen_from or role.seen_to:
        first, last = role.seen_from or "…", role.seen_to or "…"
        label += f"; held {first}" if first == last else f"; held {first} – {last}"
    if role.ended_by:
        label += f"; ended by {role.ended_by}"
    if role.sources:
        count = len(role.sources)
        label += f" [{count} document{'s' if count != 1 else ''}]"
    return label


def render_profile(profile: ActorProfile) -> str:
    actor, row = profile.row.actor, profile.row
    facts = [f"kind: {actor.kind}"]
    if actor.country:
        facts.append(f"country: {actor.country}")
    if actor.sectors:
        facts.append(f"sectors: {', '.join(actor.sectors)}")
    facts += [f"events: {row.events}", f"mentions: {row.mentions}", f"quotes: {row.quotes}"]
    others = [a for a in actor.aliases if a != actor.name]
    lines = [f"{actor.name}  [{actor.id}]", "  " + "; ".join(facts)]
    lines.append(f"  aliases: {', '.join(others) if others else '(none)'}")
    lines.append("  roles:" + ("" if actor.roles else " (none)"))
    lines.extend(f"    {role_label(role)}" for role in actor.roles)
    lines.append("  events:" + ("" if profile.events else " (none)"))
    cells = []
    for event, roles in profile.events:
        side = event.recipients if "actor" in roles else event.actors
        others = list(dict.fromkeys(r.name for r in side if r.actor_id != actor.id))
        with_whom = f"with {', '.join(others)}" if others else ""
        cells.append((when(event.date), event.type, "+".join(roles), event.modality, with_whom))
    widths = [max((len(c[i]) for c in cells), default=0) for i in range(4)]
    for cell in cells:
        columns = [text.ljust(width) for text, width in zip(cell, widths, strict=False)]
        lines.append(("    " + "  ".join([*columns, cell[4]])).rstrip())
    return "\n".join(lines)


def render_table(rows: list[ActorRow]) -> str:
    """A plain-text table: id, name, kind, country, sectors, events."""
    header = ("id", "name", "kind", "country", "sectors", "events")
    cells = [header] + [
        (r.actor.id, r.actor.name, r.actor.kind, r.actor.country or "",
         ",".join(r.actor.sectors), str(r.events))
        for r in rows
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        *left, events = row
        line = "  ".join(cell.ljust(width) for cell, width in zip(left, widths, strict=False))
        lines.append(f"{line}  {events.rjust(widths[-1])}")
    return "\n".join(lines)
