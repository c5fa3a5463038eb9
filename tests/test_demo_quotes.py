"""Quotes and actors on the demo corpus (examples/venezuela), end to end."""

from __future__ import annotations

from dateline.store import Store
from dateline.views.actors import actor_profiles, actor_table


def test_sabatini_is_quoted_with_his_actor_resolved(demo_store: Store) -> None:
    found = [q for q in demo_store.quotes("Sabatini") if q.source.split("/")[-1][:3] == "003"]
    direct = [q.quote for q in found if q.quote.kind == "direct"]
    assert direct, [q.quote for q in found]
    assert all(q.speaker_actor_id == "person:christopher-sabatini" for q in direct)
    assert any(q.cue == "said" and q.speaker_text == "Sabatini" for q in direct)


def test_every_demo_quote_points_at_its_text(demo_store: Store) -> None:
    quotes = demo_store.quotes()
    assert len(quotes) >= 10
    known = {a.id for a in demo_store.actors()}
    for stored in quotes:
        quote = stored.quote
        document = demo_store.document(quote.doc_id)
        assert document is not None
        assert document.text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert document.text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
        assert quote.speaker_actor_id is None or quote.speaker_actor_id in known
        assert set(quote.about) <= known
        assert quote.date == document.published


def test_demo_actors(demo_store: Store) -> None:
    rows = actor_table(demo_store)
    assert rows[0].events >= rows[-1].events
    assert {"USA", "VEN"} <= {r.actor.id for r in rows[:5]}
    (maduro,) = actor_profiles(demo_store, "Maduro")
    assert maduro.row.actor.id == "person:nicolas-maduro"
    assert any(r.end == "2026-01-03" for r in maduro.row.actor.roles)
    assert maduro.events and all(roles for _, roles in maduro.events)
