"""Dating documents that carry no publication date, and events by role changes."""

from __future__ import annotations

from datetime import date

from dateline.model import Annotation, DatingEvidence, Document
from dateline.nlp import parse_one
from dateline.pipeline import annotate, annotate_text
from dateline.temporal import normalise_published
from dateline.temporal.docdating import infer_published

READ_ON = date(2026, 12, 1)


def dated(text: str, published: str | None = None) -> Annotation:
    document = Document("doc_t", "t.txt", text)
    if published:
        document.published = normalise_published(published, "metadata")
    return annotate(document, parse_one(text), READ_ON)


def test_a_reported_past_date_is_the_earliest_day() -> None:
    annotation = dated("Venezuela and Colombia reopened their border on September 26, 2022.")
    published = annotation.document.published
    assert (published.origin, published.earliest, published.latest) == (
        "inferred", "2022-09-26", "2026-12-01",
    )  # fmt: skip
    assert [e.kind for e in annotation.dating_evidence] == ["reported"]


def test_a_date_still_to_come_is_the_latest_day() -> None:
    annotation = dated("Russian officials will meet Venezuelan ministers on March 3, 2027.")
    published = annotation.document.published
    assert (published.earliest, published.latest) == (None, "2026-12-01")
    assert [(e.kind, e.ranges) for e in annotation.dating_evidence] == [
        ("ahead", [(None, "2027-03-03")])
    ]
    annotation = dated("The two presidents will meet in Havana on March 3, 2025.")
    assert annotation.document.published.latest == "2025-03-03"


def test_former_and_current_titles_bound_the_date() -> None:
    former = dated("Former President Nicolás Maduro spoke to reporters in Moscow.")
    assert former.document.published.earliest == "2026-01-04"
    assert [e.kind for e in former.dating_evidence] == ["former"]
    current = dated("President Nicolás Maduro is meeting Russian envoys in Caracas.")
    assert (current.document.published.earliest, current.document.published.latest) == (
        "2013-04-19", "2026-01-03",
    )  # fmt: skip
    # "the Biden administration": the time that person led the government.
    biden = dated("The Biden administration is easing sanctions on Venezuelan oil.")
    assert (biden.document.published.earliest, biden.document.published.latest) == (
        "2021-01-20", "2025-01-20",
    )  # fmt: skip


def test_titles_of_a_past_clause_say_nothing_about_now() -> None:
    annotation = dated("In 2015, President Barack Obama declared Venezuela a threat.")
    assert [e.kind for e in annotation.dating_evidence] == ["reported"]
    assert annotation.document.published.earliest == "2015-01-01"


def test_undated_events_take_the_inferred_date_and_say_so() -> None:
    annotation = dated(
        "Former President Nicolás Maduro spoke to reporters. Russia sent aid to Venezuela."
    )
    aid = next(m for m in annotation.event_mentions if m.type == "AID")
    assert aid.date.origin == "inferred" and aid.date_basis == "publication"
    assert aid.date.earliest == "2026-01-04"


def test_metadata_always_wins() -> None:
    annotation = dated("Former President Nicolás Maduro spoke to reporters.", "2026-02-10")
    assert annotation.document.published.origin == "metadata"
    assert annotation.document.published.value == "2026-02-10"
    assert annotation.dating_evidence == []


def test_contradicting_clues_are_set_aside_weakest_first() -> None:
    reported = DatingEvidence("reported", "June 2026", 0, 9, [("2026-06-01", None)])
    holder = DatingEvidence("holder", "President X", 10, 21, [("2013-04-19", "2026-01-03")])
    result = infer_published([holder, reported], READ_ON)
    assert result.used == [reported] and result.set_aside == [holder]
    assert (result.published.earliest, result.published.latest) == ("2026-06-01", "2026-12-01")


def test_an_event_that_ends_a_recorded_role_takes_the_day_it_ended() -> None:
    annotation = annotate_text("US forces captured former President Nicolás Maduro in Caracas.")
    [capture] = [m for m in annotation.event_mentions if m.trigger == "captured"]
    assert (capture.date.value, capture.date.origin, capture.date_basis) == (
        "2026-01-03", "inferred", "role",
    )  # fmt: skip
    # Not when the text dates it otherwise, nor when it did not happen.
    explicit = annotate_text("In 2019, the opposition failed to oust Nicolás Maduro.")
    assert all(m.date_basis != "role" for m in explicit.event_mentions)
    planned = annotate_text("The United States is planning to capture Nicolás Maduro.")
    assert all(m.date_basis != "role" for m in planned.event_mentions)


def test_a_dateline_dates_the_text_and_anchors_its_relative_expressions() -> None:
    annotation = dated(
        "Tuesday 5 May 2009\nIranian envoys met Venezuelan officials in Caracas on Monday."
    )
    published = annotation.document.published
    assert (published.value, published.precision, published.earliest) == (
        "2009-05-05", "day", "2009-05-05",
    )  # fmt: skip
    assert [e.kind for e in annotation.dating_evidence] == ["dateline"]
    [met] = [m for m in annotation.event_mentions if m.trigger == "met"]
    assert (met.date.value, met.date_basis) == ("2009-05-04", "timex")
    # A date in a clause is no dateline, even at the head of the text.
    annotation = dated("On May 5, 2009, Iranian envoys arrive in Caracas.")
    assert "dateline" not in [e.kind for e in annotation.dating_evidence]


def test_the_best_guess_is_the_period_of_the_latest_past_date() -> None:
    annotation = dated("Venezuela and Colombia reopened their border on September 26, 2022.")
    published = annotation.document.published
    assert (published.value, published.precision) == ("2022-09", "month")
    assert (published.earliest, published.latest) == ("2022-09-26", "2026-12-01")


def test_the_end_of_a_government_role_dates_an_ouster() -> None:
    # Saddam Hussein's records (PETRARCH2) end his rule in 2003 and his elite role in 2006.
    annotation = annotate_text("US forces completed the ouster of Saddam Hussein.")
    [ouster] = [m for m in annotation.event_mentions if m.trigger == "ouster"]
    assert (ouster.date.value, ouster.date_basis) == ("2003-04-09", "role")
