"""With a parse, the clause's tense decides which way a weekday or a month points."""

from __future__ import annotations

import pytest

from dateline.nlp import parse_one
from dateline.temporal import tag_timexes

DCT = "2022-03-08"  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Officials met with the delegation on Saturday.", "Saturday", "2022-03-05"),
        ("Officials will meet with the delegation on Saturday.", "Saturday", "2022-03-12"),
        ("Officials are going to meet the delegation on Friday.", "Friday", "2022-03-11"),
        ("Talks are scheduled for Friday.", "Friday", "2022-03-11"),
        ("The envoy said talks would resume on Friday.", "Friday", "2022-03-11"),
        ("The delegation plans to travel on Thursday.", "Thursday", "2022-03-10"),
        # The present simple with a weekday is a timetable: the coming Friday.
        ("The delegation meets the minister on Friday.", "Friday", "2022-03-11"),
        ("Profit will rise in the third quarter.", "the third quarter", "2022-Q3"),
        ("Elections were held in April.", "April", "2021-04"),
        ("Elections will be held in April.", "April", "2022-04"),
        ("The envoy will arrive on March 20.", "March 20", "2022-03-20"),
        ("The envoy arrived on May 20.", "May 20", "2021-05-20"),
        # A past-tense verb may set a date a few weeks ahead.
        ("The deadline was extended to March 20.", "March 20", "2022-03-20"),
        ("The team planned to leave on Thursday.", "Thursday", "2022-03-10"),
        # Present tense: the nearest such month.
        ("The dividend is payable March 21.", "March 21", "2022-03-21"),
        ("The new rules apply from Jan. 21.", "Jan. 21", "2022-01-21"),
        ("The dividend is payable Jan. 21.", "Jan. 21", "2023-01-21"),
        ("The budget is due in December.", "December", "2022-12"),
    ],
)
def test_tense_picks_the_direction(sentence: str, expression: str, value: str) -> None:
    doc = parse_one(sentence)
    [timex] = [t for t in tag_timexes(sentence, DCT, doc) if t.text == expression]
    assert timex.value == value


def test_without_a_parse_weekdays_point_back() -> None:
    sentence = "Officials will meet with the delegation on Saturday."
    [timex] = tag_timexes(sentence, DCT)
    assert timex.value == "2022-03-05"
