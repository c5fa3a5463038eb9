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
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from dateline.model import (
    Actor,
    DateValue,
    DatingEvidence,
    Document,
    EventMention,
    Mention,
    TemporalLink,
    Timex,
)
from dateline.temporal.anchoring import VAGUE_VALUES, date_by_coreference, set_publication_date
from dateline.temporal.intervals import DayRange, day_ranges, intersect, to_date_value
from dateline.temporal.links import find_links, happened, resolve_links
from dateline.temporal.roles import date_role_changes, role_evidence
from dateline.temporal.tense import FUTURE, direction

#: Strongest first: the order in which clues are applied.
KIND_ORDER = ("reported", "event", "linked", "ahead", "former", "holder")


@dataclass(slots=True)
class DocumentDate:
    """An inferred publication date and the clues it rests on."""

    published: DateValue
    used: list[DatingEvidence] = field(default_factory=list)
    set_aside: list[DatingEvidence] = field(default_factory=list)


def timex_evidence(doc: Doc | None, timexes: Iterable[Timex]) -> list[DatingEvidence]:
    """Dates the text reports: before the text if told as past or present, after it if
    told as still to come."""
    evidence: list[DatingEvidence] = []
    for timex in timexes:
        if timex.type not in {"DATE", "TIME"} or timex.value in VAGUE_VALUES:
            continue
        if timex.earliest is None or timex.latest is None:
            continue
        ranges: list[tuple[str | None, str | None]]
        if direction(doc, timex.start, timex.end) == FUTURE:
            kind, ranges = "ahead", [(None, timex.latest)]
        else:
            kind, ranges = "reported", [(timex.earliest, None)]
        evidence.append(DatingEvidence(kind, timex.text, timex.start, timex.end, ranges))
    return evidence


def event_evidence(
    mentions: Iterable[EventMention], text: str, bases: frozenset[str] = frozenset({"role"})
) -> list[DatingEvidence]:
    """Events the text reports as happened, dated by something other than its own
    expressions (those count already as reported dates)."""
    evidence = []
    for mention in mentions:
        if mention.modality != "asserted" or mention.date_basis not in bases:
            continue
        if mention.date.earliest is None:
            continue
        evidence.append(
            DatingEvidence("event", text[mention.sentence_start : mention.sentence_end],
                           mention.sentence_start, mention.sentence_end,
                           [(mention.date.earliest, None)])
        )  # fmt: skip
    return evidence


def link_evidence(link: TemporalLink, happened: DateValue, text: str) -> DatingEvidence | None:
    """A linked clause told as past or present ("the visit comes five months after the
    operation"): the text is from after the day it happened."""
    if link.tense == "future" or happened.earliest is None:
        return None
    return DatingEvidence(
        "linked", text[link.start : link.anchor_end] if text else link.anchor_text,
        link.start, link.anchor_end, [(happened.earliest, None)],
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
    return DocumentDate(to_date_value(possible, "inferred"), used, set_aside)


@dataclass(slots=True)
class InDocumentDating:
    links: list[TemporalLink]
    evidence: list[DatingEvidence]
    used: list[bool]


def date_in_document(
    doc: Doc, document: Document, timexes: Sequence[Timex], mentions: Sequence[Mention],
    actors: dict[str, Actor], event_mentions: Sequence[EventMention], read_on: date,
) -> InDocumentDating:  # fmt: skip
    """Everything dating does within one document once its mentions have their own dates:
    links to other events, role changes, and (with no publication date) the document's
    inferred date and the fallback dates of its undated mentions. Updates in place."""
    links = find_links(doc, document.id, timexes, event_mentions, document.text)
    resolve_links(links, event_mentions)
    if date_role_changes(doc, event_mentions, mentions, actors):
        resolve_links(links, event_mentions)
    if links and date_by_coreference(doc, list(event_mentions)):
        resolve_links(links, event_mentions)
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
    for mention in event_mentions:
        if mention.date_basis in {None, "publication"}:
            set_publication_date(mention, result.published)
    used = [any(clue is u for u in result.used) for clue in evidence]
    return InDocumentDating(links, evidence, used)
