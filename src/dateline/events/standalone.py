"""Events with no named participant: which are still events.

A sentence often reports an act without naming who did it or to whom ("the convoy was
ambushed", "a strike could trigger an implosion", "two car bombs explode"). Such a
mention is kept when it names a specific act: imagined, planned or denied with an
indefinite or modified noun or an agentless passive; asserted as a harmful passive, with
a weapon or a person as its doer, or as an event noun that a verb says took place. A
generic concept ("a precedent for intervention", "military operations are fraught") is
not an event.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.lexicon import LexEntry, Lexicon, cue_set
from dateline.events.triggers import carrier_of
from dateline.model import Modality

#: Pronouns that stand for people, whose act is an event even when the sentence alone
#: does not say who they are ("they were discussing").
PERSONAL_PRONOUNS = frozenset({"they", "we", "he", "she", "i", "you"})


def _agentless_passive(verb: Token) -> bool:
    children = list(verb.children)
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) and not any(
        c.dep_ == "agent" for c in children
    )


def has_unnamed_doer(trigger: Token, entry: LexEntry, lexicon: Lexicon) -> bool:
    """An asserted act whose doer the knowledge base cannot name is still an event when
    the doer is a weapon ("two car bombs explode") or the act is done through a light
    verb or is the agent of a passive ("have given their support", "overturned by mass
    street protests"); an abstract mention ("military operations are fraught") is not."""
    if trigger.pos_ == "VERB":
        return any(
            c.dep_ == "nsubj"
            and (
                c.lemma_.lower() in lexicon.instrument_nouns
                # a pronoun's act only for the curated verbs: the derived lexicon's rarer
                # senses ("we face challenges", "we are struggling") are not events
                or (c.lower_ in PERSONAL_PRONOUNS and entry.curated)
            )
            for c in trigger.children
        )
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "agent":
        # "overturned by mass street protests"; not "relations marked by sanctions", which
        # describes a state of affairs
        return trigger.head.head.lemma_.lower() not in lexicon.descriptive_verbs
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in lexicon.event_compound_heads:
        return True  # "90 aid flights a day are landing"
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in cue_set(
        "modality", "occurrence_verbs"
    ):
        return True  # "talks fail to bridge differences", "aid got through"
    carrier = carrier_of(trigger, lexicon)
    return carrier is not None and any(c.dep_ == "nsubj" for c in carrier.children)


def stands_alone(trigger: Token, entry: LexEntry, modality: Modality, lexicon: Lexicon) -> bool:
    """An event with no participant is kept when it is imagined, planned or denied and
    names a specific act: "a strike could trigger an implosion", "the possibility of
    targeted military action", "if they are bombed" (a passive with no agent). A generic
    concept ("a precedent for intervention") is not an event. An asserted one is kept
    only as an agentless passive of harm or rescue ("the convoy was ambushed")."""
    passive = trigger.pos_ == "VERB" and _agentless_passive(trigger)
    if modality == "asserted":
        # "the battalion was attacked": a harmed or rescued patient names the act
        if passive and entry.type in lexicon.passive_types:
            return True
        return entry.type in lexicon.asserted_types and has_unnamed_doer(trigger, entry, lexicon)
    if trigger.pos_ == "VERB" and has_unnamed_doer(trigger, entry, lexicon):
        return True  # "we should ask that other nations ..."
    if entry.type not in lexicon.standalone_types:
        return False
    if trigger.pos_ == "VERB":
        return passive
    if trigger.dep_ == "compound":
        # "aid flights", "relief operations"; but not "assistance models"
        return trigger.head.lemma_.lower() in lexicon.event_compound_heads
    if carrier_of(trigger, lexicon) is not None or has_unnamed_doer(trigger, entry, lexicon):
        return True  # "if agreements are reached", "the supplies will arrive"
    determiners = [c.lower_ for c in trigger.children if c.dep_ in {"det", "poss"}]
    if determiners:
        return all(d in lexicon.standalone_determiners for d in determiners)
    return any(c.dep_ in {"amod", "compound"} for c in trigger.children)
