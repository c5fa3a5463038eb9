"""Extraction on composed sentences with hand-built actor mentions."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from dateline.model import EventMention

Extract = Callable[..., tuple[Doc, list[EventMention]]]


def ids(refs: list) -> set[str]:  # type: ignore[type-arg]
    return {r.actor_id for r in refs}


def only(events: list[EventMention], type_: str) -> EventMention:
    matching = [e for e in events if e.type == type_]
    assert len(matching) == 1, [(e.trigger, e.type) for e in events]
    return matching[0]


def test_compound_actor_gives_one_record_with_two_actors(extract: Extract) -> None:
    _, events = extract(
        "Hungarian and Romanian officials agreed to expand cooperation.",
        ("Hungarian", "HUN"), ("Romanian", "ROU"),
    )  # fmt: skip
    agree = only(events, "AGREE")
    assert ids(agree.actors) == {"HUN", "ROU"}
    assert agree.trigger == "agreed" and agree.modality == "asserted"
    assert agree.quad_class == 1 and agree.cameo == "030"


def test_verb_with_recipient_and_fields(extract: Extract) -> None:
    text = "Iran delivered gunboats to Venezuela."
    _, events = extract(text, ("Iran", "IRN"), ("Venezuela", "VEN"))
    aid = only(events, "AID")
    assert ids(aid.actors) == {"IRN"} and ids(aid.recipients) == {"VEN"}
    assert aid.modality == "asserted"
    assert text[aid.trigger_start : aid.trigger_end] == "delivered"
    assert (aid.sentence_index, aid.sentence_start) == (0, 0)
    assert aid.quad_class == 2 and aid.intensity == 10.0
    assert aid.confidence > 0.8  # both sides, a verb


def test_one_sided_event_is_kept_with_lower_confidence(extract: Extract) -> None:
    _, both = extract(
        "Iran delivered gunboats to Venezuela.", ("Iran", "IRN"), ("Venezuela", "VEN")
    )
    _, one = extract("Iran delivered gunboats.", ("Iran", "IRN"))
    assert only(one, "AID").recipients == []
    assert only(one, "AID").confidence < only(both, "AID").confidence


def test_event_without_any_actor_is_skipped(extract: Extract) -> None:
    _, events = extract("Somebody delivered gunboats yesterday.")
    assert events == []


def test_nominal_event_with_possessor_and_visit_recipient(extract: Extract) -> None:
    _, events = extract(
        "Ratcliffe's visit to Venezuela lasted two days.",
        ("Ratcliffe", "person:john-ratcliffe"), ("Venezuela", "VEN"),
    )  # fmt: skip
    visit = only(events, "CONSULT")
    assert visit.mode == "visit" and visit.intensity == 4.0
    assert ids(visit.actors) == {"person:john-ratcliffe"} and ids(visit.recipients) == {"VEN"}


def test_compound_actor_of_a_nominal_event(extract: Extract) -> None:
    _, events = extract(
        "US strikes on Venezuela ended at dawn.", ("US", "USA"), ("Venezuela", "VEN")
    )
    strike = only(events, "ASSAULT")
    assert ids(strike.actors) == {"USA"} and ids(strike.recipients) == {"VEN"}


def test_light_verbs_make_the_noun_the_event(extract: Extract) -> None:
    _, events = extract(
        "The United States imposed sanctions on Russia.",
        ("United States", "USA"), ("Russia", "RUS"),
    )  # fmt: skip
    assert [e.type for e in events] == ["SANCTION"]  # no COERCE from "imposed"
    assert ids(events[0].actors) == {"USA"} and ids(events[0].recipients) == {"RUS"}
    _, talks = extract("Cuba held talks with China.", ("Cuba", "CUB"), ("China", "CHN"))
    assert [(e.trigger, e.type) for e in talks] == [("talks", "CONSULT")]
    assert ids(talks[0].actors) == {"CUB"} and ids(talks[0].recipients) == {"CHN"}


def test_several_events_in_one_sentence(extract: Extract) -> None:
    _, events = extract(
        "Russia sent troops to Venezuela and China condemned the deployment.",
        ("Russia", "RUS"), ("Venezuela", "VEN"), ("China", "CHN"),
    )  # fmt: skip
    assert {e.type for e in events} >= {"MOBILIZE", "ACCUSE"}  # troops sent: mobilization


def test_passive_agent_is_the_actor(extract: Extract) -> None:
    _, events = extract(
        "Maduro was captured by American forces.",
        ("Maduro", "person:nicolas-maduro"), ("American forces", "USA:MIL"),
    )  # fmt: skip
    capture = only(events, "COERCE")
    assert ids(capture.actors) == {"USA:MIL"}
    assert ids(capture.recipients) == {"person:nicolas-maduro"}


def test_possessor_of_an_ouster_is_the_one_removed(extract: Extract) -> None:
    _, events = extract(
        "After Maduro's ouster, the US reopened its embassy.", ("Maduro", "person:nicolas-maduro")
    )
    ouster = only(events, "COERCE")
    assert ids(ouster.recipients) == {"person:nicolas-maduro"} and ouster.actors == []


def test_object_changes_the_verb_type(extract: Extract) -> None:
    _, troops = extract("Kenya sent peacekeepers to Haiti.", ("Kenya", "KEN"), ("Haiti", "HTI"))
    assert [(e.type, e.mode) for e in troops] == [("MOBILIZE", "troops")]
    _, aid = extract("Kenya sent medicine to Haiti.", ("Kenya", "KEN"), ("Haiti", "HTI"))
    assert [e.type for e in aid] == ["AID"]
    _, lifted = extract(
        "Washington lifted sanctions on Venezuelan oil.",
        ("Washington", "USA"), ("Venezuelan", "VEN"),
    )  # fmt: skip
    assert [(e.trigger, e.type) for e in lifted] == [("lifted", "CONCEDE")]
    assert {r.actor_id for r in lifted[0].recipients} == {"VEN"}


def test_recipient_through_the_object_and_actor_of_a_means_clause(extract: Extract) -> None:
    """ "severed ties with Maduro": Maduro receives; "backed an attempt ... by recognizing
    Guaidó": who backed it recognizes; "an unsuccessful attempt to oust him" did not oust."""
    text = (
        "In 2019, the United States severed diplomatic ties with Maduro after Donald Trump's"
        " administration backed an unsuccessful attempt to oust him by recognizing opposition"
        " leader Juan Guaidó as president."
    )
    _, events = extract(
        text, ("the United States", "USA"), ("Maduro", "VEN"), ("Donald Trump", "USA"),
        ("Juan Guaidó", "VEN"),
    )  # fmt: skip
    found = {(e.type, e.modality, frozenset(ids(e.actors)), frozenset(ids(e.recipients)))
             for e in events}  # fmt: skip
    assert ("SANCTION", "asserted", frozenset({"USA"}), frozenset({"VEN"})) in found
    assert ("SUPPORT", "asserted", frozenset({"USA"}), frozenset({"VEN"})) in found
    assert not any(t == "COERCE" and m == "asserted" for t, m, _, _ in found), found


def test_relative_pronoun_object_is_its_antecedent(extract: Extract) -> None:
    _, events = extract(
        "Russia criticized the Cuban government, which China has accused of espionage.",
        ("Russia", "RUS"), ("Cuban government", "CUB:GOV"), ("China", "CHN"),
    )  # fmt: skip
    accused = next(e for e in events if e.trigger == "accused")
    assert ids(accused.actors) == {"CHN"} and ids(accused.recipients) == {"CUB:GOV"}


def test_result_of_an_act_takes_its_actor(extract: Extract) -> None:
    _, events = extract(
        "It came after a Russian operation that led to the removal of the Cuban president.",
        ("Russian", "RUS"), ("Cuban president", "CUB:GOV"),
    )  # fmt: skip
    removal = next(e for e in events if e.trigger == "removal")
    assert ids(removal.actors) == {"RUS"} and ids(removal.recipients) == {"CUB:GOV"}


def test_mobilization_near_a_country_is_aimed_at_it(extract: Extract) -> None:
    _, events = extract(
        "China has increased its naval presence near Iran, deploying 3,000 troops.",
        ("China", "CHN"), ("Iran", "IRN"),
    )  # fmt: skip
    deploying = only(events, "MOBILIZE")
    assert ids(deploying.actors) == {"CHN"} and ids(deploying.recipients) == {"IRN"}


def test_listed_support_deployment_is_military_aid(extract: Extract) -> None:
    text = (
        "Cuba's army features support from:\n"
        "- Russia—deploying air defence systems;\n"
        "- China—supplying gunboats to patrol the coast.\n"
    )
    _, events = extract(text, ("Cuba", "CUB"), ("Russia", "RUS"), ("China", "CHN"))
    aid = sorted((e for e in events if e.type == "AID"), key=lambda e: e.trigger_start)
    assert [(ids(e.actors), ids(e.recipients)) for e in aid] == [
        ({"RUS"}, {"CUB"}),
        ({"CHN"}, {"CUB"}),
    ], [(e.trigger, e.type) for e in events]
    assert not [e for e in events if e.type == "MOBILIZE"]
