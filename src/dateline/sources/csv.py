"""CSV: one article per row, with ``text`` and ``date`` or ``published`` columns.

Optional columns: ``title``, ``url``, ``id``, ``publisher``, ``author`` (any case).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from dateline.model import RawDocument
from dateline.sources.base import Limits, ReadError, readers
from dateline.sources.decode import detect_encoding, normalise_newlines

_SNIFF_BYTES = 65536
#: Article texts are far longer than the csv module's default 128 KiB field limit; overlong
#: texts are refused by screening with a clear reason instead.
_FIELD_LIMIT = 2**31 - 1


@readers.register(".csv")
def read_csv(path: Path, limits: Limits) -> Iterator[RawDocument]:
    with path.open("rb") as handle:
        encoding = detect_encoding(handle.read(_SNIFF_BYTES))
    csv.field_size_limit(_FIELD_LIMIT)
    # Encoding is judged on the first chunk; a stray bad byte later becomes U+FFFD.
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows, None)
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
        for number, row in enumerate(rows, start=1):
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


def _cell(row: list[str], index: int | None) -> str | None:
    if index is None or index >= len(row):
        return None
    return row[index].strip() or None
