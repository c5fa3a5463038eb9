"""Roles learned from the text: titles dated by the document, "former" as an end bound,
no duplicate of the knowledge base's roles; person ids that meet across documents."""

from __future__ import annotations

from dateline.actors import load_kb
from dateline.actors.roles import clean_title, title_key
from dateline.model import Actor, Annotation, Role
from dateline.pipeline import annotate_text


def person(annotation: Annotation, actor_id: str) -> Actor:
    return annotation.actors[actor_id]


def test_a_title_is_a_role_held_around_the_publication_date() -> None:
    annotation = annotate_text(
        "Peruvian Foreign Minister Marta Quintero spoke in Lima on Monday. "
        "Quintero said the vote would go ahead.",
        published="2026-02-10",
    )
    (role,) = person(annotation, "person:marta-quintero").roles
    assert (role.title, role.country, role.sector) == ("Foreign Minister", "PER", "GOV")
    # Held on or around the date: an observation, not a start or an end.
    assert (role.seen_from, role.seen_to) == ("2026-02-10", "2026-02-10")
    assert role.start is None and role.end is None and role.ended_by is None
    assert role.sources == [annotation.document.id]


def test_a_month_date_gives_its_bounds() -> None:
    annotation = annotate_text(
        "Peruvian Foreign Minister Marta Quintero spoke in Lima on Monday.", published="2026-03"
    )
    (role,) = person(annotation, "person:marta-quintero").roles
    assert (role.seen_from, role.seen_to) == ("2026-03-01", "2026-03-31")


def test_former_ends_a_role_by_the_date() -> None:
    annotation = annotate_text(
        "Former Interior Minister Pablo Quintero criticised the plan. Quintero said it would fail.",
        published="2026-04-02",
    )
    (role,) = person(annotation, "person:pablo-quintero").roles
    assert role.title == "Interior Minister"  # "Former" is no part of the title
    assert role.ended_by == "2026-04-02"
    assert role.seen_from is None and role.seen_to is None and role.end is None


def test_learned_titles_join_the_knowledge_base_roles() -> None:
    annotation = annotate_text(
        "Interim leader Delcy Rodriguez spoke in Caracas. "
        "Former President Nicolás Maduro stayed silent.",
        published="2026-03-05",
    )
    rodriguez = person(annotation, "person:delcy-rodriguez")
    assert [r.title for r in rodriguez.roles] == [
        "Vice President of Venezuela", "Interim leader of Venezuela"
    ]  # fmt: skip
    interim = rodriguez.roles[1]
    assert (interim.start, interim.end) == ("2026-01-03", None)  # the record's, unchanged
    assert (interim.seen_from, interim.seen_to) == ("2026-03-05", "2026-03-05")
    maduro = person(annotation, "person:nicolas-maduro")
    (president,) = [r for r in maduro.roles if "President" in r.title and "Vice" not in r.title]
    assert president.title == "President of Venezuela"
    assert (president.start, president.end) == ("2013-04-19", "2026-01-03")
    assert president.ended_by == "2026-03-05"


def test_a_title_contradicting_the_record_keeps_only_its_source() -> None:
    annotation = annotate_text(
        "President Nicolás Maduro spoke in Caracas on Monday.", published="2026-03-05"
    )
    maduro = person(annotation, "person:nicolas-maduro")
    (president,) = [r for r in maduro.roles if r.title == "President of Venezuela"]
    assert president.end == "2026-01-03"  # the record wins over the text
    assert president.seen_from is None and president.seen_to is None
    assert president.sources == [annotation.document.id]
    assert len(maduro.roles) == 2  # no learned "President" besides the record's


def test_clean_title_and_title_key() -> None:
    kb = load_kb()
    assert clean_title("former Venezuelan President", kb) == "President"
    assert clean_title("Colombian opposition leader", kb) == "opposition leader"
    assert clean_title("Biden's senior adviser", kb) == "senior adviser"
    assert clean_title("CIA Director", kb) == "CIA Director"
    assert title_key("President of Venezuela", "VEN", kb) == title_key("President", "VEN", kb)
    assert title_key("CIA Director", "USA", kb) == title_key(
        "Director of the Central Intelligence Agency", "USA", kb
    )
    assert title_key("President of Venezuela", "COL", kb) != title_key("President", "COL", kb)


def test_the_same_unknown_person_has_one_id_across_documents() -> None:
    first = annotate_text(
        "Peruvian Foreign Minister Marta Quintero spoke in Lima on Monday. "
        "Quintero said the vote would go ahead.",
        published="2026-02-10",
    )
    second = annotate_text(
        "On Tuesday, the economist Marta Quintéro arrived in Caracas. "
        "Quintero met local officials.",
        published="2026-03-03",
    )
    for annotation in (first, second):
        ids = {m.actor_id for m in annotation.mentions if "Quint" in m.text}
        assert ids == {"person:marta-quintero"}  # the surname joins the full name
    assert "Marta Quintéro" in second.actors["person:marta-quintero"].aliases


def test_a_bare_surname_never_merges_two_people() -> None:
    both = annotate_text(
        "Marta Quintero and Pablo Quintero spoke in Lima. Quintero said nothing more.",
        published="2026-04-02",
    )
    ids = {m.text: m.actor_id for m in both.mentions if "Quintero" in m.text}
    assert ids["Marta Quintero"] == "person:marta-quintero"
    assert ids["Pablo Quintero"] == "person:pablo-quintero"
    # Ambiguous here: the surname alone is neither of them.
    assert ids["Quintero"] not in {"person:marta-quintero", "person:pablo-quintero"}
    pablo = annotate_text(
        "Former Interior Minister Pablo Quintero criticised the plan. Quintero said it would fail.",
        published="2026-04-02",
    )
    assert {m.actor_id for m in pablo.mentions if "Quintero" in m.text} == {"person:pablo-quintero"}
    # A surname no full name explains belongs to its document only.
    alone = [
        annotate_text(text, published="2026-04-03")
        for text in (
            "Quintero said the vote would go ahead, according to local radio.",
            "Officials in Lima said on Tuesday that Marta Quintéro would attend. "
            "Quintero declined to comment.",
        )
    ]
    bare = [{m.actor_id for m in a.mentions if m.text == "Quintero"} for a in alone]
    assert all(len(ids) == 1 for ids in bare)
    assert bare[0] != bare[1]
    assert not any(actor_id.endswith("quintero") for ids in bare for actor_id in ids)


def test_roles_without_observations_compare_as_before() -> None:
    assert Role("President", "VEN") == Role("President", "VEN")
    assert Role("President").sources == []
