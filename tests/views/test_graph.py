"""The actor graph over a small story ingested through the real pipeline."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from dateline.model import ActorRef, Annotation, DateValue, Event
from dateline.store import Store
from dateline.views.graph import actor_graph, event_span, merge_spans, pairs, write_graph


def _event(actors: list[str], recipients: list[str], date: DateValue | None = None) -> Event:
    def refs(ids: list[str]) -> list[ActorRef]:
        return [ActorRef(i, i, i, None, i) for i in ids]

    return Event("ev_x", "AGREE", None, [], "asserted", refs(actors), refs(recipients),
                 date or DateValue(), None, 1, 2.5, None, None, 0.5)  # fmt: skip


def test_pairs_are_directed_and_joint_acts_go_both_ways() -> None:
    assert pairs(_event(["USA"], ["VEN", "USA"])) == {("USA", "VEN")}
    assert pairs(_event(["USA", "VEN"], [])) == {("USA", "VEN"), ("VEN", "USA")}
    assert pairs(_event(["USA"], [])) == set()


def test_spans_keep_the_dated_period_within_its_range() -> None:
    month = DateValue("2026-01", "2026-01-15", "2026-12-01", "month", "inferred")
    assert event_span(_event(["A"], ["B"], month)) == (date(2026, 1, 15), date(2026, 1, 31))
    decade = DateValue("202", "2020-01-01", "2026-01-03", "decade", "inferred")
    assert event_span(_event(["A"], ["B"], decade)) is None
    bounded = DateValue(None, "2017-01-20", "2026-01-03", "unknown", "inferred")
    assert event_span(_event(["A"], ["B"], bounded)) is None
    d = [date(2025, 3, n) for n in (1, 2, 3, 9)]
    assert merge_spans([(d[3], d[3]), (d[0], d[1]), (d[2], d[2])]) == [(d[0], d[2]), (d[3], d[3])]


def test_edges_count_asserted_events_by_quad_class_and_date(story: Store) -> None:
    graph = actor_graph(story)
    assert {"USA", "VEN", "RUS"} <= set(graph.nodes)
    usa = graph.nodes["USA"]
    assert (usa.name, usa.kind, usa.country) == ("United States", "country", "USA")
    assert usa.tally.count == 4  # sanctions, aid, the accusation against it, the agreement

    us_ven = graph.edges[("USA", "VEN")].attributes(graph.modalities)
    assert us_ven["count"] == 3  # sanctions, aid, agreement; the strikes were only considered
    assert (us_ven["cooperation"], us_ven["conflict"]) == (2, 1)
    assert sum(us_ven[f"quad{n}"] for n in (1, 2, 3, 4)) == 3
    assert (us_ven["first"], us_ven["last"]) == ("2025-03-03", "2025-06-05")
    assert "planned" not in us_ven and us_ven["status"] == "asserted"
    asserted = [e for e in story.events(modalities=["asserted"]) if ("USA", "VEN") in pairs(e)]
    intensities = [e.intensity for e in asserted if e.intensity is not None]
    assert us_ven["intensity_mean"] == pytest.approx(sum(intensities) / 3, abs=1e-3)

    assert graph.edges[("VEN", "USA")].count == 2  # the accusation, and the joint agreement
    assert graph.edges[("RUS", "VEN")].count == 1
    assert ("VEN", "RUS") not in graph.edges


def test_planned_events_are_tallied_apart_only_when_included(story: Store) -> None:
    plain = actor_graph(story)
    planned = actor_graph(story, modalities=["asserted", "planned"])
    tally = planned.edges[("USA", "VEN")]
    assert tally.count == plain.edges[("USA", "VEN")].count == 3
    assert tally.other == {"planned": 1}
    attrs = tally.attributes(planned.modalities)
    assert attrs["planned"] == 1 and attrs["last"] == "2025-06-05"  # July stays out
    assert planned.nodes["USA"].tally.count == 4


def test_date_bounds_keep_the_relations_of_the_period(story: Store) -> None:
    april = actor_graph(story, date_from="2025-04", date_to="2025-04")
    assert set(april.edges) == {("USA", "VEN"), ("VEN", "USA")}
    assert april.edges[("USA", "VEN")].attributes(april.modalities)["first"] == "2025-04-10"
    assert "RUS" not in april.nodes


def test_gexf_parses_back_with_dated_spells(story: Store) -> None:
    out = io.BytesIO()
    write_graph(actor_graph(story), "gexf", out)
    raw = out.getvalue()
    assert b'mode="dynamic"' in raw and b'timeformat="date"' in raw
    g = nx.read_gexf(io.BytesIO(raw))
    assert g.is_directed() and g.graph["mode"] == "dynamic"
    edge = g.edges["USA", "VEN"]
    assert edge["count"] == 3 and edge["weight"] == 3
    assert edge["spells"] == [("2025-03-03", "2025-03-03"), ("2025-04-10", "2025-04-10"),
                              ("2025-06-05", "2025-06-05")]  # fmt: skip
    assert g.nodes["RUS"]["label"] == "Russia"
    assert g.nodes["RUS"]["spells"] == [("2025-06-12", "2025-06-12")]


def test_graphml_and_json(story: Store) -> None:
    out = io.BytesIO()
    write_graph(actor_graph(story), "graphml", out)
    g = nx.read_graphml(io.BytesIO(out.getvalue()))
    assert g.edges["USA", "VEN"]["first"] == "2025-03-03"
    assert g.nodes["VEN"]["kind"] == "country"

    out = io.BytesIO()
    write_graph(actor_graph(story, modalities=["asserted", "planned"]), "json", out)
    data = json.loads(out.getvalue())
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges[("USA", "VEN")]["planned"] == 1
    assert edges[("USA", "VEN")]["spells"][0] == ["2025-03-03", "2025-03-03"]
    assert all(isinstance(n["sectors"], list) for n in data["nodes"])


def test_graph_command_writes_gexf(story_db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    out = tmp_path / "actors.gexf"
    result = CliRunner().invoke(app, ["graph", "--db", str(story_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(out).edges["USA", "VEN"]["count"] == 3
    shown = CliRunner().invoke(
        app, ["graph", "--db", str(story_db), "-f", "json", "--to", "2025-04"]
    )
    assert shown.exit_code == 0, shown.output
    assert {n["id"] for n in json.loads(shown.stdout)["nodes"]} == {"USA", "VEN"}
    bad = CliRunner().invoke(app, ["graph", "--db", str(story_db), "--include", "rumoured"])
    assert bad.exit_code == 2 and "unknown status" in bad.output


def test_an_event_only_bounded_by_its_documents_is_undated(
    tmp_path: Path, make_annotation: Callable[..., Annotation]
) -> None:
    annotation = make_annotation()
    annotation.event_mentions[0].date = DateValue(None, "2017-01-20", "2026-01-03", "unknown",
                                                  "inferred")  # fmt: skip
    with Store(tmp_path / "s.db") as store:
        store.add_annotation(annotation)
        whole = actor_graph(store)
        (edge,) = whole.edges.values()
        attrs = edge.attributes(whole.modalities)
        assert (attrs["count"], attrs["undated"], attrs["first"]) == (1, 1, None)
        assert edge.spells() == []
        # It may lie anywhere from 2017 to 2026, so no period can claim it.
        assert actor_graph(store, date_from="2026").edges == {}
        assert actor_graph(store, date_to="2017").edges == {}
