"""Quoted words: where a text's quote marks (“curly” or "straight") open and close."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_CURLY = re.compile(r"“([^“”\n]*)”")
_STRAIGHT = re.compile(r'"([^"\n]*)"')
#: The next paragraph opens with a quote mark (it carries on an unclosed quote).
_NEXT_OPENS = re.compile(r"\n[\n \t]*“")


@dataclass(slots=True)
class Marked:
    """Quoted words: the marks' positions (``close`` is the paragraph end when the quote
    runs on into the next paragraph) and the words' span inside them."""

    open: int
    close: int
    start: int
    end: int
    #: It opens a paragraph and carries on an unclosed quote of the paragraph before.
    carries_on: bool = False


def find_marked(text: str, breaks: list[int]) -> list[Marked]:
    """Quoted words in curly or straight quote marks, within a paragraph; an unclosed
    curly quote that the next paragraph carries on (it opens with “) runs to its
    paragraph's end. ``breaks`` are the positions of the text's newlines."""
    found = [m for m in (_marked(text, c.start(), c.end() - 1) for c in _CURLY.finditer(text)) if m]
    opens = [m.open for m in found]
    for match in _STRAIGHT.finditer(text):
        i = bisect_right(opens, match.start()) - 1
        if i >= 0 and match.start() <= found[i].close:
            continue  # a straight mark inside curly quotes
        marked = _marked(text, match.start(), match.end() - 1)
        if marked is not None:
            found.append(marked)
    ends = [*breaks, len(text)]
    for i, end in enumerate(ends):
        start = ends[i - 1] + 1 if i > 0 else 0
        paragraph = text[start:end]
        opening = paragraph.rfind("“")
        if opening < 0 or "”" in paragraph[opening:]:
            continue
        if not _NEXT_OPENS.match(text, end):
            continue
        marked = _marked(text, start + opening, end, unclosed=True)
        if marked is not None:
            found.append(marked)
    for marked in found:
        line_start = text.rfind("\n", 0, marked.open) + 1
        if marked.open == line_start:
            last_open = text.rfind("“", 0, line_start)
            marked.carries_on = last_open >= 0 and text.find("”", last_open, line_start) < 0
    found.sort(key=lambda q: q.open)
    return found


def _marked(text: str, open_at: int, close_at: int, unclosed: bool = False) -> Marked | None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—–"):
        end -= 1
    if not any(char.isalpha() for char in text[start:end]):
        return None
    return Marked(open_at, close_at if not unclosed else close_at - 1, start, end)
