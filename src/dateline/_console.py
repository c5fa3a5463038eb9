"""The console that progress, summaries and errors go to (standard error), failing with
a message, and the ``--db`` option: shared by every command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="The store (SQLite file).")]
DEFAULT_DB = Path("dateline.db")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` as an error and return the Exit to raise with ``code``."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)
