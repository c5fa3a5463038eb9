"""Participants of an event: actors and recipients read off the parse.

The actor is the trigger's subject (or the subject it shares as a controlled, conjoined,
participle or purpose clause), the agent of a passive, or an event noun's possessor,
modifier, "by" phrase or carrying verb's subject; the recipient is the object, the
object of "to", "with", "against", "on" ..., or an event noun's "of" phrase for acts done
to someone. After the events of a document are located, sector groups with no country
take the country where their event happened, and an event with no named recipient of
the located types is aimed at that country.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.actors import located_group
from dateline.events.arguments import ActorIndex, unique
from dateline.events.lexicon import LexEntry, Lexicon
from dateline.events.triggers import (
    THEME_TYPES,
    carrier_of,
    event_objects,
    noun_entry,
    preposition_objects,
)  # fmt: skip
from dateline.model import ActorRef, EventMention

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


#: Prepositions that introduce a recipient ("talks with X", "strikes on X").
RECIPIENT_PREPOSITIONS = frozenset({"to", "with", "against", "on", "toward", "towards", "at"})


#: Types whose "of X" and possessor name the one acted on ("Maduro's ouster").
PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN"})


#: Types whose "of X" names who moves ("a pull-out of US troops", "deployment of ships").
MOVER_TYPES = frozenset({"RETREAT", "MOBILIZE"})


PATIENT_NOUNS = frozenset({"ouster", "removal", "overthrow", "capture", "arrest", "seizure"})


@dataclass(slots=True)
class Arguments:
    actors: list[ActorRef]
    recipients: list[ActorRef]


def subject_actors(verb: Token, index: ActorIndex, depth: int = 0) -> list[ActorRef]:
    """Actors of a verb's subject; controlled and conjoined verbs borrow their head's."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "csubj"}:
            if child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                return index.actors_of(verb.head)  # "the operation that apprehended X"
            return index.actors_of(child)
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return index.actors_of(objects[0])
    if depth > 3 or verb.head.i == verb.i:
        return []
    # controlled and conjoined verbs share the subject; so does a participle clause
    # ("..., sending troops"), but not a bare passive one ("if asked")
    # and so does a purpose infinitive ("gathered for a march to demand ...")
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    purpose = verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    shares = verb.dep_ in {"xcomp", "conj"} or participle or purpose
    if shares and verb.head.pos_ in {"VERB", "AUX"}:
        return subject_actors(verb.head, index, depth + 1)
    if verb.dep_ in {"acl", "relcl"}:
        # "Cuba—providing bodyguards", "the US operation to remove Maduro"
        own = index.actors_of(verb.head)
        if own or verb.head.head.i == verb.head.i:
            return own
        return means_actors(verb.head, index)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        return means_actors(verb.head, index)  # "... backed an attempt by recognizing X"
    return []


def means_actors(start: Token, index: ActorIndex) -> list[ActorRef]:
    """The subject of the nearest verb above ``start``: who acts "by recognizing X" or
    through "an attempt to oust him" is who made the attempt."""
    current = start.head
    for _ in range(4):
        if current.pos_ in {"VERB", "AUX"}:
            found = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
            if found:
                return index.actors_of(found[0])
        if current.head.i == current.i:
            break
        current = current.head
    return []


def verb_arguments(verb: Token, entry: LexEntry, index: ActorIndex, lexicon: Lexicon) -> Arguments:
    actors = subject_actors(verb, index)
    recipients: list[ActorRef] = []
    if verb.lemma_.lower() in lexicon.undo_verbs:  # "lift sanctions on X": X
        for noun in event_objects(verb, lexicon):
            for obj in preposition_objects(noun, RECIPIENT_PREPOSITIONS):
                recipients += index.actors_of(obj)
    # what is given or deployed is not who receives it ("deploying troops"), but whom
    # one trains, helps or rescues is ("trained Iraqis")
    lemma = verb.lemma_.lower()
    themed = entry.type in THEME_TYPES and lemma not in lexicon.recipient_object_verbs
    if entry.type == "RETREAT" and entry.mode == "withdraw":
        # "withdraw its forces from Iraq": the forces are moved, Iraq is left
        themed = True
        recipients += [r for o in left_places(verb) for r in index.actors_of(o)]
    object_deps = {"dative"} if themed else {"dobj", "dative", "nsubjpass"}
    for child in verb.children:
        if child.dep_ in object_deps:
            recipients += index.actors_of(antecedent(child))
    if not recipients and "dobj" in object_deps:
        recipients = relative_object_actors(verb, index)
    for obj in preposition_objects(verb, RECIPIENT_PREPOSITIONS):
        recipients += index.actors_of(obj)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        # "Kember is kidnapped, along with two Canadians": the companions share his fate
        recipients += [r for o in _companions(verb) for r in index.actors_of(o)]
    if not recipients:  # "severed diplomatic ties with Maduro"
        for child in verb.children:
            if child.dep_ == "dobj" and index.mention_at(child) is None:
                for obj in preposition_objects(child, RECIPIENT_PREPOSITIONS):
                    recipients += index.actors_of(obj)
    if not recipients and entry.type in lexicon.located_target_types:
        recipients = _countries_in(verb, index)  # "in Baghdad, a bomber attacks ..."
    if not recipients and entry.type == "MOBILIZE":
        recipients = mobilize_targets(verb, index, lexicon)
    return Arguments(actors, recipients)


def _companions(head: Token) -> list[Token]:
    """Objects of "along with X" and "together with X" on the head."""
    return [
        o for c in head.children
        if c.dep_ in {"prep", "advmod"} and c.lower_ in {"along", "together"}
        for w in c.children if w.lower_ == "with"
        for o in w.children if o.dep_ == "pobj"
    ]  # fmt: skip


def left_places(head: Token) -> list[Token]:
    """Objects of "from X" and "out of X" on a withdrawal verb or noun."""
    found = preposition_objects(head, frozenset({"from"}))
    for child in head.children:
        if child.dep_ in {"prt", "prep"} and child.lower_ == "out":
            found += [o for c in child.children if c.lower_ == "of" for o in c.children
                      if o.dep_ == "pobj"]  # fmt: skip
    return found


def antecedent(token: Token) -> Token:
    """What a relative pronoun stands for ("the government, which the US accused"): the
    noun its clause modifies; any other token is itself."""
    if token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl" and token.head.head.i != token.i:
        return token.head.head
    return token


def relative_object_actors(verb: Token, index: ActorIndex) -> list[ActorRef]:
    """A conjoined verb of a relative clause shares its relative object: "the government,
    which the US has labeled illegitimate and has accused of ..."."""
    if verb.dep_ != "conj" or verb.head.dep_ != "relcl":
        return []
    if any(c.dep_ in {"dobj", "nsubjpass", "ccomp"} for c in verb.children):
        return []
    for child in verb.head.children:
        if child.dep_ == "dobj" and child.tag_ in {"WDT", "WP"}:
            return index.actors_of(antecedent(child))
    return []


def mobilize_targets(verb: Token, index: ActorIndex, lexicon: Lexicon) -> list[ActorRef]:
    """Whom a mobilization is aimed at: "near X", "against X" on the verb or its object,
    or on the clause a participle elaborates ("its presence near X, deploying troops")."""
    holders = [verb]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        holders.append(verb.head)
    for holder in list(holders):
        holders.extend(c for c in holder.children if c.dep_ == "dobj")
    return [
        r for holder in holders
        for obj in preposition_objects(holder, lexicon.mobilize_target_prepositions)
        for r in index.actors_of(obj)
    ]  # fmt: skip


def noun_arguments(noun: Token, entry: LexEntry, index: ActorIndex, lexicon: Lexicon) -> Arguments:
    """Arguments of an event noun; a conjoined or apposed event noun shares its head's."""
    args = _own_noun_arguments(noun, entry, index, lexicon)
    head = noun.head
    if noun.dep_ in {"conj", "appos"} and head.i != noun.i:
        head_entry = noun_entry(head, lexicon)
        if head_entry is not None:
            shared = noun_arguments(head, head_entry, index, lexicon)
            args.actors = args.actors or shared.actors
            args.recipients = args.recipients or shared.recipients
    return args


def _own_noun_arguments(
    noun: Token, entry: LexEntry, index: ActorIndex, lexicon: Lexicon
) -> Arguments:
    patient = entry.lemma in PATIENT_NOUNS
    actors: list[ActorRef] = []
    recipients: list[ActorRef] = []
    for child in noun.children:
        if child.dep_ == "poss":
            (recipients if patient else actors).extend(index.actors_of(child))
        elif child.dep_ in {"compound", "amod", "nmod"} and index.mention_at(child) is not None:
            actors.extend(index.actors_of(child))
        elif child.dep_ == "amod" and child.lemma_.lower() == "lead":
            # "a US-led operation": the leader is the actor
            actors.extend(
                a for g in child.children if g.dep_ in {"npadvmod", "compound", "nmod"}
                for a in index.actors_of(g)
            )  # fmt: skip
    for obj in preposition_objects(noun, frozenset({"by"})):
        actors += index.actors_of(obj)
    recipient_preps = set(RECIPIENT_PREPOSITIONS)
    if entry.mode == "visit":
        recipient_preps.add("in")
    if entry.type in PATIENT_TYPES:
        recipient_preps.add("of")
    for obj in preposition_objects(noun, frozenset(recipient_preps)):
        recipients += index.actors_of(obj)
    if entry.type in MOVER_TYPES:
        # "the withdrawal of British troops from Iraq": who moves, and what is left
        for obj in preposition_objects(noun, frozenset({"of"})):
            actors += index.actors_of(obj)
        if entry.mode == "withdraw":
            recipients += [r for o in left_places(noun) for r in index.actors_of(o)]
    if not recipients and entry.type in lexicon.located_target_types:
        recipients = _countries_in(noun, index)  # "a US intervention in Venezuela"
    carrier = carrier_of(noun, lexicon)
    if carrier is not None:
        if not actors:
            actors = subject_actors(carrier, index)
        for child in carrier.children:
            if child.dep_ == "dative":
                recipients += index.actors_of(child)
        if noun.dep_ == "dobj":
            for obj in preposition_objects(carrier, RECIPIENT_PREPOSITIONS):
                recipients += index.actors_of(obj)
    holders = [noun] if carrier is None else [noun, carrier]
    for holder in holders:  # "an agreement between Israel and Lebanon"
        for obj in preposition_objects(holder, frozenset({"between", "among"})):
            parties = index.actors_of(obj)
            if parties and not actors:
                actors, recipients = parties[:1], recipients + parties[1:]
    if not actors and not any(c.dep_ == "poss" for c in noun.children):
        actors = left_possessors(noun, index)
    if not actors and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        cause = noun.head.head  # "the US operation that led to the removal of X"
        if (
            cause.pos_ == "VERB"
            and lexicon.causal_verbs.get(cause.lemma_.lower()) == noun.head.lower_
        ):
            actors = subject_actors(cause, index)
    if not actors and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        governor = noun.head.head  # "visit ... for a meeting with X": the visit's actor
        actors = [a for c in governor.children if c.dep_ == "poss" for a in index.actors_of(c)]
    return Arguments(actors, recipients)


def compound_head_actors(noun: Token, index: ActorIndex, lexicon: Lexicon) -> list[ActorRef]:
    """ "US troops are stepping up aid operations": who runs the operations gives the aid."""
    head = noun.head
    if head.lemma_.lower() not in lexicon.event_compound_heads:
        return []
    own = [a for c in head.children if c.dep_ in {"poss", "compound"} and c is not noun
           for a in index.actors_of(c)]  # fmt: skip
    if own:
        return own
    if head.dep_ in {"dobj", "nsubjpass"} and head.head.pos_ == "VERB":
        return subject_actors(head.head, index)
    return []


def _countries_in(noun: Token, index: ActorIndex) -> list[ActorRef]:
    """Countries named by the noun's "in" phrase: where an attack happens is whom it hits."""
    refs = [r for obj in preposition_objects(noun, frozenset({"in"})) for r in index.actors_of(obj)]
    return [r for r in refs if index.actors[r.actor_id].kind == "country"]


def left_possessors(noun: Token, index: ActorIndex) -> list[ActorRef]:
    """Possessors read off the surface when the parse lost them: "China, Iran, and
    Russia's sustained backing" (the parser often makes "Russia's" a clause subject)."""
    doc = noun.doc
    i = noun.i - 1
    while i >= 0 and noun.i - i <= 4 and doc[i].tag_ in {"JJ", "VBN", "VBD", "NN", "RB"}:
        i -= 1
    if i < 1 or doc[i].tag_ != "POS":
        return []
    refs: list[ActorRef] = []
    i -= 1
    while i >= 0:
        mentions = index.mentions_at(doc[i])
        if mentions:
            refs[:0] = [index.ref(m) for m in mentions]
            span = doc.char_span(mentions[0].start, mentions[0].end, alignment_mode="expand")
            i = (span.start if span is not None else i) - 1
        elif doc[i].lower_ in {",", "and", "&"} and refs:
            i -= 1
        else:
            break
    return unique(refs)


def locate_participants(event: EventMention, index: ActorIndex, lexicon: Lexicon) -> None:
    """Where an event happened says whose its people are and whom it hit.

    Civilians, crowds and other sector groups with no country of their own take the
    country of the event's place ("gunmen kill five teachers in a school in Iskandariya":
    Iraqi teachers); an attack, aid or a meeting with no named recipient is aimed at the
    country where it happened ("aid operations across Haiti"). Only a country the article
    itself names is used."""
    country = event.location.country if event.location else None
    if not country:
        return
    for side in (event.actors, event.recipients):
        for i, ref in enumerate(side):
            actor = index.actors.get(ref.actor_id)
            if actor is None or actor.kind != "group" or actor.country:
                continue
            if not set(actor.sectors) & lexicon.located_sectors:
                continue
            located = index.actors.setdefault(
                f"{country}:{actor.sectors[0]}", located_group(country, actor.sectors)
            )
            side[i] = ActorRef.of(located)
    if event.recipients or event.type not in lexicon.located_target_types:
        return
    actor = index.actors.get(country)
    if (
        actor is not None
        and actor.kind == "country"
        and all(a.actor_id != actor.id for a in event.actors)
    ):
        event.recipients = [ActorRef.of(actor)]
