from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.model import MODALITIES, Annotation, DateValue
from dateline.store import Store
from dateline.views.summary import summarise
from dateline.views.timeline import (
    date_label,
    key_dates,
    render_text,
    roughly_dated,
    timeline,
    timelinejs,
    undated,
)  # fmt: skip


def _store(tmp_path: Path, make_annotation: Callable[..., Annotation]) -> Store:
    store = Store(tmp_path / "s.db")
    store.add_annotation(make_annotation("doc_a"))
    planned = make_annotation("doc_b")
    planned.document.text += " Later."
    planned.event_mentions[0].modality = "planned"
    planned.event_mentions[0].date = DateValue("2026-02", "2026-02-01", "2026-02-28", "month",
                                               "relative")  # fmt: skip
    store.add_annotation(planned)
    undated_doc = make_annotation("doc_c")
    undated_doc.document.text += " Undated."
    undated_doc.event_mentions[0].type = "AID"
    undated_doc.event_mentions[0].date = DateValue()
    store.add_annotation(undated_doc)
    return store


def test_timeline_shows_asserted_by_default(
    tmp_path: Path, make_annotation: Callable[..., Annotation]
) -> None:
    with _store(tmp_path, make_annotation) as store:
        entries = timeline(store)
        assert [e.event.date.value for e in entries] == ["2026-01-15"]
        text = render_text(entries, undated(store))
        assert text.startswith("2026-01-15")
        assert "CONSULT" in text and "Delcy Rodriguez" in text
        assert "1 more events have no date" in text


def test_planned_events_are_marked_when_included(
    tmp_path: Path, make_annotation: Callable[..., Annotation]
) -> None:
    with _store(tmp_path, make_annotation) as store:
        entries = timeline(store, modalities=["asserted", "planned"])
        assert [e.event.modality for e in entries] == ["asserted", "planned"]
        lines = render_text(entries).splitlines()
        assert "[PLANNED]" in lines[2] and "[PLANNED]" not in lines[0]
        assert timeline(store, modalities=["planned"], date_to="2026-01") == []


def test_key_dates_and_timelinejs(
    tmp_path: Path, make_annotation: Callable[..., Annotation]
) -> None:
    with _store(tmp_path, make_annotation) as store:
        (key,) = key_dates(store, 5)  # the planned month is not shown by default
        assert key.date == "2026-01-15"
        assert key.evidence.referring == 3  # each article names the day
        assert key.evidence.event_sources == 1 and key.salience > 0
        both = key_dates(store, 5, modalities=["asserted", "planned"])
        assert [k.date for k in both] == ["2026-01-15", "2026-02"]  # a month fills in
        assert [e.event.modality for e in both[1].entries] == ["planned"]
        entries = timeline(store, modalities=["asserted", "planned"])
        doc = timelinejs(entries)
        assert doc["events"][0]["start_date"] == {"year": "2026", "month": "1", "day": "15"}
        assert doc["events"][1]["group"] == "planned"
        assert doc["events"][1]["start_date"] == {"year": "2026", "month": "2"}
        assert doc["events"][1]["text"]["headline"].endswith("[PLANNED]")


def test_first_mention_only_quotes_the_same_mention(
    tmp_path: Path, make_annotation: Callable[..., Annotation]
) -> None:
    with _store(tmp_path, make_annotation) as store:
        full = timeline(store, modalities=["asserted", "planned"])
        light = timeline(store, modalities=["asserted", "planned"], first_mention_only=True)
        assert render_text(full) == render_text(light)
        assert [len(e.mentions) for e in light] == [1, 1]
        assert undated(store, ["asserted"], types=["AID"]) == 1
        assert undated(store, ["asserted"], actor="nobody known") == 0


def test_summary_counts(tmp_path: Path, make_annotation: Callable[..., Annotation]) -> None:
    with _store(tmp_path, make_annotation) as store:
        s = summarise(store)
        assert s.documents == {"ok": 3}
        assert s.events["CONSULT"] == {"asserted": 1, "planned": 1}
        assert s.events["AID"] == {"asserted": 1}
        assert s.top_actors[0][0] in {"USA", "person:delcy-rodriguez"}


def test_excerpt_keeps_the_trigger_of_a_long_sentence(
    tmp_path: Path, make_annotation: Callable[..., Annotation]
) -> None:
    from dateline.model import Sentence

    annotation = make_annotation()
    long = "Officials said many things about many matters, " * 6 + annotation.document.text
    shift = len(long) - len(annotation.document.text)
    annotation.document.text = long
    annotation.sentences = [Sentence("doc_a", 0, 0, len(long))]
    em = annotation.event_mentions[0]
    em.sentence_end = len(long)
    em.trigger_start += shift
    em.trigger_end += shift
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(annotation)
        (entry,) = timeline(store)
        excerpt = entry.excerpt(80)
    assert excerpt.startswith("…") and " met " in excerpt
    assert len(excerpt) <= 82
    assert excerpt[1:].split()[0] in long.split()  # no word cut in half


def test_date_labels_read_as_periods() -> None:
    assert date_label(DateValue("202", "2020-01-01", "2029-12-31", "decade", "inferred")) == (
        "2020s"
    )
    assert date_label(DateValue("19", "1900-01-01", "1999-12-31", "century", "explicit")) == (
        "1900s"
    )
    assert date_label(DateValue("2026-01", "2026-01-01", "2026-01-31", "month", "explicit")) == (
        "2026-01"
    )
    ranged = DateValue(None, "2021-01-20", "2025-01-20", "unknown", "inferred")
    assert date_label(ranged) == "2021-01-20…2025-01-20"


def test_only_spans_of_years_count_as_rough_dates() -> None:
    assert roughly_dated(DateValue("202", "2020-01-01", "2029-12-31", "decade", "inferred"))
    assert roughly_dated(DateValue(None, "2017-01-20", "2026-01-03", "unknown", "inferred"))
    assert not roughly_dated(DateValue("2019", "2019-01-01", "2019-12-31", "year", "explicit"))
    assert not roughly_dated(DateValue(None, "2026-01-03", "2026-03-01", "unknown", "inferred"))
    assert not roughly_dated(DateValue(None, None, "2019-12-31", "unknown", "relative"))


def test_roughly_dated_events_follow_the_story(demo_store: Store) -> None:
    entries = timeline(demo_store, modalities=MODALITIES, first_mention_only=True)
    rough = [roughly_dated(e.event.date) for e in entries]
    assert any(rough) and rough == sorted(rough)  # the precise ones first, in date order
    precise = [e.event.date.earliest or e.event.date.latest or "" for e in entries if not
               roughly_dated(e.event.date)]  # fmt: skip
    assert precise == sorted(precise) and precise[-1].startswith("2026")
    lines = render_text(entries).splitlines()
    heading = lines.index("Roughly dated (only a span of more than a year is known):")
    assert heading == 2 * rough.index(True)
