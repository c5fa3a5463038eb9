"""Acceptance checks on the demo corpus (examples/venezuela), end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.pipeline import ingest
from dateline.store import Store

DEMO = Path(__file__).resolve().parent.parent / "examples" / "venezuela"

STRIKE_WORDS = {"strike", "strikes", "bombing", "raid", "raids", "attack", "intervention",
                "action", "actions", "invasion", "assault"}  # fmt: skip


def _mentions(store: Store, source_prefix: str) -> list[tuple[str, object]]:
    found = []
    for event in store.events(modalities=["asserted", "negated", "planned", "hypothetical"]):
        for stored in store.event_mentions(event.id):
            if stored.source.split("/")[-1].startswith(source_prefix):
                found.append((event.id, stored))
    return found


def test_all_five_articles_are_stored(demo_store: Store) -> None:
    rows = demo_store.rows("SELECT status, count(*) FROM documents GROUP BY status")
    assert {r[0]: r[1] for r in rows} == {"ok": 5}


def test_ratcliffe_meeting_is_consult_usa_to_ven_on_2026_01_15(demo_store: Store) -> None:
    matches = [
        e
        for e in demo_store.events(types=["CONSULT"])
        if e.modality == "asserted"
        and e.date.value == "2026-01-15"
        and e.date.origin == "explicit"
        and any(a.country == "USA" for a in e.actors)
        and any(r.country == "VEN" for r in e.recipients)
    ]
    assert matches, [(e.type, e.date, [a.name for a in e.actors]) for e in demo_store.events()]
    sources = {m.source for e in matches for m in demo_store.event_mentions(e.id)}
    assert any("001_" in s for s in sources)


def test_strikes_discussed_in_002_are_never_asserted(demo_store: Store) -> None:
    strike_mentions = [
        stored for _, stored in _mentions(demo_store, "002_")
        if stored.mention.trigger.lower() in STRIKE_WORDS
    ]  # fmt: skip
    assert strike_mentions, "the strikes discussed in 002 were not coded at all"
    venezuelan = [s for s in strike_mentions if not (s.mention.date.value or "").startswith("2020")]
    assert venezuelan
    asserted = [(s.mention.trigger, s.sentence) for s in venezuelan
                if s.mention.modality == "asserted"]  # fmt: skip
    assert asserted == []


@pytest.mark.parametrize("country", ["CUB", "CHN", "IRN", "RUS"])
def test_allies_support_venezuela_in_004(demo_store: Store, country: str) -> None:
    found = [
        e
        for e in demo_store.events(types=["AID", "SUPPORT"])
        if any(a.country == country for a in e.actors)
        and any(r.country == "VEN" for r in e.recipients)
        and any("004_" in m.source for m in demo_store.event_mentions(e.id))
    ]
    assert found, f"no AID/SUPPORT event {country} → VEN in 004"


def test_every_mention_points_at_its_source_text(demo_store: Store) -> None:
    for event in demo_store.events(modalities=["asserted", "negated", "planned", "hypothetical"]):
        for stored in demo_store.event_mentions(event.id):
            document = demo_store.document(stored.mention.doc_id)
            assert document is not None
            m = stored.mention
            assert document.text[m.trigger_start : m.trigger_end] == m.trigger
            assert m.sentence_start <= m.trigger_start < m.sentence_end


def test_reingesting_changes_nothing(demo_store_path: Path) -> None:
    with Store(demo_store_path) as store:
        before = [tuple(r) for r in store.rows("SELECT id, record FROM events ORDER BY id")]
        report = ingest([DEMO], store)
        after = [tuple(r) for r in store.rows("SELECT id, record FROM events ORDER BY id")]
    assert report.stored == 0 and report.unchanged == 5
    assert before == after
