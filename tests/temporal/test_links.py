"""Clauses dated by other events, within one document."""

from __future__ import annotations

from dateline.model import Annotation, EventMention
from dateline.pipeline import annotate_text


def by_trigger(annotation: Annotation, trigger: str) -> EventMention:
    [found] = [m for m in annotation.event_mentions if m.trigger == trigger]
    return found


def test_offset_after_a_dated_event_dates_the_clause() -> None:
    text = (
        "Russia and Venezuela signed a defence agreement on March 3, 2025. "
        "Two weeks after Russia and Venezuela signed the defence agreement, Chinese officials "
        "visited Caracas."
    )
    annotation = annotate_text(text, "2025-04-01")
    [link] = [link for link in annotation.links if link.offset]
    assert (link.signal, link.relation, link.offset) == ("after", "after", "P2W")
    assert link.anchor_text.endswith("signed the defence agreement")
    visit = by_trigger(annotation, "visited")
    assert link.dependent_mention == visit.id
    assert (visit.date.value, visit.date.precision) == ("2025-03-17", "day")
    assert (visit.date.origin, visit.date_basis) == ("relative", "link")
    # The duration keeps its TIMEX3 value and records the event it counts from.
    [weeks] = [t for t in annotation.timexes if t.text == "Two weeks"]
    assert weeks.value == "P2W" and weeks.anchor == f"event:{link.anchor_mention}"


def test_a_week_before_a_noun_names_the_event_told_earlier() -> None:
    text = (
        "Iran delivered drones to Venezuela on January 10, 2025. "
        "A week before the delivery, Iranian envoys met Venezuelan officials."
    )
    annotation = annotate_text(text, "2025-02-01")
    met = by_trigger(annotation, "met")
    assert met.date.value == "2025-01-03"
    assert [link.anchor_mention for link in annotation.links] == [
        by_trigger(annotation, "delivered").id
    ]


def test_months_after_count_to_the_month() -> None:
    text = (
        "On January 3, 2026, US forces captured Nicolás Maduro in Caracas. "
        "The chairman of the Joint Chiefs of Staff visited Venezuela five months after "
        "US forces captured Maduro."
    )
    visit = by_trigger(annotate_text(text, "2026-07-01"), "visited")
    assert (visit.date.value, visit.date.earliest, visit.date.latest) == (
        "2026-06", "2026-06-01", "2026-06-30",
    )  # fmt: skip


def test_an_event_without_offset_bounds_its_anchor() -> None:
    text = (
        "On January 15, 2026, the CIA Director met Delcy Rodriguez in Caracas. "
        "The meeting came after Venezuelan troops attacked a border post."
    )
    annotation = annotate_text(text)
    attack = by_trigger(annotation, "attacked")
    # "came after": the attack was on or before the day of the meeting, no more is known.
    assert (attack.date.earliest, attack.date.latest) == (None, "2026-01-15")
    assert attack.date.value is None and attack.date.origin == "relative"


def test_a_date_is_not_an_anchor_event() -> None:
    text = "Venezuelan troops attacked a border post after January 15, 2026."
    assert annotate_text(text).links == []


def test_the_meeting_takes_the_date_of_the_meeting_told_before() -> None:
    text = (
        "On January 15, 2026, CIA Director John Ratcliffe met Delcy Rodriguez in Caracas. "
        "The meeting focused on drug trafficking."
    )
    annotation = annotate_text(text)
    meetings = [m for m in annotation.event_mentions if m.type == "CONSULT"]
    assert [m.date_basis for m in meetings] == ["timex", "coreference"]
    assert {m.date.value for m in meetings} == {"2026-01-15"}
