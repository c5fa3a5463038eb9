"""TIMEX3 values family by family, with a parse and with DCTs where tense and weeks matter.

The DCTs sit where a wrong direction or a wrong week shows: a Monday just after New Year
(2025-12-29 opens ISO week 2026-W01), New Year's Eve (already in 2026-W01), the first of
January 2027 (still 2026-W53), and a Friday in March (so "on Friday", "in June" and "in
February" each mean different days in past and future clauses).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from dateline.model import Timex
from dateline.nlp import parse_one
from dateline.temporal import tag_timexes

NEW_YEARS_EVE = "2025-12-31"  # Wednesday, ISO week 2026-W01
NEW_YEARS_DAY = "2026-01-01"  # Thursday, ISO week 2026-W01
SUNDAY = "2026-01-04"  # last day of 2026-W01
MONDAY = "2026-01-05"  # first day of 2026-W02; "last week" is 2025-12-29..2026-01-04
THURSDAY = "2026-01-15"  # 2026-W03
TUESDAY = "2026-01-20"  # 2026-W04
FRIDAY = "2026-03-13"  # 2026-W11
FRIDAY_IN_W53 = "2027-01-01"  # ISO week 2026-W53

Tagger = Callable[[str, str], list[Timex]]
#: (sentence, DCT, expression as written, TIMEX3 type, TIMEX3 value)
Case = tuple[str, str, str, str, str]


@pytest.fixture(scope="module")
def tag() -> Tagger:
    """Tags a sentence with its parse; each sentence is parsed once per module."""
    docs: dict[str, Doc] = {}

    def run(sentence: str, dct: str) -> list[Timex]:
        if sentence not in docs:
            docs[sentence] = parse_one(sentence)
        return tag_timexes(sentence, dct, docs[sentence])

    return run


def find(timexes: list[Timex], expression: str) -> Timex:
    matches = [t for t in timexes if t.text == expression]
    tagged = [(t.text, t.type, t.value) for t in timexes]
    assert matches, f"{expression!r} not tagged; got {tagged}"
    return matches[0]


def check(tag: Tagger, case: Case) -> Timex:
    sentence, dct, expression, kind, value = case
    timexes = tag(sentence, dct)
    timex = find(timexes, expression)
    assert sentence[timex.start : timex.end] == expression
    assert (timex.type, timex.value) == (kind, value), f"DCT {dct}"
    return timex


def ids(cases: list[Case]) -> list[str]:
    return [f"{sentence} @{dct}" for sentence, dct, *_ in cases]


ABSOLUTE: list[Case] = [
    ("The treaty was signed on January 15, 2026, in Geneva.", FRIDAY, "January 15, 2026", "DATE",
     "2026-01-15"),
    ("The court sat on 31 December 2025.", MONDAY, "31 December 2025", "DATE", "2025-12-31"),
    ("Rebels took the airport on Jan. 15.", FRIDAY, "Jan. 15", "DATE", "2026-01-15"),
    ("Rebels took the airport on Dec. 28.", MONDAY, "Dec. 28", "DATE", "2025-12-28"),
    ("The census will be published on Jan. 3.", NEW_YEARS_EVE, "Jan. 3", "DATE", "2026-01-03"),
    ("The filing is dated 2025-12-29.", MONDAY, "2025-12-29", "DATE", "2025-12-29"),
    ("The letter, dated 12/31/2025, was leaked.", MONDAY, "12/31/2025", "DATE", "2025-12-31"),
    ("Troops withdrew on Thursday, Jan. 15.", TUESDAY, "Thursday, Jan. 15", "DATE", "2026-01-15"),
    ("The court ruled on Wednesday, December 31, 2025.", MONDAY, "Wednesday, December 31, 2025",
     "DATE", "2025-12-31"),
    ("The strike ended on the 2nd of January.", MONDAY, "the 2nd of January", "DATE", "2026-01-02"),
    ("The strike ended on March 3rd.", FRIDAY, "March 3rd", "DATE", "2026-03-03"),
    ("The envoy arrived on 4 January.", MONDAY, "4 January", "DATE", "2026-01-04"),
    ("Inflation peaked in September 2025.", MONDAY, "September 2025", "DATE", "2025-09"),
    ("Parliament was dissolved on Sept. 9, 2025.", MONDAY, "Sept. 9, 2025", "DATE", "2025-09-09"),
    ("Voting closed on Feb. 29, 2024.", MONDAY, "Feb. 29, 2024", "DATE", "2024-02-29"),
    ("The accord dates from 1994.", MONDAY, "1994", "DATE", "1994"),
]  # fmt: skip

TENSE: list[Case] = [
    ("Officials met the delegation on Thursday.", FRIDAY, "Thursday", "DATE", "2026-03-12"),
    ("Officials will meet the delegation on Thursday.", FRIDAY, "Thursday", "DATE", "2026-03-19"),
    ("Officials met the delegation on Saturday.", FRIDAY, "Saturday", "DATE", "2026-03-07"),
    ("Officials will meet the delegation on Saturday.", FRIDAY, "Saturday", "DATE", "2026-03-14"),
    # A weekday equal to the DCT's: today when past, a week on when future.
    ("Officials met the delegation on Friday.", FRIDAY, "Friday", "DATE", "2026-03-13"),
    ("Officials will meet the delegation on Friday.", FRIDAY, "Friday", "DATE", "2026-03-20"),
    ("The talks are expected to resume on Monday.", FRIDAY, "Monday", "DATE", "2026-03-16"),
    ("The minister said on Monday that talks had failed.", FRIDAY, "Monday", "DATE", "2026-03-09"),
    ("Protesters gathered on Friday.", MONDAY, "Friday", "DATE", "2026-01-02"),
    ("Protesters will gather on Friday.", MONDAY, "Friday", "DATE", "2026-01-09"),
    ("Protesters gathered on Tuesday.", MONDAY, "Tuesday", "DATE", "2025-12-30"),
    ("The court will rule on Sunday.", MONDAY, "Sunday", "DATE", "2026-01-11"),
    ("Elections were held in June.", FRIDAY, "June", "DATE", "2025-06"),
    ("Elections will be held in June.", FRIDAY, "June", "DATE", "2026-06"),
    ("The new constitution took effect in February.", FRIDAY, "February", "DATE", "2026-02"),
    ("The new constitution will take effect in February.", FRIDAY, "February", "DATE", "2027-02"),
    ("The refinery reopened in March.", FRIDAY, "March", "DATE", "2026-03"),
    ("The refinery closed in December.", MONDAY, "December", "DATE", "2025-12"),
    ("The refinery will reopen in December.", MONDAY, "December", "DATE", "2026-12"),
    ("The mine was flooded on June 30.", FRIDAY, "June 30", "DATE", "2025-06-30"),
    ("The mine will reopen on June 30.", FRIDAY, "June 30", "DATE", "2026-06-30"),
    ("The minister said the troops would leave in April.", FRIDAY, "April", "DATE", "2026-04"),
]  # fmt: skip

RELATIVE: list[Case] = [
    ("Fighting intensified last week.", MONDAY, "last week", "DATE", "2026-W01"),
    ("Fighting intensified two weeks ago.", MONDAY, "two weeks ago", "DATE", "2025-W52"),
    ("Talks continue this week.", MONDAY, "this week", "DATE", "2026-W02"),
    ("The envoy returns next week.", MONDAY, "next week", "DATE", "2026-W03"),
    ("Shops shut last week.", SUNDAY, "last week", "DATE", "2025-W52"),
    ("Markets rallied this week.", NEW_YEARS_EVE, "this week", "DATE", "2026-W01"),
    ("Markets slumped last week.", NEW_YEARS_EVE, "last week", "DATE", "2025-W52"),
    ("Markets will reopen next week.", NEW_YEARS_EVE, "next week", "DATE", "2026-W02"),
    ("Banks stayed shut this week.", FRIDAY_IN_W53, "this week", "DATE", "2026-W53"),
    ("Banks stayed shut last week.", FRIDAY_IN_W53, "last week", "DATE", "2026-W52"),
    ("Banks will reopen next week.", FRIDAY_IN_W53, "next week", "DATE", "2027-W01"),
    ("Fighting flared last weekend.", MONDAY, "last weekend", "DATE", "2026-W01-WE"),
    ("Crowds gathered this weekend.", SUNDAY, "this weekend", "DATE", "2026-W01-WE"),
    ("The mine closed two years ago.", MONDAY, "two years ago", "DATE", "2024"),
    ("The reform passed six months ago.", MONDAY, "six months ago", "DATE", "2025-07"),
    ("Shelling killed four people three days ago.", MONDAY, "three days ago", "DATE", "2026-01-02"),
    ("The airport reopened the day before yesterday.", MONDAY, "the day before yesterday", "DATE",
     "2026-01-03"),
    ("The port reopened yesterday.", NEW_YEARS_DAY, "yesterday", "DATE", "2025-12-31"),
    ("The port reopens tomorrow.", NEW_YEARS_EVE, "tomorrow", "DATE", "2026-01-01"),
    ("The rebels retreated earlier this month.", MONDAY, "earlier this month", "DATE", "2026-01"),
    ("The court will rule later this month.", FRIDAY, "later this month", "DATE", "2026-03"),
    ("Sales fell earlier this week.", FRIDAY, "earlier this week", "DATE", "2026-W11"),
    ("The governor resigned the previous day.", MONDAY, "the previous day", "DATE", "2026-01-04"),
    ("Hearings begin the following week.", MONDAY, "the following week", "DATE", "2026-W03"),
    ("The army was deployed last year.", MONDAY, "last year", "DATE", "2025"),
    ("Elections are due next year.", MONDAY, "next year", "DATE", "2027"),
    ("Growth slowed this year.", NEW_YEARS_EVE, "this year", "DATE", "2025"),
    ("Growth will recover next year.", NEW_YEARS_EVE, "next year", "DATE", "2026"),
    ("The rebels attacked last Friday.", FRIDAY, "last Friday", "DATE", "2026-03-06"),
    ("The envoy arrives next Monday.", MONDAY, "next Monday", "DATE", "2026-01-12"),
    ("The talks resume this Friday.", MONDAY, "this Friday", "DATE", "2026-01-09"),
    ("Inflation has recently eased.", MONDAY, "recently", "DATE", "PAST_REF"),
    ("The army now controls the port.", MONDAY, "now", "DATE", "PRESENT_REF"),
    ("Ten tankers are currently waiting offshore.", MONDAY, "currently", "DATE", "PRESENT_REF"),
    ("Such attacks were rare in the past.", MONDAY, "the past", "DATE", "PAST_REF"),
    # "soon" alone is left untagged: TimeBank annotators tagged it in 4 of its 22 uses.
    ("A deal is expected in the near future.", MONDAY, "the near future", "DATE", "FUTURE_REF"),
]  # fmt: skip

FUZZY: list[Case] = [
    ("Talks stalled in early March.", FRIDAY, "early March", "DATE", "2026-03"),
    ("The offensive began in late December.", MONDAY, "late December", "DATE", "2025-12"),
    ("Production collapsed in mid-2024.", MONDAY, "mid-2024", "DATE", "2024"),
    ("The bridge will open in mid-2027.", MONDAY, "mid-2027", "DATE", "2027"),
    ("Prices fell in late 2025.", MONDAY, "late 2025", "DATE", "2025"),
    ("Inflation soared in the 1980s.", MONDAY, "the 1980s", "DATE", "198"),
    ("The party was founded in the 2010s.", MONDAY, "the 2010s", "DATE", "201"),
    ("Hyperinflation returned in the '90s.", MONDAY, "the '90s", "DATE", "199"),
    ("The border dates from the 19th century.", MONDAY, "the 19th century", "DATE", "18"),
    ("Rains were heavy this spring.", FRIDAY, "this spring", "DATE", "2026-SP"),
    ("Rains were heavy last spring.", FRIDAY, "last spring", "DATE", "2025-SP"),
    ("The harvest failed last summer.", MONDAY, "last summer", "DATE", "2025-SU"),
    ("The rebels attacked in the spring of 2024.", MONDAY, "the spring of 2024", "DATE", "2024-SP"),
    ("Output is forecast to rise in the third quarter.", FRIDAY, "the third quarter", "DATE",
     "2026-Q3"),
    ("Profit fell in the fourth quarter.", TUESDAY, "the fourth quarter", "DATE", "2025-Q4"),
    ("Earnings rose in Q3 2025.", MONDAY, "Q3 2025", "DATE", "2025-Q3"),
    ("Exports rose in the second half of 2025.", MONDAY, "the second half of 2025", "DATE",
     "2025-H2"),
    ("Survivors of the 2020 drone strike testified.", MONDAY, "2020", "DATE", "2020"),
    ("Critics of the 2024 election spoke out.", MONDAY, "2024", "DATE", "2024"),
]  # fmt: skip

TIMES: list[Case] = [
    ("The blast occurred at 3 p.m. near the port.", THURSDAY, "3 p.m.", "TIME", "2026-01-15T15:00"),
    ("The quake struck at 4:15 a.m. local time.", THURSDAY, "4:15 a.m. local time", "TIME",
     "2026-01-15T04:15"),
    ("Voting will end at noon.", THURSDAY, "noon", "TIME", "2026-01-15T12:00"),
    ("The ministers met at 9:30 a.m. Tuesday in Lima.", THURSDAY, "9:30 a.m. Tuesday", "TIME",
     "2026-01-13T09:30"),
    ("Shots were fired yesterday morning.", NEW_YEARS_DAY, "yesterday morning", "TIME",
     "2025-12-31TMO"),
    ("The president will speak tonight.", THURSDAY, "tonight", "TIME", "2026-01-15TNI"),
    ("Sirens sounded last night.", THURSDAY, "last night", "TIME", "2026-01-14TNI"),
    ("The council met this morning.", THURSDAY, "this morning", "TIME", "2026-01-15TMO"),
    ("Fighting resumed on Friday evening.", THURSDAY, "Friday evening", "TIME", "2026-01-09TEV"),
    ("The court will rule tomorrow afternoon.", NEW_YEARS_EVE, "tomorrow afternoon", "TIME",
     "2026-01-01TAF"),
]  # fmt: skip

DURATIONS: list[Case] = [
    ("The siege lasted five months.", MONDAY, "five months", "DURATION", "P5M"),
    ("Rebels declared a 48-hour truce.", MONDAY, "48-hour", "DURATION", "PT48H"),
    ("The strike lasted three days.", MONDAY, "three days", "DURATION", "P3D"),
    ("Negotiators agreed a three-day pause.", MONDAY, "three-day", "DURATION", "P3D"),
    ("He served a two-year term.", MONDAY, "two-year", "DURATION", "P2Y"),
    ("The six-month deadline passed.", MONDAY, "six-month", "DURATION", "P6M"),
    ("The meeting lasted 90 minutes.", MONDAY, "90 minutes", "DURATION", "PT90M"),
    ("Aid convoys waited for two weeks.", MONDAY, "two weeks", "DURATION", "P2W"),
    ("The embargo has been in place for a decade.", MONDAY, "a decade", "DURATION", "P10Y"),
    ("For 24 hours, the city was dark.", MONDAY, "24 hours", "DURATION", "PT24H"),
    ("Fighting over the past 48 hours killed dozens.", MONDAY, "the past 48 hours", "DURATION",
     "PT48H"),
    ("The talks took several months.", MONDAY, "several months", "DURATION", "PXM"),
]  # fmt: skip

SETS: list[Case] = [
    ("Inspectors visit the plant every week.", MONDAY, "every week", "SET", "P1W"),
    ("Patrols run every day.", MONDAY, "every day", "SET", "P1D"),
    ("The bulletin is published daily.", MONDAY, "daily", "SET", "P1D"),
    ("The board reports weekly.", MONDAY, "weekly", "SET", "P1W"),
    ("The board meets every Monday.", MONDAY, "every Monday", "SET", "XXXX-WXX-1"),
    ("Elections are held every four years.", MONDAY, "every four years", "SET", "P4Y"),
    ("The index is updated annually.", MONDAY, "annually", "SET", "P1Y"),
    ("Prices are reviewed each month.", MONDAY, "each month", "SET", "P1M"),
    ("Ferries sail twice a week.", MONDAY, "twice a week", "SET", "P1W"),
]  # fmt: skip


@pytest.mark.parametrize("case", ABSOLUTE, ids=ids(ABSOLUTE))
def test_absolute_date(tag: Tagger, case: Case) -> None:
    check(tag, case)


@pytest.mark.parametrize("case", TENSE, ids=ids(TENSE))
def test_tense_decides_weekday_and_month(tag: Tagger, case: Case) -> None:
    check(tag, case)


@pytest.mark.parametrize("case", RELATIVE, ids=ids(RELATIVE))
def test_relative_to_the_dct(tag: Tagger, case: Case) -> None:
    check(tag, case)


@pytest.mark.parametrize("case", FUZZY, ids=ids(FUZZY))
def test_fuzzy_and_partial(tag: Tagger, case: Case) -> None:
    check(tag, case)


@pytest.mark.parametrize("case", TIMES, ids=ids(TIMES))
def test_time_of_day(tag: Tagger, case: Case) -> None:
    check(tag, case)


@pytest.mark.parametrize("case", DURATIONS, ids=ids(DURATIONS))
def test_duration(tag: Tagger, case: Case) -> None:
    check(tag, case)


@pytest.mark.parametrize("case", SETS, ids=ids(SETS))
def test_set(tag: Tagger, case: Case) -> None:
    check(tag, case)


#: (text, DCT, expression, type, value, the earlier expression it counts from)
NARRATIVE: list[tuple[str, str, str, str, str, str]] = [
    ("On March 3, rebels seized the town. Two days later, troops retook it.", FRIDAY,
     "Two days later", "DATE", "2026-03-05", "March 3"),
    ("On March 3, rebels seized the town. The day before, the army had withdrawn.", FRIDAY,
     "The day before", "DATE", "2026-03-02", "March 3"),
    ("On March 3, rebels seized the town. That day, the army fled.", FRIDAY,
     "That day", "DATE", "2026-03-03", "March 3"),
    ("Troops crossed the border on Dec. 30. The next day, the president resigned.", MONDAY,
     "The next day", "DATE", "2025-12-31", "Dec. 30"),
    ("The ceasefire was signed on Jan. 1. The previous day, shelling killed ten people.", MONDAY,
     "The previous day", "DATE", "2025-12-31", "Jan. 1"),
    ("The strike began on Jan. 2. Three days later, it ended.", MONDAY,
     "Three days later", "DATE", "2026-01-05", "Jan. 2"),
    ("The president resigned on Feb. 27, 2024. Two days later, the army took over.", MONDAY,
     "Two days later", "DATE", "2024-02-29", "Feb. 27, 2024"),
    ("The summit opened on Sunday, Jan. 4. The following week, talks collapsed.", TUESDAY,
     "The following week", "DATE", "2026-W02", "Sunday, Jan. 4"),
    ("Elections were held on Dec. 28. The following week, the results were annulled.", MONDAY,
     "The following week", "DATE", "2026-W01", "Dec. 28"),
    ("The party was founded in 2019. The following year, it won a majority.", MONDAY,
     "The following year", "DATE", "2020", "2019"),
    ("The party was founded in 2019. A year later, it won a majority.", MONDAY,
     "A year later", "DATE", "2020", "2019"),
    ("On Dec. 31, 2025, the talks ended. The next morning, fighting resumed.", MONDAY,
     "The next morning", "TIME", "2026-01-01TMO", "Dec. 31, 2025"),
    ("The minister resigned on Friday. The next day, protests began.", MONDAY,
     "The next day", "DATE", "2026-01-03", "Friday"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "dct", "expression", "kind", "value", "reference"),
    NARRATIVE,
    ids=[f"{text} @{dct}" for text, dct, *_ in NARRATIVE],
)
def test_narrative_time_anchors_the_expression(
    tag: Tagger, text: str, dct: str, expression: str, kind: str, value: str, reference: str
) -> None:
    timex = check(tag, (text, dct, expression, kind, value))
    assert timex.anchor == f"timex:{text.index(reference)}"


#: (sentence, the word no expression may cover)
NOT_TIME: list[tuple[str, str]] = [
    ("The government may impose new sanctions.", "may"),
    ("Prices may fall further, analysts said.", "may"),
    ("Prime Minister Theresa May resigned.", "May"),
    ("Reporter April Ryan asked about the talks.", "April"),
    ("Thousands march through the capital every year.", "march"),
    ("Veterans will march on the palace on Sunday.", "march"),
    ("Only 312 of the 2020 applicants were accepted.", "2020"),
    ("The embassy is at 2020 K Street.", "2020"),
    ("Caracas won 2-1 on Sunday.", "2-1"),
    ("The home side took a 3-0 lead.", "3-0"),
    ("The visitors won 12-10 in overtime.", "12-10"),
    ("The court ruled 5-4 against the law.", "5-4"),
    ("The 1-0 win lifted the team.", "1-0"),
]


@pytest.mark.parametrize(("sentence", "word"), NOT_TIME, ids=[s for s, _ in NOT_TIME])
def test_false_positive_guard(tag: Tagger, sentence: str, word: str) -> None:
    start = sentence.index(word)
    end = start + len(word)
    covering = [t.text for t in tag(sentence, MONDAY) if t.start < end and t.end > start]
    assert covering == []
