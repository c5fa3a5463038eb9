"""Publication dates from metadata or the user, as DateValues."""

from __future__ import annotations

import re
from typing import cast, get_args

from dateline.model import DateOrigin, DateValue
from dateline.temporal.calendar_math import value_range
from dateline.temporal.tagger import tag_timexes

#: "2026-01-15", "2026-01-15T10:00:00Z", "2026-01-15 10:00", "2026-01", "2026".
ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?")


def normalise_published(value: str | None, origin: str) -> DateValue:
    """The date ``value`` names, with its precision and range; unknown if it names none.

    ``origin`` is one of model.DateOrigin ("metadata", "user", "inferred", ...).
    """
    if origin not in get_args(DateOrigin):
        raise ValueError(f"not a date origin: {origin!r}")
    date_value = iso_value(value.strip()) if value else None
    if value and date_value is None:
        date_value = written_value(value.strip())
    calendar_range = value_range(date_value) if date_value else None
    if date_value is None or calendar_range is None:
        return DateValue(origin="unknown")
    precision, first, last = calendar_range
    return DateValue(
        value=date_value,
        earliest=first.isoformat(),
        latest=last.isoformat(),
        precision=precision,
        origin=cast(DateOrigin, origin),
    )


def iso_value(text: str) -> str | None:
    match = ISO_PREFIX.fullmatch(text)
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def written_value(text: str) -> str | None:
    """ "Jan 15, 2026", "15 January 2026", "1/15/2026": the longest absolute date in it."""
    explicit = [t for t in tag_timexes(text, None) if t.type == "DATE" and t.anchor == "explicit"]
    if not explicit:
        return None
    return max(explicit, key=lambda t: t.end - t.start).value
