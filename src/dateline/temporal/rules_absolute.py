"""Rules for calendar expressions: dates, months, seasons, quarters, years, decades."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.temporal import tense
from dateline.temporal.calendar_math import valid_day
from dateline.temporal.lexicon import Lexicon, alternation
from dateline.temporal.resolve import Context, Found, Rule, RuleSpec, compile_rules

DAY = r"(?<!\d)(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>[12]\d{3})\b"
#: "early", "mid-", "late" stay inside the span; the value is the whole period.
MODIFIER = r"(?P<mod>(?i:early|late|mid)(?:-|\s+))?"
SHIFT = r"(?:(?P<shift>(?i:last|this|next|past|coming))\s+)?"
#: What may say which year a quarter is in before it: "next year's", "the 1988", "year-ago".
QUARTER_YEAR = (
    r"(?:(?P<shift>(?i:last|this|next))\s+(?i:year)['’]s\s+|(?P<lead_year>[12]\d{3})\s+"
    r"|(?P<ago>(?i:year-ago|year-earlier|prior-year))\s+)?"
)


def capitalised(words: Iterable[str]) -> list[str]:
    """Proper-noun spellings only ("January", "JANUARY"): "may" the verb is no month."""
    return [form for word in words for form in (word.capitalize(), word.upper())]


def month_pattern(lexicon: Lexicon) -> str:
    full = [m for m in lexicon.months if m not in lexicon.month_abbreviations]
    short = alternation(capitalised(lexicon.month_abbreviations))
    return rf"(?P<month>(?:{alternation(capitalised(full))})\b|(?:{short})\b\.?)"


def weekday_pattern(lexicon: Lexicon) -> str:
    return rf"(?P<weekday>{alternation(capitalised(lexicon.weekdays))})\b"


def shift_of(match: re.Match[str], context: Context) -> int | None:
    word = match.groupdict().get("shift")
    return context.lexicon.shift_words[word.lower()] if word else None


def explicit_day(match: re.Match[str], year: int, month: int, day: int) -> Found | None:
    if valid_day(year, month, day) is None:
        return None
    return Found(
        match.start(), match.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}", "explicit"
    )


def iso_date(match: re.Match[str], context: Context) -> Found | None:
    return explicit_day(match, int(match["year"]), int(match["mon"]), int(match["day"]))


def numeric_date(match: re.Match[str], context: Context) -> Found | None:
    """1/15/2026 (US order) or 15/1/2026 when the first number cannot be a month."""
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    if len(match["year"]) == 2:
        year += 2000 if year < 50 else 1900
    month, day = (second, first) if first > 12 else (first, second)
    return explicit_day(match, year, month, day)


def named_date(match: re.Match[str], context: Context) -> Found | None:
    """ "January 15, 2026", "15 January 2026", "Saturday, Jan. 15" (year from the DCT)."""
    month = context.lexicon.month(match["month"])
    day = int(match["day"])
    if match["year"]:
        return explicit_day(match, int(match["year"]), month, day)
    return context.month_day(month, day, match.start(), match.end())


def month_year(match: re.Match[str], context: Context) -> Found | None:
    month = context.lexicon.month(match["month"])
    return Found(match.start(), match.end(), "DATE", f"{match['year']}-{month:02d}", "explicit")


def bare_month(match: re.Match[str], context: Context) -> Found | None:
    """ "in January", "last March": a month name alone, where it cannot be a verb or noun."""
    lexicon = context.lexicon
    word = match["month"].lower().rstrip(".")
    if word in lexicon.month_abbreviations or match["month"].endswith("."):
        return None
    shift = shift_of(match, context)
    needs_cue = word in lexicon.ambiguous_months and shift is None and match["mod"] is None
    if needs_cue and context.word_before(match.start()) not in lexicon.month_cues:
        return None
    if match["mod"] is None and shift is None and is_name_part(match.end(), context):
        return None  # "Reporter April Ryan"
    month = lexicon.month(word)
    if context.dct is None:
        return Found(match.start(), match.end(), "DATE", f"XXXX-{month:02d}")
    year = context.year_for(month, None, shift, match.start(), match.end())
    return Found(match.start(), match.end(), "DATE", f"{year:04d}-{month:02d}", "DCT")


#: Words that may follow "the autumn" when it is a time ("in the autumn of", "... and").
PHRASE_FOLLOWERS = frozenset(
    {"of", "and", "or", "when", "as", "before", "after", "to", "in", "on", "at", "with", "the",
     "that", "it", "he", "she", "they", "we", "there", "but"}
)  # fmt: skip


def ends_phrase(end: int, context: Context) -> bool:
    """Whether no noun follows that the word would modify ("the summer camp")."""
    follower = context.word_after(end)
    return not follower or not follower.islower() or follower in PHRASE_FOLLOWERS


def is_name_part(end: int, context: Context) -> bool:
    """Whether a capitalised word that is no date word follows: "April Ryan"."""
    follower = context.word_after(end)
    if not follower[:1].isupper() or context.text[end : end + 1] not in {" "}:
        return False
    lexicon = context.lexicon
    return follower.lower() not in {*lexicon.months, *lexicon.weekdays, *lexicon.seasons}


def month_shift_year(match: re.Match[str], context: Context) -> Found | None:
    """ "January this year", "June last year"."""
    month = context.lexicon.month(match["month"])
    shift = shift_of(match, context) or 0
    if context.dct is None:
        return Found(match.start(), match.end(), "DATE", f"XXXX-{month:02d}")
    value = f"{context.dct.year + shift:04d}-{month:02d}"
    return Found(match.start(), match.end(), "DATE", value, "DCT")


def season(match: re.Match[str], context: Context) -> Found | None:
    """ "summer 2025", "last winter"; a season word alone is too often something else."""
    code = context.lexicon.seasons[match["season"].lower()]
    if match["year"]:
        return Found(match.start(), match.end(), "DATE", f"{match['year']}-{code}", "explicit")
    shift = shift_of(match, context)
    if shift is None:
        if not match["the"] or not ends_phrase(match.end(), context):
            return None  # "summer camp", "the summer camp"
        # "in the autumn": the last one in a past clause, the next one ahead.
        way = context.direction(match.start(), match.end())
        shift = {tense.FUTURE: 1, tense.PRESENT: 0}.get(way, -1)
    if context.dct is None or context.dct.month is None:
        return Found(match.start(), match.end(), "DATE", f"XXXX-{code}")
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = context.dct.year
    if shift < 0 and context.dct.month < first_month + 3:
        year -= 1
    elif shift > 0 and context.dct.month >= first_month:
        year += 1
    return Found(match.start(), match.end(), "DATE", f"{year:04d}-{code}", "DCT")


def quarter(match: re.Match[str], context: Context) -> Found | None:
    """ "the third quarter", "Q3 2026", "next year's first quarter", "the 1988 quarter"."""
    word = match["ord"].lower()
    number = int(word[0]) if word[0].isdigit() else context.lexicon.ordinals[word]
    groups = match.groupdict()
    year = groups.get("year") or groups.get("lead_year")
    if year:
        return Found(match.start(), match.end(), "DATE", f"{year}-Q{number}", "explicit")
    if context.dct is None:
        return Found(match.start(), match.end(), "DATE", f"XXXX-Q{number}")
    if groups.get("shift"):
        year_number = context.dct.year + context.lexicon.shift_words[groups["shift"].lower()]
    elif groups.get("ago"):
        year_number = context.dct.year - 1
    else:
        year_number = quarter_year(number, match, context)
    return Found(match.start(), match.end(), "DATE", f"{year_number:04d}-Q{number}", "DCT")


def quarter_year(number: int, match: re.Match[str], context: Context) -> int:
    return context.period_year(3 * (number - 1) + 1, match.start(), match.end())


def decade(match: re.Match[str], context: Context) -> Found | None:
    if match["decade"]:
        return Found(match.start(), match.end(), "DATE", match["decade"], "explicit")
    digit = int(match["short"])
    century = "19" if digit >= 3 else "20"  # "the '90s", "the '20s" (this century)
    return Found(match.start(), match.end(), "DATE", f"{century}{digit}", "explicit")


def century(match: re.Match[str], context: Context) -> Found | None:
    number = int(match["n"])
    if not 1 <= number <= 21:
        return None
    return Found(match.start(), match.end(), "DATE", f"{number - 1:02d}", "explicit")


def year(match: re.Match[str], context: Context) -> Found | None:
    """A four-digit year, unless it reads as a quantity ("2020 votes")."""
    if not 1000 <= int(match["year"]) <= 2099:
        return None
    if match["mod"] or match["fiscal"] or is_year_in_context(match, context):
        return Found(match.start(), match.end(), "DATE", match["year"], "explicit")
    return None


#: A number before a street name is a house number: "2020 K Street".
STREET = re.compile(
    r"\s+(?:[A-Z][\w.]*\s+){0,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|"
    r"Lane|Drive|Place|Square|Highway)\b"
)
#: "312 of the 2020 applicants": a part of a count, not a year.
PARTITIVE = re.compile(r"\d\s+of\s+the\s*$", re.IGNORECASE)


def is_year_in_context(match: re.Match[str], context: Context) -> bool:
    text = context.text
    before = text[max(0, match.start() - 40) : match.start()].rstrip()
    after = text[match.end() : match.end() + 60]
    if STREET.match(after) or PARTITIVE.search(before + " "):
        return False
    if context.word_before(match.start()) in context.lexicon.year_cues:
        return True
    if before.endswith(("-", "–", "/")) and re.search(r"\d{4}\s*[-–/]$", before):
        return True  # the second year of "2019-2021"
    if re.match(r"['’]s\b", after) or re.match(r"\s*($|[^\w\s$%])", after):
        return True  # "2019's", "in 2013.", "2020, when"
    if not 1900 <= int(match["year"]) <= 2099:
        return False
    if context.doc is not None:
        span = context.doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            return False
        token = span[0]
        return not (token.dep_ == "nummod" and token.head.tag_ == "NNS")
    return False


def build_absolute_rules(lexicon: Lexicon) -> list[Rule]:
    month = month_pattern(lexicon)
    weekday = weekday_pattern(lexicon)
    seasons = alternation(lexicon.seasons)
    ordinals = alternation([*lexicon.ordinals, "1st", "2nd", "3rd", "4th"])
    weekday_prefix = rf"(?:{weekday},?\s+)?"
    optional_year = rf"(?:,?\s+(?:of\s+)?{YEAR})?"
    months = list(lexicon.months)
    digit = ["#"]
    specs: list[RuleSpec] = [
        ("iso_date", r"\b(?P<year>[12]\d{3})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?!\d)",
         iso_date, digit),
        ("slash_iso_date", r"\b(?P<year>[12]\d{3})/(?P<mon>0?[1-9]|1[0-2])/(?P<day>[0-3]?\d)\b",
         iso_date, digit),
        ("numeric_date", r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])",
         numeric_date, digit),
        ("month_day_year", rf"{weekday_prefix}{month}\s+{DAY}(?:,?\s+{YEAR})?(?![,.]?\d)",
         named_date, months),
        ("day_month_year", rf"{weekday_prefix}(?:the\s+)?{DAY}\s+(?:of\s+)?{month}{optional_year}",
         named_date, months),
        ("month_year", rf"{MODIFIER}{month},?\s+(?:of\s+)?{YEAR}", month_year, months),
        ("month", rf"{SHIFT}{MODIFIER}{month}", bare_month, months),
        ("season", rf"(?:(?P<the>(?i:the))\s+)?{SHIFT}{MODIFIER}(?P<season>(?i:{seasons}))\b"
         rf"(?:\s+(?:of\s+)?{YEAR})?",
         season, lexicon.seasons),
        ("quarter", rf"(?i:the\s+|its\s+)?{QUARTER_YEAR}(?:(?i:fiscal)[\s-]+)?"
         rf"(?P<ord>(?i:{ordinals}))"
         rf"(?:\s+|-)(?i:quarter)\b{optional_year}",
         quarter, ["quarter"]),
        ("q_year", rf"\bQ(?P<ord>[1-4])\s+{YEAR}", quarter, ["q"]),
        ("decade", rf"(?i:the\s+)?{MODIFIER}(?:(?P<decade>1\d{{2}}|20\d)0s|['’](?P<short>\d)0s)\b",
         decade, digit),
        ("century", r"(?i:the\s+)?\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)\b", century,
         ["century"]),
        ("month_shift_year", rf"{MODIFIER}{month}\s+(?P<shift>(?i:last|this|next))\s+(?i:year)\b",
         month_shift_year, months),
        ("year", rf"(?<![\w$€£#.,/]){MODIFIER}(?P<fiscal>(?i:fiscal)\s+)?{YEAR}(?![\w%]|[.,]\d)",
         year, digit),
    ]  # fmt: skip
    return compile_rules(specs)
