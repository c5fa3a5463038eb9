"""One happening reported twice in a sentence: keep one mention of it.

Two event mentions of the same type are one event when the second trigger is the
first's object ("host talks") or hangs off it through a preposition ("engaging in
talks", "visit ... for a meeting with X", "traveled to Caracas for discussions") or in
apposition, directly or as a conjunct of the apposed noun ("military actions – not an
invasion, but strikes and raids"). The first is kept, except that a noun in a verb's
prepositional phrase is the event the verb carries ("talks", not "engaging"); the one
kept takes the other's participants where it has none of its own. A noun with an
anaphoric determiner ("the first such meeting", "this visit") is dropped when the
sentence already has an event of its type.

The content of a request or a protest ("calling for the withdrawal of troops", "demand
that the government withdraw", "demonstrate, calling for ...") is what is asked or
protested, not an event of its own: a mention governed by one of those is dropped.

A verb in an infinitival clause of an event noun ("the operation to remove him") is the
purpose of the noun's act: it stays, but ranks below the noun, which takes its
recipients when it has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.events.arguments import unique
from dateline.events.lexicon import Lexicon
from dateline.model import EventMention

#: How much a purpose clause's event ranks below the event noun it describes.
PURPOSE_PENALTY = 0.25


@dataclass(slots=True)
class Found:
    token: Token
    event: EventMention


def _linked(first: Token, second: Token) -> bool:
    """True when ``second`` elaborates ``first``: object of one of its prepositions or
    (a conjunct of) its apposition."""
    if second.dep_ == "pobj" and second.head.dep_ == "prep" and second.head.head.i == first.i:
        return True
    if second.dep_ == "dobj" and second.head.i == first.i:
        return True  # "Egypt will host talks": the hosting is the meeting
    token = second
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "appos" and token.head.i == first.i


def _absorb(keeper: EventMention, other: EventMention, union: bool = False) -> None:
    """The keeper takes the other's participants where it has none; with ``union`` it
    adds the other's recipients ("visit to Venezuela for a meeting with X": both)."""
    keeper.actors = keeper.actors or list(other.actors)
    taken = {a.actor_id for a in keeper.actors}
    if not keeper.recipients or union:
        keeper.recipients = unique(
            [*keeper.recipients, *(r for r in other.recipients if r.actor_id not in taken)]
        )


def _anaphoric(token: Token, lexicon: Lexicon) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"det", "amod", "predet"} and c.lower_ in lexicon.anaphoric_determiners
        for c in token.children
    )


#: Verbs through which an event noun as subject states its purpose ("the buildup serves
#: to challenge Maduro", "the strikes are meant to deter").
PURPOSE_VERBS = frozenset({"serve", "aim", "seek", "mean", "design", "intend"})


def _purpose_of(token: Token, found: list[Found]) -> Found | None:
    """The event noun whose infinitival clause this verb is ("an operation to remove",
    "the buildup serves to challenge")."""
    if token.pos_ != "VERB" or not _infinitive(token):
        return None
    if token.dep_ in {"acl", "relcl"}:
        return next((f for f in found if f.token.i == token.head.i), None)
    carrier = token.head
    if token.dep_ in {"xcomp", "advcl"} and carrier.lemma_.lower() in PURPOSE_VERBS:
        subjects = {c.i for c in carrier.children if c.dep_ in {"nsubj", "nsubjpass"}}
        return next((f for f in found if f.token.i in subjects), None)
    return None


#: Links from a request's or protest's content up to its trigger, and how many.
CONTENT_LINKS = frozenset({"pobj", "prep", "ccomp", "xcomp", "dobj", "acl", "relcl", "advcl"})
CONTENT_DEPTH = 4


def _content_of(token: Token, holders: dict[int, Found]) -> Found | None:
    """The request or protest whose content ``token`` is, if any."""
    current = token
    for _ in range(CONTENT_DEPTH):
        link = current.dep_
        if link not in CONTENT_LINKS or current.head.i == current.i:
            return None
        if link == "prep" and current.lower_ not in {"for", "against", "at", "over", "of"}:
            return None
        if link == "advcl" and current.tag_ != "VBG" and not _infinitive(current):
            return None  # "... after police attacked them" has its own status
        current = current.head
        if current.i in holders:
            return holders[current.i]
    return None


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def merge_mentions(found: list[Found], lexicon: Lexicon) -> list[EventMention]:
    """The sentence's events with repeated mentions of one happening folded together."""
    dropped: set[int] = set()
    holders = {f.token.i: f for f in found if f.event.type in lexicon.content_types}
    for item in found:
        holder = _content_of(item.token, holders)
        if holder is not None and holder is not item:
            dropped.add(id(item))
    for later in found:
        for earlier in found:
            if earlier is later or id(earlier) in dropped or id(later) in dropped:
                continue
            if earlier.event.type == later.event.type and _linked(earlier.token, later.token):
                keeper, other = earlier, later
                if earlier.token.pos_ == "VERB" and later.token.dep_ == "pobj":
                    keeper, other = later, earlier  # "traveled to Doha for talks": the talks
                _absorb(keeper.event, other.event, union=keeper.event.mode == "visit")
                dropped.add(id(other))
                break
    for item in found:
        if id(item) in dropped or not _anaphoric(item.token, lexicon):
            continue
        if any(
            other.event.type == item.event.type and id(other) not in dropped
            for other in found
            if other is not item
        ):
            dropped.add(id(item))
    for item in found:
        noun = _purpose_of(item.token, found)
        if noun is not None and id(noun) not in dropped:
            if not noun.event.recipients:
                _absorb(noun.event, item.event)
            lower = min(item.event.confidence, noun.event.confidence) - PURPOSE_PENALTY
            item.event.confidence = round(max(0.05, lower), 2)
    return [f.event for f in found if id(f) not in dropped]
