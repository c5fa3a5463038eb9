"""PLOVER-style gold records and the references that stand in for their text.

A record is ``{"id", "text"?, "ref"?, "published"?, "events": [{"event", "mode"?, "status",
"source": [{"code"}], "target": [{"code"}]}]}``; a sentence with no event has
``"events": []``. Sentences from corpora that may not be redistributed are stored as a
reference instead of text — ``{"corpus": "t17-dev", "topic", "row", "start", "end",
"sha1"}`` or ``{"corpus": "examples", "file", "start", "end", "sha1"}`` — and resolved at
run time: Timeline17 from ``../shared/datasets/t17-dev`` next to the repository, the demo
articles from ``examples/`` in it. ``sha1`` (the first 12 hex digits of the sentence's SHA-1)
catches a source that changed under the reference.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

#: Where Timeline17 lives, relative to the repository root.
T17_ROOT = Path("..") / "shared" / "datasets" / "t17-dev"
STATUSES = ("asserted", "negated", "planned", "hypothetical")


def repo_root() -> Path:
    """The checkout this package runs from (src/dateline/eval → three levels up)."""
    return Path(__file__).resolve().parents[3]


def fingerprint(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class GoldEvent:
    event: str
    status: str
    source: list[str]
    target: list[str]
    mode: str | None = None


@dataclass(slots=True)
class GoldSentence:
    id: str
    text: str
    events: list[GoldEvent]
    published: str | None = None
    corpus: str = "inline"


@dataclass(slots=True)
class PloverGold:
    sentences: list[GoldSentence] = field(default_factory=list)
    #: Records whose source text was not available here, with the reason.
    skipped: list[str] = field(default_factory=list)


def is_plover_record(item: dict[str, Any]) -> bool:
    """PLOVER-style records name events with ``event``; the bundled format uses ``type``."""
    if "ref" in item:
        return True
    events = item.get("events") or []
    return bool(events) and "event" in events[0]


@cache
def _t17_articles(path: Path) -> tuple[tuple[str, str], ...]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple((row["date"], row["text"]) for row in csv.DictReader(handle))


def _t17_row(ref: dict[str, Any], root: Path) -> tuple[str, str] | None:
    path = root / T17_ROOT / str(ref["topic"]) / "articles.csv"
    if not path.is_file():
        return None
    rows = _t17_articles(path.resolve())
    row = int(ref["row"])
    return rows[row] if 0 <= row < len(rows) else None


def load_source_text(ref: dict[str, Any], root: Path) -> str | None:
    """The whole article a reference points into, or None when it is not available."""
    if ref["corpus"] == "t17-dev":
        found = _t17_row(ref, root)
        return found[1] if found else None
    if ref["corpus"] == "examples":
        path = root / str(ref["file"])
        return path.read_text(encoding="utf-8") if path.is_file() else None
    raise ValueError(f"unknown corpus {ref['corpus']!r}")


def _published(ref: dict[str, Any], root: Path) -> str | None:
    if ref["corpus"] != "t17-dev":
        return None
    found = _t17_row(ref, root)
    return found[0] if found else None


def _codes(side: list[Any]) -> list[str]:
    return [str(a["code"]) if isinstance(a, dict) else str(a) for a in side]


def _event(raw: dict[str, Any]) -> GoldEvent:
    status = raw.get("status", "asserted")
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    return GoldEvent(
        raw["event"],
        status,
        _codes(raw.get("source", [])),
        _codes(raw.get("target", [])),
        raw.get("mode"),
    )


def load_plover_gold(path: str | Path, root: Path | None = None) -> PloverGold:
    """Read PLOVER-style gold, resolving references against ``root`` (the repository)."""
    root = root or repo_root()
    gold = PloverGold()
    with open(path, encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    for item in items:
        text, corpus, published = item.get("text"), "inline", item.get("published")
        if text is None:
            ref = item["ref"]
            corpus = str(ref["corpus"])
            source = load_source_text(ref, root)
            if source is None:
                gold.skipped.append(f"{item['id']}: {corpus} source not available")
                continue
            text = source[int(ref["start"]) : int(ref["end"])]
            if "sha1" in ref and fingerprint(text) != ref["sha1"]:
                raise ValueError(f"{item['id']}: the referenced text changed ({ref})")
            published = published or _published(ref, root)
        events = [_event(e) for e in item.get("events", [])]
        gold.sentences.append(GoldSentence(item["id"], text, events, published, corpus))
    return gold
