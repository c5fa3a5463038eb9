"""Dating a document that carries no publication date, from what it says.

Clues, strongest first: dates it reports as past or present ("On January 15, 2026, ...
marks": written on or after that day); events it reports as happened whose date was
worked out through other events or the corpus; dates it reports as still to come
("will meet on March 3": written before); roles it calls former ("former President
Maduro"); and roles it presents as held ("President Trump", "the Biden administration").
The day the text was read is the last possible day. Clues combine by intersection; one
that contradicts the stronger ones is set aside. The result is an ``inferred`` DateValue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc

from dateline.model import (
    Actor,
    DateValue,
    DatingEvidence,
    Document,
    EventMention,
    Mention,
    Precision,
    TemporalLink,
    Timex,
)
from dateline.temporal.anchoring import (
    VAGUE_VALUES,
    date_by_coreference,
    date_event_mentions,
    set_publication_date,
)
from dateline.temporal.calendar_math import format_value, value_range
from dateline.temporal.intervals import (
    NAMED_PRECISIONS,
    DayRange,
    day_ranges,
    intersect,
    parse_day,
    to_date_value,
)
from dateline.temporal.links import find_links, happened, resolve_links
from dateline.temporal.roles import date_role_changes, role_evidence
from dateline.temporal.tagger import tag_timexes
from dateline.temporal.tense import governing_verb

#: Future auxiliaries that put a date after the text ("would" reports a past future).
STRICT_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
#: Clues that are dates the text reports as past, and a dateline's day.
REPORTED_KINDS = frozenset({"dateline", "reported", "event", "linked"})
#: How far into the text a dateline may stand.
DATELINE_CHARS = 300
#: Strongest first: the order in which clues are applied.
KIND_ORDER = ("dateline", "reported", "event", "linked", "ahead", "former", "holder")


@dataclass(slots=True)
class DocumentDate:
    """An inferred publication date and the clues it rests on."""

    published: DateValue
    used: list[DatingEvidence] = field(default_factory=list)
    set_aside: list[DatingEvidence] = field(default_factory=list)


def report_tense(doc: Doc | None, start: int, end: int) -> str:
    """ "past" (simple past or perfect: "died in June 2009", "has met"), "future" (a future
    auxiliary: "will meet on March 3"), else "other". Only these two say on which side of
    the text a date lies: a present ("goes on trial in March"), a plan seen from the past
    ("was expected to take place in September") or a noun ("the 2010 budget") does not."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return "other"
    current = governing_verb(span.root)
    while True:
        auxiliaries = [c for c in current.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in STRICT_FUTURE for a in auxiliaries):
            return "future"
        perfect = current.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries)
        if perfect or "VBD" in {current.tag_, *(a.tag_ for a in auxiliaries)}:
            return "past"
        if current.dep_ not in {"xcomp", "conj"} or current.head.i == current.i:
            return "other"
        current = current.head


def is_dateline(doc: Doc | None, timex: Timex) -> bool:
    """A day at the head of the text that no preposition or verb governs ("Tuesday 5 May
    2009 17.42 BST"), unlike "On January 15, 2026, the visit ..."."""
    if doc is None or timex.start >= DATELINE_CHARS:
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return span.root.head.pos_ != "ADP" and span.root.dep_ not in {"pobj", "dobj", "nsubj"}


def timex_evidence(doc: Doc | None, timexes: Iterable[Timex]) -> list[DatingEvidence]:
    """Dates the text reports: before the text if told as past, after it if told as still
    to come; dates in other clauses say nothing about when the text was written."""
    evidence: list[DatingEvidence] = []
    for timex in timexes:
        if timex.type not in {"DATE", "TIME"} or timex.value in VAGUE_VALUES:
            continue
        if timex.earliest is None or timex.latest is None:
            continue
        ranges: list[tuple[str | None, str | None]]
        tense = report_tense(doc, timex.start, timex.end)
        if tense == "future":
            kind, ranges = "ahead", [(None, timex.latest)]
        elif tense == "past":
            kind, ranges = "reported", [(timex.earliest, None)]
        elif timex.precision == "day" and is_dateline(doc, timex):
            # "WASHINGTON, Mon Mar 2, 2009", "6 January 2011 Last updated at 04:46 GMT":
            # a day at the head of the text, outside any clause, is when it was filed.
            kind, ranges = "dateline", [(timex.earliest, None)]
        else:
            continue
        evidence.append(
            DatingEvidence(kind, timex.text, timex.start, timex.end, ranges, timex.precision)
        )
    return evidence


def event_evidence(
    mentions: Iterable[EventMention],
    text: str,
    bases: frozenset[str] = frozenset({"role", "timex"}),
) -> list[DatingEvidence]:
    """Events the text reports as happened ("On January 15, 2026, Ratcliffe's visit ...
    marks"), by their dates: the text is from after them."""
    evidence = []
    for mention in mentions:
        if mention.modality != "asserted" or mention.date_basis not in bases:
            continue
        if mention.date.earliest is None:
            continue
        evidence.append(
            DatingEvidence("event", text[mention.sentence_start : mention.sentence_end],
                           mention.sentence_start, mention.sentence_end,
                           [(mention.date.earliest, None)], mention.date.precision)
        )  # fmt: skip
    return evidence


def link_evidence(link: TemporalLink, happened: DateValue, text: str) -> DatingEvidence | None:
    """A linked clause told as past or present ("the visit comes five months after the
    operation"): the text is from after the day it happened."""
    if link.tense == "future" or happened.earliest is None:
        return None
    return DatingEvidence(
        "linked", text[link.start : link.anchor_end] if text else link.anchor_text,
        link.start, link.anchor_end, [(happened.earliest, None)], happened.precision,
    )  # fmt: skip


def infer_published(evidence: Sequence[DatingEvidence], read_on: date) -> DocumentDate:
    """Combine the clues, strongest first, into an inferred publication date."""
    possible: list[DayRange] = [(None, read_on)]
    used: list[DatingEvidence] = []
    set_aside: list[DatingEvidence] = []
    ordered = sorted(evidence, key=lambda e: (KIND_ORDER.index(e.kind), e.start))
    for clue in ordered:
        narrowed = intersect(possible, day_ranges(clue.ranges))
        if narrowed:
            possible = narrowed
            used.append(clue)
        else:
            set_aside.append(clue)
    published = to_date_value(possible, "inferred")
    return DocumentDate(best_guess(published, used, possible), used, set_aside)


#: The period a best guess names, by the precision of the latest date reported: news is
#: mostly from within weeks of the days it reports, not from their very day. A year or
#: coarser ("the 2020 drone strike") is as often background as news: no guess.
GUESS_PRECISION: dict[str, Precision] = {"day": "month", "week": "month", "month": "month"}


def best_guess(
    published: DateValue, used: Sequence[DatingEvidence], possible: Sequence[DayRange]
) -> DateValue:
    """The value a reader would guess: the period of the latest date the text reports as
    past, when that period is still possible; earliest and latest stay the certain range."""
    reported = [c for c in used if c.kind in REPORTED_KINDS and c.ranges and c.ranges[0][0]]
    if not reported:
        return published
    latest = max(reported, key=lambda c: str(c.ranges[0][0]))
    precision = "day" if latest.kind == "dateline" else GUESS_PRECISION.get(latest.precision)
    day = parse_day(latest.ranges[0][0])
    if precision is None or day is None:
        return published
    value = format_value(day, precision)
    period = value_range(value) if value else None
    if value is None or period is None or not intersect(possible, [(period[1], period[2])]):
        return published
    if not _finer(precision, published.precision):
        return published
    return replace(published, value=value, precision=precision)


def _finer(precision: Precision, than: Precision) -> bool:
    """Whether ``precision`` names smaller periods (a value-less date has none)."""
    if than not in NAMED_PRECISIONS:
        return True
    return NAMED_PRECISIONS.index(precision) < NAMED_PRECISIONS.index(than)


@dataclass(slots=True)
class InDocumentDating:
    links: list[TemporalLink]
    evidence: list[DatingEvidence]
    used: list[bool]


def date_in_document(
    doc: Doc, document: Document, timexes: list[Timex], mentions: Sequence[Mention],
    actors: dict[str, Actor], event_mentions: list[EventMention], read_on: date,
) -> InDocumentDating:  # fmt: skip
    """Everything dating does within one document once its mentions have their own dates:
    links to other events, role changes, and (with no publication date) the document's
    inferred date and the fallback dates of its undated mentions. Updates in place.

    When the inferred date is a dateline's day, the text's relative expressions ("on
    Tuesday", "last week") are read again against it, and the mentions dated anew."""
    links = _date_by_events(doc, document, timexes, mentions, actors, event_mentions)
    if document.published.origin != "unknown":
        return InDocumentDating(links, [], [])
    evidence = timex_evidence(doc, timexes)
    evidence += role_evidence(doc, mentions, actors, event_mentions)
    evidence += event_evidence(event_mentions, document.text)
    for link in links:
        when = happened(link, event_mentions)
        clue = link_evidence(link, when, document.text) if when else None
        if clue is not None:
            evidence.append(clue)
    result = infer_published(evidence, read_on)
    document.published = result.published
    if result.published.precision == "day" and any(c.kind == "dateline" for c in result.used):
        timexes[:] = tag_timexes(document.text, result.published.value, doc)
        for timex in timexes:
            timex.doc_id = document.id
        date_event_mentions(doc, event_mentions, timexes, result.published)
        links = _date_by_events(doc, document, timexes, mentions, actors, event_mentions)
    for mention in event_mentions:
        if mention.date_basis in {None, "publication"}:
            set_publication_date(mention, result.published)
    used = [any(clue is u for u in result.used) for clue in evidence]
    return InDocumentDating(links, evidence, used)


def _date_by_events(
    doc: Doc, document: Document, timexes: list[Timex], mentions: Sequence[Mention],
    actors: dict[str, Actor], event_mentions: list[EventMention],
) -> list[TemporalLink]:  # fmt: skip
    """Links to other events, role changes and coreference, until they settle."""
    links = find_links(doc, document.id, timexes, event_mentions, document.text)
    resolve_links(links, event_mentions)
    if date_role_changes(doc, event_mentions, mentions, actors):
        resolve_links(links, event_mentions)
    if links and date_by_coreference(doc, event_mentions):
        resolve_links(links, event_mentions)
    return links
