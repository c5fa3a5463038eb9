"""Table-driven checks of the tagger's values, against a fixed DCT and without a parse."""

from __future__ import annotations

import pytest

from dateline.model import Timex
from dateline.temporal import tag_timexes

DCT = "2026-01-20"  # a Tuesday

# (sentence, expression as written, TIMEX3 type, value)
CASES: list[tuple[str, str, str, str]] = [
    ("On January 15, 2026, the director arrived.", "January 15, 2026", "DATE", "2026-01-15"),
    ("The deal was signed 15 January 2026 in Caracas.", "15 January 2026", "DATE", "2026-01-15"),
    ("Talks began Jan. 15, 2026, officials said.", "Jan. 15, 2026", "DATE", "2026-01-15"),
    ("The file is dated 2026-01-15.", "2026-01-15", "DATE", "2026-01-15"),
    ("The memo, dated 1/15/2026, leaked.", "1/15/2026", "DATE", "2026-01-15"),
    ("The memo, dated 15/1/2026, leaked.", "15/1/2026", "DATE", "2026-01-15"),
    ("Prices rose in January 2026.", "January 2026", "DATE", "2026-01"),
    ("The report covered December of 2025.", "December of 2025", "DATE", "2025-12"),
    ("He won in 2019 by a wide margin.", "2019", "DATE", "2019"),
    ("Critics of the 2020 drone strike spoke.", "2020", "DATE", "2020"),
    ("2019's protests were larger.", "2019", "DATE", "2019"),
    ("Maduro seized control in 2013.", "2013", "DATE", "2013"),
    ("They met on January 15 in Caracas.", "January 15", "DATE", "2026-01-15"),
    ("They met on December 28 in Caracas.", "December 28", "DATE", "2025-12-28"),
    ("They met on the 3rd of January.", "the 3rd of January", "DATE", "2026-01-03"),
    ("Officials met on Saturday.", "Saturday", "DATE", "2026-01-17"),
    ("Saturday's negotiations ended early.", "Saturday", "DATE", "2026-01-17"),
    ("The vote was held on Tuesday.", "Tuesday", "DATE", "2026-01-20"),
    ("He arrived last Tuesday.", "last Tuesday", "DATE", "2026-01-13"),
    ("They meet again next Friday.", "next Friday", "DATE", "2026-01-23"),
    ("Troops left on Friday, Jan. 16.", "Friday, Jan. 16", "DATE", "2026-01-16"),
    ("The minister spoke today.", "today", "DATE", "2026-01-20"),
    ("The minister spoke yesterday.", "yesterday", "DATE", "2026-01-19"),
    ("The minister speaks tomorrow.", "tomorrow", "DATE", "2026-01-21"),
    ("Shots were heard yesterday morning.", "yesterday morning", "TIME", "2026-01-19TMO"),
    ("He will speak tonight.", "tonight", "TIME", "2026-01-20TNI"),
    ("Talks stalled last week.", "last week", "DATE", "2026-W03"),
    ("Talks resume this week.", "this week", "DATE", "2026-W04"),
    ("Talks resume next week.", "next week", "DATE", "2026-W05"),
    ("Exports fell last month.", "last month", "DATE", "2025-12"),
    ("Exports fell this month.", "this month", "DATE", "2026-01"),
    ("Exports rise next month.", "next month", "DATE", "2026-02"),
    ("Exports fell last year.", "last year", "DATE", "2025"),
    ("Exports rose this year.", "this year", "DATE", "2026"),
    ("Exports rise next year.", "next year", "DATE", "2027"),
    ("The embassy closed two years ago.", "two years ago", "DATE", "2024"),
    ("The embassy closed three days ago.", "three days ago", "DATE", "2026-01-17"),
    ("The embassy closed five months ago.", "five months ago", "DATE", "2025-08"),
    ("The embassy closed a week ago.", "a week ago", "DATE", "2026-W03"),
    ("Five months later the embassy reopened.", "Five months", "DURATION", "P5M"),
    ("A 48-hour ceasefire began.", "48-hour", "DURATION", "PT48H"),
    ("The blockade lasted 18 months.", "18 months", "DURATION", "P18M"),
    ("The talks took several weeks.", "several weeks", "DURATION", "PXW"),
    ("Two and a half years of talks followed.", "Two and a half years", "DURATION", "P2Y6M"),
    ("Over the past decade, output fell.", "the past decade", "DURATION", "P10Y"),
    ("Output fell over the past three years.", "the past three years", "DURATION", "P3Y"),
    ("Two decades of sanctions followed.", "Two decades", "DURATION", "P20Y"),
    ("The president recently visited.", "recently", "DATE", "PAST_REF"),
    ("Output is growing now.", "now", "DATE", "PRESENT_REF"),
    ("Output is currently growing.", "currently", "DATE", "PRESENT_REF"),
    ("We need to act right now.", "right now", "DATE", "PRESENT_REF"),
    # A vague stretch of time, as TimeBank annotates it.
    ("Tensions grew in recent months.", "recent months", "DURATION", "PXM"),
    ("Tensions grew in recent weeks.", "recent weeks", "DURATION", "PXW"),
    ("More talks are due in the coming weeks.", "the coming weeks", "DURATION", "PXW"),
    ("Oil boomed in the 1990s.", "the 1990s", "DATE", "199"),
    ("Oil boomed in the '70s.", "the '70s", "DATE", "197"),
    ("The oil economy dates from the 20th century.", "the 20th century", "DATE", "19"),
    ("Growth slowed in the first quarter of 2025.", "the first quarter of 2025", "DATE",
     "2025-Q1"),
    ("Protests grew in summer 2025.", "summer 2025", "DATE", "2025-SU"),
    ("Protests grew last summer.", "last summer", "DATE", "2025-SU"),
    ("Elections are held in mid-2026.", "mid-2026", "DATE", "2026"),
    ("The strikes were planned for early March.", "early March", "DATE", "2025-03"),
    ("Prices rose in May.", "May", "DATE", "2025-05"),
    # In January the fourth quarter that profits "fell in" is last year's.
    ("Profit fell in the fourth-quarter.", "the fourth-quarter", "DATE", "2025-Q4"),
    ("Profit fell in the third quarter of 2025.", "the third quarter of 2025", "DATE", "2025-Q3"),
    ("Sales fell earlier this year.", "earlier this year", "DATE", "2026"),
    ("Sales fell in June last year.", "June last year", "DATE", "2025-06"),
    ("Sales fell in fiscal 2024.", "fiscal 2024", "DATE", "2024"),
    ("The president spoke late yesterday.", "late yesterday", "DATE", "2026-01-19"),
    ("Exports fell two quarters ago.", "two quarters ago", "DATE", "2025-Q3"),
    ("Exports fell over the past quarter.", "the past quarter", "DURATION", "P1Q"),
    ("The town was quiet the past weekend.", "the past weekend", "DATE", "2026-W03-WE"),
    ("The council meets every week.", "every week", "SET", "P1W"),
    ("The council meets monthly.", "monthly", "SET", "P1M"),
    ("The council meets twice a year.", "twice a year", "SET", "P1Y"),
]  # fmt: skip


def find(timexes: list[Timex], text: str) -> Timex:
    matches = [t for t in timexes if t.text == text]
    assert matches, f"{text!r} not tagged; got {[t.text for t in timexes]}"
    return matches[0]


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("sentence", "expression", "kind", "value"), CASES)
def test_value(sentence: str, expression: str, kind: str, value: str) -> None:
    timexes = tag_timexes(sentence, DCT)
    timex = find(timexes, expression)
    assert (timex.type, timex.value) == (kind, value)
    for each in timexes:
        assert sentence[each.start : each.end] == each.text


@pytest.mark.parametrize(
    ("expression", "value", "precision", "earliest", "latest", "anchor"),
    [
        ("January 2026", "2026-01", "month", "2026-01-01", "2026-01-31", "explicit"),
        ("in 2024", "2024", "year", "2024-01-01", "2024-12-31", "explicit"),
        ("last week", "2026-W03", "week", "2026-01-12", "2026-01-18", "DCT"),
        ("the 1990s", "199", "decade", "1990-01-01", "1999-12-31", "explicit"),
        ("on Saturday", "2026-01-17", "day", "2026-01-17", "2026-01-17", "DCT"),
        ("February 2024", "2024-02", "month", "2024-02-01", "2024-02-29", "explicit"),
    ],
)
def test_range_and_anchor(
    expression: str, value: str, precision: str, earliest: str, latest: str, anchor: str
) -> None:
    [timex] = tag_timexes(f"It happened {expression}.", DCT)
    assert (timex.value, timex.precision, timex.earliest, timex.latest, timex.anchor) == (
        value, precision, earliest, latest, anchor,
    )  # fmt: skip


def test_durations_and_references_have_no_range() -> None:
    for timex in tag_timexes("For five months, officials recently met.", DCT):
        assert (timex.earliest, timex.latest) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Officials met on Saturday.", "Saturday", "XXXX-XX-XX"),
        ("They met on January 15 in Caracas.", "January 15", "XXXX-01-15"),
        ("Exports fell last month.", "last month", "XXXX-XX"),
        ("The minister spoke yesterday.", "yesterday", "XXXX-XX-XX"),
        ("He won in 2019 by a wide margin.", "2019", "2019"),
    ],
)
def test_without_dct(sentence: str, expression: str, value: str) -> None:
    timex = find(tag_timexes(sentence, None), expression)
    assert timex.value == value
    assert timex.anchor == ("explicit" if value[0].isdigit() else None)


@pytest.mark.parametrize(
    ("dct", "expression", "value"),
    [
        ("2026-01", "on January 15", "2026-01-15"),
        ("2026-01", "last month", "2025-12"),
        ("2026-01", "last year", "2025"),
        ("2026", "last year", "2025"),
        ("2026-01", "yesterday", "XXXX-XX-XX"),
    ],
)
def test_partial_dct(dct: str, expression: str, value: str) -> None:
    [timex] = tag_timexes(f"It happened {expression}.", dct)
    assert timex.value == value
