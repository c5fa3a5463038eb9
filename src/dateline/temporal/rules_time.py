"""Rules for times of day: "10:35 a.m.", "5 p.m. EST", "noon", "4 in the morning".

A clock time is found with a day-less value ("T17:00"); the tagger then joins it with a
day expression right next to it ("5 p.m. EST Nov. 9", "noon Thursday", "Wednesday at
10 p.m.") or, when there is none, puts it on the DCT's day.
"""

from __future__ import annotations

import re

from dateline.temporal.lexicon import Lexicon, alternation
from dateline.temporal.resolve import Context, Found, Relation, Rule, RuleSpec, compile_rules

AM_PM = r"(?P<ampm>[aApP]\.?\s?[mM]\b\.?)"
ZONE = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST)\b|\s+(?i:local\s+time)\b)?"
#: What may stand between a clock time and the day it belongs to.
JOINER = re.compile(
    r"[\s,]*(?:(?i:on|of|at|this|the)\s+)?"
    r"(?:(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST)\b[\s,]*)?"
)


def clock_value(hour: int, minute: int) -> str:
    return f"T{hour:02d}:{minute:02d}"


def am_pm(match: re.Match[str], context: Context) -> Found | None:
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    if not 1 <= hour <= 12:
        return None
    if match["ampm"][0].lower() == "p" and hour != 12:
        hour += 12
    elif match["ampm"][0].lower() == "a" and hour == 12:
        hour = 0
    return Found(match.start(), match.end(), "TIME", clock_value(hour, minute))


def twenty_four_hour(match: re.Match[str], context: Context) -> Found | None:
    return Found(
        match.start(), match.end(), "TIME", clock_value(int(match["hour"]), int(match["minute"]))
    )


def named_time(match: re.Match[str], context: Context) -> Found | None:
    word = match["name"].lower()
    value = context.lexicon.named_times[word]
    return Found(match.start(), match.end(), "TIME", f"T{value}")


def hour_in_part(match: re.Match[str], context: Context) -> Found | None:
    """ "4 in the morning", "eight o'clock in the evening"."""
    number = context.lexicon.number(match["hour"])
    if number is None or not 1 <= number <= 12:
        return None
    part = (match.groupdict().get("part") or "").lower()
    if part in {"afternoon", "evening", "night"} and number != 12:
        number += 12
    return Found(match.start(), match.end(), "TIME", clock_value(number, 0))


def build_time_rules(lexicon: Lexicon) -> list[Rule]:
    small_numbers = alternation([w for w, n in lexicon.numbers.items() if 1 <= n <= 12])
    parts = ["morning", "afternoon", "evening", "night"]
    specs: list[RuleSpec] = [
        ("am_pm", rf"(?<![\d:.])(?P<hour>\d{{1,2}})(?:[:.](?P<minute>[0-5]\d))?\s*{AM_PM}{ZONE}",
         am_pm, ["#"]),
        ("twenty_four_hour", r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
         r"(?=\s*(?:GMT|UTC|EST|EDT|CET|h\b|hours\b|(?i:local\s+time)))" + ZONE,
         twenty_four_hour, ["#"]),
        ("named_time", rf"\b(?P<name>(?i:{alternation(lexicon.named_times)}))\b{ZONE}",
         named_time, lexicon.named_times),
        ("hour_in_part", rf"\b(?P<hour>\d{{1,2}}|(?i:{small_numbers}))(?:\s+(?i:o['’]clock))?"
         r"\s+(?i:in\s+the)\s+(?P<part>(?i:morning|afternoon|evening|night))\b",
         hour_in_part, parts),
        ("o_clock", rf"\b(?P<hour>\d{{1,2}}|(?i:{small_numbers}))\s+(?i:o['’]clock)\b",
         hour_in_part, ["clock"]),
    ]  # fmt: skip
    return compile_rules(specs)


def is_clock(found: Found) -> bool:
    return found.type == "TIME" and found.value.startswith("T")


def is_day(found: Found) -> bool:
    value = found.value
    return found.type == "DATE" and len(value) == 10 and value[4] == "-" and value[7] == "-"


def join_clock_times(found: list[Found], context: Context) -> list[Found]:
    """Join each clock time with the day written next to it; else put it on the DCT's day."""
    text = context.text
    result: list[Found] = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if is_clock(current) and following is not None and is_day(following):
            gap = text[current.end : following.start]
            if JOINER.fullmatch(gap):
                result.append(joined(current.start, following.end, following, current))
                index += 2
                continue
        if is_clock(current) and result and is_day(result[-1]):
            previous = result[-1]
            if JOINER.fullmatch(text[previous.end : current.start]):
                result[-1] = joined(previous.start, current.end, previous, current)
                index += 1
                continue
        if is_clock(current):
            current = on_story_day(current)
        result.append(current)
        index += 1
    return result


def joined(start: int, end: int, day: Found, clock: Found) -> Found:
    return Found(start, end, "TIME", day.value + clock.value, day.anchor)


def on_story_day(clock: Found) -> Found:
    """A clock time alone ("at 10 p.m.") is on the day the story last named, or else on
    the DCT's day: the narrative pass resolves it."""
    relation = Relation("day", 0, "day", clock.value)
    return Found(clock.start, clock.end, "TIME", "", relation=relation)
