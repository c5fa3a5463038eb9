"""Finds time expressions in text and gives each its TIMEX3 type and value.

Every rule (rules_absolute, rules_relative) proposes expressions; where proposals overlap
the longest wins, and between equally long ones the earlier rule. Values relative to the
document creation time (DCT) are resolved here, with the clause's tense deciding whether a
weekday or a month without a year points back or forward.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from dateline.model import Precision, Timex
from dateline.temporal.calendar_math import parse_dct, value_range
from dateline.temporal.lexicon import load_lexicon
from dateline.temporal.narrative import resolve_narrative
from dateline.temporal.resolve import Context, Found, Rule
from dateline.temporal.rules_absolute import build_absolute_rules
from dateline.temporal.rules_named import build_named_rules
from dateline.temporal.rules_narrative import build_narrative_rules
from dateline.temporal.rules_relative import build_relative_rules
from dateline.temporal.rules_time import build_time_rules, join_clock_times
from dateline.temporal.spans import widen_all


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    lexicon = load_lexicon()
    return (
        *build_absolute_rules(lexicon),
        *build_relative_rules(lexicon),
        *build_time_rules(lexicon),
        *build_narrative_rules(lexicon),
        *build_named_rules(lexicon),
    )


#: Lower-case words of a paragraph, for matching rule cues.
WORD = re.compile(r"[a-z]+")
PARAGRAPH = re.compile(r"[^\n]+")


def paragraph_cues(paragraph: str) -> set[str]:
    cues = set(WORD.findall(paragraph.lower()))
    if any(map(str.isdigit, paragraph)):
        cues.add("#")
    return cues


@lru_cache(maxsize=1)
def rules_by_cue() -> dict[str, frozenset[int]]:
    """Cue word -> the ranks of the rules it cues."""
    index: dict[str, set[int]] = {}
    for rank, rule in enumerate(rules()):
        for cue in rule.cues:
            index.setdefault(cue, set()).add(rank)
    return {cue: frozenset(ranks) for cue, ranks in index.items()}


def propose(context: Context) -> list[tuple[Found, int]]:
    """Every expression any rule finds, with the rule's rank.

    Each paragraph is searched only by the rules whose cue words it contains: most
    paragraphs hold no time expression, and most rules are not needed for the rest.
    """
    text = context.text
    proposals: list[tuple[Found, int]] = []
    all_rules, by_cue = rules(), rules_by_cue()
    for paragraph in PARAGRAPH.finditer(text):
        cued: set[int] = set()
        for cue in paragraph_cues(paragraph.group()):
            cued.update(by_cue.get(cue, ()))
        start, end = paragraph.span()
        for rank in sorted(cued):  # the rules with a cue word here, in rank order
            rule = all_rules[rank]
            for match in rule.pattern.finditer(text, start, end):
                found = rule.handler(match, context)
                if found is not None and found.end > found.start:
                    proposals.append((trimmed(found, text), rank))
    return proposals


def trimmed(found: Found, text: str) -> Found:
    """Drop spaces a pattern's optional parts may have left at the edges."""
    start, end = found.start, found.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return replace(found, start=start, end=end)


def select(proposals: list[tuple[Found, int]]) -> list[Found]:
    """Longest first, then earliest rule; drop anything overlapping an expression kept."""
    kept: list[Found] = []
    for found, _ in sorted(proposals, key=lambda p: (p[0].start - p[0].end, p[1], p[0].start)):
        if all(found.end <= other.start or found.start >= other.end for other in kept):
            kept.append(found)
    return sorted(kept, key=lambda f: f.start)


def placeholder_precision(value: str) -> Precision:
    """Precision of an unresolved value from its shape ("XXXX-01-15" is a day)."""
    shape = value_range(value.replace("X", "1"))
    return shape[0] if shape else "unknown"


def to_timex(found: Found, text: str) -> Timex:
    timex = Timex(found.start, found.end, text[found.start : found.end], found.type, found.value)
    timex.anchor = found.anchor
    if found.type in {"DURATION", "SET"}:
        return timex
    calendar_range = value_range(found.value)
    if calendar_range:
        timex.precision, first, last = calendar_range
        timex.earliest, timex.latest = first.isoformat(), last.isoformat()
    else:
        timex.precision = placeholder_precision(found.value)
    return timex


def tag_timexes(text: str, dct: str | None, doc: Doc | None = None) -> list[Timex]:
    """Time expressions in ``text``, resolved against ``dct`` ("2026-01-20", "2026-01", None).

    ``doc``, a spaCy parse of the same text, lets the tense of each clause decide which
    Saturday "on Saturday" is; without it, weekdays and months point back from the DCT.
    """
    context = Context(text, parse_dct(dct), doc)
    found = join_clock_times(select(propose(context)), context)
    found = resolve_narrative(widen_all(found, text), context)
    return [to_timex(f, text) for f in found]
