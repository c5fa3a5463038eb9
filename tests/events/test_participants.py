"""Participants read from the place, companions and unnamed doers, with the real resolver."""

from __future__ import annotations

from dateline.model import EventMention
from dateline.pipeline import annotate_text


def events_of(text: str) -> list[EventMention]:
    return list(annotate_text(text, None, "doc_p").event_mentions)


def only(events: list[EventMention], type_: str) -> EventMention:
    matching = [e for e in events if e.type == type_]
    assert len(matching) == 1, [(e.trigger, e.type) for e in events]
    return matching[0]


def ids(refs: list) -> list[str]:  # type: ignore[type-arg]
    return [r.actor_id for r in refs]


def test_civilians_take_the_country_where_they_were_hit() -> None:
    attack = only(events_of("Gunmen killed five teachers in Baghdad on Monday."), "ASSAULT")
    assert ids(attack.actors) == ["sector:UAF"]  # armed groups keep their own code
    assert ids(attack.recipients) == ["IRQ:EDU"]


def test_an_attack_with_no_named_target_hits_the_country_where_it_happened() -> None:
    attack = only(events_of("In Baghdad, a suicide bomber attacked a checkpoint."), "ASSAULT")
    assert ids(attack.actors) == ["sector:REB"]  # a singular doer noun as subject
    assert ids(attack.recipients) == ["IRQ"]


def test_the_companions_of_a_kidnapped_man_are_kidnapped_too() -> None:
    text = "A British activist was kidnapped in Baghdad, along with two Canadians."
    attack = only(events_of(text), "ASSAULT")
    assert set(r.country for r in attack.recipients) >= {"GBR", "CAN"}


def test_a_withdrawal_leaves_the_country_it_is_from() -> None:
    retreat = only(events_of("Britain will withdraw its troops from Iraq next May."), "RETREAT")
    assert ids(retreat.actors) == ["GBR"] and ids(retreat.recipients) == ["IRQ"]
    assert retreat.modality == "planned"


def test_an_organisation_in_an_agent_phrase_is_the_actor() -> None:
    text = "A UN peacekeeping force helped build roads in Haiti."
    aid = only(events_of(text), "AID")
    assert ids(aid.actors) == ["igo:un"]


def test_people_in_a_country_with_no_other_nationality_are_its_own() -> None:
    request = only(events_of("Shia leaders in Iraq demanded an autonomous region."), "REQUEST")
    assert ids(request.actors) == ["IRQ:GOV"]
    british = events_of("British officials in Iraq demanded an apology.")
    assert ids(only(british, "REQUEST").actors) == ["GBR:GOV"]


def test_a_compound_event_noun_takes_the_actor_and_place_of_its_head() -> None:
    aid = only(events_of("US troops are stepping up aid operations across Haiti."), "AID")
    assert ids(aid.actors) == ["USA:MIL"] and ids(aid.recipients) == ["HTI"]
