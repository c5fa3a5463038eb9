"""The console that progress, summaries and errors go to (standard error), and failing
with a message: shared by every command."""

from __future__ import annotations

import typer
from rich.console import Console

err = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` as an error and return the Exit to raise with ``code``."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)
