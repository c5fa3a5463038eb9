"""Words around a found expression that belong to it.

"the end of 1990" is one expression with the value of "1990"; "the week of March 6" is a
week; "the second half of 2025" is 2025-H2; "nearly two years" and "more than four hours
ago" keep the duration's value with the approximation in the span.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.temporal.calendar_math import value_range, week_value
from dateline.temporal.resolve import Found

#: Written before a date: its part, or the week or half it falls in.
PART_OF = re.compile(
    r"(?i:(?:the\s+)?(?:very\s+)?(?P<part>week|end|beginning|start|middle|close|turn|"
    r"(?P<half>first|second|last|latter)\s+half|(?:first|early|later|latter)\s+part)\s+of\s+)$"
)
#: Written before a duration or "... ago": how exact it is.
APPROXIMATELY = re.compile(
    r"(?i:(?:nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|"
    r"up\s+to|no\s+more\s+than|no\s+less\s+than)\s+)$"
)
LOOK_BACK = 40


def widen(found: Found, text: str) -> Found:
    before = text[max(0, found.start - LOOK_BACK) : found.start]
    if found.type in {"DATE", "TIME"} and value_range(found.value) is not None:
        match = PART_OF.search(before)
        if match:
            return part_of(found, match, len(before))
    if found.type == "DURATION" or text[found.start : found.end].lower().endswith("ago"):
        match = APPROXIMATELY.search(before)
        if match:
            return replace(found, start=found.start - (len(before) - match.start()))
    return found


def part_of(found: Found, match: re.Match[str], length: int) -> Found:
    start = found.start - (length - match.start())
    part = match["part"].lower()
    calendar_range = value_range(found.value)
    assert calendar_range is not None
    precision, first, _ = calendar_range
    if part == "week" and precision == "day":
        return replace(found, start=start, value=week_value(first))
    if match["half"] and precision == "year":
        half = "1" if match["half"].lower() == "first" else "2"
        return replace(found, start=start, value=f"{found.value}-H{half}")
    return replace(found, start=start)


def widen_all(found: list[Found], text: str) -> list[Found]:
    """Each expression with the words before it that belong to it, unless those words
    are already part of the expression before it."""
    widened: list[Found] = []
    for item in found:
        wider = widen(item, text)
        if widened and wider.start < widened[-1].end:
            wider = item
        widened.append(wider)
    return widened
