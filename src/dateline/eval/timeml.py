"""Reads TimeML ``.tml`` files: the text, its document creation time and its TIMEX3 spans.

Only the ``<TEXT>`` element is text to tag; the DCT's own TIMEX3 (``functionInDocument=
"CREATION_TIME"``) is the anchor, not something to find (the TempEval-3 convention).
Offsets index the concatenated character data of ``<TEXT>``, with every tag (TIMEX3,
EVENT, SIGNAL, ...) removed.
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
    except (OSError, UnicodeDecodeError) as error:
        raise TimeMLError(f"{path}: cannot read: {error}") from error
    text_element = root.find("TEXT")
    if text_element is None:
        raise TimeMLError(f"{path}: no <TEXT> element")
    dct_timex = root.find("DCT/TIMEX3")
    dct = dct_timex.get("value") if dct_timex is not None else None
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    _collect(text_element, parts, spans, 0)
    text = "".join(parts)
    timexes = [
        GoldTimex(start, end, text[start:end], element.get("type", ""), element.get("value", ""))
        for start, end, element in sorted(spans, key=lambda span: (span[0], -span[1]))
    ]
    return TimeMLDocument(path.name, text, dct, timexes)


def _collect(
    element: ET.Element, parts: list[str], spans: list[tuple[int, int, ET.Element]], offset: int
) -> int:
    """Append the element's character data to ``parts``, note where each TIMEX3 inside it
    starts and ends, and return the offset after it (a running count keeps this linear)."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _collect(child, parts, spans, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        spans.append((start, offset, element))
    return offset


def timeml_files(folder: Path) -> Iterator[Path]:
    """The ``.tml`` files under ``folder``, in a stable order."""
    yield from sorted(folder.rglob("*.tml"))
