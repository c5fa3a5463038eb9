"""Dyad trends and their chart over a small story ingested through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import ActorRef, DateValue, Event
from dateline.store import Store
from dateline.views.dyad_chart import write_chart
from dateline.views.dyads import (
    Side,
    dyad_series,
    period_of,
    periods_between,
    render_text,
    resolve_side,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _sides(store: Store, a: str = "USA", b: str = "VEN") -> tuple[Side, Side]:
    side_a, side_b = resolve_side(store, a), resolve_side(store, b)
    assert side_a is not None and side_b is not None
    return side_a, side_b


def test_sides_resolve_codes_and_names(story: Store) -> None:
    usa, _ = _sides(story)
    assert "USA" in usa.ids and usa.label == "United States"
    by_name = resolve_side(story, "united states")
    assert by_name is not None and by_name.ids == usa.ids
    assert resolve_side(story, "Atlantis") is None


def test_monthly_series_counts_what_happened(story: Store) -> None:
    series = dyad_series(story, *_sides(story), by="month")
    assert series.periods == ["2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]
    ((source, target, rows),) = series.directions
    assert (source.label, target.label) == ("United States", "Venezuela")
    assert [r.tally.count for r in rows] == [1, 1, 0, 1, 0]
    march, april, may, june, july = (r.record("month") for r in rows)
    assert (march["conflict"], march["cooperation"]) == (1, 0)  # sanctions
    assert (april["cooperation"], april["conflict"]) == (1, 0)  # aid
    assert april["intensity_sum"] > 0 > march["intensity_sum"]
    assert may["intensity_mean"] is None and may["events"] == 0  # a gap, not a zero score
    assert june["quad1"] + june["quad2"] == 1  # the joint agreement
    # The strikes were only considered: counted as planned, never as conflict.
    assert (july["events"], july["conflict"], july["planned"]) == (0, 0, 1)
    assert july["intensity_sum"] == 0
    assert series.unplaced == [0]


def test_both_directions_share_one_axis(story: Store) -> None:
    series = dyad_series(story, *_sides(story), by="month", both=True)
    (_, _, forward), (source, _, back) = series.directions
    assert source.label == "Venezuela" and len(back) == len(forward) == 5
    assert [r.tally.count for r in back] == [0, 1, 0, 1, 0]  # the accusation, the agreement
    assert back[1].record("month")["conflict"] == 1
    text = render_text(series)
    assert "United States → Venezuela, by month" in text
    assert "Venezuela → United States, by month" in text
    assert "planned" in text.splitlines()[1]


def test_years_and_weeks(story: Store) -> None:
    yearly = dyad_series(story, *_sides(story), by="year")
    assert yearly.periods == ["2025"]
    assert yearly.records()[0]["events"] == 3 and yearly.records()[0]["planned"] == 1
    weekly = dyad_series(story, *_sides(story), by="week")
    assert weekly.periods[0] == "2025-W10"  # Monday 3 March 2025
    assert sum(r["events"] for r in weekly.records()) == 3


def test_periods_and_coarse_dates() -> None:
    assert list(periods_between("2025-11", "2026-02", "month")) == [
        "2025-11", "2025-12", "2026-01", "2026-02",
    ]  # fmt: skip
    assert list(periods_between("2025-W52", "2026-W02", "week")) == [
        "2025-W52", "2026-W01", "2026-W02",
    ]  # fmt: skip
    ref = [ActorRef("A", "A", "A", None, "A")]

    def dated(value: DateValue) -> Event:
        return Event("ev_x", "AGREE", None, [], "asserted", ref, ref, value, None, 1, 2.5,
                     None, None, 0.5)  # fmt: skip

    month = dated(DateValue("2026-01", "2026-01-01", "2026-01-31", "month", "explicit"))
    assert period_of(month, "month") == "2026-01" and period_of(month, "year") == "2026"
    assert period_of(month, "week") is None  # a month spans several weeks
    decade = dated(DateValue("202", "2020-01-01", "2026-01-03", "decade", "inferred"))
    assert period_of(decade, "year") is None


def test_chart_is_a_real_png_and_svg(story: Store, tmp_path: Path) -> None:
    series = dyad_series(story, *_sides(story), by="month", both=True)
    png, svg = tmp_path / "dyad.png", tmp_path / "dyad.svg"
    write_chart(series, png)
    write_chart(series, svg)
    assert png.read_bytes().startswith(PNG_SIGNATURE)
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text and "did not happen" in text
    with pytest.raises(ValueError):
        write_chart(series, tmp_path / "dyad.pdf")


def test_dyad_command(story_db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    chart = tmp_path / "usa-ven.png"
    args = ["dyad", "USA", "VEN", "--db", str(story_db), "--by", "year", "--both",
            "--format", "csv", "--chart", str(chart)]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    header, forward, back = result.stdout.splitlines()
    assert header.startswith("source,target,by,period,events")
    assert forward.startswith("United States,Venezuela,year,2025,3,")
    assert back.startswith("Venezuela,United States,year,2025,2,")
    assert chart.read_bytes().startswith(PNG_SIGNATURE)
    missing = CliRunner().invoke(app, ["dyad", "USA", "Atlantis", "--db", str(story_db)])
    assert missing.exit_code == 1 and "no actor named 'Atlantis'" in missing.output
