"""CSV: one article per row, with ``text`` and ``date`` or ``published`` columns.

Optional columns: ``title``, ``url``, ``id``, ``publisher``, ``author`` (any case).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from dateline.model import RawDocument
from dateline.sources.base import Limits, ReadError, readers
from dateline.sources.decode import detect_encoding, normalise_newlines

_SNIFF_BYTES = 65536
#: Article texts are far longer than the csv module's default 128 KiB field limit; overlong
#: texts are refused by screening with a clear reason instead. Fuzzing: the field limit is
#: now Limits.max_bytes (a field no document could hold), not 2**31 - 1, so that one huge
#: field cannot take unbounded memory; such a row becomes an error record.


@readers.register(".csv")
def read_csv(path: Path, limits: Limits) -> Iterator[RawDocument]:
    with path.open("rb") as handle:
        encoding = detect_encoding(handle.read(_SNIFF_BYTES))
    # Encoding is judged on the first chunk; a stray bad byte later becomes U+FFFD.
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        rows = csv.reader(_lines(handle, limits.max_bytes))
        header = _next_row(rows, limits)
        if header is None:
            raise ReadError("CSV file has no header row")
        columns = {name.strip().lower(): index for index, name in enumerate(header)}
        date_column = columns.get("published", columns.get("date"))
        if "text" not in columns or date_column is None:
            found = ", ".join(repr(name) for name in header) or "nothing"
            raise ReadError(
                f"CSV header needs a 'text' column and a 'date' or 'published' column "
                f"(found: {found})"
            )
        number = 0
        while True:
            number += 1
            try:
                row = _next_row(rows, limits)
            except ReadError as exc:  # a field over the limit; the reader cannot go on
                yield RawDocument(source=f"{path}#{number}", error=f"CSV row {number}: {exc}")
                return
            if row is None:
                return
            if not any(value.strip() for value in row):
                continue
            text = row[columns["text"]] if columns["text"] < len(row) else ""
            record_id = _cell(row, columns.get("id"))
            yield RawDocument(
                source=f"{path}#{record_id or number}",
                text=normalise_newlines(text),
                title=_cell(row, columns.get("title")),
                url=_cell(row, columns.get("url")),
                publisher=_cell(row, columns.get("publisher")),
                author=_cell(row, columns.get("author")),
                published=_cell(row, date_column),
                size=len(text.encode("utf-8")),
            )


def _lines(handle: IO[str], limit: int) -> Iterator[str]:
    """The file's lines, refusing one over ``limit`` characters before it is read whole
    (fuzzing: a multi-megabyte line was read into memory before any field limit applied)."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(("\n", "\r")):
            raise ReadError(f"line {number} too large: over {limit} characters (limit {limit})")
        yield line


def _next_row(rows: Iterator[list[str]], limits: Limits) -> list[str] | None:
    """The next row, None at the end; ReadError for a field over Limits.max_bytes. The csv
    module's field limit is process-wide, so it is set for this read only."""
    previous = csv.field_size_limit(limits.max_bytes)
    try:
        return next(rows, None)
    except csv.Error as exc:
        raise ReadError(f"{exc} (limit {limits.max_bytes})") from exc
    finally:
        csv.field_size_limit(previous)


def _cell(row: list[str], index: int | None) -> str | None:
    if index is None or index >= len(row):
        return None
    return row[index].strip() or None
