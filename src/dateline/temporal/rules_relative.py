"""Rules for expressions read against the DCT or not dated at all: "yesterday", "on
Saturday", "last month", "two years ago", durations, sets and past/present/future refs."""

from __future__ import annotations

import re

from dateline.temporal.lexicon import Lexicon, alternation
from dateline.temporal.resolve import (
    Context,
    Found,
    Granularity,
    Relation,
    Rule,
    RuleSpec,
    compile_rules,
)
from dateline.temporal.rules_absolute import SHIFT, shift_of, weekday_pattern

#: How fine the value of "last <unit>" / "<n> <unit>s ago" is.
GRANULARITY: dict[str, Granularity] = {
    "day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "month",
    "year": "year", "decade": "year", "century": "year",
}  # fmt: skip

#: Words that may stand between a count and its unit: "20 more years", "eight trading days".
DURATION_FILLERS = (
    r"more|additional|full|straight|consecutive|trading|business|working|calendar|long|"
    r"short|successive"
)
#: An amount right before "a year", "a month": a rate ("$1.76 a year", "20% a month").
RATE_BEFORE = re.compile(r"(?:[\d%]|\b(?:million|billion|thousand|percent|cents?|dollars?))\s*$")
#: Words after "a second" that keep it a length of time.
TIME_FOLLOWERS = frozenset({"ago", "later", "earlier", "or", "and", "before", "after", "in"})
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
    offset = context.lexicon.day_words[" ".join(match["word"].lower().split())]
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
    if match["unit"][0].isupper() and not match["unit"].isupper():
        return None  # "This Week", a television programme
    word, unit = match["shift"].lower(), match["unit"].lower()
    if word == "past" and unit != "weekend":  # "the past weekend" is the last one
        return Found(match.start(), match.end(), "DURATION", duration(1, unit, context))
    offset = context.lexicon.shift_words[word]
    value = context.shifted(unit, offset)
    return context.relative(match.start(), match.end(), "DATE", value, GRANULARITY[unit])


#: How a half of each duration letter is written in the next smaller one.
HALVES = {"Y": ("M", 6), "H": ("M", 30), "D": ("H", 12)}


def duration(count: float | None, unit_word: str, context: Context) -> str:
    unit = context.lexicon.unit(unit_word)
    prefix = "PT" if unit.time else "P"
    if count is None:
        return f"{prefix}X{unit.letter}"
    amount = count * unit.factor
    whole = int(amount)
    if amount - whole == 0.5 and unit.letter in HALVES:
        # "two and a half years" is P2Y6M, "an hour and a half" PT1H30M.
        smaller, half = HALVES[unit.letter]
        if unit.letter == "D":
            return f"P{whole}DT{half}H" if whole else f"PT{half}H"
        return (
            f"{prefix}{whole}{unit.letter}{half}{smaller}" if whole else f"{prefix}{half}{smaller}"
        )
    if amount - whole == 0.5 and unit.time and unit.letter == "M":
        return f"PT{whole}M30S"
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
    if (count, unit_name) == (1, "year") and context.near_word(match.start(), "quarter", 1):
        return fiscal_year_before(match)  # "profit rose from a year ago"
    value = context.ago(int(count), unit_name)
    return context.relative(match.start(), match.end(), "DATE", value, granularity)


def fiscal_year_before(match: re.Match[str]) -> Found:
    """The reported quarter a year before: results compared "with a year ago"."""
    relation = Relation("year", -1, None, fiscal=True)
    return Found(match.start(), match.end(), "DATE", "", relation=relation)


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
    if match["num"].lower() in {"a", "an"}:
        if RATE_BEFORE.search(context.text[max(0, match.start() - 30) : match.start()]):
            return None  # "$2 million a year" is a rate
        follower = context.word_after(match.end())
        if (
            match["unit"].lower() == "second"
            and follower.isalpha()
            and follower not in TIME_FOLLOWERS
        ):
            return None  # "a second group": an ordinal
    count = count_of(match["num"], context)
    if count is not None and (match["half"] or match["half_after"]):
        count += 0.5
    return Found(match.start(), match.end(), "DURATION", duration(count, match["unit"], context))


def unit_range(match: re.Match[str], context: Context) -> Found | None:
    """ "weeks or months": how long is vague, in the first unit."""
    return Found(match.start(), match.end(), "DURATION", duration(None, match["unit"], context))


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
    numbers = rf"{lexicon.number_pattern()}|\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?"
    vague = rf"(?i:{alternation(lexicon.vague_quantities)})"
    unit_words = [*lexicon.units, *(u + "s" for u in lexicon.units), "centuries"]
    units = rf"(?i:{alternation(unit_words)})"
    weekday_re = weekday_pattern(lexicon)
    # "the following week" and "the previous year" count from the story's last date:
    # rules_narrative has them.
    shifts = r"(?i:last|this|next|past|coming|current)"
    weekdays = list(lexicon.weekdays)
    parts = ["morning", "afternoon", "evening", "night", "tonight"]
    reference_cues = [phrase.split()[-1] for phrase in lexicon.reference_phrases]
    specs: list[RuleSpec] = [
        ("day_word", rf"\b{EDGE}(?P<word>(?i:{alternation(lexicon.day_words)}))\b{PART_OF_DAY}",
         day_word, lexicon.day_words),
        ("time_of_day", r"\b(?:(?P<which>(?i:this|last))\s+(?P<part>(?i:morning|afternoon|"
         r"evening|night))|(?P<which2>(?i:to))(?i:night))\b", time_of_day, parts),
        ("weekday", rf"{SHIFT}{weekday_re}{PART_OF_DAY}", weekday, weekdays),
        ("unit_shift", rf"{EDGE}(?:(?i:the)\s+)?\b(?P<shift>{shifts})\s+"
         r"(?P<unit>(?i:week|weekend|month|quarter|year|decade))\b", unit_shift,
         ["week", "weekend", "month", "quarter", "year", "decade"]),
        ("counted_span", rf"(?:(?i:the)\s+)?\b(?i:past|last|next|coming|previous)\s+"
         rf"(?P<num>{numbers}|{vague})\s+(?P<unit>{units})\b", counted_span, unit_words),
        ("ago", rf"\b(?P<num>{numbers}|{vague})\s+(?P<unit>{units})\s+(?i:ago)\b", ago, ["ago"]),
        ("duration", rf"\b(?P<num>{numbers}|{vague})(?P<half>\s+1/2|\s+(?i:and\s+a\s+half))?"
         rf"(?:\s+(?i:to|or)\s+(?:{numbers}))?(?:-|\s+)(?:(?i:{DURATION_FILLERS})\s+)?"
         rf"(?P<unit>{units})\b(?P<half_after>\s+(?i:and\s+a\s+half)\b)?(?!-old|\s+old\b)",
         counted_duration, unit_words),
        ("unit_or_unit", r"\b(?P<unit>(?i:days|weeks|months|years|hours|minutes))\s+(?i:or|to)\s+"
         r"(?i:days|weeks|months|years|decades)\b", unit_range, ["or", "to"]),
        ("reference", rf"\b(?i:{alternation(lexicon.reference_phrases)})\b", reference,
         reference_cues),
        ("set_word", rf"\b(?i:{alternation(lexicon.set_words)})\b", set_word, lexicon.set_words),
        ("every", rf"\b(?i:every|each)\s+(?:(?:(?P<num>{numbers})\s+)?(?P<unit>{units})\b|"
         rf"{weekday_re})", every, ["every", "each"]),
        ("times_per", rf"\b(?i:once|twice)\s+(?i:a|an|per)\s+(?P<unit>{units})\b", every,
         ["once", "twice"]),
    ]  # fmt: skip
    return compile_rules(specs)
