"""Exporters, one module per format, registered by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from ..registry import Registry

#: An exporter writes records of one kind ("events" or "documents") and returns the count.
ExportFn = Callable[[Iterable[dict[str, Any]], TextIO, str], int]

exporters: Registry[ExportFn] = Registry("export format")

from . import csv, jsonl  # noqa: E402, F401  (register the formats)

__all__ = ["ExportFn", "exporters"]
