"""Rules for dates written with names or words: holidays ("Thanksgiving"), years spelled
out ("nineteen ninety-six"), decades as words ("the nineties"), "the weekend", a company's
"fiscal year", and vague stretches ("in recent weeks", "the coming months")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.temporal import tense
from dateline.temporal.calendar_math import week_value
from dateline.temporal.lexicon import Lexicon, alternation
from dateline.temporal.resolve import Context, Found, Rule, RuleSpec, compile_rules
from dateline.temporal.rules_absolute import month_pattern

TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
UNITS = "one|two|three|four|five|six|seven|eight|nine"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"


def easter(year: int) -> date:
    """Easter Sunday (Gregorian; the anonymous algorithm in Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ``weekday`` of the month; ``nth`` -1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(rule: dict[str, int], year: int) -> date:
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if rule.get("election"):  # the Tuesday after the first Monday in November
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if "nth" in rule:
        return nth_weekday(year, rule["month"], rule["weekday"], rule["nth"])
    return date(year, rule["month"], rule["day"])


def holiday(match: re.Match[str], context: Context) -> Found | None:
    """ "Thanksgiving", "last Christmas", "Easter 2024"; only capitalised."""
    name = match["name"]
    if not name[0].isupper():
        return None
    rule = context.lexicon.holidays[" ".join(name.lower().replace("’", "'").split())]
    if match["year"]:
        day = holiday_date(rule, int(match["year"]))
        return Found(match.start(), match.end(), "DATE", day.isoformat(), "explicit")
    if context.dct is None:
        return Found(match.start(), match.end(), "DATE", "XXXX-XX-XX")
    shift = match["shift"]
    offset = context.lexicon.shift_words[shift.lower()] if shift else None
    this_year = holiday_date(rule, context.dct.year)
    year = context.year_for(this_year.month, this_year.day, offset, match.start(), match.end())
    return Found(match.start(), match.end(), "DATE", holiday_date(rule, year).isoformat(), "DCT")


def spelled_number(words: str) -> int | None:
    """ "ninety-six" → 96, "seven" → 7, "nineteen" → 19."""
    lexicon_words = {w: i for i, w in enumerate(f"zero|{UNITS}".split("|"))}
    lexicon_words |= {w: 10 + i for i, w in enumerate(TEENS.split("|"))}
    tens = {w: 20 + 10 * i for i, w in enumerate(TENS.split("|"))}
    parts = re.split(r"[-\s]+", words.lower().strip())
    if len(parts) == 1:
        return lexicon_words.get(parts[0], tens.get(parts[0]))
    if len(parts) == 2 and parts[0] in tens and parts[1] in lexicon_words:
        return tens[parts[0]] + lexicon_words[parts[1]]
    return None


def spelled_year(match: re.Match[str], context: Context) -> Found | None:
    """ "nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven"."""
    if match["century"]:
        century = spelled_number(match["century"])
        rest = spelled_number(match["rest"])
        if century is None or rest is None:
            return None
        year = century * 100 + rest
    else:
        rest = spelled_number(match["after"]) if match["after"] else 0
        if rest is None:
            return None
        if not match["after"] and not match["lead"]:
            return None  # "two thousand" alone is a number
        year = 2000 + rest
    value = f"{year:04d}"
    if match["month"]:
        value += f"-{context.lexicon.month(match['month']):02d}"
    elif match["season"]:
        value += "-" + context.lexicon.seasons[match["season"].lower()]
    return Found(match.start(), match.end(), "DATE", value, "explicit")


def decade_word(match: re.Match[str], context: Context) -> Found | None:
    digit = context.lexicon.decade_words[match["word"].lower()]
    return Found(match.start(), match.end(), "DATE", f"19{digit}", "explicit")


def the_weekend(match: re.Match[str], context: Context) -> Found | None:
    """ "over the weekend": the last one in a past clause, else the coming one."""
    day = context.dct_day()
    if day is None:
        return Found(match.start(), match.end(), "DATE", "XXXX-WXX-WE")
    saturday = 5
    if context.direction(match.start(), match.end()) in {tense.FUTURE, tense.PRESENT}:
        target = day + timedelta(days=(saturday - day.weekday()) % 7)
    else:
        target = day - timedelta(days=(day.weekday() - saturday) % 7)
    return Found(match.start(), match.end(), "DATE", week_value(target) + "-WE", "DCT")


def company_year(match: re.Match[str], context: Context) -> Found | None:
    """ "the fiscal year", "the full year", "year-end": the DCT's year ("the latest fiscal
    year", "the previous year": the one before)."""
    if context.dct is None:
        return Found(match.start(), match.end(), "DATE", "XXXX")
    back = match["which"] is not None and match["which"].lower() in {"latest", "previous", "prior"}
    return Found(match.start(), match.end(), "DATE", f"{context.dct.year - back:04d}", "DCT")


def half_year(match: re.Match[str], context: Context) -> Found | None:
    """ "the first half", "the second half" (of the year the story is in)."""
    half = "1" if match["which"].lower() == "first" else "2"
    if context.dct is None:
        return Found(match.start(), match.end(), "DATE", f"XXXX-H{half}")
    year = context.period_year(1 if half == "1" else 7, match.start(), match.end())
    return Found(match.start(), match.end(), "DATE", f"{year:04d}-H{half}", "DCT")


def vague_span(match: re.Match[str], context: Context) -> Found | None:
    key = " ".join(match["span"].lower().split())
    return Found(match.start(), match.end(), "DURATION", context.lexicon.vague_spans[key])


def build_named_rules(lexicon: Lexicon) -> list[Rule]:
    holidays = alternation(lexicon.holidays).replace("'", "['’]")
    year_words = rf"(?:{TENS})(?:[-\s](?:{UNITS}))?|{TEENS}|{UNITS}"
    spelled = (
        rf"(?:(?P<lead>(?i:the\s+year)\s+)|{month_pattern(lexicon)}\s+"
        rf"|(?i:the\s+)?(?P<season>(?i:{alternation(lexicon.seasons)}))\s+(?i:of)\s+)?"
        rf"(?i:(?P<century>nineteen|eighteen)\s+(?P<rest>{year_words})"
        rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<after>{year_words}))?)\b(?!\s+(?i:hundred))"
    )
    decades = alternation(lexicon.decade_words)
    specs: list[RuleSpec] = [
        ("holiday", rf"\b(?:(?P<shift>(?i:last|this|next))\s+)?(?P<name>(?i:{holidays}))\b"
         r"(?:,?\s+(?P<year>[12]\d{3})\b)?", holiday,
         [word for name in lexicon.holidays for word in re.findall(r"[a-z]+", name)[:1]]),
        ("spelled_year", spelled, spelled_year, ["nineteen", "eighteen", "thousand"]),
        ("decade_word", rf"\b(?i:the\s+)?(?:(?i:early|late|mid)[-\s]+)?(?P<word>(?i:{decades}))\b",
         decade_word, lexicon.decade_words),
        ("the_weekend", r"\b(?i:the)\s+(?i:weekend)\b", the_weekend, ["weekend"]),
        ("company_year", r"\b(?i:the)\s+(?:(?P<which>(?i:current|latest|full|previous|prior))\s+)?"
         r"(?:(?i:fiscal|calendar)\s+)?(?i:year)\b(?<!\b(?i:the)\s(?i:year))"
         r"|\b(?i:year-end|year['’]s\s+end|the\s+end\s+of\s+the\s+year)\b", company_year,
         ["year", "end"]),
        ("half_year", r"\b(?i:the)\s+(?P<which>(?i:first|second|latter|last))\s+(?i:half)\b"
         r"(?!\s+(?i:of)\b)(?!\s+(?:an?\s+)?(?i:hour|century|decade))", half_year, ["half"]),
        ("vague_span", rf"\b(?:(?i:the)\s+)?(?P<span>(?i:{alternation(lexicon.vague_spans)}))\b",
         vague_span, ["recent", "coming", "ahead"]),
    ]  # fmt: skip
    return compile_rules(specs)
