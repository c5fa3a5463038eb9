"""Actors across documents in the store: learned roles merge, aliases add up, the
knowledge base's roles are not repeated, one id for one person."""

from __future__ import annotations

from pathlib import Path

from dateline.model import Actor, Role
from dateline.pipeline import annotate_text
from dateline.store import Store
from dateline.store._actors import merge_roles

FIRST = (
    "Peruvian Foreign Minister Marta Quintero spoke in Lima on Monday. "
    "Interim leader Delcy Rodriguez answered from Caracas."
)
SECOND = (
    "On Tuesday, Foreign Minister Marta Quintéro flew home to Lima, where Interim leader "
    "Delcy Rodríguez was expected. Quintero met local officials."
)
THIRD = "Former Foreign Minister Marta Quintero said in Lima that the talks had failed."


def stored(store: Store, actor_id: str) -> Actor:
    (actor,) = [a for a in store.actors() if a.id == actor_id]
    return actor


def test_learned_roles_merge_across_documents(tmp_path: Path) -> None:
    annotations = [
        annotate_text(FIRST, published="2026-02-10"),
        annotate_text(SECOND, published="2026-03"),
        annotate_text(THIRD, published="2026-06-01"),
    ]
    with Store(tmp_path / "s.db") as store:
        for annotation in annotations:
            store.add_annotation(annotation)
        quintero = stored(store, "person:marta-quintero")
        (minister,) = [r for r in quintero.roles if r.title == "Foreign Minister"]
        assert minister.country == "PER"
        # Held on or around 10 February and some day in March; ended by 1 June.
        assert (minister.seen_from, minister.seen_to) == ("2026-02-10", "2026-03-31")
        assert minister.ended_by == "2026-06-01"
        assert minister.sources == [a.document.id for a in annotations]
        assert minister.start is None and minister.end is None
        assert {"Marta Quintero", "Marta Quintéro", "Quintero"} <= set(quintero.aliases)
        assert quintero.name == "Marta Quintéro"  # the accented form among equals

        rodriguez = stored(store, "person:delcy-rodriguez")
        assert [r.title for r in rodriguez.roles] == [
            "Vice President of Venezuela", "Interim leader of Venezuela"
        ]  # fmt: skip
        interim = rodriguez.roles[1]
        assert (interim.start, interim.end) == ("2026-01-03", None)
        assert (interim.seen_from, interim.seen_to) == ("2026-02-10", "2026-03-31")
        assert len(interim.sources) == 2
        assert {"Delcy Rodriguez", "Delcy Rodríguez"} <= set(rodriguez.aliases)


def test_two_people_with_one_surname_stay_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(annotate_text(FIRST, published="2026-02-10"))
        store.add_annotation(
            annotate_text(
                "Former Interior Minister Pablo Quintero criticised the plan. "
                "Quintero said it would fail.",
                published="2026-04-02",
            )
        )
        marta = stored(store, "person:marta-quintero")
        pablo = stored(store, "person:pablo-quintero")
        assert "Pablo Quintero" not in marta.aliases and "Marta Quintero" not in pablo.aliases
        assert [a.id for a in store.actors_named("Marta Quintero")] == [marta.id]


def test_merge_roles_widens_learned_and_keeps_recorded_periods() -> None:
    recorded = Role("President of Venezuela", "VEN", "GOV", "2013-04-19", "2026-01-03")
    known = [recorded, Role("Foreign Minister", "PER", "GOV", seen_from="2026-02-10",
                            seen_to="2026-02-10", sources=["doc_a"])]  # fmt: skip
    new = [
        Role("President of Venezuela", "VEN", "GOV", "2013-04-19", "2026-01-03",
             ended_by="2026-03-01", sources=["doc_b"]),
        Role("foreign minister", "PER", "GOV", seen_from="2026-01-05", seen_to="2026-01-05",
             sources=["doc_b"]),
        Role("President of Venezuela", "VEN", "GOV", "2030-01-01"),
    ]  # fmt: skip
    merged = merge_roles(known, new)
    assert len(merged) == 3  # another recorded period stays a role of its own
    president, minister, later = merged
    assert (president.start, president.end, president.ended_by) == (
        "2013-04-19", "2026-01-03", "2026-03-01"
    )  # fmt: skip
    assert (minister.seen_from, minister.seen_to) == ("2026-01-05", "2026-02-10")
    assert minister.sources == ["doc_a", "doc_b"]
    assert later.start == "2030-01-01"
    assert known[1].sources == ["doc_a"]  # the inputs are left as they were


def test_roles_stored_before_the_new_fields_still_load(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.conn.execute(
            "INSERT INTO actors (id, name, kind, country, sectors, aliases, roles)"
            " VALUES ('person:x-y', 'X Y', 'person', NULL, '[]', '[]',"
            ' \'[{"title": "envoy", "country": null, "sector": null, "start": null,'
            ' "end": null}]\')'
        )
        (actor,) = store.actors()
        assert actor.roles == [Role("envoy")]
