"""Which way a weekday or a month without a year points: back from the DCT or forward.

News mostly reports what happened, so a weekday in anything but a clearly future clause
points back: "met on Saturday" and "meets on Saturday" mean the Saturday before the article;
"will meet on Saturday" and "talks are scheduled for Saturday" mean the one after. A month
in a present-tense clause ("the payment due on Nov. 21") is the nearest one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.temporal.lexicon import load_lexicon

PAST = -1
PRESENT = 0
FUTURE = 1

#: "would" too: in reported speech it is the future seen from the past ("said it would
#: meet on Friday").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "would"})
#: Links along which a verb inherits the tense of the verb above it
#: ("plans to visit", "will arrive and meet").
CHAIN_LINKS = frozenset({"xcomp", "conj"})


def governing_verb(token: Token) -> Token:
    """The nearest verb above ``token`` (the sentence root if there is none)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current


def clause_tense(verb: Token) -> int:
    """PAST, FUTURE or PRESENT for the clause of ``verb``."""
    future_lemmas = load_lexicon().future_lemmas
    current: Token | None = verb
    while current is not None:
        auxiliaries = [c for c in current.children if c.dep_ in {"aux", "auxpass"}]
        if any(aux.lower_ in FUTURE_AUXILIARIES for aux in auxiliaries):
            return FUTURE
        if current.dep_ == "xcomp" and current.head.lemma_ == "go" and current.head.tag_ == "VBG":
            return FUTURE  # "is going to meet"
        perfect = current.tag_ == "VBN" and any(aux.lemma_ == "have" for aux in auxiliaries)
        is_past = perfect or current.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries)
        # "is scheduled for", "is due in": the verb or its complement looks ahead.
        complements = [c for c in current.children if c.dep_ == "acomp"]
        looks_ahead = any(w.lemma_.lower() in future_lemmas for w in [current, *complements])
        if looks_ahead and not is_past:
            return FUTURE
        if is_past:
            return PAST
        current = current.head if current.dep_ in CHAIN_LINKS else None
    return PRESENT


def direction(doc: Doc | None, start: int, end: int) -> int:
    """PAST, PRESENT or FUTURE for the expression at ``start``..``end``.

    Without a parse there is no tense to read, and news reports the past: PAST.
    """
    if doc is None:
        return PAST
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return PAST
    return clause_tense(governing_verb(span.root))
