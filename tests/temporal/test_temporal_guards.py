"""Words and numbers that look like time expressions but are not."""

from __future__ import annotations

import pytest

from dateline.nlp import parse_one
from dateline.temporal import tag_timexes

DCT = "2026-01-20"


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may meet the envoy.",
        "May officials meet the envoy?",
        "Protesters march on the palace.",
        "March on the palace, they said.",
        "The army sent 15,000 troops.",
        "She received 2020 votes in the district.",
        "The budget was $2020 million.",
        "It rose 2020% in a decade of chaos."[:18],
        "He read the Sunday Times.",
        "A 45-year-old man was detained.",
        "The summer camp was full.",
        "Prices will fall sharply.",
        "Jan said nothing.",
        "A quarter of the vote went to him.",
    ],
)
def test_not_a_time_expression(sentence: str) -> None:
    assert tag_timexes(sentence, DCT) == []


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("Elections were held in May.", "May"),
        ("Elections were held on May 5.", "May 5"),
        ("Troops arrived in March 2025.", "March 2025"),
        ("The offensive began in early March.", "early March"),
        ("The Sunday vote was close.", "Sunday"),
    ],
)
def test_still_a_time_expression(sentence: str, expression: str) -> None:
    assert [t.text for t in tag_timexes(sentence, DCT)] == [expression]


def test_year_range_keeps_both_years() -> None:
    texts = [t.text for t in tag_timexes("The crisis of 2019-2021 deepened.", DCT)]
    assert texts == ["2019", "2021"]


def test_longest_expression_wins() -> None:
    texts = [t.text for t in tag_timexes("It ended on Saturday, January 17, 2026.", DCT)]
    assert texts == ["Saturday, January 17, 2026"]


def test_with_a_parse_a_sentence_may_start_with_a_year() -> None:
    sentence = "2019 was a hard year for the opposition."
    assert tag_timexes(sentence, DCT) == []  # no parse: a bare number before a word
    assert [t.value for t in tag_timexes(sentence, DCT, parse_one(sentence))] == ["2019"]


def test_with_a_parse_a_count_is_still_no_year() -> None:
    sentence = "She received 2020 votes in the district."
    assert tag_timexes(sentence, DCT, parse_one(sentence)) == []
