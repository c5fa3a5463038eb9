"""Plain-text articles: the whole file is the text, its first non-empty line the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dateline.model import RawDocument
from dateline.sources.base import Limits, readers
from dateline.sources.decode import decode_bytes, read_bytes


@readers.register(".txt")
def read_text(path: Path, limits: Limits) -> Iterator[RawDocument]:
    data = read_bytes(path, limits)
    text = decode_bytes(data)
    # The title line stays in the text so that character spans match the file.
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    yield RawDocument(
        source=str(path), text=text, title=title, published_origin="unknown", size=len(data)
    )
