"""People: titles, countries and sectors, alias merging and NER repairs."""

from __future__ import annotations

from collections.abc import Callable

from dateline.model import Actor, Mention

Resolved = tuple[str, list[Mention], dict[str, Actor]]


def person_mentions(resolved: Resolved, actor_id: str) -> list[str]:
    return [m.text for m in resolved[1] if m.actor_id == actor_id]


def test_every_ratcliffe_mention_is_the_cia_director(demo: Callable[[str], Resolved]) -> None:
    resolved = demo("001")
    text, mentions, actors = resolved
    ratcliffe = [m for m in mentions if "Ratcliffe" in m.text and m.label != "AGENT"]
    assert len(ratcliffe) == text.count("Ratcliffe")
    assert {m.actor_id for m in ratcliffe} == {"person:john-ratcliffe"}
    # NER tags several of them ORG; the resolver repairs the label.
    assert {m.label for m in ratcliffe} == {"PERSON"}
    actor = actors["person:john-ratcliffe"]
    assert (actor.kind, actor.country, actor.sectors[0]) == ("person", "USA", "GOV")
    assert any(role.title == "CIA Director" and role.country == "USA" for role in actor.roles)


def test_possessive_is_outside_the_mention(demo: Callable[[str], Resolved]) -> None:
    text, mentions, _actors = demo("001")
    start = text.index("John Ratcliffe's")
    (mention,) = [m for m in mentions if m.start == start]
    assert mention.text == "John Ratcliffe" and mention.end == start + len("John Ratcliffe")


def test_interim_leader_rodriguez(demo: Callable[[str], Resolved]) -> None:
    resolved = demo("001")
    actor = resolved[2]["person:delcy-rodriguez"]
    assert (actor.country, actor.sectors[0]) == ("VEN", "GOV")
    assert actor.name == "Delcy Rodríguez"  # the record's accented form
    # "Will Rodriguez …?": the question word NER glued to the name is dropped.
    assert "Rodriguez" in person_mentions(resolved, "person:delcy-rodriguez")
    assert not any(m.text.startswith("Will") for m in resolved[1])


def test_maduro_is_one_actor_across_spellings(demo: Callable[[str], Resolved]) -> None:
    in_001 = person_mentions(demo("001"), "person:nicolas-maduro")
    in_004 = person_mentions(demo("004"), "person:nicolas-maduro")
    assert "Nicolas Maduro" in in_001 and "Maduro" in in_001
    assert "Nicolás Maduro" in in_004
    maduro = demo("001")[2]["person:nicolas-maduro"]
    assert maduro.name == "Nicolás Maduro" and maduro.country == "VEN"
    assert set(maduro.aliases) >= {"Nicolas Maduro", "Maduro"}


def test_title_gives_country_and_sector(resolve: Callable[[str], Resolved]) -> None:
    _text, _mentions, actors = resolve(
        "Venezuelan President Nicolás Maduro met opposition leader María Corina Machado, "
        "and President Donald Trump welcomed Brazilian Foreign Minister Mauro Vieira."
    )
    assert actors["person:nicolas-maduro"].roles[-1].title == "Venezuelan President"
    machado = actors["person:maria-corina-machado"]
    assert (machado.country, machado.sectors[0]) == ("VEN", "OPP")
    trump = actors["person:donald-trump"]
    assert (trump.country, trump.sectors[0]) == ("USA", "GOV")
    vieira = actors["person:mauro-vieira"]  # unknown to the record: all from the title
    assert (vieira.country, vieira.sectors[0]) == ("BRA", "GOV")


def test_possessor_gives_the_country(demo: Callable[[str], Resolved]) -> None:
    gonzalez = demo("003")[2]["person:juan-gonzalez"]
    assert (gonzalez.country, gonzalez.sectors[0]) == ("USA", "GOV")


def test_appositive_title(demo: Callable[[str], Resolved]) -> None:
    sabatini = demo("003")[2]["person:christopher-sabatini"]
    assert sabatini.sectors[0] == "EDU" and sabatini.country == "GBR"  # via Chatham House


def test_state_title_without_country_takes_the_context(
    resolve: Callable[[str], Resolved],
) -> None:
    _text, _mentions, actors = resolve(
        "In Peru, Interior Minister Juan Quispe ordered new checkpoints."
    )
    quispe = actors["person:juan-quispe"]
    assert (quispe.country, quispe.sectors[0]) == ("PER", "GOV")


def test_ner_slips_are_repaired(demo: Callable[[str], Resolved]) -> None:
    resolved = demo("001")
    # "Machado" tagged GPE and ORG by NER is the person.
    assert person_mentions(resolved, "person:maria-corina-machado").count("Machado") >= 2
    # "Tren de Aragua" tagged PERSON is the criminal organisation.
    (tren,) = [m for m in resolved[1] if m.text == "Tren de Aragua"]
    actor = resolved[2][tren.actor_id]
    assert (actor.id, actor.kind, actor.country, actor.sectors) == (
        "org:tren-de-aragua", "organisation", "VEN", ["CRM"]
    )  # fmt: skip
    assert not any(a.id.startswith("person:tren") for a in resolved[2].values())


def test_headline_words_are_not_people(demo: Callable[[str], Resolved]) -> None:
    actors = demo("002")[2]
    assert "person:strike-strengthen" not in actors
    assert "person:surgical-strikes" not in actors
    assert "person:luis-peche-arteaga" in actors


def test_known_people_by_surname_and_a_namesake(resolve: Callable[[str], Resolved]) -> None:
    _text, mentions, actors = resolve(
        "On Monday, Ana Machado, a teacher in Maracaibo, said Putin had called Xi Jinping."
    )
    found = {m.text: m.actor_id for m in mentions}
    assert found["Ana Machado"] == "person:ana-machado"  # not María Corina Machado
    assert found["Putin"] == "person:vladimir-putin"
    assert (actors["person:vladimir-putin"].country, actors["person:xi-jinping"].country) == (
        "RUS", "CHN"
    )  # fmt: skip
    assert found["Maracaibo"] == "VEN"
