"""The timeline page's groups: years holding months holding days, each with its events.

An event sits at the finest level its date reaches: "2026-01-15" in its day, "2026-01"
in its month (above that month's days), "2026" in its year. A date no single year holds
(a decade, or only a range: "2017-01-20…2026-01-03") makes a group of its own at the
top, labelled as the period it is, so a vague date is never shown as a precise one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..views.quotes import when
from ..views.timeline import TimelineEntry

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})")


@dataclass(slots=True)
class DayGroup:
    key: str
    label: str
    entries: list[TimelineEntry] = field(default_factory=list)


@dataclass(slots=True)
class MonthGroup:
    key: str
    label: str
    entries: list[TimelineEntry] = field(default_factory=list)
    days: list[DayGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.entries) + sum(len(d.entries) for d in self.days)


@dataclass(slots=True)
class YearGroup:
    key: str
    label: str
    #: False for a group of dates no single year holds (a decade, a range).
    is_year: bool = True
    entries: list[TimelineEntry] = field(default_factory=list)
    months: list[MonthGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.entries) + sum(m.count for m in self.months)


def _month_label(year: str, month: str) -> str:
    return f"{calendar.month_name[int(month)]} {year}"


def _level(entry: TimelineEntry) -> tuple[str, str | None, str | None]:
    """(year key, month, day) of the entry's date; a key that is no year ("2020s",
    "2017-01-20…2026-01-03") for a date no year holds."""
    date = entry.event.date
    value = date.value or ""
    if (m := _DAY.match(value)) and date.precision == "day":
        return m.group(1), m.group(2), m.group(3)
    if (m := _MONTH.match(value)) and date.precision == "month":
        return m.group(1), m.group(2), None
    if (m := _YEAR.match(value)) and date.precision not in ("decade", "century", "unknown"):
        # A year, a season, a quarter, a week: placed in its year, labelled as itself.
        return m.group(1), None, None
    return when(date), None, None


def group_entries(entries: Sequence[TimelineEntry]) -> list[YearGroup]:
    """Groups in the order of the entries (which come in date order)."""
    years: dict[str, YearGroup] = {}
    for entry in entries:
        year_key, month, day = _level(entry)
        year = years.get(year_key)
        if year is None:
            is_year = bool(re.fullmatch(r"\d{4}", year_key))
            year = years[year_key] = YearGroup(year_key, year_key, is_year)
        if month is None:
            year.entries.append(entry)
            continue
        month_key = f"{year_key}-{month}"
        group = next((g for g in year.months if g.key == month_key), None)
        if group is None:
            group = MonthGroup(month_key, _month_label(year_key, month))
            year.months.append(group)
        if day is None:
            group.entries.append(entry)
            continue
        day_key = f"{month_key}-{day}"
        day_group = next((d for d in group.days if d.key == day_key), None)
        if day_group is None:
            day_group = DayGroup(day_key, f"{int(day)} {_month_label(year_key, month)}")
            group.days.append(day_group)
        day_group.entries.append(entry)
    return list(years.values())
