"""Sets of possible days: intersecting what several clues allow, and naming the result.

A clue about a date ("reports a meeting on January 15, 2026", "calls Maduro the former
president") allows one or more ranges of days. The date is in every clue's ranges, so
clues combine by intersection; a clue that would leave no day at all contradicts the
others and is set aside. The combined set becomes a DateValue whose earliest and latest
are certain and whose value is the finest calendar period holding all of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from dateline.model import DateOrigin, DateValue, Precision
from dateline.temporal.calendar_math import format_value, value_range

#: An inclusive range of days; None is an open end.
DayRange = tuple[date | None, date | None]
#: Coarsest last: the value of a combined date is the finest period holding it whole.
NAMED_PRECISIONS: tuple[Precision, ...] = ("day", "month", "year", "decade")


def parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def day_ranges(pairs: Iterable[tuple[str | None, str | None]]) -> list[DayRange]:
    return [(parse_day(first), parse_day(last)) for first, last in pairs]


def iso_ranges(ranges: Iterable[DayRange]) -> list[tuple[str | None, str | None]]:
    return [
        (first.isoformat() if first else None, last.isoformat() if last else None)
        for first, last in ranges
    ]


def _later(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


def _earlier(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def intersect(left: Sequence[DayRange], right: Sequence[DayRange]) -> list[DayRange]:
    """The days in both sets, as sorted ranges."""
    result: list[DayRange] = []
    for a_first, a_last in left:
        for b_first, b_last in right:
            first, last = _later(a_first, b_first), _earlier(a_last, b_last)
            if first is None or last is None or first <= last:
                result.append((first, last))
    return sorted(result, key=lambda r: (r[0] or date.min, r[1] or date.max))


def hull(ranges: Sequence[DayRange]) -> DayRange:
    """The first and last possible day (None when a side is open)."""
    if not ranges:
        return None, None
    firsts = [first for first, _ in ranges]
    lasts = [last for _, last in ranges]
    return (
        None if None in firsts else min(f for f in firsts if f),
        None if None in lasts else max(last for last in lasts if last),
    )


def of_value(value: DateValue) -> list[DayRange]:
    """The days a DateValue allows (everything when it says nothing)."""
    return [(parse_day(value.earliest), parse_day(value.latest))]


def shift(day: date | None, months: int, days: int) -> date | None:
    """``day`` moved by whole months (clamped to the month's end) and days."""
    if day is None:
        return None
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = value_range(f"{year:04d}-{month:02d}")
    limit = last[2].day if last else 28
    try:
        moved = date(year, month, min(day.day, limit))
    except ValueError:  # beyond the calendar (year 0 or 10000)
        return None
    return moved + timedelta(days=days)


def to_date_value(ranges: Sequence[DayRange], origin: DateOrigin) -> DateValue:
    """A DateValue for the set: its hull, and the finest period holding it whole."""
    first, last = hull(ranges)
    earliest = first.isoformat() if first else None
    latest = last.isoformat() if last else None
    if first is None or last is None:
        return DateValue(None, earliest, latest, "unknown", origin)
    for precision in NAMED_PRECISIONS:
        value = format_value(first, precision)
        if value is not None and value == format_value(last, precision):
            return DateValue(value, earliest, latest, precision, origin)
    # Coarser than a decade names no useful period: the range says all there is.
    return DateValue(None, earliest, latest, "unknown", origin)
