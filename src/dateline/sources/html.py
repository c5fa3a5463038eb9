"""HTML pages: main text and metadata extracted offline (see dateline.extract)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dateline.model import RawDocument
from dateline.sources.base import Limits, readers
from dateline.sources.decode import read_bytes


@readers.register(".html", ".htm")
def read_html(path: Path, limits: Limits) -> Iterator[RawDocument]:
    # Imported here: the extractor pulls in heavy libraries that plain-text runs never need.
    from dateline.extract import html_to_raw

    yield html_to_raw(read_bytes(path, limits), str(path))
