"""The tagger's word lists, loaded once from ``data/lexicon.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Unit:
    letter: str
    time: bool
    factor: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    month_abbreviations: frozenset[str]
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    weekdays: dict[str, int]
    weekday_blockers: frozenset[str]
    numbers: dict[str, int]
    vague_quantities: frozenset[str]
    units: dict[str, Unit]
    shift_words: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    named_times: dict[str, str]
    reference_phrases: dict[str, str]
    day_words: dict[str, int]
    set_words: dict[str, str]
    ordinals: dict[str, int]
    future_lemmas: frozenset[str]
    future_cues: frozenset[str]
    vague_spans: dict[str, str]
    holidays: dict[str, dict[str, int]]
    decade_words: dict[str, int]

    def number_pattern(self) -> str:
        """Number words as a regex: "five", "a dozen", "twenty-four", "twenty four"."""
        tens = [w for w, n in self.numbers.items() if n in range(20, 100, 10) and " " not in w]
        units = [w for w, n in self.numbers.items() if 1 <= n <= 9 and w not in {"a", "an"}]
        simple = [w for w, n in self.numbers.items() if not (20 < n < 100 and n % 10)]
        compound = rf"(?:{alternation(tens)})[-\s](?:{alternation(units)})\b"
        return rf"(?i:{compound}|(?:{alternation(simple)})\b)"

    def month(self, word: str) -> int:
        return self.months[word.lower().rstrip(".")]

    def number(self, word: str) -> int | None:
        """The count a number word or numeral stands for; None for a vague quantity."""
        key = " ".join(word.lower().split())
        if key.isdigit():
            return int(key)
        if key in self.numbers:
            return self.numbers[key]
        return None

    def unit(self, word: str) -> Unit:
        key = word.lower()
        if key == "centuries":
            key = "century"
        return self.units[key.removesuffix("s")]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in items)


def with_compounds(numbers: dict[str, int]) -> dict[str, int]:
    """Adds "twenty-four" and "twenty four" from the tens and units in ``numbers``."""
    tens = {word: n for word, n in numbers.items() if n in range(20, 100, 10)}
    units = {word: n for word, n in numbers.items() if 1 <= n <= 9 and word not in {"a", "an"}}
    compounds = {
        f"{ten}{joiner}{unit}": tens[ten] + units[unit]
        for ten in tens
        for unit in units
        for joiner in ("-", " ")
    }
    return {**numbers, **compounds}


#: The C parser where PyYAML has one: the same data, ten times faster (start-up time).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw: dict[str, Any] = yaml.load(
        resources.files("dateline.temporal").joinpath("data/lexicon.yaml").read_text("utf-8"),
        Loader=YAML_LOADER,
    )
    references = {
        phrase.lower(): value
        for value, phrases in raw["reference_phrases"].items()
        for phrase in phrases
    }
    return Lexicon(
        months={str(k): int(v) for k, v in raw["months"].items()},
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        month_abbreviations=frozenset(raw["month_abbreviations"]),
        month_cues=frozenset(raw["month_cues"]),
        year_cues=frozenset(raw["year_cues"]),
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        weekday_blockers=frozenset(raw["weekday_blockers"]),
        numbers=with_compounds({str(k): int(v) for k, v in raw["numbers"].items()}),
        vague_quantities=frozenset(raw["vague_quantities"]),
        units={str(k): Unit(**v) for k, v in raw["units"].items()},
        shift_words={str(k): int(v) for k, v in raw["shift_words"].items()},
        seasons={str(k): str(v) for k, v in raw["seasons"].items()},
        parts_of_day={str(k): str(v) for k, v in raw["parts_of_day"].items()},
        named_times={str(k): str(v) for k, v in raw["named_times"].items()},
        reference_phrases=references,
        day_words={str(k): int(v) for k, v in raw["day_words"].items()},
        set_words={str(k): str(v) for k, v in raw["set_words"].items()},
        ordinals={str(k): int(v) for k, v in raw["ordinals"].items()},
        future_lemmas=frozenset(raw["future_lemmas"]),
        future_cues=frozenset(raw["future_cues"]),
        vague_spans={str(k): str(v) for k, v in raw["vague_spans"].items()},
        holidays={str(k): {a: int(b) for a, b in v.items()} for k, v in raw["holidays"].items()},
        decade_words={str(k): int(v) for k, v in raw["decade_words"].items()},
    )
