"""The actor views: role periods and the plain-text table."""

from __future__ import annotations

from pathlib import Path

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


def test_role_labels_show_what_the_documents_saw() -> None:
    learned = Role("Foreign Minister", "PER", "GOV", seen_from="2026-02-10",
                   seen_to="2026-03-31", sources=["doc_a", "doc_b"])  # fmt: skip
    assert role_label(learned) == (
        "Foreign Minister (PER, GOV); held 2026-02-10 – 2026-03-31 [2 documents]"
    )
    ended = Role("Interior Minister", ended_by="2026-04-02", sources=["doc_c"])
    assert role_label(ended) == "Interior Minister; ended by 2026-04-02 [1 document]"
    once = Role("envoy", seen_from="2026-01-05", seen_to="2026-01-05", sources=["doc_d"])
    assert role_label(once) == "envoy; held 2026-01-05 [1 document]"


def test_actors_command_lists_learned_roles(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app
    from dateline.pipeline import annotate_text
    from dateline.store import Store

    db = tmp_path / "s.db"
    with Store(db) as store:
        for text, published in (
            ("Peruvian Foreign Minister Marta Quintero spoke in Lima on Monday.", "2026-02-10"),
            ("On Tuesday, Foreign Minister Marta Quintéro flew back to Lima.", "2026-03-03"),
        ):
            store.add_annotation(annotate_text(text, published=published))
    result = CliRunner().invoke(app, ["actors", "Marta Quintero", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "person:marta-quintero" in result.output
    assert (
        "Foreign Minister (PER, GOV); held 2026-02-10 – 2026-03-03 [2 documents]" in result.output
    )
