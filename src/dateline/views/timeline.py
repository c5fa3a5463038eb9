"""The timeline: dated events in order, and the most important dates of a story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from ..model import ActorRef, DateValue, Event
from ..store import Store, StoredMention

if TYPE_CHECKING:
    from ..tls.salience import DateSalience
    from ..tls.sentences import SummarySentence


@dataclass(slots=True)
class TimelineEntry:
    event: Event
    mentions: list[StoredMention]

    @property
    def sentence(self) -> str:
        return " ".join(self.mentions[0].sentence.split()) if self.mentions else ""

    def excerpt(self, width: int = 160) -> str:
        """The first mention's sentence, cut to ``width`` around its trigger if longer."""
        if not self.mentions:
            return ""
        first = self.mentions[0]
        sentence = first.sentence
        folded = " ".join(sentence.split())
        if len(folded) <= width:
            return folded
        at = first.mention.trigger_start - first.mention.sentence_start
        start = max(0, min(at - width // 2, len(sentence) - width))
        end = start + width
        words = sentence[start:end].split()
        # Drop words cut in half at either edge.
        if start > 0 and not sentence[start - 1].isspace():
            words = words[1:]
        if end < len(sentence) and not sentence[end].isspace():
            words = words[:-1]
        return ("…" if start > 0 else "") + " ".join(words) + ("…" if end < len(sentence) else "")


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    modalities: Sequence[str] = ("asserted",),
    types: Sequence[str] | None = None,
    first_mention_only: bool = False,
) -> list[TimelineEntry]:
    """Dated events in date order; undated events are left out (``undated`` counts them).

    With ``first_mention_only`` each entry carries just the mention a display quotes, read
    with its event and from its columns (span, trigger, type, status) rather than its full
    record: on a large store that is most of the time a timeline takes.
    """
    if first_mention_only:
        pairs = store.events_with_first_mention(
            actor=actor, date_from=date_from, date_to=date_to, modalities=modalities,
            types=types, dated_only=True,
        )  # fmt: skip
        entries = [TimelineEntry(e, [m] if m else []) for e, m in pairs]
    else:
        events = store.events(
            actor=actor, date_from=date_from, date_to=date_to, modalities=modalities,
            types=types, dated_only=True,
        )  # fmt: skip
        mentions = store.mentions_of([e.id for e in events])
        entries = [TimelineEntry(e, mentions.get(e.id, [])) for e in events]
    # Roughly dated events follow the story instead of opening it at the start of their
    # span (an undated article "between 2017 and 2026" is not news of 2017).
    return [x for x in entries if not roughly_dated(x.event.date)] + [
        x for x in entries if roughly_dated(x.event.date)
    ]


def roughly_dated(date: DateValue) -> bool:
    """Only a span of more than a year is known: a decade, a century, or a range between
    two bounds that no single year holds (a range open at one end keeps its bound)."""
    if date.precision in ("decade", "century"):
        return True
    if date.value or not (date.earliest and date.latest):
        return False
    return date.earliest[:4] != date.latest[:4]


def undated(
    store: Store,
    modalities: Sequence[str] = ("asserted",),
    actor: str | None = None,
    types: Sequence[str] | None = None,
) -> int:
    """How many events the same filters would show if they had a date (counted in SQL:
    reading every event record only to count is most of a large store's time)."""
    found = store.event_conditions(modalities=modalities, types=types, actor=actor)
    if found is None:
        return 0
    where, params = found
    where.append("date_origin = 'unknown'")
    return int(store.scalar(f"SELECT count(*) FROM events WHERE {' AND '.join(where)}", *params))


@dataclass(slots=True)
class KeyDate:
    """A date chosen for the summary, why, what happened on it, and what to read."""

    date: str
    salience: float
    entries: list[TimelineEntry]
    evidence: DateSalience
    sentences: list[SummarySentence] = field(default_factory=list)


def key_dates(
    store: Store,
    n: int,
    *,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    modalities: Sequence[str] = ("asserted",),
    types: Sequence[str] | None = None,
    sentences: int = 2,
) -> list[KeyDate]:
    """The ``n`` most important dates, with up to ``sentences`` summary sentences each
    and the events (matching the filters, as ``timeline`` takes them) dated to each.

    Salience is ``tls.date_salience`` over the whole store — the articles that refer to a
    date, those published on it and the day after — plus the sources of the matching
    events on it. Days come first; months fill the places left when fewer days have any
    evidence. With an actor or type filter only dates of matching events qualify;
    otherwise any date the corpus points to within ``date_from``…``date_to``.
    """
    # Imported here: the plain timeline, the command's common case, needs none of them.
    from ..tls import store_dates
    from ..tls.salience import date_salience, top_dates
    from ..tls.sentences import Candidate, pick_sentences

    sources = store_dates.dated_event_sources(store, modalities, types, actor)
    scores = date_salience(store_dates.references(store), store_dates.published(store), sources)
    chosen = top_dates(
        scores, n, first=date_from, last=date_to, months=True,
        candidates=list(sources) if actor or types else None,
    )  # fmt: skip
    keys = [s.date for s in chosen]
    by_key = store_dates.events_on(store, keys, modalities, types, actor)
    # The summary quotes every report of a chosen date's events, not just the first.
    mentions = store.mentions_of([e.id for on in by_key.values() for e in on])
    pools = store_dates.sentences_naming(store, keys)
    entries: dict[str, list[TimelineEntry]] = {}
    for key in keys:
        entries[key] = [TimelineEntry(e, mentions.get(e.id, [])) for e in by_key[key]]
        pools[key] += [Candidate(m.sentence, m.mention.doc_id, m.source)
                       for entry in entries[key] for m in entry.mentions]  # fmt: skip
    # A day nothing names and no event is on (a busy news day) is told by its leads.
    empty = [key for key in keys if not pools[key] and len(key) == 10]
    for key, leads in store_dates.leads_published_on(store, empty).items():
        pools[key] = leads
    picked = pick_sentences(pools, sentences) if sentences else {}
    return [KeyDate(s.date, s.score, entries[s.date], s, picked.get(s.date, []))
            for s in chosen]  # fmt: skip


def describe_side(side: Sequence[ActorRef]) -> str:
    return ", ".join(f"{a.name} ({a.code})" if a.code and a.code != a.name else a.name
                     for a in side) or "?"  # fmt: skip


def headline(event: Event) -> str:
    kind = f"{event.type}:{event.mode}" if event.mode else event.type
    return f"{describe_side(event.actors)} → {kind} → {describe_side(event.recipients)}"


def date_label(date: DateValue) -> str:
    """The value, or the range when no single period holds the date ("≤ 2026-01-15"); a
    TIMEX3 decade ("202") or century ("20") reads as "2020s" or "2000s"."""
    if date.value:
        if date.precision == "decade" and len(date.value) == 3 and date.value.isdigit():
            return f"{date.value}0s"
        if date.precision == "century" and len(date.value) == 2 and date.value.isdigit():
            return f"{date.value}00s"
        return date.value
    if date.earliest and date.latest:
        return f"{date.earliest}…{date.latest}"
    if date.latest:
        return f"≤ {date.latest}"
    return f"≥ {date.earliest}" if date.earliest else "?"


def status_mark(event: Event) -> str:
    """The mark ("[PLANNED]") that keeps a status other than asserted from reading as fact."""
    return "" if event.modality == "asserted" else f" [{event.modality.upper()}]"


def _event_line(e: Event) -> str:
    sources = f"{e.num_sources} source{'s' if e.num_sources != 1 else ''}"
    return f"{headline(e)}{status_mark(e)}  ({e.date.precision}, {e.date.origin}; {sources})"


def render_text(entries: Sequence[TimelineEntry], undated_count: int = 0) -> str:
    lines = []
    rough_heading = False
    for entry in entries:
        if not rough_heading and roughly_dated(entry.event.date):
            lines.append("Roughly dated (only a span of more than a year is known):")
            rough_heading = True
        lines.append(f"{date_label(entry.event.date):<10}  {_event_line(entry.event)}")
        origin = entry.mentions[0].source if entry.mentions else ""
        lines.append(f"{'':<12}“{entry.excerpt()}” — {origin}")
    if undated_count:
        lines.append(f"({undated_count} more events have no date and are not shown)")
    return "\n".join(lines)


def render_summary(key_dates: Sequence[KeyDate]) -> str:
    """Each key date: why it was chosen, its summary sentences, then its events."""
    lines = []
    for key in key_dates:
        lines.append(f"{key.date:<10}  salience {key.salience:.2f}: {key.evidence.explain()}")
        for sentence in key.sentences:
            lines.append(f"{'':<12}“{sentence.text}” — {sentence.source}")
        for entry in key.entries:
            lines.append(f"{'':<12}· {_event_line(entry.event)}")
    return "\n".join(lines)


def summary_record(key: KeyDate) -> dict[str, Any]:
    """A key date as one JSON object: evidence, summary sentences, the event records."""
    from ..export.records import event_record

    e = key.evidence
    return {
        "date": key.date,
        "precision": e.precision,
        "salience": round(key.salience, 4),
        "evidence": {
            "referring_articles": e.referring, "weighted_references": round(e.weighted, 4),
            "published_on": e.published_on, "published_next_day": e.published_next,
            "event_sources": e.event_sources,
        },
        "summary": [{"text": s.text, "doc_id": s.doc_id, "source": s.source,
                     "articles": s.articles} for s in key.sentences],
        "events": [event_record(x.event, x.mentions) for x in key.entries],
    }  # fmt: skip


def _timelinejs_date(iso: str, precision: str) -> dict[str, str]:
    year, month, day = iso.split("-")
    date = {"year": year}
    if precision in ("day", "month"):
        date["month"] = month.lstrip("0")
    if precision == "day":
        date["day"] = day.lstrip("0")
    return date


def timelinejs(entries: Sequence[TimelineEntry], title: str = "dateline") -> dict[str, Any]:
    """A TimelineJS3 JSON document; a period other than a day, month or year (a week, a
    season, a decade) is drawn over its whole range. TimelineJS renders text as HTML, so
    article text is escaped."""
    events = []
    for entry in entries:
        e = entry.event
        if not (e.date.earliest and e.date.latest):
            continue
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _timelinejs_date(e.date.earliest, e.date.precision),
            "text": {"headline": escape(headline(e) + status_mark(e)),
                     "text": escape(entry.sentence)},
            "group": e.modality,
        }  # fmt: skip
        if e.date.precision not in ("day", "month", "year"):
            item["start_date"] = _timelinejs_date(e.date.earliest, "day")
            item["end_date"] = _timelinejs_date(e.date.latest, "day")
        events.append(item)
    return {"title": {"text": {"headline": escape(title)}}, "events": events}


def summary_timelinejs(key_dates: Sequence[KeyDate], title: str = "dateline") -> dict[str, Any]:
    """One TimelineJS3 slide per key date: its summary sentences and its events."""
    events = []
    for key in key_dates:
        first = key.entries[0].event if key.entries else None
        paragraphs = [f"<p>{escape(s.text)} <i>— {escape(s.source)}</i></p>"
                      for s in key.sentences]  # fmt: skip
        if key.entries:
            items = "".join(f"<li>{escape(headline(x.event) + status_mark(x.event))}</li>"
                            for x in key.entries)  # fmt: skip
            paragraphs.append(f"<ul>{items}</ul>")
        events.append({
            "unique_id": f"date-{key.date}",
            "start_date": _timelinejs_date(
                key.date if len(key.date) == 10 else f"{key.date}-01", key.evidence.precision
            ),
            "text": {
                "headline": escape(headline(first) + status_mark(first) if first else key.date),
                "text": "".join(paragraphs),
            },
            "group": "key date",
        })  # fmt: skip
    return {"title": {"text": {"headline": escape(title)}}, "events": events}
