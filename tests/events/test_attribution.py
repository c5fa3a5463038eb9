"""Attribution cues: according to, reporting verbs, reports from, citing."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from dateline.model import EventMention

Extract = Callable[..., tuple[Doc, list[EventMention]]]


def test_according_to_covers_the_sentence(extract: Extract) -> None:
    text = "According to Reuters, Iran delivered gunboats to Venezuela."
    _, events = extract(text, ("Reuters", "org:reuters"), ("Iran", "IRN"), ("Venezuela", "VEN"))
    [aid] = events
    assert aid.attribution is not None
    assert aid.attribution.speaker == "Reuters" and aid.attribution.actor_id == "org:reuters"
    assert aid.attribution.text == "According to Reuters"
    start, end = aid.attribution.start, aid.attribution.end
    assert start is not None and end is not None and text[start:end] == "According to Reuters"


def test_said_governs_its_complement_clause(extract: Extract) -> None:
    text = "Gonzalez said Russia sent troops to Cuba, and China condemned Iran."
    _, events = extract(
        text, ("Gonzalez", "person:juan-gonzalez"), ("Russia", "RUS"), ("Cuba", "CUB"),
        ("China", "CHN"), ("Iran", "IRN"),
    )  # fmt: skip
    sent = next(e for e in events if e.trigger == "sent")
    assert sent.attribution is not None and sent.attribution.speaker == "Gonzalez"
    assert sent.attribution.text == "Gonzalez said"
    assert sent.attribution.actor_id == "person:juan-gonzalez"


def test_quote_first_speaker_after_covers_the_sentence(extract: Extract) -> None:
    _, events = extract(
        "“Russia will send troops to Cuba,” the minister said.", ("Russia", "RUS"), ("Cuba", "CUB")
    )
    [send] = events
    assert send.attribution is not None and send.attribution.speaker == "the minister"
    assert send.attribution.actor_id is None
    assert send.modality == "planned"


def test_reports_from_and_citing(extract: Extract) -> None:
    _, events = extract(
        "Reports from NBC News, citing four sources, suggest the US is planning strikes on Cuba.",
        ("NBC News", "org:nbc-news"), ("US", "USA"), ("Cuba", "CUB"),
    )  # fmt: skip
    [strike] = events
    assert strike.attribution is not None and strike.attribution.speaker == "NBC News"
    assert strike.modality == "planned"


def test_no_cue_no_attribution(extract: Extract) -> None:
    _, events = extract(
        "Iran delivered gunboats to Venezuela.", ("Iran", "IRN"), ("Venezuela", "VEN")
    )
    assert events[0].attribution is None
