"""Conflicting accounts: where the reports merged into one event disagree.

An event merged from several articles keeps every report; when they give the happening
different dates (ranges that do not overlap), different places (two places neither of
which contains the other), different casualty figures (numbers next to "killed",
"wounded", "arrested" in their sentences) or opposite statuses (one says it happened, one
that it did not), the event carries a :class:`~dateline.model.Conflict` for that field
with each value and the mentions that give it. Only disagreements between documents count:
an account is what one source says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

from .model import Conflict, DateValue, EventMention, Location
from .textnorm import fold

#: A report's sentence may give its figure a few words away from the casualty word
#: ("11 people were reportedly killed"); further than this it is about something else.
FIGURE_WINDOW = 4
#: Four-digit numbers in this range are years ("killed in 2019"), not figures.
YEARS = range(1900, 2101)
_TOKEN = re.compile(r"\d[\d,]*\d|\d|[a-z]+")


class ReportLike(Protocol):
    """An event mention with its sentence and publisher (a store's ``StoredMention``)."""

    @property
    def mention(self) -> EventMention: ...
    @property
    def sentence(self) -> str: ...
    @property
    def publisher(self) -> str | None: ...


@lru_cache(maxsize=1)
def linking_data() -> dict[str, Any]:
    """The word lists of data/linking.yaml."""
    import yaml  # here, not at the top: commands that only read a store never need it

    text = resources.files("dateline").joinpath("data", "linking.yaml").read_text("utf-8")
    # The C parser where PyYAML has one: the same data, ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


@lru_cache(maxsize=1)
def _figure_words() -> tuple[dict[str, str], frozenset[str], dict[str, int]]:
    data = linking_data()
    kinds = {fold(word): kind for kind, words in data["figures"].items() for word in words}
    fillers = frozenset(fold(word) for word in data["figure_fillers"])
    numbers = {fold(word): int(value) for word, value in data["number_words"].items()}
    return kinds, fillers, numbers


def _number(token: str, numbers: dict[str, int]) -> int | None:
    if token[0].isdigit():
        value = int(token.replace(",", ""))
        return None if len(token) == 4 and value in YEARS else value
    return numbers.get(token)


def figures(sentence: str) -> set[tuple[str, int]]:
    """Casualty figures a sentence gives: {("killed", 11), ("wounded", 3)}."""
    kinds, fillers, numbers = _figure_words()
    tokens = _TOKEN.findall(fold(sentence))
    found: set[tuple[str, int]] = set()
    for i, token in enumerate(tokens):
        kind = kinds.get(token)
        if kind is None:
            continue
        for step in (-1, 1):  # the number before the word, then after it
            j = i + step
            while 0 <= j < len(tokens) and abs(j - i) <= FIGURE_WINDOW + 1:
                value = _number(tokens[j], numbers)
                if value is not None:
                    found.add((kind, value))
                    break
                if tokens[j] not in fillers:
                    break
                j += step
    return found


def _days(day: str | None, default: date) -> date:
    try:
        return date.fromisoformat(day) if day else default
    except ValueError:
        return default


def date_range(value: DateValue) -> tuple[date, date] | None:
    """The inclusive range of days a date allows, None when it has no bound."""
    if value.earliest is None and value.latest is None:
        return None
    return _days(value.earliest, date.min), _days(value.latest, date.max)


def overlaps(a: DateValue, b: DateValue) -> bool:
    ra, rb = date_range(a), date_range(b)
    return ra is not None and rb is not None and ra[0] <= rb[1] and rb[0] <= ra[1]


def is_country(place: Location) -> bool:
    """A whole country (its gazetteer entry), as against a place in it."""
    # Imported here: the gazetteer loads the actor knowledge base, which only ingesting
    # (where it is loaded already) needs; the store's readers never compare places.
    from .events.placenames import is_country as gazetteer_is_country

    return gazetteer_is_country(place)


def place_relation(a: Location | None, b: Location | None) -> str:
    """How two reports' places relate: "same"; "compatible" (one unknown, or one inside
    the other); "conflict" (two places in one country, or two regions); "incompatible"
    (two countries: no two reports of one happening say that)."""
    if a is None or b is None:
        return "compatible"
    if fold(a.name) == fold(b.name):
        return "same"
    if a.country and b.country and a.country != b.country:
        return "incompatible"
    if a.country is None or b.country is None:
        # A sea or region and a place (the Caribbean, off Venezuela) may be the same spot;
        # two different regions are two accounts.
        return "conflict" if a.country is None and b.country is None else "compatible"
    if is_country(a) or is_country(b):
        return "compatible"  # Caracas is in Venezuela
    return "conflict"


def _conflict(field: str, values: dict[str, list[EventMention]]) -> Conflict | None:
    """A conflict when the mentions behind different values come from different documents."""
    if len(values) < 2:
        return None
    docs = {m.doc_id for mentions in values.values() for m in mentions}
    if len(docs) < 2:
        return None
    ordered = sorted(values)
    return Conflict(field, ordered, [sorted({m.id for m in values[v]}) for v in ordered])


def _date_conflict(mentions: Sequence[EventMention], dated: set[str]) -> Conflict | None:
    # Dates that overlap are one account at two precisions ("January", "January 3"); only
    # ranges that exclude each other disagree. Each value joins the first group it overlaps.
    groups: list[tuple[DateValue, list[EventMention]]] = []
    for m in sorted((m for m in mentions if m.id in dated), key=lambda m: m.date.value or ""):
        group = next((g for g in groups if overlaps(g[0], m.date)), None)
        if group is None:
            groups.append((m.date, [m]))
        else:
            group[1].append(m)
    return _conflict("date", {g[0].value or "": g[1] for g in groups})


def _place_conflict(mentions: Sequence[EventMention]) -> Conflict | None:
    # Every place two reports disagree on; a place that contains the others (the
    # country) or is unknown takes no side.
    by_name: dict[str, list[EventMention]] = {}
    for m in mentions:
        if m.location is not None:
            by_name.setdefault(m.location.name, []).append(m)
    disputed: dict[str, list[EventMention]] = {}
    for a, ma in by_name.items():
        for b, mb in by_name.items():
            relation = place_relation(ma[0].location, mb[0].location)
            if a < b and relation in {"conflict", "incompatible"}:
                disputed[a], disputed[b] = ma, mb
    return _conflict("location", disputed)


def find_conflicts(reports: Sequence[ReportLike], dated: set[str]) -> list[Conflict]:
    """The conflicting accounts among the reports of one event; ``dated`` holds the ids
    of the mentions dated by their text (the others carry their publication date)."""
    mentions = [r.mention for r in reports]
    if len({m.doc_id for m in mentions}) < 2:
        return []  # one account cannot conflict with itself
    found: list[Conflict | None] = [_date_conflict(mentions, dated)]
    found.append(_place_conflict(mentions))
    numbers: dict[str, dict[str, list[EventMention]]] = {}
    for report in reports:
        for kind, value in figures(report.sentence):
            numbers.setdefault(kind, {}).setdefault(f"{value} {kind}", []).append(report.mention)
    found += [_conflict("figures", numbers[kind]) for kind in sorted(numbers)]
    statuses: dict[str, list[EventMention]] = {}
    for m in mentions:
        if m.modality in {"asserted", "negated"}:
            statuses.setdefault(m.modality, []).append(m)
    found.append(_conflict("modality", statuses))
    return [c for c in found if c is not None]
