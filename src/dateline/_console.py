"""The console that progress, summaries and errors go to (standard error), failing with
a message, and the ``--db`` option: shared by every command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from rich.progress import Progress

err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="The store (SQLite file).")]
DEFAULT_DB = Path("dateline.db")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` as an error and return the Exit to raise with ``code``."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def progress_bar(label: str, *, described: bool = True, transient: bool = False) -> Progress:
    """The bar long runs show on standard error: done of total, and with ``described``
    the item at hand. Imported when a bar is drawn: commands that draw none start faster."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn()]
    if described:
        columns.append(TextColumn("{task.description}"))
    columns.append(TimeElapsedColumn())
    return Progress(*columns, console=err, transient=transient)
