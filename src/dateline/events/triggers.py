"""Event triggers: which verbs and nouns are events, and in which sense.

A verb or noun is a trigger when its lemma is in the lexicon (events/data) and the
parse shows the sense the entry asks for: a preposition, particle or complement ("call
for", "rule out", "found guilty"), an object ("release the hostages", not "release a
video"), a modifier ("military action"). A light verb with an event-noun object ("held
talks") is no trigger of its own: the noun is, and the verb carries it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.events.lexicon import LexEntry, Lexicon, cue_set

#: Types whose direct object is the thing given or moved, not the recipient.
THEME_TYPES = frozenset({"AID", "MOBILIZE"})


IN_ONLY = frozenset({"in"})


#: Entity labels of proper nouns that are names, never event nouns.
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def noun_entry(token: Token, lexicon: Lexicon) -> LexEntry | None:
    """The lexicon entry of an event noun, if its required modifier is present."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    entry = lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_)
    if entry is None and token.i >= 2 and token.doc[token.i - 1].text == "-":
        # the tokenizer splits "pull-out" and "build-up"
        entry = lexicon.nouns.get(f"{token.doc[token.i - 2].lower_}-{token.lower_}")
    if token.pos_ == "PROPN" and token.ent_type_ in NAME_ENTITIES:
        return None  # "UN Secretary General Ban Ki-Moon"
    if entry is None and token.pos_ == "PROPN" and token.lower_.endswith("s"):
        entry = lexicon.nouns.get(token.lower_[:-1])  # a headline's "Surgical Strikes"
    if entry is None:
        return None
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in {"amod", "compound"}}
    if entry.needs and not modifiers & set(entry.needs) and not _has_event_purpose(token, lexicon):
        return None
    if not _has_needed_prep(token, entry):
        return None
    for modifier, type_ in entry.retype:
        if modifier in modifiers:  # "sustained economic backing" is aid, not support
            return replace(entry, type=type_, mode=None, cameo=None)
    return entry


#: Dependents that can make a trigger's sense: a preposition or particle ("call for",
#: "rule out", "pull out") or a complement ("found guilty").
SENSE_DEPS = frozenset({"prep", "prt", "acomp", "oprd", "advmod"})


def _has_needed_prep(token: Token, entry: LexEntry) -> bool:
    """ "calls for a ceasefire", "called on Iran to ...": the preposition makes the sense."""
    if not entry.needs_prep:
        return True
    return any(c.dep_ in SENSE_DEPS and c.lower_ in entry.needs_prep for c in token.children)


def _has_needed_object(verb: Token, entry: LexEntry) -> bool:
    """ "released the hostages" (a release) but not "released a video"."""
    if not entry.needs_object:
        return True
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        names_actor = child.pos_ == "PROPN" or child.ent_type_ in {"PERSON", "NORP", "GPE"}
        if child.lemma_.lower() in entry.needs_object or (
            names_actor and "actor" in entry.needs_object
        ):
            return True
    return False


def _has_event_purpose(noun: Token, lexicon: Lexicon) -> bool:
    """ "an operation to depose him": an infinitival event clause says what the act is."""
    return any(
        c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" and c.lemma_.lower() in lexicon.verbs
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in noun.children
    )  # fmt: skip


def verb_entry(token: Token, lexicon: Lexicon) -> LexEntry | None:
    """The lexicon entry of an event verb; reporting verbs are attribution, not events."""
    if token.pos_ != "VERB" or token.lemma_.lower() in cue_set("attribution", "speech_verbs"):
        return None
    if token.dep_ in {"prep", "mark", "case"}:
        return None  # participles used as prepositions: "given", "following"
    entry = lexicon.verbs.get(token.lemma_.lower())
    if entry is None or not _has_needed_prep(token, entry):
        return None
    if not _has_needed_object(token, entry):
        return None
    if entry.intransitive and any(c.dep_ in {"dobj", "ccomp"} for c in token.children):
        return None  # "demonstrated its resolve"
    return entry


def event_objects(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The verb's direct or passive-subject event nouns."""
    return [
        c for c in verb.children
        if c.dep_ in {"dobj", "nsubjpass"} and noun_entry(c, lexicon) is not None
    ]  # fmt: skip


def retyped_verb(verb: Token, lexicon: Lexicon) -> LexEntry | None:
    """A verb whose object changes what it means: "lift sanctions" (undoing the noun's
    event), "sent troops" (a mobilization rather than aid)."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.undo_verbs and event_objects(verb, lexicon):
        return lexicon.undo_entry
    entry = verb_entry(verb, lexicon)
    if entry is not None and entry.type in THEME_TYPES:
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}}
        if objects & lexicon.personnel_objects:
            return lexicon.personnel_entry
    return entry


def has_event_object(verb: Token, lexicon: Lexicon) -> bool:
    """True when a light verb's object is an event noun ("held talks"), or the verb
    modifies one ("sanctions imposed in 2019")."""
    if verb.dep_ in {"acl", "relcl"} and noun_entry(verb.head, lexicon) is not None:
        return True
    if any(
        c.dep_ in {"dobj", "nsubjpass", "attr"} and noun_entry(c, lexicon) is not None
        for c in verb.children
    ):
        return True
    # "engage in a direct conflict", "take part in talks"
    return any(noun_entry(o, lexicon) is not None for o in preposition_objects(verb, IN_ONLY))


def preposition_objects(head: Token, prepositions: frozenset[str]) -> list[Token]:
    return [
        g for c in head.children if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip


def carrier_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb whose subject acts through this event noun ("the US imposed sanctions")."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma in lexicon.light_verbs or lemma in cue_set("modality", "planned_verbs"):
            return head
    light_in = head.head.lemma_.lower() in lexicon.light_verbs and head.head.pos_ == "VERB"
    if noun.dep_ == "pobj" and head.lower_ == "in" and light_in:
        return head.head  # "engage in a direct conflict"
    motion = head.head.lemma_.lower() in lexicon.motion_verbs and head.head.pos_ == "VERB"
    if noun.dep_ == "pobj" and head.lower_ in {"for", "in"} and motion:
        return head.head  # "traveled to Venezuela for discussions"
    return None
