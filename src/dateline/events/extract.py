"""Event extraction from the dependency parse.

Triggers are verbs whose lemma is in the lexicon and event nouns ("visit", "strikes",
"sanctions"). A light verb with an event-noun object ("held talks", "imposed sanctions
on X") yields no event of its own: the noun is the event and the verb's subject its actor.
An event is kept when it has an actor or a recipient, or when it stands alone (see
events/standalone.py). Which words trigger events is in events/triggers.py, who takes
part in events/participants.py.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.events.arguments import ActorIndex, unique
from dateline.events.attribution import attribution_for, find_cues
from dateline.events.headlines import is_title_case, sentence_case_reparse
from dateline.events.lexicon import LexEntry, Lexicon, load_lexicon, plover_info
from dateline.events.lists import apply_bullet_lists
from dateline.events.merge import Found, merge_mentions
from dateline.events.modality import modality_of
from dateline.events.participants import (
    Arguments,
    compound_head_actors,
    locate_participants,
    noun_arguments,
    verb_arguments,
)  # fmt: skip
from dateline.events.places import locate_events
from dateline.events.standalone import stands_alone
from dateline.events.triggers import carrier_of, has_event_object, noun_entry, retyped_verb
from dateline.model import Actor, EventMention, Mention, Modality
from dateline.nlp import TokenColumns, doc_text, token_columns

#: Title-case lines re-read per document: an article has a headline or a few section
#: titles; a page of navigation links in title case is not worth a parse per line.
MAX_REREAD_HEADLINES = 12
#: Nominal types that may borrow the arguments of a recent meeting, and how far back.
BRIDGED_TYPES = frozenset({"CONSULT", "AGREE"})


BRIDGE_WINDOW = 5


#: Confidence lost per dependency link below the second level.
DEPTH_PENALTY = 0.05


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
    text = doc_text(sentence.doc)[sentence.start_char : sentence.end_char]  # ``sentence.text``
    if not text.rstrip().endswith((".", "!", "?", "”", '"', ";", ":")):
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


#: The parts of speech of triggers (``_may_trigger``).
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})


def _may_trigger(columns: TokenColumns, i: int, lexicon: Lexicon) -> bool:
    """Whether the token at ``i`` can trigger an event at all: a verb or noun whose
    lemma or form the lexicon knows (what ``retyped_verb`` and ``noun_entry`` look up
    first). The rest of a sentence's words are never looked at more closely."""
    pos, lemma = columns.pos[i], columns.lemma[i]
    if pos == "VERB":
        return lemma in lexicon.verbs or lemma in lexicon.undo_verbs
    if pos != "NOUN" and pos != "PROPN":
        return False
    nouns, lower = lexicon.nouns, columns.lower[i]
    if lemma in nouns or lower in nouns:
        return True
    if i >= 2 and columns.text[i - 1] == "-" and f"{columns.lower[i - 2]}-{lower}" in nouns:
        return True  # "pull-out", split by the tokenizer
    return pos == "PROPN" and lower.endswith("s") and lower[:-1] in nouns


def sentence_events(
    doc_id: str, index: int, sentence: Span, actor_index: ActorIndex, lexicon: Lexicon,
    earlier: list[EventMention],
) -> list[EventMention]:  # fmt: skip
    """Events triggered in one sentence; ``earlier`` are the document's events so far."""
    doc, columns = sentence.doc, token_columns(sentence.doc)
    candidates = [
        i for i in range(sentence.start, sentence.end)
        if columns.pos[i] in TRIGGER_POS and _may_trigger(columns, i, lexicon)
    ]  # fmt: skip
    found: list[Found] = []
    if not candidates:  # most sentences: nothing to look at more closely
        return merge_mentions(found, lexicon)
    cues = find_cues(sentence, actor_index)
    for i in candidates:
        token = doc[i]
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
                args.actors = compound_head_actors(token, actor_index, lexicon)
        actor_ids = {a.actor_id for a in args.actors}
        args = Arguments(
            unique(args.actors), unique([r for r in args.recipients if r.actor_id not in actor_ids])
        )
        bridged = False
        if not args.actors and not args.recipients and not is_verb:
            args, bridged = _bridge(entry, index, [*earlier, *(f.event for f in found)]), True
        modality = modality_of(token)
        carrier = None if is_verb else carrier_of(token, lexicon)
        if modality == "asserted" and carrier is not None and carrier.i != token.head.i:
            # "neither the will nor the readiness to engage in a direct conflict": the
            # noun under "engage in" has the status of the verb that carries it
            modality = modality_of(carrier)
        if (
            not args.actors
            and not args.recipients
            and not stands_alone(token, entry, modality, lexicon)
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
    text = doc_text(doc)
    events: list[EventMention] = []
    reread = 0
    for index, sentence in enumerate(sentences):
        read = sentence
        if reread < MAX_REREAD_HEADLINES and is_title_case(sentence):
            reread += 1
            read = sentence_case_reparse(sentence, actor_index) or sentence
        found = sentence_events(doc_id, index, read, actor_index, lexicon, events)
        for event in found:  # a re-read headline's words as the article writes them
            event.trigger = text[event.trigger_start : event.trigger_end]
        events.extend(found)
    events.extend(apply_bullet_lists(sentences, events, actor_index, lexicon, doc_id))
    events.sort(key=lambda e: (e.trigger_start, e.type))
    locate_events(doc, events, actor_index)
    for event in events:
        locate_participants(event, actor_index, lexicon)
    return events
