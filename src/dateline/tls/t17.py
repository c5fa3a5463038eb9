"""Reading a Timeline17 topic folder: ``articles.csv`` and ``timelines/*.txt``.

``articles.csv`` has a ``date`` column (the publication date, ``YYYY-MM-DD`` possibly
followed by a time) and a ``text`` column, one row per article. A reference timeline is
blocks separated by a line of dashes, each block a ``YYYY-MM-DD`` line followed by the
sentences for that date; a date may head more than one block (its dates are a set, as
news-tls reads them).
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

#: Articles are long: room for them in the csv module's field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

_DATE_LINE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SEPARATOR = re.compile(r"-{5,}")


class TopicError(ValueError):
    """A topic folder that cannot be read; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # row number in articles.csv
    published: date
    text: str


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    articles: list[Article]
    timelines: dict[str, list[date]]  # file name -> sorted distinct reference dates


def topic_folders(root: Path) -> list[Path]:
    """``root`` itself when it is one topic, else its topic subfolders."""
    if (root / "articles.csv").exists():
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "articles.csv").exists())


def read_articles(path: Path) -> list[Article]:
    articles = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"date", "text"} <= set(reader.fieldnames):
            raise TopicError(f"{path}: expected columns date,text")
        for number, row in enumerate(reader, 1):
            if not row.get("text"):
                continue
            try:
                published = date.fromisoformat((row.get("date") or "")[:10])
            except ValueError as exc:
                raise TopicError(f"{path}: row {number}: bad date {row.get('date')!r}") from exc
            articles.append(Article(str(number), published, row["text"]))
    return articles


def read_timeline(path: Path) -> list[date]:
    """The distinct dates heading the blocks of a reference timeline file, in order."""
    found: set[date] = set()
    head = True  # the first non-empty line of a block is its date
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if _SEPARATOR.fullmatch(line):
            head = True
        elif line and head:
            if not _DATE_LINE.fullmatch(line):
                raise TopicError(f"{path}: line {number}: expected a YYYY-MM-DD date")
            found.add(date.fromisoformat(line))
            head = False
    return sorted(found)


def read_topic(folder: Path) -> Topic:
    timelines = {
        path.name: dates
        for path in sorted((folder / "timelines").glob("*.txt"))
        if (dates := read_timeline(path))
    }
    return Topic(folder.name, read_articles(folder / "articles.csv"), timelines)
