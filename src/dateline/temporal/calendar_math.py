"""Calendar arithmetic on TIMEX3 values: the document creation time, shifts, ranges."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.model import Precision

#: Months each TIMEX3 season code covers (winter runs into the next year).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True, slots=True)
class Dct:
    """A document creation time; as partial as the date it came from."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


DCT_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_dct(value: str | None) -> Dct | None:
    """ "2026-01-20", "2026-01-20T10:00Z", "2026-01" or "2026"; None if none of those."""
    match = DCT_PATTERN.match(value.strip()) if value else None
    if not match:
        return None
    year, month, day = (int(group) if group else None for group in match.groups())
    assert year is not None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return Dct(year, month, day)


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_years_back(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February falls back to the 28th)."""
    target = day.year - years
    last = calendar.monthrange(target, day.month)[1]
    return date(target, day.month, min(day.day, last))


def valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


VALUE_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?"), "day"),
    (re.compile(r"(\d{4})-W(\d{2})(?:-WE)?"), "week"),
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-H([12])"), "half"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
    (re.compile(r"(\d{2})"), "century"),
)


def value_range(value: str) -> tuple[Precision, date, date] | None:
    """Precision and first/last day a DATE value covers; None when it is no calendar date."""
    for pattern, precision in VALUE_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            try:
                first, last = _range(precision, match.groups())
            except ValueError:
                return None
            return precision, first, last
    return None


def _range(precision: Precision, groups: tuple[str | None, ...]) -> tuple[date, date]:
    head = str(groups[0])
    second = str(groups[1]) if len(groups) > 1 else ""
    if precision == "day":
        day = date(int(head), int(second), int(str(groups[2])))
        return day, day
    if precision == "week":
        monday = date.fromisocalendar(int(head), int(second), 1)
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return date(int(head), int(second), 1), month_end(int(head), int(second))
    if precision == "quarter":
        first_month = 3 * (int(second) - 1) + 1
        return date(int(head), first_month, 1), month_end(int(head), first_month + 2)
    if precision == "season":
        start, stop = SEASON_MONTHS[second]
        end_year, end_month = shift_month(int(head), 1, stop - 1)
        return date(int(head), start, 1), month_end(end_year, end_month)
    if precision == "half":
        first_month = 1 if second == "1" else 7
        return date(int(head), first_month, 1), month_end(int(head), first_month + 5)
    if precision == "year":
        return date(int(head), 1, 1), date(int(head), 12, 31)
    if precision == "decade":
        return date(int(head) * 10, 1, 1), date(int(head) * 10 + 9, 12, 31)
    return date(max(int(head) * 100, 1), 1, 1), date(int(head) * 100 + 99, 12, 31)


#: Months in each unit a narrative shift can move by ("the following month").
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120}


def format_value(day: date, precision: Precision, season: str | None = None) -> str | None:
    """The TIMEX3 value of the ``precision``-sized period holding ``day``."""
    if precision == "day":
        return day_value(day)
    if precision == "week":
        return week_value(day)
    if precision == "month":
        return month_value(day.year, day.month)
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if precision == "season" and season:
        return f"{day.year:04d}-{season}"
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    return None


def shift_day(day: date, unit: str, offset: int) -> date | None:
    """``day`` moved ``offset`` units; weekday units ("weekday4") go to that weekday."""
    if unit == "day":
        return day + timedelta(days=offset)
    if unit in {"week", "weekend"}:
        return day + timedelta(weeks=offset)
    if unit.startswith("weekday"):
        target = int(unit.removeprefix("weekday"))
        if offset < 0:
            return day - timedelta(days=(day.weekday() - target) % 7 or 7)
        return day + timedelta(days=(target - day.weekday()) % 7 or 7)
    if unit in _UNIT_MONTHS:
        year, month = shift_month(day.year, day.month, offset * _UNIT_MONTHS[unit])
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return None


#: Finest first: a shift by a unit needs a reference at least this fine.
_FINENESS: dict[str, int] = {
    "day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "season": 3, "half": 3,
    "year": 4,
    "decade": 5, "century": 6,
}  # fmt: skip


def shift_value(value: str, unit: str, offset: int, precision: str | None) -> str | None:
    """The value ``offset`` ``unit``s from the period ``value`` names, as a ``precision``
    period (None: as fine as ``value`` itself, "1989-Q3" a year earlier is "1988-Q3").
    None when ``value`` is too coarse for the shift ("the next day" after "1998")."""
    found = value_range(value)
    if found is None:
        return None
    own, first, _ = found
    needed = "day" if unit.startswith("weekday") else unit
    if _FINENESS.get(own, 9) > _FINENESS.get(needed, 9):
        return None
    target = precision or own
    if _FINENESS.get(target, 9) < _FINENESS.get(own, 9):
        return None
    moved = shift_day(first, unit, offset)
    if moved is None:
        return None
    season = value[5:7] if own == "season" else None
    return format_value(moved, target, season)  # type: ignore[arg-type]
