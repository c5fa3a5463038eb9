"""What every rule shares: the found expression, the DCT, and resolving against it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc

from dateline.temporal import tense
from dateline.temporal.calendar_math import (
    Dct,
    day_value,
    month_value,
    shift_month,
    shift_years_back,
    valid_day,
    week_value,
)
from dateline.temporal.lexicon import Lexicon, load_lexicon

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["day", "week", "month", "quarter", "year"]

#: The value an expression gets when there is no DCT to resolve it against.
UNRESOLVED: dict[Granularity, str] = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
}


#: How far around a position its sentence is searched, and where sentences break.
SENTENCE_WINDOW = 300
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])|\n")

#: How far after the DCT a date in a past-tense clause may lie and keep the DCT's year.
PAST_TOLERANCE_DAYS = 31
#: How long before the DCT a period must have begun for a past-tense clause to report on it.
PERIOD_BEGUN_DAYS = 7
#: How many months after the DCT's a month in a clause without tense may be and still
#: count as this year's.
UNMARKED_MONTHS_AHEAD = 4


@dataclass(frozen=True, slots=True)
class Found:
    """One expression a rule found; ``anchor`` as on model.Timex."""

    start: int
    end: int
    type: TimexType
    value: str
    anchor: str | None = None
    #: For an expression read against the narrative's last date rather than the DCT
    #: ("the following day", "two years later"): how far from that date it lies.
    relation: Relation | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """ "the following day" is (day, +1, "day"); "a year earlier" is (year, -1, None): its
    value keeps the precision of the date it is counted from ("1989-Q3" → "1988-Q3")."""

    unit: str
    offset: int
    granularity: Granularity | None
    #: Appended to the resolved day ("the following morning": "TMO").
    suffix: str = ""
    #: A company's results compared with "a year earlier" count from the quarter
    #: reported, not from the last date mentioned.
    fiscal: bool = False
    #: "the latest quarter" is the one reported, whatever quarter was named last.
    latest: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and the function that turns its match into an expression (or rejects it)."""

    name: str
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str], Context], Found | None]
    #: Lower-case words one of which every match contains ("#" stands for any digit):
    #: a paragraph without any of them is not searched.
    cues: frozenset[str]


RuleSpec = tuple[str, str, Callable[[re.Match[str], "Context"], "Found | None"], Iterable[str]]


def compile_rules(specs: Iterable[RuleSpec]) -> list[Rule]:
    return [
        Rule(name, re.compile(pattern), handler, frozenset(cue.lower() for cue in cues))
        for name, pattern, handler, cues in specs
    ]


@dataclass(slots=True)
class Context:
    """The text under tagging, its DCT and (optionally) its parse for tense."""

    text: str
    dct: Dct | None
    doc: Doc | None = None
    lexicon: Lexicon = field(default_factory=load_lexicon)

    def direction(self, start: int, end: int) -> int:
        if self.word_before(start) in self.lexicon.future_cues:
            return tense.FUTURE
        return tense.direction(self.doc, start, end)

    def word_before(self, position: int) -> str:
        """The word (lower case) ending just before ``position``, skipping spaces."""
        match = re.search(r"([A-Za-z]+)-?\s*$", self.text[max(0, position - 30) : position])
        return match.group(1).lower() if match else ""

    def near_word(self, position: int, word: str, sentences_back: int = 0) -> bool:
        """Whether ``word`` occurs in the sentence around ``position`` (or in as many
        sentences before it as ``sentences_back`` says)."""
        start = max(0, position - SENTENCE_WINDOW * (1 + sentences_back))
        before = " ".join(SENTENCE_BREAK.split(self.text[start:position])[-1 - sentences_back :])
        after = SENTENCE_BREAK.split(self.text[position : position + SENTENCE_WINDOW])[0]
        return re.search(rf"\b{re.escape(word)}", before + after, re.IGNORECASE) is not None

    def word_after(self, position: int) -> str:
        match = re.match(r"\s*([A-Za-z]+)", self.text[position : position + 30])
        return match.group(1) if match else ""

    # --- resolving against the DCT -------------------------------------------------------

    def dct_day(self) -> date | None:
        return self.dct.date if self.dct else None

    def relative(
        self, start: int, end: int, kind: TimexType, value: str | None, granularity: Granularity
    ) -> Found:
        """A DCT-relative expression: its value if resolvable, the X placeholder if not."""
        if value is None:
            return Found(start, end, kind, UNRESOLVED[granularity])
        return Found(start, end, kind, value, "DCT")

    def shifted(self, unit: str, offset: int) -> str | None:
        """The value of the ``unit`` ``offset`` steps from the DCT ("last month" = -1)."""
        dct = self.dct
        if dct is None:
            return None
        day = dct.date
        if unit == "day":
            return day_value(day + timedelta(days=offset)) if day else None
        if unit in {"week", "weekend"}:
            if day is None:
                return None
            value = week_value(day + timedelta(weeks=offset))
            return value + "-WE" if unit == "weekend" else value
        if unit == "month":
            return month_value(*shift_month(dct.year, dct.month, offset)) if dct.month else None
        if unit == "quarter":
            if dct.month is None:
                return None
            year, month = shift_month(dct.year, dct.month, 3 * offset)
            return f"{year:04d}-Q{(month - 1) // 3 + 1}"
        if unit == "year":
            return f"{dct.year + offset:04d}"
        if unit == "decade":
            return f"{dct.year // 10 + offset:03d}"
        return None

    def ago(self, count: int, unit: str) -> str | None:
        """The value ``count`` units before the DCT, at the unit's granularity."""
        dct = self.dct
        if dct is None:
            return None
        if unit in {"year", "decade", "century"}:
            years = count * {"year": 1, "decade": 10, "century": 100}[unit]
            if dct.date:
                return f"{shift_years_back(dct.date, years).year:04d}"
            return f"{dct.year - years:04d}"
        if unit in {"month", "quarter"}:
            return self.shifted(unit, -count)
        if unit == "week":
            return self.shifted("week", -count)
        if unit in {"day", "hour", "minute"}:
            days = count if unit == "day" else 0
            return self.shifted("day", -days)
        return None

    def weekday(self, weekday: int, offset: int | None, start: int, end: int) -> str | None:
        """The date of a weekday near the DCT.

        ``offset`` -1 ("last Friday") and +1 ("next Friday") exclude the DCT's own day;
        without one, the clause's tense decides and the DCT's own weekday means that day.
        """
        day = self.dct_day()
        if day is None:
            return None
        back = (day.weekday() - weekday) % 7
        forward = (weekday - day.weekday()) % 7
        if offset == -1:
            return day_value(day - timedelta(days=back or 7))
        if offset == 1:
            return day_value(day + timedelta(days=forward or 7))
        # A weekday in a present-tense clause is a coming one: "they meet Monday"; "will
        # meet on Friday" said on a Friday is next week's.
        way = self.direction(start, end)
        if way == tense.FUTURE:
            return day_value(day + timedelta(days=forward or 7))
        if way == tense.PRESENT:
            return day_value(day + timedelta(days=forward))
        return day_value(day - timedelta(days=back))

    def year_for(
        self, month: int, day: int | None, offset: int | None, start: int, end: int
    ) -> int:
        """The year of a month (or month and day) named without one."""
        assert self.dct is not None
        dct = self.dct
        if dct.month is None or offset == 0:
            return dct.year
        # Compare months alone unless both sides know their day.
        both_days = day is not None and dct.day is not None
        here = (month, day if both_days and day else 0)
        now = (dct.month, dct.day if both_days and dct.day else 0)
        if offset == -1:
            return dct.year if here < now else dct.year - 1
        if offset == 1:
            return dct.year if here > now else dct.year + 1
        way = self.direction(start, end)
        if way == tense.FUTURE:
            return dct.year if here >= now else dct.year + 1
        if way == tense.PAST:
            # Past-tense verbs also set coming dates ("was extended to Nov. 16"): a date
            # up to a month ahead stays in the DCT's year.
            if day is not None and dct.date is not None and valid_day(dct.year, month, day):
                ahead = (date(dct.year, month, day) - dct.date).days
                return dct.year if ahead <= PAST_TOLERANCE_DAYS else dct.year - 1
            return dct.year if here <= now else dct.year - 1
        if way == tense.UNMARKED:
            # No finite verb ("rising to $42 in June from $29 in March"): news reports
            # what has happened, so the latest such month, or one a month or two ahead.
            months_ahead = (month - dct.month) % 12
            if months_ahead == 0:
                return dct.year
            if months_ahead <= UNMARKED_MONTHS_AHEAD:
                return dct.year if month > dct.month else dct.year + 1
            return dct.year if month < dct.month else dct.year - 1
        # Present tense: the nearest such month, at most six months away.
        if month - dct.month > 6:
            return dct.year - 1
        return dct.year + 1 if dct.month - month > 6 else dct.year

    def period_year(self, first_month: int, start: int, end: int) -> int:
        """The year of a quarter or half-year named without one.

        In a past-tense clause it is the latest such period that had begun a week before
        the DCT: in January, "fourth-quarter profit rose" and "sales fell in the first
        half" report on last year's; ahead-looking and present clauses keep the DCT's year.
        """
        assert self.dct is not None
        dct = self.dct
        if dct.month is None or self.direction(start, end) in {tense.FUTURE, tense.PRESENT}:
            return dct.year
        day = dct.date or date(dct.year, dct.month, 15)
        begun = (day - date(dct.year, first_month, 1)).days >= PERIOD_BEGUN_DAYS
        return dct.year if begun else dct.year - 1

    def month_day(self, month: int, day: int, start: int, end: int) -> Found | None:
        """ "January 15" without a year: the DCT's year, adjusted by the clause's tense."""
        if self.dct is None:
            if valid_day(2000, month, day) is None:  # 2000 is a leap year: 29 February is fine
                return None
            return Found(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}")
        year = self.year_for(month, day, None, start, end)
        if valid_day(year, month, day) is None:
            return None
        return Found(start, end, "DATE", f"{year:04d}-{month:02d}-{day:02d}", "DCT")
