"""Rules for expressions read against the DCT or not dated at all: "yesterday", "on
Saturday", "last month", "two years ago", durations, sets and past/present/future refs."""

from __future__ import annotations

import re
from collections.abc import Callable

from dateline.temporal.lexicon import Lexicon, alternation
from dateline.temporal.resolve import Context, Found, Granularity, Rule
from dateline.temporal.rules_absolute import SHIFT, shift_of, weekday_pattern

#: How fine the value of "last <unit>" / "<n> <unit>s ago" is.
GRANULARITY: dict[str, Granularity] = {
    "day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "month",
    "year": "year", "decade": "year", "century": "year",
}  # fmt: skip

#: "earlier this year", "late yesterday": kept in the span; the value is the whole period.
EDGE = r"(?:(?i:earlier|later|early|late)\s+)?"
PART_OF_DAY = r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"


def part_code(match: re.Match[str], context: Context) -> str | None:
    part = match.groupdict().get("part")
    return context.lexicon.parts_of_day[part.lower()] if part else None


def with_part(found: Found, code: str | None) -> Found:
    """ "yesterday morning" is a TIME: the day's value plus the part of day."""
    if code is None:
        return found
    return Found(found.start, found.end, "TIME", f"{found.value}T{code}", found.anchor)


def day_word(match: re.Match[str], context: Context) -> Found | None:
    offset = context.lexicon.day_words[match["word"].lower()]
    found = context.relative(
        match.start(), match.end(), "DATE", context.shifted("day", offset), "day"
    )
    return with_part(found, part_code(match, context))


def time_of_day(match: re.Match[str], context: Context) -> Found | None:
    """ "tonight", "this morning", "last night"."""
    offset = -1 if (match["which"] or "").lower() == "last" else 0
    code = context.lexicon.parts_of_day[(match["part"] or "night").lower()]
    day = context.shifted("day", offset)
    found = context.relative(match.start(), match.end(), "TIME", day, "day")
    return Found(found.start, found.end, "TIME", f"{found.value}T{code}", found.anchor)


def weekday(match: re.Match[str], context: Context) -> Found | None:
    """ "on Saturday", "Saturday's talks", "last Friday"; not "Sunday Times"."""
    lexicon = context.lexicon
    follower = context.word_after(match.end("weekday"))
    if follower[:1].isupper() and follower.lower() in lexicon.weekday_blockers:
        return None
    number = lexicon.weekdays[match["weekday"].lower()]
    value = context.weekday(number, shift_of(match, context), match.start(), match.end())
    found = context.relative(match.start(), match.end(), "DATE", value, "day")
    return with_part(found, part_code(match, context))


def unit_shift(match: re.Match[str], context: Context) -> Found | None:
    """ "last week" is a DATE (the ISO week); "the past decade" is a DURATION."""
    word, unit = match["shift"].lower(), match["unit"].lower()
    if word == "past" and unit != "weekend":  # "the past weekend" is the last one
        return Found(match.start(), match.end(), "DURATION", duration(1, unit, context))
    offset = context.lexicon.shift_words[word]
    value = context.shifted(unit, offset)
    return context.relative(match.start(), match.end(), "DATE", value, GRANULARITY[unit])


def duration(count: float | None, unit_word: str, context: Context) -> str:
    unit = context.lexicon.unit(unit_word)
    prefix = "PT" if unit.time else "P"
    if count is None:
        return f"{prefix}X{unit.letter}"
    amount = count * unit.factor
    return f"{prefix}{amount:g}{unit.letter}"


def count_of(word: str, context: Context) -> float | None:
    """The number a count word stands for (None for "several", "a few")."""
    try:
        return float(word)
    except ValueError:
        number = context.lexicon.number(word)
        return float(number) if number is not None else None


def ago(match: re.Match[str], context: Context) -> Found | None:
    """ "two years ago" is the year two years before the DCT."""
    count = count_of(match["num"], context)
    unit = context.lexicon.unit(match["unit"])
    unit_name = match["unit"].lower().rstrip("s").replace("centurie", "century")
    granularity = GRANULARITY.get(unit_name, "day")
    if count is None or count != int(count):
        return Found(match.start(), match.end(), "DATE", "PAST_REF")
    if unit.time and unit_name != "hour":
        return Found(match.start(), match.end(), "DATE", "PAST_REF")
    value = context.ago(int(count), unit_name)
    return context.relative(match.start(), match.end(), "DATE", value, granularity)


def counted_span(match: re.Match[str], context: Context) -> Found | None:
    """ "the past five years", "the next two weeks": how long, not when."""
    count = count_of(match["num"], context)
    return Found(match.start(), match.end(), "DURATION", duration(count, match["unit"], context))


def counted_duration(match: re.Match[str], context: Context) -> Found | None:
    """ "five months", "48-hour", "several years"; not "once a week" nor "45-year-old"."""
    if match["num"].lower() in {"a", "an"} and context.word_before(match.start()) in {
        "once", "twice", "times", "per",
    }:  # fmt: skip
        return None
    if match["unit"].lower().startswith("quarter") and context.word_after(match.end()) == "of":
        return None  # "a quarter of the vote"
    count = count_of(match["num"], context)
    return Found(match.start(), match.end(), "DURATION", duration(count, match["unit"], context))


def vague_duration(match: re.Match[str], context: Context) -> Found | None:
    value = context.lexicon.vague_units[match["unit"].lower()]
    return Found(match.start(), match.end(), "DURATION", value)


def reference(match: re.Match[str], context: Context) -> Found | None:
    key = " ".join(match.group(0).lower().split())
    return Found(match.start(), match.end(), "DATE", context.lexicon.reference_phrases[key])


def set_word(match: re.Match[str], context: Context) -> Found | None:
    value = context.lexicon.set_words[match.group(0).lower()]
    return Found(match.start(), match.end(), "SET", value)


def every(match: re.Match[str], context: Context) -> Found | None:
    """ "every week", "every two years", "each year", "once a month", "every Saturday"."""
    groups = match.groupdict()
    if groups.get("weekday"):
        number = context.lexicon.weekdays[groups["weekday"].lower()] + 1
        return Found(match.start(), match.end(), "SET", f"XXXX-WXX-{number}")
    count = count_of(groups["num"], context) if groups.get("num") else 1.0
    return Found(match.start(), match.end(), "SET", duration(count, match["unit"], context))


def build_relative_rules(lexicon: Lexicon) -> list[Rule]:
    numbers = rf"(?i:{alternation(lexicon.numbers)})|\d+(?:\.\d+)?"
    vague = rf"(?i:{alternation(lexicon.vague_quantities)})"
    unit_words = [*lexicon.units, *(u + "s" for u in lexicon.units), "centuries"]
    units = rf"(?i:{alternation(unit_words)})"
    weekday_re = weekday_pattern(lexicon)
    shifts = r"(?i:last|this|next|past|previous|coming|current|following)"
    specs: list[tuple[str, str, Callable[[re.Match[str], Context], Found | None]]] = [
        ("day_word", rf"\b{EDGE}(?P<word>(?i:today|yesterday|tomorrow))\b{PART_OF_DAY}",
         day_word),
        ("time_of_day", r"\b(?:(?P<which>(?i:this|last))\s+(?P<part>(?i:morning|afternoon|"
         r"evening|night))|(?P<which2>(?i:to))(?i:night))\b", time_of_day),
        ("weekday", rf"{SHIFT}{weekday_re}{PART_OF_DAY}", weekday),
        ("unit_shift", rf"{EDGE}(?:(?i:the)\s+)?\b(?P<shift>{shifts})\s+"
         r"(?P<unit>(?i:week|weekend|month|quarter|year|decade))\b", unit_shift),
        ("counted_span", rf"(?:(?i:the)\s+)?\b(?i:past|last|next|coming|previous)\s+"
         rf"(?P<num>{numbers}|{vague})\s+(?P<unit>{units})\b", counted_span),
        ("ago", rf"\b(?P<num>{numbers}|{vague})\s+(?P<unit>{units})\s+(?i:ago)\b", ago),
        ("duration", rf"\b(?P<num>{numbers}|{vague})(?:-|\s+)(?P<unit>{units})\b"
         r"(?!-old|\s+old\b)", counted_duration),
        ("vague_duration", rf"\b(?P<unit>(?i:{alternation(lexicon.vague_units)}))\b",
         vague_duration),
        ("reference", rf"\b(?i:{alternation(lexicon.reference_phrases)})\b", reference),
        ("set_word", rf"\b(?i:{alternation(lexicon.set_words)})\b", set_word),
        ("every", rf"\b(?i:every|each)\s+(?:(?:(?P<num>{numbers})\s+)?(?P<unit>{units})\b|"
         rf"{weekday_re})", every),
        ("times_per", rf"\b(?i:once|twice)\s+(?i:a|an|per)\s+(?P<unit>{units})\b", every),
    ]  # fmt: skip
    return [Rule(name, re.compile(pattern), handler) for name, pattern, handler in specs]
