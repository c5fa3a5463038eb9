"""Trigger senses and the PLOVER manual's category rules, on composed sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from dateline.events.headlines import is_title_case
from dateline.model import EventMention

Extract = Callable[..., tuple[Doc, list[EventMention]]]


def types(events: list[EventMention]) -> list[tuple[str, str]]:
    return [(e.trigger, e.type) for e in events]


def test_surrender_and_resignation_are_retreats(extract: Extract) -> None:
    _, surrendered = extract(
        "The rebel commander surrendered to the Venezuelan army on Monday.",
        ("Venezuelan army", "VEN:MIL"),
    )  # fmt: skip
    assert types(surrendered) == [("surrendered", "RETREAT")]
    minister = ("minister of Venezuela", "VEN:GOV")
    _, resigned = extract("The minister of Venezuela resigned.", minister)
    assert types(resigned) == [("resigned", "RETREAT")]


def test_conviction_is_a_sanction_and_a_warrant_coerces(extract: Extract) -> None:
    _, found = extract("The soldier was found guilty of abusing inmates.")
    assert ("found", "SANCTION") in types(found)
    _, found_dead = extract("The soldier was found dead in Caracas.")
    assert ("found", "SANCTION") not in types(found_dead)
    _, warrant = extract(
        "A Venezuelan judge issued an arrest warrant for the American.",
        ("Venezuelan judge", "VEN:JUD"), ("American", "USA"),
    )  # fmt: skip
    # "issue" carries the warrant: no event of its own
    assert [t for t, _ in types(warrant)] == ["warrant"] and warrant[0].type == "COERCE"


def test_a_particle_or_object_decides_the_sense(extract: Extract) -> None:
    _, ruled_out = extract("Russia ruled out an apology.", ("Russia", "RUS"))
    assert types(ruled_out) == [("ruled", "REJECT")]
    _, ruled = extract("Russia ruled the region for decades.", ("Russia", "RUS"))
    assert types(ruled) == []
    _, hostages = extract("Iran released the hostages.", ("Iran", "IRN"))
    assert types(hostages) == [("released", "RETREAT")]
    _, video = extract("Iran released a video.", ("Iran", "IRN"))
    assert types(video) == []
    _, troops = extract("Russia is pulling its troops out of Syria.", ("Russia", "RUS"))
    assert types(troops) == [("pulling", "RETREAT")]
    _, girl = extract("Rescuers pulled a girl out of the rubble.")
    assert ("pulled", "RETREAT") not in types(girl)


def test_economic_backing_is_aid_and_hyphenated_nouns_are_found(extract: Extract) -> None:
    _, backing = extract("Russia's economic backing kept Maduro in power.", ("Russia", "RUS"))
    assert ("backing", "AID") in types(backing)
    _, support = extract("Russia's diplomatic backing kept Maduro in power.", ("Russia", "RUS"))
    assert ("backing", "SUPPORT") in types(support)
    text = "A pull-out of Russian troops could take place in May."
    _, pull_out = extract(text, ("Russian", "RUS"))
    [event] = pull_out
    assert (event.type, event.modality) == ("RETREAT", "hypothetical")
    assert [a.actor_id for a in event.actors] == ["RUS"]


def test_a_name_is_never_an_event_noun(extract: Extract) -> None:
    _, events = extract("UN Secretary General Ban Ki-moon spoke in Geneva.")
    assert ("Ban", "COERCE") not in types(events)


def test_a_title_case_headline_is_read_in_sentence_case(extract: Extract) -> None:
    text = "US Joint Chiefs Visit Post-Maduro Venezuela"
    _, events = extract(text, ("US", "USA"), ("Venezuela", "VEN"))
    [visit] = events
    assert (visit.type, visit.mode, visit.trigger) == ("CONSULT", "visit", "Visit")
    assert visit.trigger_start == text.index("Visit")
    assert [r.actor_id for r in visit.recipients] == ["VEN"]


def test_a_title_case_line_inside_an_article_is_read_at_its_own_offsets(
    extract: Extract,
) -> None:
    text = "Officials in Caracas spoke on Monday.\nUS Joint Chiefs Visit Post-Maduro Venezuela"
    _, events = extract(text, ("US", "USA"), ("Venezuela", "VEN"))
    [visit] = [e for e in events if e.mode == "visit"]
    assert (visit.type, visit.trigger) == ("CONSULT", "Visit")
    assert visit.trigger_start == text.index("Visit")
    assert [r.actor_id for r in visit.recipients] == ["VEN"]


def test_the_main_clause_event_ranks_first(extract: Extract) -> None:
    text = (
        "If the US imposed sanctions on Russia as a result of Putin's invasion of Ukraine,"
        " oil prices would rise."
    )
    _, events = extract(
        text, ("US", "USA"), ("Russia", "RUS"), ("Putin", "person:vladimir-putin"),
        ("Ukraine", "UKR"),
    )  # fmt: skip
    top = max(events, key=lambda e: e.confidence)
    assert top.type == "SANCTION"


def test_an_event_nouns_purpose_ranks_below_it(extract: Extract) -> None:
    text = "The US military buildup serves to challenge Maduro."
    _, events = extract(text, ("US", "USA"), ("Maduro", "person:nicolas-maduro"))
    buildup = next(e for e in events if e.trigger == "buildup")
    challenge = next(e for e in events if e.trigger == "challenge")
    assert buildup.type == "MOBILIZE" and buildup.confidence > challenge.confidence
    assert [r.actor_id for r in buildup.recipients] == ["person:nicolas-maduro"]


def test_title_case_rereading_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.events import extract as extract_module
    from dateline.nlp import parse_one

    calls: list[str] = []
    real = extract_module.sentence_case_reparse

    def counting(sentence, index):  # type: ignore[no-untyped-def]
        calls.append(sentence.text)
        return real(sentence, index)

    monkeypatch.setattr(extract_module, "sentence_case_reparse", counting)
    menu = "\n".join(f"World News Politics Business Section Number {i}" for i in range(40))
    extract_module.extract_events(parse_one(menu), "doc_menu", [], {})
    assert len(calls) == extract_module.MAX_REREAD_HEADLINES
    long_line = " ".join(["Officials"] + ["Visit"] * 40)
    assert not is_title_case(parse_one(long_line)[:])
