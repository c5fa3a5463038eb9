"""Events from event mentions: which reports describe the same happening.

Version 1 merges mentions that agree exactly on type, status, actors, recipients and
date value — a conservative rule that never joins two different happenings but leaves
differently worded reports apart. Cross-document clustering on context similarity
replaces ``event_key`` later without changing the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import ActorRef, DateValue, Event, EventMention, content_id

#: Higher is more certain; a merged event keeps its most certain date.
_ORIGIN_RANK = {"explicit": 4, "relative": 3, "inferred": 2, "publication": 1, "unknown": 0}
_PRECISION_RANK = {
    "day": 6, "week": 5, "month": 4, "quarter": 3, "season": 3, "half": 2, "year": 1,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MentionSource:
    """Where a mention was reported: what counts as one source."""

    doc_id: str
    publisher: str | None


def _side(refs: Sequence[ActorRef]) -> str:
    return ",".join(sorted({ref.actor_id for ref in refs}))


def event_key(mention: EventMention) -> str:
    # Without a date nothing says two reports describe the same happening: an undated
    # mention stays an event of its own.
    date = mention.date.value or mention.id
    if mention.date_basis == "publication" and mention.date.origin == "inferred":
        # A date guessed for an undated article joins reports within that article only.
        date = f"{date}@{mention.doc_id}"
    return "|".join(
        [mention.type, mention.modality, _side(mention.actors), _side(mention.recipients), date]
    )


def event_id(mention: EventMention) -> str:
    return content_id(event_key(mention), "ev_", 12)


def _best_date(mentions: Sequence[EventMention]) -> DateValue:
    def rank(date: DateValue) -> tuple[int, int]:
        return _ORIGIN_RANK.get(date.origin, 0), _PRECISION_RANK.get(date.precision, 0)

    return max((m.date for m in mentions), key=rank, default=DateValue())


def _union(sides: Sequence[Sequence[ActorRef]]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for side in sides:
        for ref in side:
            seen.setdefault(ref.actor_id, ref)
    return list(seen.values())


def build_event(mentions: Sequence[EventMention], sources: Sequence[MentionSource]) -> Event:
    """One event from the mentions that report it (``sources`` aligned with ``mentions``)."""
    if not mentions:
        raise ValueError("an event needs at least one mention")
    lead = max(mentions, key=lambda m: m.confidence)
    distinct = {source.publisher or source.doc_id for source in sources}
    attribution = next((m.attribution for m in mentions if m.attribution), None)
    # Corroboration raises confidence: each further independent source closes a part of
    # the remaining doubt, never past 0.99.
    confidence = lead.confidence
    for _ in range(len(distinct) - 1):
        confidence += (1 - confidence) * 0.3
    return Event(
        id=event_id(lead),
        type=lead.type,
        mode=lead.mode,
        contexts=sorted({c for m in mentions for c in m.contexts}),
        modality=lead.modality,
        actors=_union([m.actors for m in mentions]),
        recipients=_union([m.recipients for m in mentions]),
        date=_best_date(mentions),
        location=next((m.location for m in mentions if m.location), None),
        quad_class=lead.quad_class,
        intensity=lead.intensity,
        cameo=lead.cameo,
        attribution=attribution,
        confidence=round(min(confidence, 0.99), 3),
        mention_ids=[m.id for m in mentions],
        num_sources=len(distinct),
    )
