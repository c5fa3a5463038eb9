"""Rules for expressions read against the story's own time, not the DCT.

"On March 3 ... Two days later ..." moves narrative time: "two days later" is March 5.
These rules only say how far and in which unit ("later" +2 days); the tagger resolves
them against the last date mentioned before them (see ``narrative.resolve``), or the DCT
when the text has named none.

Company results are compared "with a year earlier" or "the year-ago quarter": those count
from the quarter being reported, so they carry ``fiscal``.
"""

from __future__ import annotations

import re

from dateline.temporal.lexicon import Lexicon
from dateline.temporal.resolve import (
    Context,
    Found,
    Granularity,
    Relation,
    Rule,
    RuleSpec,
    compile_rules,
)
from dateline.temporal.rules_absolute import weekday_pattern

GRANULARITY: dict[str, Granularity] = {
    "day": "day", "morning": "day", "afternoon": "day", "evening": "day", "night": "day",
    "week": "week", "weekend": "week", "month": "month", "quarter": "quarter", "year": "year",
}  # fmt: skip
#: A noun phrase after "before"/"after" makes the count a duration anchored on an event
#: ("two days after the vote"), not a date of its own.
NOUN_PHRASE_AHEAD = (
    r"(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|it|he|she|they|[A-Z]|\w+ing\b))"
)


def direction(word: str) -> int:
    word = word.lower()
    return 1 if word in {"following", "next", "later", "after", "afterward", "afterwards"} else -1


def adjacent(match: re.Match[str], context: Context) -> Found | None:
    """ "the following day", "the previous week", "the next morning"."""
    unit = match["unit"].lower()
    offset = direction(match["which"])
    code = context.lexicon.parts_of_day.get(unit)
    step = "day" if code else unit
    relation = Relation(step, offset, GRANULARITY[unit], f"T{code}" if code else "")
    return Found(match.start(), match.end(), "TIME" if code else "DATE", "", relation=relation)


def adjacent_weekday(match: re.Match[str], context: Context) -> Found | None:
    """ "the previous Friday", "the following Monday"."""
    number = context.lexicon.weekdays[match["weekday"].lower()]
    relation = Relation(f"weekday{number}", direction(match["which"]), "day")
    return Found(match.start(), match.end(), "DATE", "", relation=relation)


def same(match: re.Match[str], context: Context) -> Found | None:
    """ "that day", "the same week", "later that year"."""
    unit = match["unit"].lower()
    code = context.lexicon.parts_of_day.get(unit)
    step = "day" if code else unit
    relation = Relation(step, 0, GRANULARITY[unit], f"T{code}" if code else "")
    return Found(match.start(), match.end(), "TIME" if code else "DATE", "", relation=relation)


def counted(match: re.Match[str], context: Context) -> Found | None:
    """ "two days later", "a year earlier", "three weeks before"."""
    count = context.lexicon.number(match["num"])
    if count is None:
        return None
    unit = match["unit"].lower().rstrip("s")
    fiscal = unit == "year" and context.near_word(match.start(), "quarter", 1)
    relation = Relation(unit, direction(match["dir"]) * count, None, fiscal=fiscal)
    return Found(match.start(), match.end(), "DATE", "", relation=relation)


def unit_before_after(match: re.Match[str], context: Context) -> Found | None:
    """ "the day before", "the week after" (with no event named after them)."""
    unit = match["unit"].lower()
    relation = Relation(unit, direction(match["dir"]), GRANULARITY[unit])
    return Found(match.start(), match.end(), "DATE", "", relation=relation)


def the_year(match: re.Match[str], context: Context) -> Found | None:
    """ "the year" alone: the year the story is in."""
    relation = Relation("year", 0, "year")
    return Found(match.start(), match.end(), "DATE", "", relation=relation)


def fiscal_comparison(match: re.Match[str], context: Context) -> Found | None:
    """ "the year-earlier quarter", "year-ago", "the comparable period last year"."""
    return Found(
        match.start(), match.end(), "DATE", "", relation=Relation("year", -1, None, fiscal=True)
    )


def reported_quarter(match: re.Match[str], context: Context) -> Found | None:
    """ "the quarter", "the latest quarter", "the latest period": the one being reported."""
    latest = bool(match["latest"] or match["latest_period"])
    relation = Relation("quarter", 0, "quarter", fiscal=True, latest=latest)
    return Found(match.start(), match.end(), "DATE", "", relation=relation)


def build_narrative_rules(lexicon: Lexicon) -> list[Rule]:
    units = r"(?P<unit>(?i:day|week|weekend|month|quarter|year|morning|afternoon|evening|night))"
    plural_units = r"(?P<unit>(?i:days?|weeks?|months?|quarters?|years?|decades?))"
    numbers = rf"(?P<num>{lexicon.number_pattern()}|\d{{1,3}})"
    later = r"(?P<dir>(?i:later|earlier|afterwards?|before|after|previously))"
    specs: list[RuleSpec] = [
        ("adjacent", rf"\b(?i:the)\s+(?P<which>(?i:following|next|previous|preceding|prior))\s+"
         rf"{units}\b", adjacent, GRANULARITY),
        ("adjacent_weekday", rf"\b(?i:the)\s+(?P<which>(?i:following|next|previous|preceding))"
         rf"\s+{weekday_pattern(lexicon)}", adjacent_weekday, lexicon.weekdays),
        ("same", rf"\b(?:(?i:later|earlier)\s+)?(?i:that|the\s+same)\s+{units}\b"
         r"(?!\s+(?:of|when|in|before|after)\b)",
         same, GRANULARITY),
        ("counted", rf"\b{numbers}\s+{plural_units}\s+{later}\b"
         rf"(?!\s+(?i:than|that)\b){NOUN_PHRASE_AHEAD}", counted,
         ["later", "earlier", "before", "after", "afterward", "afterwards", "previously"]),
        ("unit_before_after", rf"\b(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+"
         rf"(?P<dir>(?i:before|after))\b(?![-\w]){NOUN_PHRASE_AHEAD}", unit_before_after,
         ["before", "after"]),
        ("the_year", r"\b(?i:the)\s+(?i:year)\b(?![-\w]|\s+(?i:ago|before|after|earlier|later|"
         r"when|in\s+which|that|two|nineteen|ended|ending|of|to|\d))", the_year, ["year"]),
        ("fiscal_comparison", r"\b(?:(?i:the)\s+(?:(?i:comparable|corresponding)\s+)?)?"
         r"(?i:year-earlier|year-ago|year\s+earlier|prior-year)(?:\s+(?i:quarter|period|"
         r"(?:first|second|third|fourth)\s+quarter|nine\s+months|six\s+months))?\b"
         r"|\b(?i:the\s+(?:comparable|corresponding|same)\s+(?:period|quarter)\s+(?:a\s+year\s+"
         r"(?:ago|earlier)|last\s+year))\b", fiscal_comparison, ["earlier", "ago", "prior"]),
        ("reported_quarter", r"\b(?i:the|that|this)\s+(?:(?P<latest>(?i:latest|most\s+recent|"
         r"recent|just-ended))\s+|(?i:current|fiscal|same)\s+)?(?i:quarter)\b"
         r"(?!\s+(?:of|ended|ending)\b)"
         r"|\b(?i:the)\s+(?P<latest_period>(?i:latest|most\s+recent|just-ended))\s+(?i:period)\b",
         reported_quarter, ["quarter", "period"]),
    ]  # fmt: skip
    return compile_rules(specs)
