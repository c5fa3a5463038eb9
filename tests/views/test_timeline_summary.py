"""`timeline --summary`: which dates a small hand-made store makes important, and why."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import (
    Actor,
    ActorRef,
    Annotation,
    DateValue,
    Document,
    EventMention,
    Sentence,
    Timex,
)
from dateline.store import Store
from dateline.tls import pubcount
from dateline.tls.store_dates import published
from dateline.views.timeline import (
    key_dates,
    render_summary,
    summary_record,
    summary_timelinejs,
    timeline,
    timelinejs,
)

USA = Actor("USA", "United States", "country", "USA")
VEN = Actor("VEN", "Venezuela", "country", "VEN")
CUB = Actor("CUB", "Cuba", "country", "CUB")


def day(iso: str) -> DateValue:
    return DateValue(iso, iso, iso, "day", "explicit")


def article(
    doc_id: str,
    published_on: str,
    text: str,
    dates: Sequence[tuple[str, str]] = (),
    events: Sequence[tuple[str, str, str | None, str, Actor]] = (),
) -> Annotation:
    """A stored article: ``dates`` are (phrase, ISO day) time expressions, ``events``
    (trigger, PLOVER type, ISO day or None, status, recipient) with the US as actor."""
    sentences = [Sentence(doc_id, i, m.start(), m.end())
                 for i, m in enumerate(re.finditer(r"[^.]+\.", text))]  # fmt: skip
    timexes = []
    for phrase, iso in dates:
        at = text.index(phrase)
        timexes.append(Timex(at, at + len(phrase), phrase, "DATE", iso, "day", iso, iso))
    mentions = []
    for trigger, kind, iso, status, recipient in events:
        at = text.index(trigger)
        sentence = next(s for s in sentences if s.start <= at < s.end)
        mentions.append(EventMention(
            doc_id=doc_id, sentence_index=sentence.index, sentence_start=sentence.start,
            sentence_end=sentence.end, trigger_start=at, trigger_end=at + len(trigger),
            trigger=trigger, type=kind, actors=[ActorRef.of(USA)],
            recipients=[ActorRef.of(recipient)], date=day(iso) if iso else DateValue(),
            modality=status,
        ))  # fmt: skip
    document = Document(doc_id, f"{doc_id}.txt", text, publisher=f"outlet {doc_id}",
                        published=DateValue(published_on, published_on, published_on, "day",
                                            "metadata"))  # fmt: skip
    return Annotation(document=document, sentences=sentences, timexes=timexes,
                      actors={a.id: a for a in (USA, VEN, CUB)},
                      event_mentions=mentions)  # fmt: skip


def corpus() -> list[Annotation]:
    """Three later articles recall the strike of 10 January; five articles published on
    20 January (a busy news day) refer to no date at all; a planned visit on 2 February."""
    recalled = [
        article(f"r{i}", f"2026-01-1{i}",
                f"The strike on January 10 hit a port. Officials counted the damage {i}. "
                "Markets were calm.",
                dates=[("January 10", "2026-01-10")],
                events=[("strike", "ASSAULT", "2026-01-10", "asserted", VEN)])
        for i in (2, 3, 4)
    ]  # fmt: skip
    busy = [article(f"b{i}", "2026-01-20", f"Talk of trade continued {i}. Nothing was decided.")
            for i in range(5)]  # fmt: skip
    plans = article(
        "p1", "2026-01-21",
        "Aid reached Cuba on January 15. A visit to Caracas is planned for February 2.",
        dates=[("January 15", "2026-01-15"), ("February 2", "2026-02-02")],
        events=[("Aid", "AID", "2026-01-15", "asserted", CUB),
                ("visit", "CONSULT", "2026-02-02", "planned", VEN)],
    )  # fmt: skip
    return [*recalled, *busy, plans]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "tls.db")
    for annotation in corpus():
        store.add_annotation(annotation)
    yield store
    store.close()


def test_referenced_date_beats_a_busy_publication_day(store: Store) -> None:
    with store:
        (top,) = key_dates(store, 1)
        # Publication counts alone would pick the busy day.
        assert pubcount(published(store), 1, "2026-01-01", "2026-01-31") == ["2026-01-20"]
    assert top.date == "2026-01-10"
    assert top.evidence.referring == 3 and top.evidence.published_on == 0
    assert top.evidence.event_sources == 3  # one strike, reported by three outlets
    assert [e.event.type for e in top.entries] == ["ASSAULT"]


def test_summary_sentences_come_from_the_chosen_date(store: Store) -> None:
    with store:
        chosen = {k.date: k for k in key_dates(store, 3)}
    assert set(chosen) == {"2026-01-10", "2026-01-15", "2026-01-20"}
    strike = chosen["2026-01-10"].sentences
    assert strike and all("January 10" in s.text for s in strike)
    assert len(strike) == 1 and strike[0].articles == 3  # one sentence, in three articles
    aid = chosen["2026-01-15"].sentences
    assert [s.text for s in aid] == ["Aid reached Cuba on January 15."]
    assert all("January 10" not in s.text for s in aid)
    busy = chosen["2026-01-20"].sentences  # named by nothing: told by its articles' leads
    assert busy and all(s.text.startswith("Talk of trade continued") for s in busy)


def test_filters_limit_the_key_dates(store: Store) -> None:
    with store:
        aid = key_dates(store, 5, types=["AID"])
        cuba = key_dates(store, 5, actor="Cuba")
        late = key_dates(store, 2, date_from="2026-01-14", date_to="2026-01-31")
        planned = key_dates(store, 5, types=["CONSULT"])
        included = key_dates(store, 5, types=["CONSULT"], modalities=["asserted", "planned"])
    assert [k.date for k in aid] == ["2026-01-15"] == [k.date for k in cuba]
    assert [k.date for k in late] == ["2026-01-15", "2026-01-20"]
    assert planned == []  # only a planned visit: not shown unless asked for
    assert [k.date for k in included] == ["2026-02-02"]


def test_included_statuses_are_marked(store: Store) -> None:
    with store:
        plain = render_summary(key_dates(store, 10))
        marked = render_summary(key_dates(store, 10, modalities=["asserted", "planned"]))
        entries = timeline(store, modalities=["asserted", "planned"], first_mention_only=True)
    assert "CONSULT" not in plain
    (line,) = [x for x in marked.splitlines() if "CONSULT" in x]
    assert "[PLANNED]" in line
    assert "[PLANNED]" not in "".join(x for x in marked.splitlines() if "ASSAULT" in x)
    headlines = [e["text"]["headline"] for e in timelinejs(entries)["events"]]
    assert next(h for h in headlines if "CONSULT" in h).endswith("[PLANNED]")


def test_summary_as_timelinejs_and_json(store: Store) -> None:
    with store:
        chosen = key_dates(store, 3)
    doc = summary_timelinejs(chosen, title="Strikes & aid")
    assert doc["title"]["text"]["headline"] == "Strikes &amp; aid"
    events = doc["events"]
    assert [e["start_date"] for e in events] == [
        {"year": "2026", "month": "1", "day": "10"},
        {"year": "2026", "month": "1", "day": "15"},
        {"year": "2026", "month": "1", "day": "20"},
    ]
    assert len({e["unique_id"] for e in events}) == 3
    assert all(set(e["text"]) == {"headline", "text"} for e in events)
    assert "January 10" in events[0]["text"]["text"] and "ASSAULT" in events[0]["text"]["text"]
    assert events[2]["text"]["headline"] == "2026-01-20"  # no event coded on the busy day
    record = summary_record(chosen[0])
    assert record["date"] == "2026-01-10" and record["precision"] == "day"
    assert record["evidence"]["referring_articles"] == 3
    assert record["events"][0]["type"] == "ASSAULT" and len(record["events"][0]["mentions"]) == 3
    json.dumps(record)  # JSON-ready


def test_cli_summary(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "tls.db")
    runner = CliRunner()
    text = runner.invoke(app, ["timeline", "--db", db, "--summary", "--dates", "2"])
    assert text.exit_code == 0, text.output
    assert text.stdout.startswith("2026-01-10  salience")
    assert "3 articles refer to it" in text.stdout
    lines = runner.invoke(app, [
        "timeline", "--db", db, "--summary", "--dates", "1", "--format", "json",
        "--type", "AID,CONSULT", "--include", "planned",
    ])  # fmt: skip
    (record,) = [json.loads(line) for line in lines.stdout.splitlines()]
    assert record["date"] == "2026-01-15"  # the asserted aid outweighs the planned visit
    js = runner.invoke(app, ["timeline", "--db", db, "--summary", "--dates", "3", "--format",
                             "timelinejs"])  # fmt: skip
    assert [e["unique_id"] for e in json.loads(js.stdout)["events"]] == [
        "date-2026-01-10", "date-2026-01-15", "date-2026-01-20"
    ]  # fmt: skip
