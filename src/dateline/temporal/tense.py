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
#: No finite verb says when: a participle, a gerund, a noun phrase ("Friday's talks").
UNMARKED = 2

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
    """PAST, FUTURE, PRESENT or UNMARKED for the clause of ``verb``."""
    future_lemmas = load_lexicon().future_lemmas
    current: Token | None = verb
    infinitive = False
    while current is not None:
        auxiliaries = [c for c in current.children if c.dep_ in {"aux", "auxpass"}]
        if any(aux.lower_ in FUTURE_AUXILIARIES for aux in auxiliaries):
            return FUTURE
        if current.dep_ == "xcomp" and current.head.tag_ == "VBG" and current.head.lemma_ == "go":
            return FUTURE  # "is going to meet"
        if current.dep_ == "xcomp" and current.head.lemma_ == "be" and current.tag_ == "VB":
            return FUTURE  # "is to resume trading"
        tags = {current.tag_, *(aux.tag_ for aux in auxiliaries)}
        has_have = any(aux.lemma_ == "have" for aux in auxiliaries)
        perfect = has_have and (current.tag_ == "VBN" or "VBN" in tags)
        # A bare participle reports a past happening: "the offer, announced Friday".
        bare_participle = current.tag_ == "VBN" and not auxiliaries
        is_past = perfect or bare_participle or "VBD" in tags
        # "planned a rally on Saturday", "has scheduled a news conference Thursday": the
        # plan may be past, what was planned lies ahead; "had been scheduled" is over.
        pluperfect = any(aux.lemma_ == "have" and aux.tag_ == "VBD" for aux in auxiliaries)
        if looks_ahead(current, future_lemmas) and not pluperfect:
            return FUTURE
        if is_past:
            # "agreed to buy the unit in February": what is agreed comes after.
            return UNMARKED if infinitive else PAST
        if tags & {"VBZ", "VBP"}:
            return PRESENT
        infinitive = infinitive or any(c.tag_ == "TO" for c in auxiliaries)
        current = current.head if current.dep_ in CHAIN_LINKS else None
    return UNMARKED


def looks_ahead(verb: Token, future_lemmas: frozenset[str]) -> bool:
    """ "is scheduled for", "is due in", "set to resume": the verb or its complement
    points forward. "set" does so only with "to" or "for" ("a record set in May" doesn't)."""
    complements = [c for c in verb.children if c.dep_ == "acomp"]
    if any(w.lemma_.lower() in future_lemmas for w in [verb, *complements]):
        return True
    if verb.lemma_ == "set":
        return any(c.dep_ == "xcomp" or c.lower_ == "for" for c in verb.children)
    return False


def direction(doc: Doc | None, start: int, end: int) -> int:
    """PAST, PRESENT, FUTURE or UNMARKED for the expression at ``start``..``end``.

    Without a parse there is no tense to read, and news reports the past: PAST.
    """
    if doc is None:
        return PAST
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return PAST
    return clause_tense(governing_verb(span.root))
