"""The actor views: role periods and the plain-text table."""

from __future__ import annotations

from dateline.model import Actor, Role
from dateline.views.actors import ActorRow, render_table, role_label


def test_role_labels_show_known_periods() -> None:
    role = Role("President of Venezuela", "VEN", "GOV", "2013-04-19", "2026-01-03")
    assert role_label(role) == "President of Venezuela (VEN, GOV), 2013-04-19 – 2026-01-03"
    assert role_label(Role("Interim leader", "VEN", None, "2026-01-03")) == (
        "Interim leader (VEN), 2026-01-03 – …"
    )
    assert role_label(Role("senior fellow")) == "senior fellow"


def test_table_columns_line_up() -> None:
    rows = [
        ActorRow(Actor("USA", "United States", "country", "USA"), events=12),
        ActorRow(Actor("person:x-y", "X Y", "person", None, ["GOV", "MIL"]), events=3),
    ]
    header, first, second = render_table(rows).splitlines()
    assert header.split() == ["id", "name", "kind", "country", "sectors", "events"]
    assert len(header) == len(first) == len(second)
    assert first.endswith("12") and second.endswith(" 3") and "GOV,MIL" in second
