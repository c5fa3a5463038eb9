"""Which reports become one event: the in-document key, then cross-document linking."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dateline.conflicts import figures, place_relation
from dateline.export.records import all_event_records
from dateline.linking import Report, build_event, compare, event_key
from dateline.model import ActorRef, DateValue, Event, EventMention, Location
from dateline.pipeline import IngestOptions, ingest
from dateline.store import Store


def mention(doc_id: str, date: DateValue, basis: str | None) -> EventMention:
    usa = ActorRef("United States", "USA", "USA", None, "USA")
    return EventMention(
        doc_id=doc_id, sentence_index=0, sentence_start=0, sentence_end=10, trigger_start=3,
        trigger_end=8, trigger="sent", type="AID", actors=[usa], date=date, date_basis=basis,
    )  # fmt: skip


def test_a_guessed_publication_date_merges_within_one_article_only() -> None:
    guessed = DateValue("2026-01", "2026-01-15", "2026-12-01", "month", "inferred")
    a, b = mention("doc_a", guessed, "publication"), mention("doc_b", guessed, "publication")
    assert event_key(a) != event_key(b)
    assert event_key(a) == event_key(mention("doc_a", guessed, "publication"))


def test_a_date_from_the_text_merges_across_articles() -> None:
    day = DateValue("2026-01-15", "2026-01-15", "2026-01-15", "day", "explicit")
    assert event_key(mention("doc_a", day, "timex")) == event_key(mention("doc_b", day, "timex"))
    inferred = DateValue("2026-01-03", "2026-01-03", "2026-01-03", "day", "inferred")
    assert event_key(mention("doc_a", inferred, "role")) == event_key(
        mention("doc_b", inferred, "role")
    )


# -- cross-document linking, on hand-made reports ---------------------------------------

USA_MIL = ActorRef("United States military", "USA", "USA", "MIL", "USA:MIL")
VEN = ActorRef("Venezuela", "VEN", "VEN", None, "VEN")
CUB = ActorRef("Cuba", "CUB", "CUB", None, "CUB")
STRIKE = "On September 2, 2025, US forces struck a drug boat off Venezuela, killing 11 people."


def day(value: str) -> DateValue:
    return DateValue(value, value, value, "day", "explicit")


def report(
    doc_id: str, sentence: str = STRIKE, date: DateValue | None = None, **fields: object
) -> Report:
    values: dict[str, object] = {
        "doc_id": doc_id, "sentence_index": 0, "sentence_start": 0,
        "sentence_end": len(sentence), "trigger_start": 20, "trigger_end": 26,
        "trigger": "struck", "type": "ASSAULT", "actors": [USA_MIL], "recipients": [VEN],
        "date": date or day("2025-09-02"), "date_basis": "timex", "confidence": 0.65,
    }  # fmt: skip
    values.update(fields)
    return Report(EventMention(**values), sentence, None)  # type: ignore[arg-type]


def flat(word: str) -> float:
    return 1.0


def test_two_wordings_of_one_strike_on_one_day_are_one_event() -> None:
    other = "US forces struck a suspected drug boat off Venezuela on September 2, 2025."
    assert compare([report("b", other)], [report("a")], flat) is not None


def test_the_same_parties_on_other_dates_are_other_events() -> None:
    later = report("b", date=day("2025-10-14"))
    assert compare([later], [report("a")], flat) is None
    month = DateValue("2025-10", "2025-10-01", "2025-10-31", "month", "explicit")
    assert compare([report("b", date=month)], [report("a")], flat) is None


def test_other_participants_or_types_are_other_events() -> None:
    assert compare([report("b", recipients=[CUB])], [report("a")], flat) is None
    assert compare([report("b", type="CONSULT")], [report("a")], flat) is None
    # ASSAULT and COERCE are one family: "the operation" and "the seizure".
    assert compare([report("b", type="COERCE")], [report("a")], flat) is not None


def test_a_day_apart_with_the_same_words_is_one_event_with_a_date_conflict() -> None:
    reports = [report("a"), report("b", date=day("2025-09-03"))]
    assert compare(reports[1:], reports[:1], flat) is not None
    event = build_event(reports)
    [conflict] = [c for c in event.conflicts if c.field == "date"]
    assert conflict.values == ["2025-09-02", "2025-09-03"]
    assert conflict.mentions == [[reports[0].mention.id], [reports[1].mention.id]]


def test_different_casualty_figures_are_flagged() -> None:
    three = "US forces struck a drug boat off Venezuela on September 2, 2025, killing three."
    event = build_event([report("a"), report("b", three)])
    [conflict] = event.conflicts
    assert (conflict.field, conflict.values) == ("figures", ["11 killed", "3 killed"])
    assert figures("Eleven crew members were detained and two soldiers were wounded.") == {
        ("arrested", 11),
        ("wounded", 2),
    }
    assert figures("He was killed in 2019.") == set()


def test_reports_dated_only_by_publication_stay_apart_across_articles() -> None:
    published = DateValue("2025-09", "2025-09-01", "2025-09-30", "month", "inferred")
    a = report("a", date=published, date_basis="publication")
    b = report("b", date=published, date_basis="publication")
    assert compare([b], [a], flat) is None
    # Within one article a later reference joins the dated report it repeats.
    assert compare([report("a", date=published, date_basis="publication")], [report("a")],
                   flat) is not None  # fmt: skip


def test_a_plan_joins_a_deed_only_when_dated_alike() -> None:
    planned = report("b", modality="planned", confidence=0.5)
    assert compare([planned], [report("a")], flat) is not None
    undated = report("b", modality="planned", date=DateValue(), date_basis=None)
    assert compare([undated], [report("a")], flat) is None


def test_the_status_is_asserted_only_by_a_confident_report() -> None:
    weak = report("a", modality="asserted", confidence=0.1)
    planned = report("b", modality="planned", confidence=0.6)
    assert build_event([weak, planned]).modality == "planned"
    strong = report("c", modality="asserted", confidence=0.7)
    event = build_event([weak, planned, strong])
    assert event.modality == "asserted"
    assert (event.num_mentions, event.num_sources) == (3, 3)


def test_asserted_and_denied_accounts_are_flagged() -> None:
    denied = report("b", modality="negated", confidence=0.6)
    event = build_event([report("a"), denied])
    assert [c.field for c in event.conflicts] == ["modality"]


# -- end to end, through ingest ---------------------------------------------------------

SEIZURE = {
    "id": "reuters", "published": "2026-03-03", "publisher": "Reuters",
    "text": "US forces seize oil tanker off Venezuela\nOn March 2, 2026, United States forces "
    "seized an oil tanker off the coast of Venezuela, officials said. The tanker was carrying "
    "crude to Cuba in breach of sanctions, according to the Pentagon.",
}  # fmt: skip
SEIZURE_AGAIN = {
    "id": "ap", "published": "2026-03-04", "publisher": "AP",
    "text": "Tanker boarded in the Caribbean\nAmerican troops boarded and seized a crude tanker "
    "near Venezuela on March 2, 2026, in an operation the Pentagon described as routine.",
}  # fmt: skip
ANOTHER_SEIZURE = {
    "id": "afp", "published": "2026-04-21", "publisher": "AFP",
    "text": "Second tanker seized\nOn April 20, 2026, United States forces seized another oil "
    "tanker off the coast of Venezuela. The vessel was taken to a US port for inspection.",
}  # fmt: skip
BOAT_STRIKE = {
    "id": "d", "published": "2025-09-03", "publisher": "Reuters",
    "text": "On September 2, 2025, US forces struck a drug boat off Venezuela in the "
    "Caribbean, killing 11 people, the White House said.",
}  # fmt: skip
BOAT_STRIKE_FEWER = {
    "id": "e", "published": "2025-09-04", "publisher": "El País",
    "text": "US forces struck a suspected drug boat off Venezuela in the Caribbean on "
    "September 2, 2025, killing three people, according to Venezuelan officials.",
}  # fmt: skip
BOAT_STRIKE_LATER = {
    "id": "f", "published": "2025-09-04", "publisher": "AFP",
    "text": "US forces struck a drug boat off Venezuela in the Caribbean on September 3, "
    "2025, killing 11 people, officials said.",
}  # fmt: skip


def _feed(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _seizures(store: Store) -> list[Event]:
    return [e for e in store.events() if e.type == "COERCE" and e.date.precision == "day"
            and any(r.country == "VEN" for r in e.recipients)]  # fmt: skip


def test_a_later_article_joins_the_event_of_an_earlier_one(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        ingest([_feed(tmp_path / "a.jsonl", SEIZURE)], store)
        [before] = _seizures(store)
        assert before.num_sources == 1
        ingest([_feed(tmp_path / "b.jsonl", SEIZURE_AGAIN)], store)
        [after] = _seizures(store)
        assert after.id == before.id and after.date.value == "2026-03-02"
        assert after.num_sources == 2
        docs = {m.mention.doc_id for m in store.event_mentions(after.id)}
        assert len(docs) == 2
        # Another seizure by the same forces six weeks later is another event.
        ingest([_feed(tmp_path / "c.jsonl", ANOTHER_SEIZURE)], store)
        assert sorted(e.date.value or "" for e in _seizures(store)) == ["2026-03-02", "2026-04-20"]
        [record] = [r for r in all_event_records(store) if r["id"] == after.id]
        assert (record["num_mentions"], record["num_sources"]) == (len(record["mentions"]), 2)
        assert record["conflicts"] == []


def test_conflicting_figures_and_dates_are_flagged(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        feed = _feed(tmp_path / "in.jsonl", BOAT_STRIKE, BOAT_STRIKE_FEWER, BOAT_STRIKE_LATER)
        ingest([feed], store)
        [strike] = [e for e in store.events(types=["ASSAULT"]) if e.num_sources > 1]
        assert strike.num_sources == 3 and strike.date.value == "2025-09-02"
        conflicts = {c.field: c.values for c in strike.conflicts}
        assert conflicts["figures"] == ["11 killed", "3 killed"]
        assert conflicts["date"] == ["2025-09-02", "2025-09-03"]
        [record] = [r for r in all_event_records(store) if r["id"] == strike.id]
        assert {c["field"] for c in record["conflicts"]} == {"date", "figures"}


def test_a_report_the_corpus_pass_dates_joins_the_event_it_reports(tmp_path: Path) -> None:
    # The undated article names the agreement only as the anchor of its own date; once
    # the dated article arrives, the corpus pass dates that anchor and linking runs again.
    visit = {"id": "b", "text": "Two weeks after Russia and Venezuela signed the defence "
             "agreement, Chinese officials visited Caracas."}  # fmt: skip
    agreement = {"id": "a", "published": "2025-03-04", "text": "On March 3, 2025, Russia "
                 "and Venezuela signed a defence agreement in Caracas."}  # fmt: skip
    options = IngestOptions(read_on=date(2026, 12, 1))
    with Store(tmp_path / "s.db") as store:
        ingest([_feed(tmp_path / "b.jsonl", visit)], store, options)
        assert [e.num_sources for e in store.events(types=["AGREE"])] == [1]
        ingest([_feed(tmp_path / "a.jsonl", agreement)], store, options)
        [event] = store.events(types=["AGREE"])
        assert (event.date.value, event.num_sources) == ("2025-03-03", 2)
        bases = sorted(str(m.mention.date_basis) for m in store.event_mentions(event.id))
        assert bases == ["corpus", "timex"]


def test_places_inside_one_another_agree_and_two_cities_conflict() -> None:
    caracas, maracaibo = Location("Caracas", "VEN", 10.5, -66.9), Location("Maracaibo", "VEN")
    venezuela, bogota = Location("Venezuela", "VEN", 8.0, -66.0), Location("Bogotá", "COL")
    assert place_relation(caracas, venezuela) == "compatible"
    assert place_relation(caracas, None) == "compatible"
    assert place_relation(caracas, maracaibo) == "conflict"
    assert place_relation(caracas, bogota) == "incompatible"
    assert compare([report("b", location=bogota)], [report("a", location=caracas)], flat) is None
    event = build_event([report("a", location=caracas), report("b", location=maracaibo)])
    assert [(c.field, c.values) for c in event.conflicts] == [
        ("location", ["Caracas", "Maracaibo"])
    ]


def test_terms_leave_out_the_excluded_words_and_keep_the_shared_counts() -> None:
    from dateline.linking import sentence_terms, terms

    sentence = "The strike on the tanker: a second strike hit the Venezuelan tanker at dawn."
    counts = terms(sentence)
    assert counts["strike"] == 2 and counts["tanker"] == 2
    without = terms(sentence, ["tanker", "venezuelan"])
    assert "tanker" not in without and "venezuelan" not in without
    assert list(without) == [w for w in counts if w not in {"tanker", "venezuelan"}]
    without["strike"] += 5  # a caller's copy: the shared counts stay as they were
    assert sentence_terms(sentence)["strike"] == 2 and terms(sentence) == counts
