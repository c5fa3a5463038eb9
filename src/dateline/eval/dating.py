"""Scoring document dating: how well a publication date is recovered from the text alone.

Each Timeline17 article (``articles.csv`` with ``date,text``) is annotated as if it had no
publication date; the inferred range is compared with the real date. Measures: the share
of articles given a lower bound at all, the share whose range holds the real date
(soundness), how close the lower bound comes (within 7 / 31 / 365 days, median gap), and
the share whose value names a period holding the real date.
"""

from __future__ import annotations

import csv
import statistics
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model import DateValue, Document

#: Articles are long: room for them in the csv module's field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(slots=True)
class DatingScores:
    articles: int = 0
    bounded: int = 0
    sound: int = 0
    value_holds: int = 0
    gaps: list[int] = field(default_factory=list)

    def add(self, inferred: DateValue, real: date) -> None:
        self.articles += 1
        first = date.fromisoformat(inferred.earliest) if inferred.earliest else None
        last = date.fromisoformat(inferred.latest) if inferred.latest else None
        if (first is None or first <= real) and (last is None or real <= last):
            self.sound += 1
        if first is not None:
            self.bounded += 1
            self.gaps.append((real - first).days)
        if inferred.value and inferred.earliest and inferred.latest:
            self.value_holds += int(_value_holds(inferred.value, real))

    def within(self, days: int) -> int:
        return sum(1 for gap in self.gaps if 0 <= gap <= days)

    def report(self) -> str:
        n = self.articles or 1
        median = statistics.median(self.gaps) if self.gaps else float("nan")
        return "\n".join([
            f"articles {self.articles}",
            f"lower bound found   {self.bounded / n:.3f} ({self.bounded})",
            f"range holds date    {self.sound / n:.3f} ({self.sound})",
            f"earliest within 7 d {self.within(7) / n:.3f}   31 d {self.within(31) / n:.3f}"
            f"   365 d {self.within(365) / n:.3f}",
            f"median gap (days)   {median}",
            f"value holds date    {self.value_holds / n:.3f} ({self.value_holds})",
        ])  # fmt: skip


def _value_holds(value: str, real: date) -> bool:
    from ..temporal.calendar_math import value_range

    found = value_range(value)
    return found is not None and found[1] <= real <= found[2]


def topic_folders(root: Path) -> list[Path]:
    """``root`` itself when it is one topic, else its topic subfolders."""
    if (root / "articles.csv").exists():
        return [root]
    return sorted(p for p in root.iterdir() if (p / "articles.csv").exists())


def articles(topic: Path, limit: int) -> Iterator[tuple[date, str]]:
    """Up to ``limit`` articles spread evenly over the topic's file."""
    with open(topic / "articles.csv", encoding="utf-8", newline="") as handle:
        rows = [(r["date"], r["text"]) for r in csv.DictReader(handle) if r.get("text")]
    step = max(1, len(rows) // limit) if limit else 1
    for when, text in rows[::step][: limit or None]:
        yield date.fromisoformat(when[:10]), text


def score_dating(
    root: Path, limit: int, read_on: date, progress: Callable[[], None] | None = None
) -> dict[str, DatingScores]:
    """Scores per topic and for all topics together ("all")."""
    from ..nlp import parse
    from ..pipeline import annotate

    results: dict[str, DatingScores] = {}
    total = DatingScores()
    for topic in topic_folders(root):
        scores = DatingScores()
        items = list(articles(topic, limit))
        docs = parse([text for _, text in items])
        for (real, text), parsed in zip(items, docs, strict=True):
            document = Document(f"t17:{topic.name}", topic.name, text)
            inferred = annotate(document, parsed, read_on).document.published
            scores.add(inferred, real)
            total.add(inferred, real)
            if progress:
                progress()
        results[topic.name] = scores
    results["all"] = total
    return results
