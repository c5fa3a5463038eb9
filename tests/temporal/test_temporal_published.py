"""Publication dates from metadata strings."""

from __future__ import annotations

import pytest

from dateline.model import DateValue
from dateline.temporal import normalise_published


@pytest.mark.parametrize(
    ("raw", "value", "precision", "earliest", "latest"),
    [
        ("2026-01-15", "2026-01-15", "day", "2026-01-15", "2026-01-15"),
        ("2026-01-15T10:00:00Z", "2026-01-15", "day", "2026-01-15", "2026-01-15"),
        ("2026-01-15 23:59:00+02:00", "2026-01-15", "day", "2026-01-15", "2026-01-15"),
        ("Jan 15, 2026", "2026-01-15", "day", "2026-01-15", "2026-01-15"),
        ("15 January 2026", "2026-01-15", "day", "2026-01-15", "2026-01-15"),
        ("Thursday, January 15, 2026", "2026-01-15", "day", "2026-01-15", "2026-01-15"),
        ("1/15/2026", "2026-01-15", "day", "2026-01-15", "2026-01-15"),
        ("2026-01", "2026-01", "month", "2026-01-01", "2026-01-31"),
        ("January 2026", "2026-01", "month", "2026-01-01", "2026-01-31"),
        (" 2026 ", "2026", "year", "2026-01-01", "2026-12-31"),
    ],
)
def test_parses(raw: str, value: str, precision: str, earliest: str, latest: str) -> None:
    date = normalise_published(raw, "metadata")
    assert (date.value, date.precision, date.earliest, date.latest, date.origin) == (
        value, precision, earliest, latest, "metadata",
    )  # fmt: skip


@pytest.mark.parametrize("raw", [None, "", "soon", "2026-13-45", "yesterday"])
def test_unparseable_is_unknown(raw: str | None) -> None:
    assert normalise_published(raw, "user") == DateValue(origin="unknown")


def test_origin_is_kept_and_checked() -> None:
    assert normalise_published("2026", "user").origin == "user"
    with pytest.raises(ValueError, match="origin"):
        normalise_published("2026", "guessed")
