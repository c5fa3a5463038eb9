"""Sets of possible days: intersection and the DateValue they name."""

from __future__ import annotations

from datetime import date

from dateline.temporal.intervals import intersect, shift, to_date_value

D = date.fromisoformat


def test_intersection_keeps_only_days_in_both() -> None:
    trump_terms = [(D("2017-01-20"), D("2021-01-20")), (D("2025-01-20"), None)]
    maduro_presidency = [(D("2013-04-19"), D("2026-01-03"))]
    assert intersect(trump_terms, maduro_presidency) == [
        (D("2017-01-20"), D("2021-01-20")),
        (D("2025-01-20"), D("2026-01-03")),
    ]
    assert intersect([(D("2026-01-04"), None)], maduro_presidency) == []


def test_value_is_the_finest_period_holding_the_whole_set() -> None:
    month = to_date_value([(D("2026-06-01"), D("2026-06-30"))], "inferred")
    assert (month.value, month.precision) == ("2026-06", "month")
    year = to_date_value([(D("2026-01-15"), D("2026-12-01"))], "inferred")
    assert (year.value, year.precision, year.earliest, year.latest) == (
        "2026", "year", "2026-01-15", "2026-12-01",
    )  # fmt: skip
    decade = to_date_value([(D("2021-01-20"), D("2025-01-20"))], "inferred")
    assert (decade.value, decade.precision) == ("202", "decade")
    # Across decades no period says more than the range itself.
    wide = to_date_value([(D("2017-01-20"), D("2026-01-03"))], "inferred")
    assert (wide.value, wide.precision, wide.earliest) == (None, "unknown", "2017-01-20")
    open_ended = to_date_value([(None, D("2026-01-15"))], "relative")
    assert (open_ended.value, open_ended.earliest, open_ended.latest) == (None, None, "2026-01-15")


def test_shift_by_months_clamps_to_the_month_end() -> None:
    assert shift(D("2026-01-31"), 1, 0) == D("2026-02-28")
    assert shift(D("2026-01-03"), 5, 0) == D("2026-06-03")
    assert shift(D("2025-01-10"), 0, -7) == D("2025-01-03")
    assert shift(None, 1, 0) is None
