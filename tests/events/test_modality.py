"""Modality: asserted, negated, planned, hypothetical, from the trigger and its governors."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from dateline.events import modality_of
from dateline.model import EventMention
from dateline.nlp import parse_one

Extract = Callable[..., tuple[Doc, list[EventMention]]]


def modality_at(text: str, word: str) -> str:
    """Modality of the first token spelled ``word`` in ``text``."""
    doc = parse_one(text)
    return modality_of(next(t for t in doc if t.text == word))


def test_considered_strikes_are_planned(extract: Extract) -> None:
    _, events = extract(
        "The US is considering strikes on Venezuela.", ("US", "USA"), ("Venezuela", "VEN")
    )
    [strike] = events
    assert strike.type == "ASSAULT" and strike.modality == "planned"
    assert {a.actor_id for a in strike.actors} == {"USA"}


def test_negated_send(extract: Extract) -> None:
    _, events = extract("Russia did not send troops.", ("Russia", "RUS"))
    assert [e.modality for e in events] == ["negated"]


def test_could_if_is_hypothetical(extract: Extract) -> None:
    _, events = extract("China could send aid if asked.", ("China", "CHN"))
    assert [(e.type, e.modality) for e in events] == [("AID", "hypothetical")]
    assert events[0].actors[0].actor_id == "CHN"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Russia sent troops to Cuba.", "sent", "asserted"),
        ("Russia will send troops to Cuba next week.", "send", "planned"),
        ("Russia plans to send troops to Cuba.", "send", "planned"),
        ("Russia is expected to send troops to Cuba.", "send", "planned"),
        ("Russia threatened to send troops to Cuba.", "send", "planned"),
        ("Russia might send troops to Cuba.", "send", "hypothetical"),
        ("Russia would send troops to Cuba if asked.", "send", "hypothetical"),
        ("Putin said Russia would send troops to Cuba.", "send", "planned"),
        ("Analysts predict that Russia will send troops.", "send", "planned"),
        ("Whether Russia sends troops is unclear.", "sends", "hypothetical"),
        ("Will a strike strengthen Maduro?", "strike", "hypothetical"),
        ("Russia never sent troops to Cuba.", "sent", "negated"),
        ("Russia neither attacked nor threatened Cuba.", "attacked", "negated"),
        ("Russia neither attacked nor threatened Cuba.", "threatened", "negated"),
        ("Russia attacked and threatened Cuba.", "threatened", "asserted"),
        ("Russia denied sending troops to Cuba.", "sending", "negated"),
        ("Russia failed to send troops to Cuba.", "send", "negated"),
        ("No deal was reached during the talks.", "deal", "negated"),
        ("No deal was reached during the talks.", "talks", "asserted"),
        ("He is stopping short of declaring war.", "declaring", "negated"),
        ("The potential strikes worry Caracas.", "strikes", "hypothetical"),
        ("The planned strikes worry Caracas.", "strikes", "planned"),
        ("The US is actively planning potential military actions.", "actions", "planned"),
        ("Officials discussed the possibility of an invasion.", "invasion", "hypothetical"),
        ("After the strike, Russia said it would respond.", "strike", "asserted"),
        ("The 2020 drone strike that eliminated him was ordered by Trump.", "eliminated",
         "asserted"),
    ],
)  # fmt: skip
def test_modality_cues(text: str, word: str, expected: str) -> None:
    assert modality_at(text, word) == expected


def test_a_whether_or_if_clause_keeps_its_will_hypothetical() -> None:
    text = "Nobody knows whether the crisis will culminate in a military confrontation."
    assert modality_at(text, "confrontation") == "hypothetical"
    plain = "The crisis will culminate in a military confrontation."
    assert modality_at(plain, "confrontation") == "planned"


def test_not_just_is_no_denial_and_may_not_is_a_possibility() -> None:
    assert modality_at("It's not just US officials meeting in Caracas.", "meeting") == "asserted"
    text = "The army may not endure a full-scale assault."
    assert modality_at(text, "assault") == "hypothetical"
    assert modality_at("The army did not endure a full-scale assault.", "assault") == "negated"


def test_neither_nor_denies_both_conjuncts() -> None:
    text = "Russia has neither the will nor the readiness to engage in a direct conflict."
    assert modality_at(text, "engage") == "negated"


def test_an_event_noun_shares_the_status_of_the_verb_saying_it_happens() -> None:
    assert modality_at("The urgent supplies will arrive tomorrow.", "supplies") == "planned"
    assert modality_at("The talks failed to bridge the differences.", "talks") == "asserted"
    # a definite subject of any other predicate keeps its own status
    assert modality_at("This meeting could herald a shift.", "meeting") == "asserted"
