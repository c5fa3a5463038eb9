"""Events with no participant, one happening mentioned twice, requested acts, and
prepositional senses, on composed sentences with hand-built actor mentions."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from dateline.model import EventMention

Extract = Callable[..., tuple[Doc, list[EventMention]]]


def ids(refs: list) -> set[str]:  # type: ignore[type-arg]
    return {r.actor_id for r in refs}


def summary(events: list[EventMention]) -> list[tuple[str, str, str]]:
    return [(e.trigger, e.type, e.modality) for e in events]


def test_an_imagined_specific_act_needs_no_participant(extract: Extract) -> None:
    _, events = extract("A naval blockade could cripple the economy.")
    assert summary(events) == [("blockade", "COERCE", "hypothetical")]
    assert events[0].actors == [] and events[0].recipients == []


def test_an_asserted_act_with_no_named_participant_needs_a_sign_that_it_happened(
    extract: Extract,
) -> None:
    # kept: a harmful passive, a weapon as doer, an event noun whose verb says it took place
    _, ambushed = extract("The convoy was ambushed near the border on Tuesday.")
    assert summary(ambushed) == [("ambushed", "ASSAULT", "asserted")]
    _, bombs = extract("Two car bombs exploded in a bus station.")
    assert summary(bombs) == [("exploded", "ASSAULT", "asserted")]
    _, talks = extract("The talks ended on Tuesday.")
    assert summary(talks) == [("talks", "CONSULT", "asserted")]
    # dropped: an event noun spoken of in general, a generic verb of the derived lexicon
    _, generic = extract("Military operations are often fraught with complex challenges.")
    assert generic == []
    _, spoken = extract("The talks were important for the region.")
    assert spoken == []
    _, faced = extract("We face many challenges.")
    assert faced == []
    _, marked = extract("Relations have been marked by sanctions and isolation.")
    assert marked == []
    _, overturned = extract("The result was overturned by mass street protests.")
    assert [(e.trigger, e.type) for e in overturned] == [("protests", "PROTEST")]


def test_a_generic_concept_is_no_imagined_event(extract: Extract) -> None:
    _, events = extract("Could it set a precedent for intervention elsewhere?")
    assert events == []


def test_a_noun_carried_by_a_same_type_verb_is_one_event(extract: Extract) -> None:
    _, events = extract(
        "Cuba is engaging in direct talks with China.", ("Cuba", "CUB"), ("China", "CHN")
    )
    [talks] = events
    assert (talks.trigger, talks.type) == ("talks", "CONSULT")
    assert ids(talks.actors) == {"CUB"} and ids(talks.recipients) == {"CHN"}
    _, hosted = extract("Cuba will host talks between the rivals.", ("Cuba", "CUB"))
    assert summary(hosted) == [("host", "CONSULT", "planned")]
    assert ids(hosted[0].actors) == {"CUB"}


def test_an_apposed_elaboration_is_the_same_event(extract: Extract) -> None:
    _, events = extract(
        "Cuba is planning military actions against Venezuela – not an invasion.",
        ("Cuba", "CUB"), ("Venezuela", "VEN"),
    )  # fmt: skip
    assert summary(events) == [("actions", "ASSAULT", "planned")]


def test_an_anaphoric_noun_is_not_coded_again(extract: Extract) -> None:
    _, events = extract(
        "Cuban envoys met Chinese officials in what was the first such meeting in years.",
        ("Cuban", "CUB"), ("Chinese", "CHN"),
    )  # fmt: skip
    assert summary(events) == [("met", "CONSULT", "asserted")]


def test_the_requested_act_is_not_coded_separately(extract: Extract) -> None:
    _, events = extract(
        "Venezuela called for the withdrawal of Cuban troops.",
        ("Venezuela", "VEN"), ("Cuban troops", "CUB:MIL"),
    )  # fmt: skip
    assert summary(events) == [("called", "REQUEST", "asserted")]
    assert ids(events[0].actors) == {"VEN"}


def test_a_sense_that_needs_its_preposition_or_no_object(extract: Extract) -> None:
    _, named = extract("Cuba called the plan a mistake.", ("Cuba", "CUB"))
    assert not [e for e in named if e.type == "REQUEST"]
    _, marched = extract("Cuban students demonstrated outside the embassy.", ("Cuban", "CUB"))
    assert [e.type for e in marched] == ["PROTEST"]
    _, showed = extract("Cuba demonstrated its resolve.", ("Cuba", "CUB"))
    assert showed == []


def test_an_operation_ranks_above_its_purpose_clause(extract: Extract) -> None:
    _, events = extract(
        "The US military operation to remove Maduro ended quickly.",
        ("US", "USA"), ("Maduro", "person:nicolas-maduro"),
    )  # fmt: skip
    top = max(events, key=lambda e: e.confidence)
    assert (top.trigger, top.type) == ("operation", "ASSAULT")
    assert ids(top.actors) == {"USA"} and ids(top.recipients) == {"person:nicolas-maduro"}


def test_the_country_an_attack_happens_in_is_its_target(extract: Extract) -> None:
    _, events = extract(
        "A US intervention in Venezuela would be risky.", ("US", "USA"), ("Venezuela", "VEN")
    )
    [intervention] = events
    assert intervention.modality == "hypothetical"
    assert ids(intervention.actors) == {"USA"} and ids(intervention.recipients) == {"VEN"}


def test_an_attempted_act_is_not_asserted(extract: Extract) -> None:
    _, events = extract(
        "Sanctions followed the attempt to overthrow Maduro.",
        ("Maduro", "person:nicolas-maduro"),
    )  # fmt: skip
    overthrow = [e for e in events if e.trigger == "overthrow"]
    assert overthrow and overthrow[0].modality == "planned"
