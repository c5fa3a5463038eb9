"""Bulleted lists whose introduction names the event and whose items name the actors.

    Venezuela’s military and security infrastructure features support from:
    - Cuba—providing specialized bodyguards and intelligence operatives;
    - China—deploying sophisticated radar systems ...

The introduction is a sentence ending with ":" holding an event noun with an empty "from"
phrase. Each item's leading actor becomes the actor of an event of the introduction's
type, with the introduction's recipient (the possessor or subject around the noun); the
item's own events that lack a recipient inherit it. The item event's trigger is the
item's leading actor word, so each item gets its own event id. Under an introduction of
support, an item's mobilization ("China—deploying radar systems") is military aid to the
supported side, and is dropped when the item already names the aid ("Iran—supplying
gunboats to patrol ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.events.arguments import ActorIndex, unique
from dateline.events.lexicon import LexEntry, Lexicon, plover_info
from dateline.events.modality import modality_of
from dateline.model import ActorRef, EventMention
from dateline.nlp import BULLETS, TokenColumns, token_columns

#: Introductions whose listed items are help given ("features support from:").
SUPPORTING_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})


def _intro_noun(sentence: Span, lexicon: Lexicon) -> tuple[Token, LexEntry] | None:
    """The event noun with a dangling "from" in a sentence that ends with a colon."""
    columns = token_columns(sentence.doc)
    last = _last_word(columns, sentence.start, sentence.end)
    if last is None or columns.text[last] != ":":
        return None
    for token in sentence:
        entry = lexicon.nouns.get(token.lemma_.lower())
        if entry is None or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        holders = [token] if token.dep_ != "dobj" else [token, token.head]
        if any(c.dep_ == "prep" and c.lower_ == "from" for h in holders for c in h.children):
            return token, entry
    return None


def _last_word(columns: TokenColumns, start: int, end: int) -> int | None:
    """The index of the last token in ``start:end`` that is not white space."""
    for k in range(end - 1, start - 1, -1):
        if not columns.is_space[k]:
            return k
    return None


def _intro_recipients(noun: Token, index: ActorIndex) -> list[ActorRef]:
    """Who receives the listed help: the noun's possessor, else its governing verb's subject."""
    refs = [a for c in noun.children if c.dep_ == "poss" for a in index.actors_of(c)]
    if refs:
        return refs
    head = noun.head
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return index.actors_of(child)
    return []


def _items(sentences: list[Span], start: int) -> list[tuple[int, Span]]:
    items = []
    for index in range(start, len(sentences)):
        words = [t for t in sentences[index] if not t.is_space]
        if not words or words[0].text not in BULLETS:
            break
        items.append((index, sentences[index]))
    return items


def _leading_actor(item: Span, index: ActorIndex) -> tuple[Token, ActorRef] | None:
    for token in item:
        mention = index.mention_at(token)
        if mention is not None:
            return token, index.ref(mention)
        if token.is_alpha:
            return None  # the item does not start with an actor
    return None


def apply_bullet_lists(
    sentences: list[Span], events: list[EventMention], index: ActorIndex, lexicon: Lexicon,
    doc_id: str,
) -> list[EventMention]:  # fmt: skip
    """New events for list items; fills missing recipients of the items' own events and
    retypes or drops (in ``events``) their mobilizations under an introduction of support."""
    new: list[EventMention] = []
    dropped: set[int] = set()
    for position, sentence in enumerate(sentences):
        found = _intro_noun(sentence, lexicon)
        if found is None:
            continue
        noun, entry = found
        recipients = _intro_recipients(noun, index)
        modality = modality_of(noun)
        for item_index, item in _items(sentences, position + 1):
            leading = _leading_actor(item, index)
            if leading is None:
                continue
            token, actor = leading
            own = [e for e in events if e.sentence_index == item_index]
            if entry.type in SUPPORTING_TYPES:
                dropped |= _support_items(own, lexicon)
            for event in own:
                if not event.recipients:
                    event.recipients = [r for r in recipients if r.actor_id != actor.actor_id]
                    event.confidence = round(min(0.95, event.confidence + 0.1), 2)
            quad, intensity = plover_info(entry.type, entry.mode)
            new.append(
                EventMention(
                    doc_id=doc_id,
                    sentence_index=item_index,
                    sentence_start=item.start_char,
                    sentence_end=item.end_char,
                    trigger_start=token.idx,
                    trigger_end=token.idx + len(token.text),
                    trigger=token.text,
                    type=entry.type,
                    mode=entry.mode,
                    contexts=list(entry.contexts),
                    actors=[actor],
                    recipients=unique(recipients),
                    modality=modality,
                    confidence=0.6 if recipients else 0.45,
                    cameo=entry.cameo,
                    quad_class=quad,
                    intensity=intensity,
                )
            )
    events[:] = [e for e in events if id(e) not in dropped]
    return new


def _support_items(own: list[EventMention], lexicon: Lexicon) -> set[int]:
    """Retypes an item's mobilizations as the aid they are; returns those to drop."""
    aid = lexicon.listed_support_entry
    if aid is None:
        return set()
    mobilizing = [e for e in own if e.type == "MOBILIZE"]
    if any(e.type == aid.type for e in own):
        return {id(e) for e in mobilizing}
    for event in mobilizing:
        event.type, event.mode, event.contexts = aid.type, aid.mode, list(aid.contexts)
        event.cameo = aid.cameo
        event.quad_class, event.intensity = plover_info(aid.type, aid.mode)
    return set()
