"""Events from event mentions: which reports describe the same happening.

Two stages. First, within one document, mentions that agree exactly on type, status,
actors, recipients and date value are one *unit* (``event_key``: the article's repeated
references to one happening). Then each unit is compared with the events already stored
(other documents' and this one's) and joins the one it reports, or founds a new one
(``compare``); the store runs this as each document arrives, so a new article joins
existing events without the store being recomputed.

A unit reports an event's happening when all of these hold (thresholds below):
- type: the same PLOVER type, or one family of data/linking.yaml (ASSAULT/COERCE);
- participants: an actor id in common on the same side (either side for symmetric types
  such as CONSULT), and no side that both name with nothing in common, not even the
  country ("Ratcliffe" and "the United States" agree, "the United States" and
  "Venezuela's government" do not);
- date: overlapping ranges at compatible precision (a day inside a month, not a day inside
  a year); day dates at most ``CONFLICT_GAP_DAYS`` apart also merge, as conflicting
  accounts, when the sentences agree strongly;
- place: not two different countries or regions;
- context: TF-IDF cosine of the sentences (participants' names and stop words left out)
  of at least a floor that rises as the other evidence weakens.
Reports dated only by their publication date ("undated") merge within their article when
the status is the same and the sentences similar, and across articles only when
everything agrees: same type and status, the same participants, publication dates known
to the day and days apart, and very similar sentences. Reports of different statuses
(a plan and a deed) merge only when both are dated by their text to within a month.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .conflicts import ReportLike, date_range, find_conflicts, linking_data, place_relation
from .model import ActorRef, DateValue, Event, EventMention, Modality, content_id
from .textnorm import fold

# Thresholds. Similarities are TF-IDF cosines of sentences without names and stop words
# (the best pair of sentences): two wordings of one happening share its rarer words
# ("military operation", "tanker", "drug boat"). Measured on the demo corpus: the two
# articles' reports of the operation that removed Maduro score 0.16; of the 307 pairs of
# events of different articles sharing a participant, nine in ten score under 0.09, and
# all under 0.21 but for pairs of different types coded in one shared sentence.
#: Same day, shared participant, compatible type: only a sentence about something else
#: entirely keeps them apart.
SIM_DAY = 0.10
#: Overlapping ranges up to a month ("in January", "on January 3").
SIM_CLOSE = 0.20
#: The same coarse date ("in 2019", "in 2019"): a year holds many happenings.
SIM_COARSE = 0.35
#: Dates or places that disagree: the words must say it is one story.
SIM_CONFLICT = 0.35
#: A report dated only by its publication date, inside the article of the other: an
#: article's later references to a happening repeat its words ("the visit", "official
#: visit": 0.25 for the Joint Chiefs chairman's visit in the demo's seed 000); the same
#: status and a shared participant are required as well.
SIM_UNDATED_IN_DOC = 0.20
#: Undated reports of different articles: near-identical accounts only.
SIM_UNDATED_ACROSS = 0.50
#: Day dates this far apart are one happening misdated by a report (time zones, "Friday
#: night"); further apart they are two happenings.
CONFLICT_GAP_DAYS = 2
#: Ranges up to this wide are precise enough to match a day ("in January").
CLOSE_DAYS = 31
#: Undated reports of two articles merge only when both publication dates are known this
#: closely and lie this close together.
UNDATED_WIDTH_DAYS = 3
UNDATED_GAP_DAYS = 3
#: A report asserts an event for the merged record only when at least this confident;
#: below it, the non-asserted reports' status stands (nothing weakly asserted is counted).
ASSERT_FLOOR = 0.3

#: Higher is more certain; a merged event keeps its most certain date.
_ORIGIN_RANK = {"explicit": 4, "relative": 3, "inferred": 2, "publication": 1, "unknown": 0}
_PRECISION_RANK = {
    "day": 6, "week": 5, "month": 4, "quarter": 3, "season": 3, "half": 2, "year": 1,
}  # fmt: skip
_TEXT_BASES = frozenset({"timex", "coreference", "link", "role", "corpus"})
_TEXT_ORIGINS = frozenset({"explicit", "relative", "inferred"})
_WORD = re.compile(r"[a-z0-9]{2,}")
# Date evidence, best first: the order candidates are preferred in.
DAY, CLOSE, COARSE, CONFLICT, UNDATED = 4, 3, 2, 1, 0
_FLOORS = {DAY: SIM_DAY, CLOSE: SIM_CLOSE, COARSE: SIM_COARSE, CONFLICT: SIM_CONFLICT}


@dataclass(frozen=True, slots=True)
class Report:
    """A mention with its sentence and publisher, for callers without a store."""

    mention: EventMention
    sentence: str = ""
    publisher: str | None = None


@dataclass(frozen=True, slots=True, order=True)
class Link:
    """Why a unit joins an event: its date evidence, then its sentences' similarity."""

    evidence: int
    similarity: float


def _side(refs: Sequence[ActorRef]) -> str:
    return ",".join(sorted({ref.actor_id for ref in refs}))


def event_key(mention: EventMention) -> str:
    # Without a date nothing says two reports describe the same happening: an undated
    # mention stays an event of its own.
    date = mention.date.value or mention.id
    if mention.date_basis == "publication" and mention.date.origin == "inferred":
        # A date guessed for an undated article joins reports within that article only.
        date = f"{date}@{mention.doc_id}"
    return "|".join(
        [mention.type, mention.modality, _side(mention.actors), _side(mention.recipients), date]
    )


def event_id(mention: EventMention) -> str:
    return content_id(event_key(mention), "ev_", 12)


def dated_by_text(mention: EventMention) -> bool:
    """Whether the date comes from the text (an expression, another report or event, a
    role change), not from the publication date."""
    d = mention.date
    return (
        mention.date_basis in _TEXT_BASES
        and d.origin in _TEXT_ORIGINS
        and (d.earliest is not None or d.latest is not None)
    )


# -- what the reports say ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _families() -> dict[str, frozenset[str]]:
    data = linking_data()
    family = {t: frozenset({t}) for group in data["type_families"] for t in group}
    for group in data["type_families"]:
        for t in group:
            family[t] = family[t] | frozenset(group)
    return family


@lru_cache(maxsize=1)
def _symmetric() -> frozenset[str]:
    return frozenset(linking_data()["symmetric_types"])


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(fold(str(word)) for word in linking_data()["stopwords"])


def family(event_type: str) -> frozenset[str]:
    """The types reports of one happening of ``event_type`` may be coded as."""
    return _families().get(event_type, frozenset({event_type}))


def _name_words(reports: Iterable[ReportLike]) -> set[str]:
    return {
        word
        for r in reports
        for ref in [*r.mention.actors, *r.mention.recipients]
        for word in _WORD.findall(fold(ref.name))
    }


def terms(sentence: str, excluded: Iterable[str] = ()) -> Counter[str]:
    """The words of a sentence that TF-IDF compares, with their counts."""
    counts = sentence_terms(sentence)
    skip = set(excluded)
    if not skip:
        return Counter(counts)
    return Counter({w: c for w, c in counts.items() if w not in skip})


@lru_cache(maxsize=1 << 14)
def sentence_terms(sentence: str) -> Counter[str]:
    """``terms(sentence)``, computed once: linking compares the same stored sentences
    with every new report that may join their event. Shared: never change it."""
    skip = _stopwords()
    return Counter(w for w in _WORD.findall(fold(sentence)) if w not in skip)


def _vector(counts: Counter[str], idf: Callable[[str], float]) -> dict[str, float]:
    weights = {w: c * idf(w) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {w: v / norm for w, v in weights.items()} if norm else {}


def similarity(
    a: Sequence[ReportLike], b: Sequence[ReportLike], idf: Callable[[str], float]
) -> float:
    """The best TF-IDF cosine between a sentence of ``a`` and one of ``b``."""
    names = _name_words([*a, *b])
    left = [_vector(terms(s, names), idf) for s in {r.sentence for r in a}]
    right = [_vector(terms(s, names), idf) for s in {r.sentence for r in b}]
    return max(
        (sum(w * v.get(t, 0.0) for t, w in u.items()) for u in left for v in right), default=0.0
    )


def width_days(value: DateValue) -> int:
    """Days a date's range spans (1 for a day; a million for no range)."""
    bounds = date_range(value)
    return (bounds[1] - bounds[0]).days + 1 if bounds else 10**6


def date_evidence(a: DateValue, b: DateValue) -> int | None:
    """How well two dates from the text say one happening (DAY … CONFLICT), None when
    they say two."""
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return None
    wa, wb = width_days(a), width_days(b)
    if ra[0] <= rb[1] and rb[0] <= ra[1]:
        if wa <= 1 and wb <= 1:
            return DAY
        if max(wa, wb) <= CLOSE_DAYS:
            return CLOSE
        same = a.value == b.value and a.precision == b.precision
        return COARSE if same else None
    gap = (max(ra[0], rb[0]) - min(ra[1], rb[1])).days
    return CONFLICT if wa <= 1 and wb <= 1 and gap <= CONFLICT_GAP_DAYS else None


def _ids(refs: Iterable[ActorRef]) -> set[str]:
    return {ref.actor_id for ref in refs}


def _side_agrees(mine: Sequence[ActorRef], theirs: Sequence[ActorRef]) -> bool:
    if not mine or not theirs or _ids(mine) & _ids(theirs):
        return True
    countries = {r.country for r in mine if r.country}
    return bool(countries & {r.country for r in theirs if r.country})


def _specific(ids: set[str]) -> set[str]:
    """Ids that single out a participant ("sector:GOV" is any government)."""
    return {i for i in ids if not i.startswith("sector:")}


@dataclass(slots=True)
class _Sides:
    actors: list[ActorRef]
    recipients: list[ActorRef]

    @classmethod
    def of(cls, reports: Sequence[ReportLike]) -> _Sides:
        return cls(
            [a for r in reports for a in r.mention.actors],
            [a for r in reports for a in r.mention.recipients],
        )


def participants_agree(unit: _Sides, event: _Sides, symmetric: bool) -> tuple[bool, bool]:
    """(agree, identical): a specific participant in common on a side, no side in
    conflict; identical when each side names the same actors."""
    orders = [(unit.actors, unit.recipients)]
    if symmetric:
        orders.append((unit.recipients, unit.actors))
    for actors, recipients in orders:
        pairs = ((actors, event.actors), (recipients, event.recipients))
        if not all(_side_agrees(mine, theirs) for mine, theirs in pairs):
            continue
        if any(_specific(_ids(mine) & _ids(theirs)) for mine, theirs in pairs):
            identical = all(_ids(mine) == _ids(theirs) for mine, theirs in pairs)
            return True, identical and bool(actors or recipients)
    return False, False


# -- the decision -----------------------------------------------------------------------


def _undated_link(
    unit: Sequence[ReportLike], event: Sequence[ReportLike], identical: bool, sim: float
) -> Link | None:
    """A unit or an event with no date from the text: strict rules (module docstring)."""
    u = unit[0].mention
    if {u.modality} != {r.mention.modality for r in event}:
        return None
    if u.doc_id in {r.mention.doc_id for r in event}:
        # The article's own later reference to a happening it dates elsewhere ("the
        # operation" after "the operation on January 3"); compare() checked the family.
        return Link(UNDATED, sim) if sim >= SIM_UNDATED_IN_DOC else None
    if {u.type} != {r.mention.type for r in event} or not identical:
        return None
    if sim < SIM_UNDATED_ACROSS:
        return None
    theirs = _best_date([r.mention for r in event])
    ra, re_ = date_range(u.date), date_range(theirs)
    if (
        ra is None
        or re_ is None
        or max(width_days(u.date), width_days(theirs)) > UNDATED_WIDTH_DAYS
    ):
        return None
    gap = (max(ra[0], re_[0]) - min(ra[1], re_[1])).days
    return Link(UNDATED, sim) if gap <= UNDATED_GAP_DAYS else None


def compare(
    unit: Sequence[ReportLike], event: Sequence[ReportLike], idf: Callable[[str], float]
) -> Link | None:
    """Whether the unit (one document's reports of one happening) reports the event
    (the stored reports merged so far), and how strongly; None when it does not."""
    first = unit[0].mention
    types = {r.mention.type for r in event}
    if not types <= family(first.type):
        return None
    agree, identical = participants_agree(
        _Sides.of(unit), _Sides.of(event), bool({first.type, *types} & _symmetric())
    )
    if not agree:
        return None
    places = {place_relation(a.mention.location, b.mention.location) for a in unit for b in event}
    if "incompatible" in places:
        return None
    sim = similarity(unit, event, idf)
    dated = [r.mention.date for r in unit if dated_by_text(r.mention)]
    their_dates = [r.mention.date for r in event if dated_by_text(r.mention)]
    if not dated or not their_dates:
        if "conflict" in places and sim < SIM_CONFLICT:
            return None
        return _undated_link(unit, event, identical, sim)
    found = {date_evidence(a, b) for a in dated for b in their_dates}
    agreeing = [f for f in found if f is not None and f > CONFLICT]
    if agreeing:  # the unit's date is one the event's reports already give
        evidence = max(agreeing)
    elif found == {CONFLICT}:
        evidence = CONFLICT
    else:
        return None
    floor = _FLOORS[evidence]
    if "conflict" in places:
        floor = max(floor, SIM_CONFLICT)
    if {r.mention.modality for r in event} != {first.modality} and evidence < CLOSE:
        return None  # a plan and a deed are one event only when dated alike
    return Link(evidence, sim) if sim >= floor else None


# -- the merged record -------------------------------------------------------------------


def reconcile_modality(mentions: Sequence[EventMention]) -> Modality:
    """Asserted when a report asserts it with at least ``ASSERT_FLOOR`` confidence; else
    the status of the most confident report that does not assert it."""
    if any(m.modality == "asserted" and m.confidence >= ASSERT_FLOOR for m in mentions):
        return "asserted"
    others = [m for m in mentions if m.modality != "asserted"] or list(mentions)
    return max(others, key=lambda m: m.confidence).modality


def _best_date(mentions: Sequence[EventMention]) -> DateValue:
    """The date most reports from the text agree on, then the most certain and precise."""
    dated = [m for m in mentions if dated_by_text(m)] or list(mentions)

    def rank(m: EventMention) -> tuple[int, int, int, int]:
        support = len({o.doc_id for o in dated if date_evidence(o.date, m.date) in {DAY, CLOSE}})
        d = m.date
        origin = _ORIGIN_RANK.get(d.origin, 0)
        return support, origin, _PRECISION_RANK.get(d.precision, 0), -width_days(d)

    return max(dated, key=rank).date if dated else DateValue()


def _union(sides: Sequence[Sequence[ActorRef]]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for side in sides:
        for ref in side:
            seen.setdefault(ref.actor_id, ref)
    return list(seen.values())


def build_event(reports: Sequence[ReportLike], eid: str | None = None) -> Event:
    """One event from the reports that make it up (``eid``: its id, if it has one)."""
    if not reports:
        raise ValueError("an event needs at least one mention")
    mentions = [r.mention for r in reports]
    # The type most of the reports' confidence backs ("the operation" is ASSAULT, four
    # reports of its seizing Maduro make it COERCE).
    weight: dict[str, float] = {}
    for m in mentions:
        weight[m.type] = weight.get(m.type, 0.0) + m.confidence
    event_type = max(sorted(weight), key=lambda t: weight[t])
    modality = reconcile_modality(mentions)
    typed = [m for m in mentions if m.type == event_type]
    lead = max([m for m in typed if m.modality == modality] or typed, key=lambda m: m.confidence)
    distinct = {r.publisher or r.mention.doc_id for r in reports}
    # Corroboration raises confidence: each further independent source closes a part of
    # the remaining doubt, never past 0.99.
    confidence = lead.confidence
    for _ in range(len(distinct) - 1):
        confidence += (1 - confidence) * 0.3
    by_confidence = sorted(mentions, key=lambda m: -m.confidence)
    return Event(
        id=eid or event_id(lead),
        type=event_type,
        mode=lead.mode,
        contexts=sorted({c for m in mentions for c in m.contexts}),
        modality=modality,
        actors=_union([m.actors for m in by_confidence]),
        recipients=_union([m.recipients for m in by_confidence]),
        date=_best_date(mentions),
        location=next((m.location for m in by_confidence if m.location), None),
        quad_class=lead.quad_class,
        intensity=lead.intensity,
        cameo=lead.cameo,
        attribution=next((m.attribution for m in by_confidence if m.attribution), None),
        confidence=round(min(confidence, 0.99), 3),
        num_sources=len(distinct),
        num_mentions=len(mentions),
        conflicts=find_conflicts(reports, {m.id for m in mentions if dated_by_text(m)}),
    )
