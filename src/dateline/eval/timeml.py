"""Reads TimeML ``.tml`` files: the text, its document creation time and its TIMEX3 spans.

Only the ``<TEXT>`` element is text to tag; the DCT's own TIMEX3 (``functionInDocument=
"CREATION_TIME"``) is the anchor, not something to find (the TempEval-3 convention).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDocument:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


class TimeMLError(ValueError):
    """A file that is not readable TimeML."""


def read_timeml(path: Path) -> TimeMLDocument:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise TimeMLError(f"{path}: not well-formed XML: {error}") from error
    text_element = root.find("TEXT")
    if text_element is None:
        raise TimeMLError(f"{path}: no <TEXT> element")
    dct_timex = root.find("DCT/TIMEX3")
    dct = dct_timex.get("value") if dct_timex is not None else None
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_element, parts, timexes, inside=True)
    return TimeMLDocument(path.name, "".join(parts), dct, timexes)


def _walk(element: ET.Element, parts: list[str], timexes: list[GoldTimex], inside: bool) -> None:
    """Concatenate the element's text, noting where each TIMEX3 starts and ends."""
    start = sum(len(p) for p in parts)
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts, timexes, inside=False)
        if child.tail:
            parts.append(child.tail)
    if not inside and element.tag == "TIMEX3":
        end = sum(len(p) for p in parts)
        covered = "".join(parts)[start:end]
        timexes.append(
            GoldTimex(start, end, covered, element.get("type", ""), element.get("value", ""))
        )


def timeml_files(folder: Path) -> Iterator[Path]:
    """The ``.tml`` files under ``folder``, in a stable order."""
    yield from sorted(folder.rglob("*.tml"))
