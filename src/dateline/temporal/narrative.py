"""Resolves expressions that count from the story's own time ("two days later").

Narrative time is the last date the text mentioned: each expression with a ``relation``
is counted from the nearest earlier expression fine enough for its unit ("the next day"
needs a day, "the following year" any date), or from the DCT when there is none.
Comparisons of company results count from the quarter being reported: the last quarter
mentioned, or else the quarter that ended before the DCT.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from dateline.temporal.calendar_math import format_value, shift_value, value_range
from dateline.temporal.resolve import UNRESOLVED, Context, Found, Relation

#: Quarterly results come out within about six weeks of the quarter's end.
REPORTING_LAG_DAYS = 45


def is_reference(found: Found) -> bool:
    """Whether later expressions may count from this one."""
    return found.type in {"DATE", "TIME"} and value_range(found.value) is not None


def reported_quarter(context: Context) -> str | None:
    day = context.dct_day()
    if day is None:
        return None
    return format_value(day - timedelta(days=REPORTING_LAG_DAYS), "quarter")


def dct_value(context: Context) -> str | None:
    dct = context.dct
    if dct is None:
        return None
    if dct.date is not None:
        return dct.date.isoformat()
    return f"{dct.year:04d}-{dct.month:02d}" if dct.month else f"{dct.year:04d}"


def count_from(reference: str, relation: Relation) -> str | None:
    value = shift_value(reference, relation.unit, relation.offset, relation.granularity)
    return value + relation.suffix if value and relation.suffix else value


def resolve_one(found: Found, history: list[Found], context: Context) -> Found:
    relation = found.relation
    assert relation is not None
    candidates: list[tuple[str, str]] = []
    if relation.fiscal:
        if not relation.latest:
            quarters = [f for f in reversed(history) if "-Q" in f.value]
            candidates += [(f.value, f"timex:{f.start}") for f in quarters[:1]]
        quarter = reported_quarter(context)
        if quarter:
            candidates.append((quarter, "DCT"))
    else:
        candidates += [(f.value[:10], f"timex:{f.start}") for f in reversed(history)]
    own = dct_value(context)
    if own:
        candidates.append((own, "DCT"))
    for reference, anchor in candidates:
        value = count_from(reference, relation)
        if value is not None:
            return replace(found, value=value, anchor=anchor)
    placeholder = UNRESOLVED[relation.granularity or "day"]
    return replace(found, value=placeholder + relation.suffix, anchor=None)


def resolve_narrative(found: list[Found], context: Context) -> list[Found]:
    """Every expression with a relation resolved; the others as they were."""
    history: list[Found] = []
    resolved: list[Found] = []
    for item in found:
        if item.relation is not None:
            item = resolve_one(item, history, context)
        # A comparison ("the year-ago quarter") is a side glance, not where the story is.
        comparison = item.relation is not None and item.relation.fiscal and item.relation.offset
        if is_reference(item) and not comparison:
            history.append(item)
        resolved.append(item)
    return resolved
