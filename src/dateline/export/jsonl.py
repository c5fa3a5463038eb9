"""JSON Lines: one record per line, UTF-8, the contract's shapes unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from . import exporters


@exporters.register("jsonl", "json")
def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO, kind: str) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
