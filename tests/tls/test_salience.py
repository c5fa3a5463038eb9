"""Date salience: the weights of a reference, the parts of a score, the choice of dates."""

from __future__ import annotations

import math
from datetime import date

import pytest

from dateline.tls.salience import (
    WEIGHTS,
    DateSalience,
    burstiness,
    date_salience,
    pubcount,
    reference_weight,
    top_dates,
)

JAN10 = (date(2026, 1, 10), date(2026, 1, 10))


def on(iso: str) -> tuple[date, date]:
    return date.fromisoformat(iso), date.fromisoformat(iso)


def test_reference_weight_by_when_the_article_appeared() -> None:
    assert reference_weight(JAN10, on("2026-01-11"), WEIGHTS) == pytest.approx(1.0)
    later = reference_weight(JAN10, on("2026-01-18"), WEIGHTS)
    assert later == pytest.approx(0.5 + 0.5 * math.exp(-7 / 7))
    assert reference_weight(JAN10, on("2026-06-01"), WEIGHTS) == pytest.approx(0.5, abs=1e-6)
    assert reference_weight(JAN10, on("2026-01-10"), WEIGHTS) == 0.25  # "today"
    assert reference_weight(JAN10, on("2026-01-05"), WEIGHTS) == 0.25  # a plan
    assert reference_weight(JAN10, (None, None), WEIGHTS) == 0.5
    # A month-precise publication after the day is "later"; one around it cannot tell.
    january = (date(2026, 1, 1), date(2026, 1, 31))
    assert reference_weight(JAN10, (date(2026, 2, 1), date(2026, 2, 28)), WEIGHTS) > 0.5
    assert reference_weight(JAN10, january, WEIGHTS) == 0.5
    # "This month" from inside it is the article's own time, like "today".
    assert reference_weight(january, on("2026-01-20"), WEIGHTS) == 0.25
    assert reference_weight(january, on("2026-02-01"), WEIGHTS) == pytest.approx(1.0)


def test_an_article_counts_once_per_date() -> None:
    published = {"a": on("2026-01-11"), "b": on("2026-01-11"), "c": on("2026-01-10")}
    refs = [("a", "2026-01-10"), ("a", "2026-01-10"), ("b", "2026-01-10"), ("c", "2026-01")]
    scores = date_salience(refs, published)
    jan10 = scores["2026-01-10"]
    assert (jan10.referring, jan10.weighted, jan10.published_on) == (2, 2.0, 1)
    assert jan10.published_next == 2  # a and b appeared the day after
    # One article on the 10th, two on the 11th among the three days either side: a burst
    # of 1 / (1 + 2 / 6).
    assert jan10.burst == pytest.approx(0.75)
    assert jan10.score == pytest.approx(
        math.log1p(2) + 0.5 * math.log1p(1) + 0.5 * math.log1p(2) + 0.25 * math.log1p(0.75)
    )
    assert scores["2026-01"].precision == "month" and scores["2026-01"].referring == 1
    assert scores["2026-01-11"].published_on == 2 and scores["2026-01-11"].referring == 0
    with_events = date_salience(refs, published, {"2026-01-10": 3})["2026-01-10"]
    assert with_events.score == pytest.approx(jan10.score + math.log1p(3))
    assert "2 articles refer to it" in jan10.explain()


def test_burstiness_is_a_day_against_its_week() -> None:
    on_day = {"2026-01-10": 6, "2026-01-08": 3, "2026-01-13": 3, "2026-01-14": 9}
    assert burstiness(on_day, "2026-01-10", 3) == pytest.approx(6 / (1 + 6 / 6))
    assert burstiness(on_day, "2026-01-10", 1) == pytest.approx(6.0)  # no neighbour
    assert burstiness(on_day, "2026-01-11", 3) == 0.0  # nothing published that day
    assert burstiness(on_day, "2026-01", 3) == 0.0


def test_unreadable_keys_are_ignored() -> None:
    assert "XXXX-XX-XX" not in date_salience([("a", "XXXX-XX-XX")], {"a": (None, None)})


def scores(**values: float) -> dict[str, DateSalience]:
    found = {}
    for key, score in values.items():
        iso = key[1:].replace("_", "-")
        found[iso] = DateSalience(iso, score)
    return found


def test_top_dates_ranks_then_orders_by_date() -> None:
    s = scores(d2026_01_03=1.0, d2026_01_01=3.0, d2026_01_02=3.0, d2026_01=9.0)
    assert [x.date for x in top_dates(s, 2)] == ["2026-01-01", "2026-01-02"]  # tie: earlier
    assert [x.date for x in top_dates(s, 2, first="2026-01-02")] == ["2026-01-02", "2026-01-03"]
    assert [x.date for x in top_dates(s, 5, last="2026-01-02")] == ["2026-01-01", "2026-01-02"]
    assert [x.date for x in top_dates(s, 4, months=True)] == [
        "2026-01", "2026-01-01", "2026-01-02", "2026-01-03"
    ]  # fmt: skip
    assert [x.date for x in top_dates(s, 3, candidates=["2026-01-03"])] == ["2026-01-03"]


def test_pubcount_baseline() -> None:
    published = {
        "a": on("2026-01-02"), "b": on("2026-01-02"), "c": on("2026-01-01"),
        "d": on("2026-01-03"), "e": on("2026-01-09"), "f": (date(2026, 1, 1), date(2026, 1, 31)),
    }  # fmt: skip
    # 2 January has most; 1 and 3 January tie and the earlier wins; 9 January is out of span.
    assert pubcount(published, 2, "2026-01-01", "2026-01-05") == ["2026-01-01", "2026-01-02"]
