"""The data model: every record dateline reads, extracts, stores or exports.

One module holds it so that readers, stages, the store and the exporters agree on one
shape. Records are plain dataclasses; ``to_dict`` gives the JSON form of the export
contract (docs/OUTPUT.md).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "negated", "planned", "hypothetical"]
MODALITIES: tuple[Modality, ...] = ("asserted", "negated", "planned", "hypothetical")

#: Where a date came from. ``metadata``/``user`` are for publication dates only.
DateOrigin = Literal[
    "explicit", "relative", "publication", "inferred", "unknown", "metadata", "user"
]
Precision = Literal[
    "day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "unknown"
]
DocumentStatus = Literal["ok", "failed", "skipped"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def content_id(text: str, prefix: str = "", length: int = 16) -> str:
    """A stable id from content: the same input always gives the same id."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"


def to_dict(record: Any) -> Any:
    """JSON-ready form of a record (nested dataclasses become dicts)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list | tuple):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


@dataclass(slots=True)
class DateValue:
    """A date as the contract gives it: a partial ISO value plus its certain range."""

    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    precision: Precision = "unknown"
    origin: DateOrigin = "unknown"

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DateValue:
        return cls(**data) if data else cls()


@dataclass(slots=True)
class RawDocument:
    """What every reader yields: text (or the reason there is none) plus metadata."""

    source: str
    text: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    published_origin: DateOrigin = "metadata"
    language: str | None = None
    error: str | None = None
    #: Raw size in bytes of what the reader read (for size limits and reports).
    size: int = 0


@dataclass(slots=True)
class Document:
    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: DateValue = field(default_factory=DateValue)
    language: str | None = None
    status: DocumentStatus = "ok"
    error: str | None = None
    duplicate_of: str | None = None


@dataclass(slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Timex:
    """A time expression with its TIMEX3 value; ``start``/``end`` index the document text."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    precision: Precision = "unknown"
    earliest: str | None = None
    latest: str | None = None
    #: "DCT" when resolved against the publication date, "explicit" when absolute,
    #: "timex:<start>" when resolved against an earlier expression.
    anchor: str | None = None
    doc_id: str = ""


@dataclass(slots=True)
class Role:
    """A title a person holds. ``start``/``end`` are when it began and ended, as the
    knowledge base records them; a title read in an article ("interim leader Delcy
    Rodríguez") gives none of them, only what the article's date shows:

    - ``seen_from``/``seen_to``: the role was held on or around the dates of the
      documents that give it (the earliest and latest bound of their publication dates),
      not that it started or ended then;
    - ``ended_by``: the role had ended on or before this date (a document of that date
      calls the holder "former");
    - ``sources``: the ids of the documents the role was read in.
    """

    title: str
    country: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None
    seen_from: str | None = None
    seen_to: str | None = None
    ended_by: str | None = None
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: Literal["country", "person", "organisation", "group"]
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    @property
    def code(self) -> str | None:
        """The contract's ``code``: the country for state actors, else the best sector."""
        if self.country:
            return self.country
        return self.sectors[0] if self.sectors else None


@dataclass(slots=True)
class Mention:
    """A span of the document text that refers to an actor."""

    start: int
    end: int
    text: str
    label: str
    actor_id: str
    doc_id: str = ""


@dataclass(slots=True)
class ActorRef:
    """An actor as it appears on an event record."""

    name: str
    code: str | None
    country: str | None
    sector: str | None
    actor_id: str

    @classmethod
    def of(cls, actor: Actor, sector: str | None = None) -> ActorRef:
        sector = sector or (actor.sectors[0] if actor.sectors else None)
        return cls(actor.name, actor.code, actor.country, sector, actor.id)


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Attribution:
    speaker: str
    text: str
    actor_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class EventMention:
    """One report of an event in one sentence of one document."""

    doc_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    type: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    date: DateValue = field(default_factory=DateValue)
    location: Location | None = None
    modality: Modality = "asserted"
    attribution: Attribution | None = None
    confidence: float = 0.5
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    #: Character span of the time expression that dated this mention, if any.
    date_span: tuple[int, int] | None = None
    #: What the date rests on: "timex" (an expression on the clause), "coreference" (an
    #: earlier report of the same event in the text), "link" (another event: "five months
    #: after the operation"), "role" (a role change known to the knowledge base),
    #: "publication" (the document's date), or None (no date).
    date_basis: str | None = None

    @property
    def id(self) -> str:
        return content_id(f"{self.doc_id}:{self.trigger_start}:{self.type}", "em_")


@dataclass(slots=True)
class Conflict:
    """Reports merged into one event that disagree on ``field`` ("date", "location",
    "figures" or "modality"): ``values[i]`` is what the mentions ``mentions[i]`` say."""

    field: str
    values: list[str]
    mentions: list[list[str]]


@dataclass(slots=True)
class Event:
    """Mentions that report the same happening, merged; the export record.

    ``modality`` is reconciled across the reports (asserted when a confident report
    asserts it); each mention keeps its own. ``num_sources`` counts distinct publishers
    (distinct documents where none is known); duplicate documents add none.
    """

    id: str
    type: str
    mode: str | None
    contexts: list[str]
    modality: Modality
    actors: list[ActorRef]
    recipients: list[ActorRef]
    date: DateValue
    location: Location | None
    quad_class: int | None
    intensity: float | None
    cameo: str | None
    attribution: Attribution | None
    confidence: float
    num_sources: int = 1
    num_mentions: int = 1
    conflicts: list[Conflict] = field(default_factory=list)


LinkRelation = Literal["after", "before"]
Tense = Literal["past", "present", "future", "unmarked"]


@dataclass(slots=True)
class TemporalLink:
    """A clause dated by another event: "five months after the operation to remove Maduro".

    The dated happening lies ``offset`` (a TIMEX3 duration, or None for "some time")
    ``relation`` the anchor event. ``anchor_mention`` is the coded event mention of the
    anchor phrase in the same document, if there is one; ``dependent_mention`` the event
    mention the link dates, if one was coded. Spans index the document text.
    """

    doc_id: str
    start: int
    end: int
    signal: str
    relation: LinkRelation
    anchor_start: int
    anchor_end: int
    anchor_text: str
    offset: str | None = None
    anchor_mention: str | None = None
    dependent_mention: str | None = None
    #: Tense of the dated clause: a past or present one reports something that happened.
    tense: Tense = "unmarked"
    #: Span of the duration expression that gives the offset, if any.
    timex_span: tuple[int, int] | None = None


@dataclass(slots=True)
class DatingEvidence:
    """One thing a text says about when it was written, as ranges of possible days.

    ``kind``: ``dateline`` (a day at the head of the text, outside any clause),
    ``reported`` (a date the text reports as past), ``event`` (an
    event it reports as happened, dated by its text, a role change or the corpus),
    ``linked`` (a clause it reports as happened, dated by another event: "the visit comes
    five months after the operation"), ``ahead`` (a date it reports as still to come),
    ``former`` (a role it calls former), ``holder`` (a role it presents as held now).
    ``ranges`` are inclusive ISO day pairs, None for an open end.
    """

    kind: str
    text: str
    start: int
    end: int
    ranges: list[tuple[str | None, str | None]] = field(default_factory=list)
    #: How fine the date behind the clue is ("day" for "January 15, 2026", "year" for
    #: "2019"): a text is most likely from the period of the latest date it reports.
    precision: Precision = "day"


QuoteKind = Literal["direct", "indirect"]


@dataclass(slots=True)
class Quote:
    """Words a text attributes to a speaker: quoted (``direct``: “…,” Sabatini said) or
    reported (``indirect``: Gonzalez said the US would …; according to Reuters, …).

    ``start``/``end`` index the document text: the quoted words without their quote marks,
    or the reported clause. ``speaker`` is the speaker's actor name when resolved (a
    pronoun is resolved to the nearest person before it in the paragraph), else the words
    that name the speaker ("analysts"), or None when the text names nobody;
    ``speaker_start``/``speaker_end`` span those words where the cue names the speaker.
    ``about`` holds the actor ids mentioned inside the quote, ``date`` the document's
    publication date.
    """

    doc_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    speaker: str | None = None
    speaker_actor_id: str | None = None
    #: The words at the cue that name the speaker ("he", "the White House"), as written.
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    #: The cue as written ("said", "told", "according to") and its span.
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    date: DateValue = field(default_factory=DateValue)
    about: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return content_id(f"{self.doc_id}:{self.start}:{self.end}", "q_")


@dataclass(slots=True)
class Annotation:
    """Everything the per-document stages produce for one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    event_mentions: list[EventMention] = field(default_factory=list)
    links: list[TemporalLink] = field(default_factory=list)
    #: Clues to the date of a document that carries none, and which of them its inferred
    #: publication date rests on (aligned with ``dating_evidence``).
    dating_evidence: list[DatingEvidence] = field(default_factory=list)
    dating_used: list[bool] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def _event_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The nested records shared by events and event mentions, rebuilt from dicts."""
    fields = dict(data)
    fields["actors"] = [ActorRef(**a) for a in fields.get("actors", [])]
    fields["recipients"] = [ActorRef(**a) for a in fields.get("recipients", [])]
    fields["date"] = DateValue.from_dict(fields.get("date"))
    fields["location"] = Location(**fields["location"]) if fields.get("location") else None
    attribution = fields.get("attribution")
    fields["attribution"] = Attribution(**attribution) if attribution else None
    return fields


def event_mention_from_dict(data: dict[str, Any]) -> EventMention:
    """Rebuild an EventMention from its ``to_dict`` form (as stored)."""
    fields = _event_fields(data)
    if fields.get("date_span") is not None:
        fields["date_span"] = tuple(fields["date_span"])
    return EventMention(**fields)


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an Event from its ``to_dict`` form (as stored)."""
    fields = _event_fields(data)
    fields["conflicts"] = [Conflict(**c) for c in fields.get("conflicts", [])]
    return Event(**fields)


def actor_from_dict(data: dict[str, Any]) -> Actor:
    fields = dict(data)
    fields["roles"] = [Role(**r) for r in fields.get("roles", [])]
    return Actor(**fields)


def temporal_link_from_dict(data: dict[str, Any]) -> TemporalLink:
    fields = dict(data)
    if fields.get("timex_span") is not None:
        fields["timex_span"] = tuple(fields["timex_span"])
    return TemporalLink(**fields)


def dating_evidence_from_dict(data: dict[str, Any]) -> DatingEvidence:
    fields = dict(data)
    fields["ranges"] = [tuple(pair) for pair in fields.get("ranges", [])]
    return DatingEvidence(**fields)


def quote_from_dict(data: dict[str, Any]) -> Quote:
    """Rebuild a Quote from its ``to_dict`` form (as stored)."""
    fields = dict(data)
    fields["date"] = DateValue.from_dict(fields.get("date"))
    return Quote(**fields)


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a Document from its ``to_dict`` form."""
    fields = dict(data)
    fields["published"] = DateValue.from_dict(fields.get("published"))
    return Document(**fields)


def annotation_from_dict(data: dict[str, Any], document: Document) -> Annotation:
    """Rebuild an Annotation of ``document`` from its ``to_dict`` form (whose own
    ``document`` entry, if any, is ignored: the caller holds the document)."""
    return Annotation(
        document,
        sentences=[Sentence(**s) for s in data.get("sentences", [])],
        timexes=[Timex(**t) for t in data.get("timexes", [])],
        mentions=[Mention(**m) for m in data.get("mentions", [])],
        actors={key: actor_from_dict(a) for key, a in data.get("actors", {}).items()},
        event_mentions=[event_mention_from_dict(m) for m in data.get("event_mentions", [])],
        links=[temporal_link_from_dict(link) for link in data.get("links", [])],
        dating_evidence=[dating_evidence_from_dict(e) for e in data.get("dating_evidence", [])],
        dating_used=[bool(used) for used in data.get("dating_used", [])],
        quotes=[quote_from_dict(q) for q in data.get("quotes", [])],
    )
