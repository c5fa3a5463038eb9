"""JSON Lines: one article object per line.

Fields: ``text`` (required), ``id``, ``source``, ``title``, ``published``, ``url``,
``publisher``, ``author``. A bad line becomes an error record and reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.model import RawDocument
from dateline.sources.base import Limits, ReadError, readers
from dateline.sources.decode import BINARY, detect_encoding, normalise_newlines

_SNIFF_BYTES = 8192


@readers.register(".jsonl")
def read_jsonl(path: Path, limits: Limits) -> Iterator[RawDocument]:
    with path.open("rb") as handle:
        if b"\x00" in handle.read(_SNIFF_BYTES):
            raise ReadError(BINARY)
        handle.seek(0)
        number = 0
        while line := handle.readline(limits.max_bytes + 1):
            number += 1
            if len(line) > limits.max_bytes and not line.endswith(b"\n"):
                # Fuzzing: one huge line was read whole into memory. Now a line is read
                # up to the record limit only; the rest of it is skipped in bounded chunks.
                while (rest := handle.readline(_SNIFF_BYTES)) and not rest.endswith(b"\n"):
                    pass
                limit = limits.max_bytes
                reason = f"line {number} too large: over {limit} bytes (limit {limit})"
                yield RawDocument(source=f"{path}#{number}", error=reason, size=len(line))
            elif line.strip():
                yield _record(path, number, line)


def _record(path: Path, number: int, line: bytes) -> RawDocument:
    where = f"{path}#{number}"
    try:
        obj = json.loads(line.decode(detect_encoding(line), errors="replace"))
    except ReadError as exc:
        return RawDocument(source=where, error=f"line {number}: {exc}", size=len(line))
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON on line {number}: {exc.msg} (column {exc.colno})"
        return RawDocument(source=where, error=reason, size=len(line))
    except (ValueError, RecursionError) as exc:
        # Fuzzing: deep nesting ("[[[[...") and over-long integers raised past this line
        # and lost the rest of the file; they are one bad line like any other.
        reason = f"invalid JSON on line {number}: {type(exc).__name__}: {exc}"
        return RawDocument(source=where, error=reason, size=len(line))
    if not isinstance(obj, dict):
        reason = f"line {number}: expected a JSON object, got {type(obj).__name__}"
        return RawDocument(source=where, error=reason, size=len(line))
    source = _scalar(obj.get("source"))
    if source is None:
        record_id = _scalar(obj.get("id"))
        source = f"{path}#{record_id if record_id is not None else number}"
    text = obj.get("text")
    if not isinstance(text, str):
        problem = "has no 'text' field" if text is None else "'text' is not a string"
        return RawDocument(source=source, error=f"line {number}: {problem}", size=len(line))
    return RawDocument(
        source=source,
        text=normalise_newlines(text),
        title=_scalar(obj.get("title")),
        url=_scalar(obj.get("url")),
        publisher=_scalar(obj.get("publisher")),
        author=_scalar(obj.get("author")),
        published=_scalar(obj.get("published")),
        size=len(line),
    )


def _scalar(value: Any) -> str | None:
    """A field as a non-empty string (numbers such as a bare year are kept), else None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None
