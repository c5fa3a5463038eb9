"""Dates event mentions by the time expression that governs their clause.

A time expression dates an event when, in the dependency parse, it hangs off the event's
trigger or off a word on the path from the trigger up to its clause's verb: "the visit on
January 15", "On Saturday, officials met". Expressions in other clauses of the sentence
("said on Monday that troops had left") date other events. Among several candidates the
one nearest by dependency distance wins. With none, the publication date stands in and
says so in its origin.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.model import ActorRef, DateValue, EventMention, Timex
from dateline.nlp import sentence_of

#: Links along which the clause continues above a verb: "plans to visit", "met and agreed".
CLAUSE_LINKS = frozenset({"xcomp", "conj", "aux", "auxpass"})
#: Values that say nothing about when (and so cannot date an event).
VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
#: What a date from the text rests on (the others are fallbacks); see EventMention.
TEXT_BASES = frozenset({"timex", "coreference", "link", "role", "corpus"})
#: Determiners that point back to something already told ("the meeting", "this visit").
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def trigger_token(doc: Doc, mention: EventMention) -> Token | None:
    """The token starting at the trigger, or else the one covering its first character."""
    span = doc.char_span(mention.trigger_start, mention.trigger_start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def clause_path(trigger: Token) -> dict[int, int]:
    """Token index → distance, for the trigger and each word above it up to its clause verb."""
    path: dict[int, int] = {}
    current, distance = trigger, 0
    while True:
        path[current.i] = distance
        if current.head.i == current.i:
            break
        if current.pos_ in {"VERB", "AUX"} and not continues_clause(current):
            break
        current, distance = current.head, distance + 1
    return path


def continues_clause(verb: Token) -> bool:
    if verb.dep_ in CLAUSE_LINKS:
        return True
    # "the 2020 drone strike that eliminated Soleimani": a relative clause tells of the
    # happening its noun names, so the noun's date is the clause's.
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        return True
    # "the attempt to overthrow": an infinitive modifying a noun belongs to that noun's clause.
    return verb.dep_ == "acl" and any(child.lower_ == "to" for child in verb.children)


def can_date(timex: Timex) -> bool:
    return (
        timex.type in {"DATE", "TIME"}
        and timex.value not in VAGUE_VALUES
        and timex.earliest is not None
    )


def attachment_distance(doc: Doc, timex: Timex, path: dict[int, int]) -> int | None:
    """Dependency steps from the expression to the trigger's clause path; None if off it."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    current, steps = span.root, 0
    while True:
        if current.i in path:
            return steps + path[current.i]
        if current.head.i == current.i:
            return None
        if steps and current.pos_ in {"VERB", "AUX"}:
            # The expression dates another clause ("a shift ... since Maduro seized
            # control in 2013" does not date the shift).
            return None
        current, steps = current.head, steps + 1


def governing_timex(doc: Doc, trigger: Token, timexes: Iterable[Timex]) -> Timex | None:
    sentence = sentence_of(trigger.doc, trigger.i)
    path = clause_path(trigger)
    best: tuple[int, int, Timex] | None = None
    for timex in timexes:
        if not can_date(timex):
            continue
        if not sentence.start_char <= timex.start < sentence.end_char:
            continue
        distance = attachment_distance(doc, timex, path)
        if distance is None:
            continue
        key = (distance, abs(timex.start - trigger.idx), timex)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def date_of(timex: Timex) -> DateValue:
    return DateValue(
        value=timex.value[:10] if timex.type == "TIME" else timex.value,
        earliest=timex.earliest,
        latest=timex.latest,
        precision=timex.precision,
        origin="explicit" if timex.anchor == "explicit" else "relative",
    )


def publication_date(published: DateValue) -> DateValue:
    if not (published.value or published.earliest):
        return DateValue(origin="unknown")
    return DateValue(
        value=published.value,
        earliest=published.earliest,
        latest=published.latest,
        precision=published.precision,
        # An inferred publication date is no record of one: the event's date says so.
        origin="inferred" if published.origin == "inferred" else "publication",
    )


def date_event_mentions(
    doc: Doc, event_mentions: list[EventMention], timexes: list[Timex], published: DateValue
) -> None:
    """Set ``date``, ``date_span`` and ``date_basis`` of each mention in place.

    A mention with no expression on its clause that points back to an earlier, dated
    report of the same event ("the meeting", "this visit", "Ratcliffe's visit") takes
    that report's date; only then the publication date stands in.
    """
    for mention in event_mentions:
        trigger = trigger_token(doc, mention)
        timex = governing_timex(doc, trigger, timexes) if trigger is not None else None
        if timex is not None:
            mention.date = date_of(timex)
            mention.date_span = (timex.start, timex.end)
            mention.date_basis = "timex"
        else:
            set_publication_date(mention, published)
    date_by_coreference(doc, event_mentions)


def date_by_coreference(doc: Doc, event_mentions: list[EventMention]) -> int:
    """Date definite nominal mentions by the earlier report they point back to; returns
    how many were dated."""
    dated = 0
    earlier: list[EventMention] = []
    for mention in sorted(event_mentions, key=lambda m: m.trigger_start):
        if mention.date_basis in {None, "publication"}:
            trigger = trigger_token(doc, mention)
            antecedent = None
            if trigger is not None and refers_back(trigger):
                antecedent = same_event_before(mention, earlier)
            if antecedent is not None:
                mention.date = replace(antecedent.date, origin="relative")
                mention.date_span = antecedent.date_span
                mention.date_basis = "coreference"
                dated += 1
        earlier.append(mention)
    return dated


def set_publication_date(mention: EventMention, published: DateValue) -> None:
    """The fallback: the document's date, or none (an inferred one says it was inferred)."""
    mention.date = publication_date(published)
    mention.date_span = None
    mention.date_basis = "publication" if published.value or published.earliest else None


def refers_back(trigger: Token) -> bool:
    """ "the meeting", "this visit", "Ratcliffe's visit": a definite nominal trigger."""
    if trigger.pos_ != "NOUN":
        return False
    return any(
        child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in DEFINITE)
        for child in trigger.children
    )


def same_event_before(mention: EventMention, earlier: list[EventMention]) -> EventMention | None:
    """The latest earlier mention dated by the text that reports the same kind of event
    between the same parties (a side left empty in either agrees with anything)."""
    for candidate in reversed(earlier):
        if candidate.type != mention.type or candidate.date_basis not in TEXT_BASES:
            continue
        if candidate.modality != mention.modality:
            continue
        if _sides_agree(candidate.actors, mention.actors) and _sides_agree(
            candidate.recipients, mention.recipients
        ):
            return candidate
    return None


def _sides_agree(left: list[ActorRef], right: list[ActorRef]) -> bool:
    if not left or not right:
        return True
    return bool({a.actor_id for a in left} & {a.actor_id for a in right})
