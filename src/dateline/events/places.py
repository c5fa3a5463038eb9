"""Event locations: where an event happened, from the phrases of its clause.

Where to look, nearest first (the word lists are in events/data/places.yaml):
1. the trigger's own place phrases: "met in Caracas", "strikes in the Caribbean",
   "deployed off the coast of Venezuela", "strikes on Venezuelan soil"; for movements
   also the destination ("sent warships to the Caribbean", "a visit to Caracas");
2. the verb that carries an event noun: "held talks in Doha", "the talks took place in
   Doha", "the strikes carried out in the Caribbean", "traveled to Doha for talks";
3. for acts done where their object is, the object's place: "struck boats in the
   Caribbean", "met officials in Caracas";
4. the place a visit's object names: "visited Caracas";
5. a city or region named attributively: "the Doha talks", "Caribbean strikes".
Subjects are never looked into: "the ambassador in Caracas said ..." places the speaker,
not what he reports. A participant is no place either: "talks with Venezuela" names whom
the talks are with, and a country after "at" is a target ("missiles aimed at
Venezuela"). When the clause states no place, the location stays None: nothing is
guessed from the participants or the rest of the article.

What a phrase names is worked out by events/placenames.py.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.events.arguments import ActorIndex
from dateline.events.lexicon import load_lexicon
from dateline.events.placenames import OF, Context, PlaceResolver, is_country, place_phrases
from dateline.model import EventMention, Location
from dateline.nlp import token_columns

#: Prepositions through which an act reaches its object ("fired on", "talks with").
OBJECT_PREPOSITIONS = frozenset({"with", "on", "against", "at", "to", "toward", "towards"})
NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase that may say where an event happened."""

    head: Token
    #: The preposition that introduces it ("in", "at"), "" for an object or modifier.
    preposition: str = ""
    #: A city needs NER's place label: a name after "in" is a place whatever label NER
    #: gave it, a name after "visited" or "the arrest of" may be a man ("Santos").
    strict: bool = False
    #: A modifier of the event noun ("the Doha talks"): only a city or region counts.
    attributive: bool = False


def locate_events(doc: Doc, events: list[EventMention], index: ActorIndex) -> None:
    """Set each event mention's location from its clause (None when none is stated)."""
    if not events:
        return
    starting = {start: i for i, start in enumerate(token_columns(doc).idx)}
    locator = Locator(doc, index)
    for event in events:
        at = starting.get(event.trigger_start)
        trigger = doc[at] if at is not None else None
        if trigger is not None and trigger.dep_ == "compound" and trigger.head.pos_ in NOUNS:
            trigger = trigger.head  # "aid operations across Haiti": where the operations are
        if trigger is not None:
            event.location = locator.locate(trigger, event)


class Locator:
    """Finds the place of the events of one parsed document."""

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.resolver = PlaceResolver(doc)
        self.words = self.resolver.words
        lexicon = load_lexicon()
        self.motion_verbs = lexicon.motion_verbs
        self.light_verbs = lexicon.light_verbs
        self.index = index
        self._starts = [m.start for m in index.mentions]
        self._static_prepositions = self.words.place_prepositions | self.words.surface_prepositions
        self._moving_prepositions = self._static_prepositions | self.words.destination_prepositions

    def locate(self, trigger: Token, event: EventMention) -> Location | None:
        context = self._context(event)
        for phrase in self.phrases(trigger, event):
            lemma = phrase.head.lemma_.lower()
            if phrase.preposition in self.words.surface_prepositions and (
                lemma not in self.resolver.relation_nouns
            ):
                continue  # "strikes on Venezuela": a target; "on Venezuelan soil": a place
            if phrase.attributive:
                place = self.resolver.resolve_attributive(phrase.head, context)
            else:
                place = self.resolver.resolve(phrase.head, context, strict=phrase.strict)
            if place is None:
                continue
            if phrase.preposition in self.words.target_prepositions and is_country(place):
                continue  # "missiles aimed at Venezuela": a target, not a place
            return place
        return None

    def phrases(self, trigger: Token, event: EventMention) -> Iterator[Phrase]:
        """Phrases of the trigger's clause that may say where it happened, nearest first."""
        words = self.words
        moves = event.type in words.destination_types or event.mode in words.destination_modes
        yield from self._prepositional(trigger, moves)
        if event.type in words.patient_place_types and trigger.pos_ in NOUNS:
            yield from (Phrase(obj, "of", strict=True) for _, obj in place_phrases(trigger, OF))
        carriers = list(self._carriers(trigger))
        for verb in carriers:
            yield from self._prepositional(verb, moves or verb.lemma_.lower() in self.motion_verbs)
        if event.type in words.object_place_types:
            for holder in [trigger, *carriers]:
                for obj in self._objects(holder, trigger):
                    yield from self._prepositional(obj, False)
        if moves and trigger.pos_ == "VERB":  # "visited Caracas"; not "hosted Maduro"
            yield from (
                Phrase(c, strict=True) for c in trigger.children
                if c.dep_ == "dobj" and not self._names_actor(c)
            )  # fmt: skip
        if trigger.pos_ in NOUNS:
            for child in trigger.children:
                attribute = child.dep_ in {"compound", "nmod", "amod"} and child.i < trigger.i
                if attribute and not self._names_actor(child):  # not "the Jackson raid"
                    yield Phrase(child, attributive=True)

    def _prepositional(self, head: Token, moves: bool) -> Iterator[Phrase]:
        prepositions = self._moving_prepositions if moves else self._static_prepositions
        for preposition, obj in place_phrases(head, prepositions):
            yield Phrase(obj, preposition)

    def _carriers(self, trigger: Token) -> Iterator[Token]:
        """Words whose place is an event noun's place: "held talks in Doha", "the talks
        took place in Doha", "the talks are expected to take place in Doha", "the
        strikes carried out in the Caribbean", "traveled to Doha for talks", "a visit to
        Doha for talks"."""
        if trigger.pos_ not in NOUNS:
            return
        head = trigger.head
        lemma = head.lemma_.lower()
        occurrence = self.words.occurrence_verbs
        if head.pos_ in {"VERB", "AUX"} and head.i != trigger.i:
            carried = trigger.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and (
                lemma in self.light_verbs or lemma in occurrence
            )
            if carried or (trigger.dep_ == "nsubj" and lemma in occurrence):
                yield head
            if trigger.dep_ in {"nsubj", "nsubjpass"}:
                yield from (
                    c for c in head.children
                    if c.dep_ == "xcomp" and c.lemma_.lower() in occurrence
                )  # fmt: skip
        if trigger.dep_ == "pobj" and head.lower_ in {"for", "in"}:
            mover = head.head  # "traveled to Caracas for talks", "a visit to Caracas for talks"
            if mover.pos_ in {"VERB", *NOUNS} and mover.lemma_.lower() in self.motion_verbs:
                yield mover
        yield from (c for c in trigger.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB")

    def _objects(self, holder: Token, trigger: Token) -> Iterator[Token]:
        """What an act is done to or with, whose place is the act's place."""
        for child in holder.children:
            if child is trigger:
                continue
            if child.dep_ in {"dobj", "dative"}:
                yield child
            elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS:
                yield from (g for g in child.children if g.dep_ == "pobj")

    def _names_actor(self, token: Token) -> bool:
        """True when the token names a person or organisation the resolver found."""
        mention = self.index.mention_at(token)
        return mention is not None and self.index.actors[mention.actor_id].kind in {
            "person", "organisation", "group"
        }  # fmt: skip

    def _context(self, event: EventMention) -> Context:
        first = bisect_left(self._starts, event.sentence_start)
        last = bisect_left(self._starts, event.sentence_end)
        participants = (*event.actors, *event.recipients)
        return Context(participants, tuple(self.index.mentions[first:last]), self.index)
