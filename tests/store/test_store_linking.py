"""Linking in the store: a new article's reports join stored events without the store
being recomputed, and re-dated reports are linked again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.model import Annotation, DateValue
from dateline.store import Store

AnnotationFactory = Callable[..., Annotation]
ELSEWHERE = "On January 15, 2026, the CIA chief held talks with Delcy Rodriguez in Caracas."


def _other_report(make_annotation: AnnotationFactory, doc_id: str, text: str) -> Annotation:
    annotation = make_annotation(doc_id, doc_id.upper())
    annotation.document.text = text
    em = annotation.event_mentions[0]
    em.sentence_end = len(text)
    em.trigger_start = text.index("talks")
    em.trigger_end, em.trigger = em.trigger_start + 5, "talks"
    return annotation


def test_a_later_report_joins_the_stored_event(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        [first] = store.add_annotation(make_annotation("doc_a", "Reuters"))
        touched = store.add_annotation(_other_report(make_annotation, "doc_b", ELSEWHERE))
        assert touched == [first]  # the event keeps its id as reports join it
        (event,) = store.events()
        assert (event.num_mentions, event.num_sources) == (2, 2)
        assert {m.source for m in store.event_mentions(event.id)} == {"doc_a.txt", "doc_b.txt"}
        record = store.scalar("SELECT record FROM events")
        assert '"num_mentions": 2' in record


def test_a_report_of_another_day_founds_its_own_event(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(make_annotation("doc_a"))
        later = _other_report(make_annotation, "doc_b", ELSEWHERE.replace("15", "28"))
        later.event_mentions[0].date = DateValue(
            "2026-01-28", "2026-01-28", "2026-01-28", "day", "explicit"
        )
        store.add_annotation(later)
        assert sorted(e.date.value or "" for e in store.events()) == ["2026-01-15", "2026-01-28"]


def test_a_redated_report_moves_to_the_event_of_its_new_date(
    tmp_path: Path, make_annotation: AnnotationFactory
) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(make_annotation("doc_a"))
        undated = _other_report(make_annotation, "doc_b", ELSEWHERE)
        undated.event_mentions[0].date = DateValue()
        undated.event_mentions[0].date_basis = None
        store.add_annotation(undated)
        assert len(store.events()) == 2
        # The corpus pass dates it: it is then a report of the stored meeting.
        [mention] = store.document_mentions("doc_b")
        mention.date = DateValue("2026-01-15", "2026-01-15", "2026-01-15", "day", "inferred")
        mention.date_basis = "corpus"
        store.update_dating(mentions=[mention])
        (event,) = store.events()
        assert event.num_sources == 2
        assert store.scalar("SELECT count(*) FROM events") == 1  # no empty event is left
