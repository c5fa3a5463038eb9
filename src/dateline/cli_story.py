"""``dateline graph`` and ``dateline dyad``: the actor graph and dyad trends, each a thin
command over a function in ``dateline.views``.

``register`` adds them to the main app; the helpers they share with other commands are
imported from ``cli`` when a command runs, as ``cli`` imports this module while loading.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ._console import DEFAULT_DB, DbOption, err
from ._console import fail as _fail
from .model import MODALITIES


class GraphFormat(StrEnum):
    gexf = "gexf"
    graphml = "graphml"
    json = "json"


class By(StrEnum):
    month = "month"
    week = "week"
    year = "year"


class DyadFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


_FORMAT_HELP = "gexf (Gephi, dated spells), graphml or json (node-link); default: the -o suffix."


def graph(
    db: DbOption = DEFAULT_DB,
    format: Annotated[GraphFormat | None, typer.Option("--format", "-f", help=_FORMAT_HELP)] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date.")] = None,
    include: Annotated[
        str, typer.Option(help="Statuses besides asserted, tallied apart: planned,...")
    ] = "",
) -> None:
    """The actors and who acted on whom: nodes, and directed edges aggregated over events."""
    from .cli import _date_bound, _read_store
    from .views.graph import actor_graph, write_graph

    extra = [m.strip() for m in include.split(",") if m.strip()]
    unknown = [m for m in extra if m not in MODALITIES]
    if unknown:
        raise _fail(f"unknown status {', '.join(unknown)} (use {', '.join(MODALITIES)})")
    if format is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        format = GraphFormat(suffix) if suffix in GraphFormat.__members__ else GraphFormat.gexf
    date_from, date_to = _date_bound(date_from, "--from"), _date_bound(date_to, "--to")
    with _read_store(db) as store:
        built = actor_graph(store, date_from=date_from, date_to=date_to,
                            modalities=["asserted", *extra])  # fmt: skip
    if output is None or str(output) == "-":
        write_graph(built, format.value, sys.stdout.buffer)
        sys.stdout.flush()
        return
    try:
        with open(output, "wb") as handle:
            write_graph(built, format.value, handle)
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror}") from exc
    err.print(
        f"{len(built.nodes)} actors and {len(built.edges)} relations written to {output}",
        highlight=False,
    )


def dyad(
    a: Annotated[str, typer.Argument(help="One side: an actor id, country code or name.")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    db: DbOption = DEFAULT_DB,
    by: Annotated[By, typer.Option(help="Period of the series.")] = By.month,
    both: Annotated[bool, typer.Option("--both", help="B → A as well as A → B.")] = False,
    chart: Annotated[
        Path | None, typer.Option(help="Also draw the series to FILE.png or FILE.svg.")
    ] = None,
    format: Annotated[DyadFormat, typer.Option("--format", "-f")] = DyadFormat.text,
) -> None:
    """Cooperation and conflict between two actors, period by period (asserted events)."""
    from .cli import _read_store
    from .views.dyads import dyad_series, render_text, resolve_side

    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise _fail(f"--chart {chart} must end in .png or .svg")
    with _read_store(db) as store:
        sides = []
        for query in (a, b):
            side = resolve_side(store, query)
            if side is None:
                raise _fail(f"no actor named {query!r} (`dateline actors` lists them)", code=1)
            sides.append(side)
        if sides[0].ids == sides[1].ids:
            raise _fail(f"{a!r} and {b!r} name the same actors")
        series = dyad_series(store, sides[0], sides[1], by=by.value, both=both)
    if format is DyadFormat.text:
        print(render_text(series))
    elif format is DyadFormat.json:
        for record in series.records():
            print(json.dumps(record, ensure_ascii=False))
    else:
        records = series.records()
        if records:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(records)
    if chart is not None:
        from .views.dyad_chart import write_chart

        try:
            write_chart(series, chart)
        except OSError as exc:
            raise _fail(f"cannot write {chart}: {exc.strerror}") from exc
        err.print(f"chart written to {chart}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``graph`` and ``dyad`` to the main app."""
    app.command()(graph)
    app.command()(dyad)
