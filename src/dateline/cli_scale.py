"""Running at scale: ``dateline ingest --executor ray`` writes shards, ``dateline load``
merges them into a store.

``register`` adds ``load`` to the main app; ``ingest_on_ray`` is what ``ingest`` calls
with ``--executor ray``. Helpers shared with other commands are imported from ``cli``
when a command runs, as ``cli`` imports this module while loading.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._console import DEFAULT_DB, DbOption, err, progress_bar
from ._console import fail as _fail

if TYPE_CHECKING:
    from .pipeline import IngestOptions, IngestReport


class ExecutorName(StrEnum):
    local = "local"
    ray = "ray"


def print_report(report: IngestReport, db: Path) -> None:
    """The closing summary of a run that wrote to the store; exit code 1 on failures."""
    err.print(
        f"[bold]{report.read}[/bold] documents read: {report.stored} stored, "
        f"{report.unchanged} already stored, {len(report.skipped)} skipped, "
        f"{len(report.failed)} failed; {report.event_mentions} event mentions → {db}",
        highlight=False,
    )
    corpus = report.corpus
    if corpus.rounds:
        err.print(
            f"corpus pass: {corpus.links_dated} event-anchored dates resolved;"
            f" {corpus.documents_dated} undated documents and {corpus.mentions_redated}"
            " event mentions re-dated",
            highlight=False,
        )
    for source, reason in report.skipped:
        err.print(f"  [yellow]skipped[/yellow] {source}: {reason}", highlight=False)
    for source, reason in report.failed:
        err.print(f"  [red]failed[/red]  {source}: {reason}", highlight=False)
    if report.failed:
        raise typer.Exit(1)


def ingest_on_ray(
    paths: Sequence[Path],
    options: IngestOptions,
    shards: Path | None,
    address: str | None,
    parquet: bool,
) -> None:
    """``dateline ingest --executor ray``: annotate on Ray, write shards to ``shards``."""
    from .executors.ray import RayMissing, ingest_to_shards
    from .sources import expected_documents

    if shards is None:
        raise _fail("--executor ray writes shards: give a folder with --shards DIR")
    with progress_bar("annotate") as bar:
        task = bar.add_task("", total=expected_documents(paths))

        def written(source: str, status: str) -> None:
            bar.update(task, advance=1, description=f"{status}: {Path(source).name[:40]}")

        try:
            report = ingest_to_shards(
                [str(p) for p in paths], shards, options, address=address,
                parquet=parquet, written=written,
            )  # fmt: skip
        except (RayMissing, FileExistsError) as exc:
            raise _fail(str(exc)) from exc
    counts = ", ".join(f"{n} {status}" for status, n in sorted(report.statuses.items()))
    err.print(
        f"[bold]{report.written}[/bold] documents ({counts or 'none'}) written to"
        f" {len(report.shards)} shards in {shards}; merge them into a store with"
        f" `dateline load {shards} --db FILE`",
        highlight=False,
    )


def load(
    shards: Annotated[
        list[Path], typer.Argument(help="Shard files, or folders of them, in the order to load.")
    ],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Merge the shards of `ingest --executor ray` runs into the store, as a local ingest
    of the same inputs would have stored them; loading them again changes nothing."""
    from .cli import _open_store
    from .pipeline import IngestOptions
    from .shards import count_records, load_shards
    from .store import StoreBusy, StoreError

    missing = [str(p) for p in shards if not p.exists()]
    if missing:
        raise _fail(f"no such shard file or folder: {', '.join(missing)}")
    with _open_store(db) as store, progress_bar("load") as bar:
        task = bar.add_task("", total=count_records(shards))

        def progress(source: str, outcome: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {Path(source).name[:40]}")

        try:
            report = load_shards(shards, store, IngestOptions(), progress)
        except StoreBusy as exc:
            raise _fail(str(exc)) from exc
        except StoreError as exc:
            raise _fail(f"{exc}; everything stored before this point is kept") from exc
    print_report(report, db)


def register(app: typer.Typer) -> None:
    """Add ``load`` to the main app."""
    app.command()(load)
