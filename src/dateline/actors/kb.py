"""The actor knowledge base: names of countries, organisations and people, agent nouns
and person titles, loaded from the TSV files in ``dateline/actors/data``.

Every name is indexed by its *folded* form (accents stripped, case-folded, dots and a
leading "the" dropped), so "Nicolás Maduro", "Nicolas Maduro" and "U.S."/"US" meet.
Short all-capital acronyms ("US", "UN", "WHO") only match text written in capitals, so
the pronoun "us" or the word "who" never become actors.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

import pycountry

from dateline.model import Role
from dateline.textnorm import fold, strip_accents

EntryKind = Literal["country", "organisation", "person", "region"]

#: Country alias kinds matched anywhere; "place" (cities, provinces) only when NER agrees.
PLACE_KIND = "place"


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the knowledge base refers to."""

    actor_id: str
    name: str
    kind: EntryKind
    country: str | None = None
    sectors: tuple[str, ...] = ()
    #: The alias kind for countries (name, short, demonym, capital, seat, place, region).
    alias_kind: str = ""
    roles: tuple[Role, ...] = ()
    #: Written in capitals in the data: matches only text written in capitals.
    capitals_only: bool = False


@dataclass(slots=True)
class KnowledgeBase:
    names: dict[str, Entry] = field(default_factory=dict)
    #: Agent phrase (lowercase lemmas) -> sector codes, primary first.
    agents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Person title (lowercase) -> sector code.
    titles: dict[str, str] = field(default_factory=dict)
    sector_labels: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    #: Longest name in tokens (whitespace-separated words), bounds the gazetteer scan.
    max_name_words: int = 1
    max_title_words: int = 1
    #: The first word of every name: a token that starts no name needs no longer look-up.
    first_words: set[str] = field(default_factory=set)

    def may_start_name(self, token_text: str) -> bool:
        return first_word(fold(token_text)) in self.first_words

    def lookup(self, text: str) -> Entry | None:
        """The entry a surface text names, honouring the capitals-only rule."""
        entry = self.names.get(fold(text))
        if entry is None or (entry.capitals_only and not _written_in_capitals(text)):
            return None
        return entry


_FIRST_WORD = re.compile(r"\w+")


def first_word(folded: str) -> str:
    """The leading run of word characters ("guinea-bissau" -> "guinea", "us" -> "us")."""
    match = _FIRST_WORD.match(folded)
    return match.group(0) if match else folded


def slug(text: str) -> str:
    """ "Nicolás Maduro" -> "nicolas-maduro"."""
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).casefold()).strip("-")


def split_sectors(codes: str) -> tuple[str, ...]:
    """ "GOVSPY" -> ("GOV", "SPY"); "GOV,SPY" -> ("GOV", "SPY")."""
    joined = codes.replace(",", "").strip()
    return tuple(joined[i : i + 3] for i in range(0, len(joined), 3) if joined[i : i + 3])


def _written_in_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _is_acronym(alias: str) -> bool:
    letters = [char for char in alias if char.isalpha()]
    return _written_in_capitals(alias) and len(letters) <= 5


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("dateline.actors").joinpath("data").joinpath(filename).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]  # lines[0] names the columns


def _country_display_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    names.update({code: name for code, name, *_ in _rows("display_names.tsv")})
    return names


def _add(kb: KnowledgeBase, alias: str, entry: Entry) -> None:
    capitals_only = _is_acronym(alias)
    if capitals_only != entry.capitals_only:
        entry = dataclasses.replace(entry, capitals_only=capitals_only)
    key = fold(alias)
    if not key:
        return
    kb.names[key] = entry
    kb.first_words.add(first_word(key))
    kb.max_name_words = max(kb.max_name_words, len(key.split()))


def _load_countries(kb: KnowledgeBase, kinds: set[str]) -> None:
    for code, alias, kind, _source in _rows("countries.tsv"):
        if kind not in kinds:
            continue
        if code == "-":
            entry = Entry("", alias, "region", alias_kind=kind)  # blocks a match, no actor
        else:
            name = kb.country_names.get(code, alias)
            entry = Entry(code, name, "country", code, alias_kind=kind)
        _add(kb, alias, entry)


def _load_people(kb: KnowledgeBase) -> None:
    people: dict[str, tuple[str, list[str], list[Role]]] = {}
    for actor_id, name, aliases, country, sector, title, start, end in _rows("people.tsv"):
        role = Role(title, country or None, sector or None, start or None, end or None)
        people.setdefault(actor_id, (name, aliases.split("|"), []))[2].append(role)
    for actor_id, (name, alias_list, roles) in people.items():
        latest = roles[-1]  # rows are in time order: the last role is the current one
        entry = Entry(
            actor_id, name, "person", latest.country,
            tuple(dict.fromkeys(role.sector for role in reversed(roles) if role.sector)),
            roles=tuple(roles),
        )  # fmt: skip
        for alias in [name, *alias_list]:
            _add(kb, alias, entry)


def _load_organisations(kb: KnowledgeBase) -> None:
    for actor_id, name, country, sectors, aliases in _rows("organisations.tsv"):
        entry = Entry(actor_id, name, "organisation", country or None, split_sectors(sectors))
        for alias in [name, *aliases.split("|")]:
            _add(kb, alias, entry)
    for actor_id, name, aliases in _rows("igos.tsv"):
        entry = Entry(actor_id, name, "organisation", None, ("IGO",))
        for alias in [name, *aliases.split("|")]:
            _add(kb, alias, entry)


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base (cached per process).

    Later loads override earlier ones for the same name, so the order sets precedence:
    cities and seats of government < people < organisations < country names and regions.
    ("White House" is the organisation, not the country; "Washington" is the country.)
    """
    kb = KnowledgeBase(country_names=_country_display_names())
    _load_countries(kb, {PLACE_KIND, "seat"})
    _load_people(kb)
    _load_organisations(kb)
    _load_countries(kb, {"name", "short", "demonym", "capital", "region", "not-actor"})
    for phrase, codes, _source in _rows("agents.tsv"):
        kb.agents[phrase] = split_sectors(codes)
    for title, sector in _rows("titles.tsv"):
        kb.titles[title] = sector
        kb.max_title_words = max(kb.max_title_words, len(title.split()))
    kb.sector_labels = {code: label for code, label in _rows("sectors.tsv")}
    return kb


def lookup_country(text: str) -> str | None:
    """ISO 3166-1 alpha-3 code of a country name, demonym, capital or known place.

    "U.S." -> "USA", "Venezuelan" -> "VEN", "Caracas" -> "VEN", "Latin America" -> None.
    A trailing possessive is ignored ("Venezuela's").
    """
    text = re.sub(r"['’]s?$", "", text.strip())
    entry = load_kb().lookup(text)
    if entry is None or entry.kind != "country":
        return None
    return entry.country
