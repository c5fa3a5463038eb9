"""Country mentions: names, demonyms, capitals, hyphenated compounds; regions are not."""

from __future__ import annotations

from collections.abc import Callable

from dateline.model import Actor, Mention

Resolved = tuple[str, list[Mention], dict[str, Actor]]


def ids_at(resolved: Resolved, text: str) -> list[str]:
    _text, mentions, _actors = resolved
    return [mention.actor_id for mention in mentions if mention.text == text]


def test_rivals_in_004_resolve_to_their_countries(demo: Callable[[str], Resolved]) -> None:
    resolved = demo("004")
    for name, code in [("Cuba", "CUB"), ("China", "CHN"), ("Iran", "IRN"), ("Russia", "RUS")]:
        assert ids_at(resolved, name) and set(ids_at(resolved, name)) == {code}
    actors = resolved[2]
    assert actors["RUS"].kind == "country" and actors["RUS"].country == "RUS"
    assert set(ids_at(resolved, "Caracas")) == {"VEN"}
    assert set(ids_at(resolved, "Washington")) == {"USA"}


def test_hyphenated_compounds_give_two_countries(demo: Callable[[str], Resolved]) -> None:
    text, mentions, _actors = demo("001")
    start = text.index("U.S.-Venezuelan relations")
    inside = [m for m in mentions if start <= m.start < start + len("U.S.-Venezuelan")]
    assert [(m.text, m.actor_id) for m in inside] == [("U.S.", "USA"), ("Venezuelan", "VEN")]
    for mention in inside:
        assert text[mention.start : mention.end] == mention.text


def test_spaced_hyphen_compound(resolve: Callable[[str], Resolved]) -> None:
    _text, mentions, _actors = resolve("The US-Venezuela talks resumed on Monday.")
    assert [(m.text, m.actor_id) for m in mentions] == [("US", "USA"), ("Venezuela", "VEN")]


def test_attitudes_and_regions_are_not_countries(resolve: Callable[[str], Resolved]) -> None:
    _text, mentions, _actors = resolve(
        "Anti-American protesters marched across Latin America, and they told us nothing."
    )
    assert not any(m.actor_id.startswith("USA") for m in mentions), mentions
    assert "America" not in [m.text for m in mentions]


def test_mentions_carry_doc_id_and_exact_spans(demo: Callable[[str], Resolved]) -> None:
    text, mentions, actors = demo("000")
    assert mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.doc_id == "doc" and mention.actor_id in actors


def test_international_organisations_and_non_actors(resolve: Callable[[str], Resolved]) -> None:
    _text, mentions, actors = resolve(
        "The OAS and the UN condemned the vote at 10:00 GMT, and NATO said nothing."
    )
    found = {m.text: m.actor_id for m in mentions}
    assert found == {"OAS": "igo:oas", "UN": "igo:un", "NATO": "igo:nato"}
    assert actors["igo:un"].sectors == ["IGO"] and actors["igo:un"].country is None
