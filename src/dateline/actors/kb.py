"""The actor knowledge base: names of countries, organisations and people, agent nouns
and person titles, loaded from the TSV files in ``dateline/actors/data``.

Every name is indexed by its *folded* form (accents stripped, case-folded, dots and a
leading "the" dropped), so "Nicolás Maduro", "Nicolas Maduro" and "U.S."/"US" meet.
Short all-capital acronyms ("US", "UN", "WHO") only match text written in capitals, so
the pronoun "us" or the word "who" never become actors.
"""

from __future__ import annotations

import dataclasses
import gc
import gzip
import re
from collections.abc import Iterator
from contextlib import contextmanager
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
    #: The first word of every name -> the most words a name starting with it has: a token
    #: that starts no name needs no longer look-up, and the others only up to that length.
    first_words: dict[str, int] = field(default_factory=dict)
    #: Names of the people derived from the Phoenix dictionaries (thousands, most never
    #: met in a corpus) -> (actor id, the name as written); the entry is built on first
    #: look-up, which keeps start-up time and memory low.
    deferred: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Actor id -> (name, role rows "country<TAB>sector<TAB>title<TAB>start<TAB>end").
    deferred_people: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    built_people: dict[str, Entry] = field(default_factory=dict)

    def may_start_name(self, token_text: str) -> bool:
        return _first_folded_word(token_text) in self.first_words

    def longest_name_from(self, token_text: str) -> int:
        """The most words of a name that starts with this token (0: none starts with it)."""
        return self.first_words.get(_first_folded_word(token_text), 0)

    def _index_name(self, key: str) -> None:
        words = key.count(" ") + 1
        start = first_word(key)
        if self.first_words.get(start, 0) < words:
            self.first_words[start] = words
        self.max_name_words = max(self.max_name_words, words)

    def lookup(self, text: str) -> Entry | None:
        """The entry a surface text names, honouring the capitals-only rule."""
        key = _folded(text)
        entry = self.names.get(key)
        if entry is None and key in self.deferred:
            entry = self._build_deferred(key)
        if entry is None or (entry.capitals_only and not _written_in_capitals(text)):
            return None
        return entry

    def _build_deferred(self, key: str) -> Entry:
        actor_id, alias = self.deferred.pop(key)
        entry = self.built_people.get(actor_id)
        if entry is None:
            name, rows = self.deferred_people[actor_id]
            roles = []
            for row in rows:
                country, sector, title, start, end = row.split("\t")
                roles.append(Role(title, country or None, sector or None, start or None,
                                  end or None))  # fmt: skip
            entry = self.built_people[actor_id] = _person_entry(actor_id, name, roles)
        if _is_acronym(alias) != entry.capitals_only:
            entry = dataclasses.replace(entry, capitals_only=not entry.capitals_only)
        self.names[key] = entry
        return entry


_FIRST_WORD = re.compile(r"\w+")

#: ``fold`` of the texts looked up: the scan of every document asks about the same
#: capitalised words and phrases again and again.
_folded = lru_cache(maxsize=1 << 16)(fold)


@lru_cache(maxsize=1 << 16)
def _first_folded_word(text: str) -> str:
    """``first_word(fold(text))``, once per text."""
    return first_word(_folded(text))


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
    if not text.isupper():  # a lowercase letter, or no cased one: fast path (hot at load)
        return False
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _is_acronym(alias: str) -> bool:
    return _written_in_capitals(alias) and sum(char.isalpha() for char in alias) <= 5


def _lines(filename: str) -> list[str]:
    """The data lines of a data file, the column header first."""
    entry = resources.files("dateline.actors").joinpath("data").joinpath(filename)
    # Large generated files are kept gzipped (deterministically: no timestamp in them).
    raw = entry.read_bytes()
    text = (gzip.decompress(raw) if filename.endswith(".gz") else raw).decode("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _rows(filename: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(filename)[1:]]  # lines[0] names the columns


def _country_display_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    names.update({code: name for code, name, *_ in _rows("display_names.tsv")})
    return names


def _add(
    kb: KnowledgeBase, alias: str, entry: Entry, key: str | None = None, *, replace: bool = True
) -> None:
    """Index ``alias`` (folded: ``key``) as a name of ``entry``; with ``replace`` false, only
    when no entry has that name yet."""
    key = fold(alias) if key is None else key
    if not key or (not replace and key in kb.names):
        return
    capitals_only = _is_acronym(alias)
    if capitals_only != entry.capitals_only:
        entry = dataclasses.replace(entry, capitals_only=capitals_only)
    kb.names[key] = entry
    kb._index_name(key)


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


def _fold_name(name: str) -> str:
    """``fold`` with a fast path for plain ASCII names (most of the derived people)."""
    if name.isascii() and "." not in name and "  " not in name and name == name.strip():
        key = name.casefold()
        return key[4:] if key.startswith("the ") else key
    return fold(name)


def _read_people(filename: str) -> dict[str, tuple[str, list[str], list[Role]]]:
    """Actor id -> (name, aliases, roles in time order) of a people file."""
    people: dict[str, tuple[str, list[str], list[Role]]] = {}
    for actor_id, name, aliases, country, sector, title, start, end in _rows(filename):
        role = Role(title, country or None, sector or None, start or None, end or None)
        if actor_id not in people:
            people[actor_id] = (name, aliases.split("|") if aliases else [], [])
        people[actor_id][2].append(role)
    return people


def _person_entry(actor_id: str, name: str, roles: list[Role]) -> Entry:
    latest = roles[-1]  # rows are in time order: the last role is the current one
    return Entry(
        actor_id, name, "person", latest.country,
        tuple(dict.fromkeys(role.sector for role in reversed(roles) if role.sector)),
        roles=tuple(roles),
    )  # fmt: skip


def _load_people(kb: KnowledgeBase) -> None:
    """The hand-written people.tsv, then the people derived from the Phoenix dictionaries
    (people_phoenix.tsv.gz). The hand-written file is curated and newer, so it wins: a derived
    person with its id or one of its full names is left out, a derived one-word alias it
    claims is dropped, and derived names never replace a name already known (a place)."""
    hand = _read_people("people.tsv")
    hand_keys: set[str] = set()
    for actor_id, (name, aliases, roles) in hand.items():
        entry = _person_entry(actor_id, name, roles)
        for alias in [name, *aliases]:
            _add(kb, alias, entry)
            hand_keys.add(fold(alias))
    derived: dict[str, tuple[str, str, list[str]]] = {}  # id -> name, aliases, role rows
    for line in _lines("people_phoenix.tsv.gz")[1:]:
        actor_id, name, joined, role_row = line.split("\t", 3)
        if actor_id not in derived:
            derived[actor_id] = (name, joined, [])
        derived[actor_id][2].append(role_row)
    for actor_id, (name, joined, role_rows) in derived.items():
        names = [name, *joined.split("|")] if joined else [name]
        keys = [_fold_name(alias) for alias in names]
        if actor_id in hand or any(" " in key and key in hand_keys for key in keys):
            continue  # the same person as a hand-written one
        kb.deferred_people[actor_id] = (name, role_rows)
        for alias, key in zip(names, keys, strict=True):
            if key and key not in hand_keys and key not in kb.names and key not in kb.deferred:
                kb.deferred[key] = (actor_id, alias)
                kb._index_name(key)


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
    cities and seats of government < people < organisations < country names and regions
    (the people derived from the Phoenix dictionaries add names only where none is known).
    ("White House" is the organisation, not the country; "Washington" is the country.)
    """
    # Tens of thousands of small objects, none of them garbage: the cyclic collector's
    # passes over them would more than double the load time.
    with collector_paused():
        return _build_kb()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a large, lasting index is built."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _build_kb() -> KnowledgeBase:
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
