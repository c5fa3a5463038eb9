"""Agent phrases: a sector noun and the names that modify it become a country-sector group.

"Senior US officials" -> USA:GOV, "the Venezuelan military" -> VEN:MIL, "Hungarian and
Romanian officials" -> HUN:GOV and ROU:GOV, "Maduro representatives" -> VEN:GOV (a
person's country), "White House and State Department officials" -> USA:GOV (the
organisations' country). The country must be said in the phrase itself (its modifiers,
or "of"/"from" + country after the noun); otherwise the group is the bare sector
("officials" -> sector:GOV).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc, Token

from dateline.actors.kb import KnowledgeBase
from dateline.model import Actor, Mention
from dateline.nlp import TokenColumns, sentence_of, token_columns

SKIPPED_AT_START = frozenset({"DET", "PUNCT", "CCONJ", "ADP", "SPACE", "PART"})
#: Agent nouns that name a body even in the singular; other bare agents must be plural
#: ("officials", "experts"), so "use of force" or "business" alone make no group.
COLLECTIVE = frozenset(
    {"government", "administration", "military", "opposition", "police", "media", "regime",
     "army", "navy", "leadership", "cabinet", "congress", "parliament", "press"}
)  # fmt: skip


#: Sectors whose singular agent noun names a doer when it is a clause's subject: "a
#: suicide bomber attacks", "a gunman opened fire" (not "business" or "force").
ARMED_SECTORS = frozenset({"REB", "UAF", "CRM", "MIL", "COP", "RAD", "SPY"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

#: People nouns that make a group only with a country ("Venezuelan people" is VEN:CVL;
#: "people" or "women" alone is no actor).
GENERIC = frozenset(
    {"people", "person", "man", "woman", "child", "victim", "resident", "citizen", "member"}
)


class NamedSpan(Protocol):
    """A resolved name: the resolver's ``Name`` records satisfy this."""

    start: int
    end: int
    actor_id: str


def agent_sectors(token: Token, kb: KnowledgeBase) -> tuple[str, ...]:
    """Sectors of the agent phrase ending at this noun ("armed forces", "officials")."""
    return _sectors_at(token_columns(token.doc), token.i, kb)


def _sectors_at(columns: TokenColumns, i: int, kb: KnowledgeBase) -> tuple[str, ...]:
    """``agent_sectors`` of the token at ``i``, from the document's columns."""
    lower = columns.lower
    heads = _agent_heads(kb)
    if columns.lemma[i] not in heads and lower[i] not in heads:
        return ()  # no agent phrase ends with this word (most nouns)
    head_forms = dict.fromkeys([columns.lemma[i], lower[i]])
    for size in (3, 2):
        first = i - size + 1
        if first < 0:
            continue
        before = " ".join(lower[first:i])
        for head in head_forms:
            if f"{before} {head}" in kb.agents:
                return kb.agents[f"{before} {head}"]
    for head in head_forms:
        if head in kb.agents:
            return kb.agents[head]
    return ()


_heads: tuple[KnowledgeBase, int, frozenset[str]] | None = None


def _agent_heads(kb: KnowledgeBase) -> frozenset[str]:
    """Every ending of the knowledge base's agent phrases at a word boundary ("forces"
    and "armed forces" of "armed forces"): the words an agent phrase can end with."""
    global _heads
    if _heads is None or _heads[0] is not kb or _heads[1] != len(kb.agents):
        endings: set[str] = set()
        for phrase in kb.agents:
            words = phrase.split(" ")
            endings.update(" ".join(words[k:]) for k in range(len(words)))
        _heads = (kb, len(kb.agents), frozenset(endings))
    return _heads[2]


def _phrase_bounds(token: Token, countries_at: dict[int, str]) -> tuple[int, int]:
    """Token range of the agent phrase: modifiers + head (+ "of/from" + country)."""
    doc = token.doc
    start = max(token.left_edge.i, sentence_of(doc, token.i).start)
    while start < token.i and doc[start].pos_ in SKIPPED_AT_START:
        start += 1
    for child in token.lefts:
        # "last year's Iraqi insurgency": a possessor that names no country is left out.
        if child.dep_ == "poss" and not any(
            i in countries_at for i in range(child.left_edge.i, child.i + 1)
        ):
            start = max(start, child.right_edge.i + 1)
    while start < token.i and doc[start].pos_ in SKIPPED_AT_START:
        start += 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in countries_at:
                    end = pobj.i + 1
    if not any(i in countries_at for i in range(start, end)):
        # "Shia leaders in Iraq": with no other country said, people in X are X's (but
        # "British officials in Iraq" stay British)
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in countries_at:
                        end = pobj.i + 1
    return start, end


def agent_groups(
    doc: Doc, kb: KnowledgeBase, names: Sequence[NamedSpan], actors: dict[str, Actor]
) -> list[tuple[Mention, Actor]]:
    """A mention and group actor for every agent phrase (one per country it names)."""
    name_ranges = [(name.start, name.end) for name in names]
    # Token index -> country of the actor named there (a country, organisation or person).
    countries_at: dict[int, str] = {}
    for name in names:
        country = actors[name.actor_id].country
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if country and span is not None:
            for token in span:
                countries_at.setdefault(token.i, country)
    person_starts = {name.start for name in names if actors[name.actor_id].kind == "person"}
    in_names = CharRanges(name_ranges)
    # Only these can be what a phrase holds instead of a group (below).
    stateless = [
        name for name in names
        if actors[name.actor_id].kind == "organisation" and not actors[name.actor_id].country
    ]  # fmt: skip
    results: list[tuple[Mention, Actor]] = []
    columns = token_columns(doc)
    pos, idx, heads = columns.pos, columns.idx, _agent_heads(kb)
    for i in range(len(pos)):
        if pos[i] not in ("NOUN", "PROPN"):
            continue
        if columns.lemma[i] not in heads and columns.lower[i] not in heads:
            continue  # no agent phrase ends with this word (most nouns)
        sectors = _sectors_at(columns, i, kb)
        if not sectors:
            continue
        token = doc[i]
        if token.dep_ in ("compound", "amod", "nmod"):
            continue
        if i + 1 < len(idx) and idx[i + 1] in person_starts:
            continue  # a title before a name ("Venezuelan President Nicolás Maduro")
        end_char = token.idx + len(token.text)
        if in_names.overlaps(token.idx, end_char):
            continue  # part of a name ("Joint Chiefs of Staff")
        start, end = _phrase_bounds(token, countries_at)
        if _holds_stateless_organisation(doc, start, end, stateless, actors):
            continue  # "a UN peacekeeping force": the organisation is the actor
        countries: list[str | None] = list(
            dict.fromkeys(countries_at[k] for k in range(start, end) if k in countries_at)
        )
        lemma = token.lemma_.lower()
        singular_doer = token.dep_ in SUBJECT_DEPS and sectors[0] in ARMED_SECTORS
        if not countries and (
            lemma in GENERIC
            or (token.tag_ not in ("NNS", "NNPS") and lemma not in COLLECTIVE and not singular_doer)
        ):
            continue
        span = doc[start:end]
        for country in countries or [None]:
            actor = _group_actor(kb, country, sectors)
            mention = Mention(span.start_char, span.end_char, span.text, "AGENT", actor.id)
            results.append((mention, actor))
    return results


def _holds_stateless_organisation(
    doc: Doc, start: int, end: int, names: Sequence[NamedSpan], actors: dict[str, Actor]
) -> bool:
    if not names:
        return False
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return any(
        first <= name.start and name.end <= last
        and actors[name.actor_id].kind == "organisation" and not actors[name.actor_id].country
        for name in names
    )  # fmt: skip


class CharRanges:
    """Character ranges, for telling at once whether a span overlaps any of them (as
    ``start < range_end and range_start < end`` would, range by range)."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self._ranges = ranges
        # Offsets into a text are never negative; if one is, every test goes range by range.
        self._by_range = any(start < 0 for start, _ in ranges)
        self._chars = bytearray(0 if self._by_range else max([0, *(e for _, e in ranges)]))
        for start, end in [] if self._by_range else ranges:
            if end > start:
                self._chars[start:end] = b"\x01" * (end - start)
        # An empty range holds no character, yet overlaps the spans around it.
        self._empty = [(start, end) for start, end in ranges if end <= start]

    def overlaps(self, start: int, end: int) -> bool:
        if start >= end or start < 0 or self._by_range:  # as the test of each range says
            return any(start < e and s < end for s, e in self._ranges)
        if self._chars.find(1, start, end) >= 0:
            return True
        return any(start < e and s < end for s, e in self._empty)


def _group_actor(kb: KnowledgeBase, country: str | None, sectors: tuple[str, ...]) -> Actor:
    sector = sectors[0]
    label = kb.sector_labels.get(sector, sector.lower())
    if country is None:
        return Actor(f"sector:{sector}", label, "group", None, list(sectors))
    name = f"{kb.country_names.get(country, country)} {label}"
    return Actor(f"{country}:{sector}", name, "group", country, list(sectors))


def located_group(country: str, sectors: list[str]) -> Actor:
    """The country's group of these sectors: civilians hit in Baghdad are Iraqi
    civilians, demonstrators in London are British."""
    from dateline.actors.kb import load_kb

    return _group_actor(load_kb(), country, tuple(sectors))
