"""Event extraction from the dependency parse.

Triggers are verbs whose lemma is in the lexicon and event nouns ("visit", "strikes",
"sanctions"). A light verb with an event-noun object ("held talks", "imposed sanctions
on X") yields no event of its own: the noun is the event and the verb's subject its actor.
Each event keeps only if it has at least one actor or recipient.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dateline.actors import located_group
from dateline.events.arguments import ActorIndex, unique
from dateline.events.attribution import attribution_for, find_cues
from dateline.events.headlines import is_title_case, sentence_case_reparse
from dateline.events.lexicon import LexEntry, Lexicon, cue_set, load_lexicon, plover_info
from dateline.events.lists import apply_bullet_lists
from dateline.events.merge import Found, merge_mentions
from dateline.events.modality import modality_of
from dateline.events.places import locate_events
from dateline.model import Actor, ActorRef, EventMention, Mention, Modality

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Prepositions that introduce a recipient ("talks with X", "strikes on X").
RECIPIENT_PREPOSITIONS = frozenset({"to", "with", "against", "on", "toward", "towards", "at"})
#: Types whose "of X" and possessor name the one acted on ("Maduro's ouster").
PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN"})
#: Nominal types that may borrow the arguments of a recent meeting, and how far back.
BRIDGED_TYPES = frozenset({"CONSULT", "AGREE"})
BRIDGE_WINDOW = 5
#: Types whose "of X" names who moves ("a pull-out of US troops", "deployment of ships").
MOVER_TYPES = frozenset({"RETREAT", "MOBILIZE"})
#: Types whose direct object is the thing given or moved, not the recipient.
THEME_TYPES = frozenset({"AID", "MOBILIZE"})
IN_ONLY = frozenset({"in"})
#: Pronouns that stand for people, whose act is an event even when the sentence alone
#: does not say who they are ("they were discussing").
PERSONAL_PRONOUNS = frozenset({"they", "we", "he", "she", "i", "you"})
#: Confidence lost per dependency link below the second level.
DEPTH_PENALTY = 0.05
#: Entity labels of proper nouns that are names, never event nouns.
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
PATIENT_NOUNS = frozenset({"ouster", "removal", "overthrow", "capture", "arrest", "seizure"})


@dataclass(slots=True)
class Arguments:
    actors: list[ActorRef]
    recipients: list[ActorRef]


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


def preposition_objects(head: Token, prepositions: frozenset[str]) -> list[Token]:
    return [
        g for c in head.children if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip


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
        recipients += [r for o in _left_places(verb) for r in index.actors_of(o)]
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


def _left_places(head: Token) -> list[Token]:
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


def _carrier(noun: Token, lexicon: Lexicon) -> Token | None:
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
            recipients += [r for o in _left_places(noun) for r in index.actors_of(o)]
    if not recipients and entry.type in lexicon.located_target_types:
        recipients = _countries_in(noun, index)  # "a US intervention in Venezuela"
    carrier = _carrier(noun, lexicon)
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


def _compound_head_actors(noun: Token, index: ActorIndex, lexicon: Lexicon) -> list[ActorRef]:
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


def _depth(token: Token) -> int:
    """Dependency links from the token up to its sentence's root."""
    depth = 0
    while token.head.i != token.i and depth < 20:
        token, depth = token.head, depth + 1
    return depth


def confidence(
    args: Arguments, is_verb: bool, modality: Modality, entry: LexEntry, sentence: Span,
    trigger: Token,
) -> float:  # fmt: skip
    """A simple score: both sides resolved, verb over noun, curated entry, certain status."""
    score = 0.3 + (0.25 if args.actors else 0.0) + (0.2 if args.recipients else 0.0)
    score += 0.1 if is_verb else 0.05
    score += 0.05 if entry.curated else 0.0
    # an act told deep in a subordinate phrase ("as a result of Putin's invasion") is
    # less surely reported, and less surely the sentence's point
    score -= DEPTH_PENALTY * min(max(_depth(trigger) - 2, 0), 4)
    if modality == "hypothetical":
        score -= 0.1
    if not sentence.text.rstrip().endswith((".", "!", "?", "”", '"', ";", ":")):
        score -= 0.1  # a headline or fragment
    return round(max(0.05, min(0.95, score)), 2)


def build_mention(
    doc_id: str, index: int, sentence: Span, trigger: Token, entry: LexEntry, args: Arguments,
    modality: Modality, is_verb: bool,
) -> EventMention:  # fmt: skip
    quad, intensity = plover_info(entry.type, entry.mode)
    return EventMention(
        doc_id=doc_id, sentence_index=index, sentence_start=sentence.start_char,
        sentence_end=sentence.end_char, trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text), trigger=trigger.text, type=entry.type,
        mode=entry.mode, contexts=list(entry.contexts), actors=args.actors,
        recipients=args.recipients, modality=modality,
        confidence=confidence(args, is_verb, modality, entry, sentence, trigger), cameo=entry.cameo,
        quad_class=quad, intensity=intensity,
    )  # fmt: skip


def _bridge(entry: LexEntry, index: int, earlier: list[EventMention]) -> Arguments:
    """Arguments for a bare talks-type noun ("no deal was reached during Saturday's
    negotiations"): those of the latest meeting or talks event a few sentences back."""
    if entry.type not in BRIDGED_TYPES:
        return Arguments([], [])
    for event in reversed(earlier):
        if index - event.sentence_index > BRIDGE_WINDOW:
            break
        if event.type in BRIDGED_TYPES and event.actors and event.modality == "asserted":
            return Arguments(list(event.actors), list(event.recipients))
    return Arguments([], [])


def _agentless_passive(verb: Token) -> bool:
    children = list(verb.children)
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) and not any(
        c.dep_ == "agent" for c in children
    )


def _has_unnamed_doer(trigger: Token, entry: LexEntry, lexicon: Lexicon) -> bool:
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
        return True
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in lexicon.event_compound_heads:
        return True  # "90 aid flights a day are landing"
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in cue_set(
        "modality", "occurrence_verbs"
    ):
        return True  # "talks fail to bridge differences", "aid got through"
    carrier = _carrier(trigger, lexicon)
    return carrier is not None and any(c.dep_ == "nsubj" for c in carrier.children)


def _stands_alone(trigger: Token, entry: LexEntry, modality: Modality, lexicon: Lexicon) -> bool:
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
        return entry.type in lexicon.asserted_types and _has_unnamed_doer(trigger, entry, lexicon)
    if trigger.pos_ == "VERB" and _has_unnamed_doer(trigger, entry, lexicon):
        return True  # "we should ask that other nations ..."
    if entry.type not in lexicon.standalone_types:
        return False
    if trigger.pos_ == "VERB":
        return passive
    if trigger.dep_ == "compound":
        # "aid flights", "relief operations"; but not "assistance models"
        return trigger.head.lemma_.lower() in lexicon.event_compound_heads
    if _carrier(trigger, lexicon) is not None or _has_unnamed_doer(trigger, entry, lexicon):
        return True  # "if agreements are reached", "the supplies will arrive"
    determiners = [c.lower_ for c in trigger.children if c.dep_ in {"det", "poss"}]
    if determiners:
        return all(d in lexicon.standalone_determiners for d in determiners)
    return any(c.dep_ in {"amod", "compound"} for c in trigger.children)


def sentence_events(
    doc_id: str, index: int, sentence: Span, actor_index: ActorIndex, lexicon: Lexicon,
    earlier: list[EventMention],
) -> list[EventMention]:  # fmt: skip
    """Events triggered in one sentence; ``earlier`` are the document's events so far."""
    cues = find_cues(sentence, actor_index)
    found: list[Found] = []
    for token in sentence:
        entry = retyped_verb(token, lexicon) if token.pos_ == "VERB" else None
        is_verb = entry is not None
        if entry is not None:
            undoing = token.lemma_.lower() in lexicon.undo_verbs and entry is lexicon.undo_entry
            light = not undoing and token.lemma_.lower() in lexicon.light_verbs
            if light and has_event_object(token, lexicon):
                continue
            args = verb_arguments(token, entry, actor_index, lexicon)
        else:
            entry = noun_entry(token, lexicon)
            undone = token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.undo_verbs
            if entry is None or undone:
                continue
            args = noun_arguments(token, entry, actor_index, lexicon)
            if not args.actors and token.dep_ == "compound":
                args.actors = _compound_head_actors(token, actor_index, lexicon)
        actor_ids = {a.actor_id for a in args.actors}
        args = Arguments(
            unique(args.actors), unique([r for r in args.recipients if r.actor_id not in actor_ids])
        )
        bridged = False
        if not args.actors and not args.recipients and not is_verb:
            args, bridged = _bridge(entry, index, [*earlier, *(f.event for f in found)]), True
        modality = modality_of(token)
        carrier = None if is_verb else _carrier(token, lexicon)
        if modality == "asserted" and carrier is not None and carrier.i != token.head.i:
            # "neither the will nor the readiness to engage in a direct conflict": the
            # noun under "engage in" has the status of the verb that carries it
            modality = modality_of(carrier)
        if (
            not args.actors
            and not args.recipients
            and not _stands_alone(token, entry, modality, lexicon)
        ):
            continue
        event = build_mention(doc_id, index, sentence, token, entry, args, modality, is_verb)
        event.attribution = attribution_for(token, cues)
        if bridged:
            event.confidence = round(max(0.05, event.confidence - 0.2), 2)
        found.append(Found(token, event))
    return merge_mentions(found, lexicon)


def extract_events(
    doc: Doc, doc_id: str, mentions: list[Mention], actors: dict[str, Actor]
) -> list[EventMention]:
    """Event mentions of a parsed document, in text order."""
    lexicon = load_lexicon()
    actor_index = ActorIndex(mentions, actors)
    sentences = list(doc.sents)
    events: list[EventMention] = []
    for index, sentence in enumerate(sentences):
        read = sentence
        if is_title_case(sentence):
            read = sentence_case_reparse(sentence, actor_index) or sentence
        found = sentence_events(doc_id, index, read, actor_index, lexicon, events)
        for event in found:  # a re-read headline's words as the article writes them
            event.trigger = doc.text[event.trigger_start : event.trigger_end]
        events.extend(found)
    events.extend(apply_bullet_lists(sentences, events, actor_index, lexicon, doc_id))
    events.sort(key=lambda e: (e.trigger_start, e.type))
    locate_events(doc, events, actor_index)
    for event in events:
        _locate_participants(event, actor_index, lexicon)
    return events


def _locate_participants(event: EventMention, index: ActorIndex, lexicon: Lexicon) -> None:
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
