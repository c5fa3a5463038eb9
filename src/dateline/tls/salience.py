"""Date salience: how important a date is to a story, from the corpus itself.

One function scores every candidate date for both callers, the store-based
``dateline timeline --summary`` and the article-based ``dateline eval timeline`` scorer, so
what is measured on Timeline17 is what users get. The evidence for a date:

- **references**: distinct articles whose text refers to the date (a time expression
  resolved to that day or month). An article counts once per date however often it repeats
  it. How much it counts depends on when it was published relative to the date:
  an article published *after* the date still reporting it is the best evidence that the
  date mattered (weight 1, decaying towards 0.5 over the weeks, since a date remembered
  long after is usually background); a reference to the article's own publication day is
  mostly "today", the date of any news (0.25); a reference to a date still ahead is a plan
  or a schedule (0.25); an article without a known publication date counts 0.5.
- **publications**: articles published on the date, and on the day after it (news of an
  event appears that day and the next morning). This is the PUBCOUNT signal, kept as one
  part of the score rather than all of it, and at half the weight of references: an
  article appearing on a day says less about that day than an article pointing at it.
- **burstiness**: the articles published on the date relative to the mean of the three
  days either side (``on / (1 + mean of the others)``), at a quarter weight: a day that
  stands out of its week is more of an event than one of a steady stream of coverage.
- **events** (store only): the distinct sources of the coded events dated to it.

Each part is compressed with log(1 + x), so no one signal (a flood of same-day articles,
say) swamps the others, and the parts are added with the weights in ``Weights``. They
were chosen on the five Timeline17 development topics among a few round values; date F1
there is flat (0.70–0.72) across the grid around them, so they are not a fitted optimum
(see ``dateline eval timeline``). Burstiness added 0.006 there (0.714 to 0.720; 0.717
choosing its weight on four topics and scoring the fifth), the same for windows of one to
fourteen days: two more dates right of 303, a small but consistent gain.
"""

from __future__ import annotations

import math
from calendar import monthrange
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

#: (earliest, latest) publication day of an article; both None when unknown.
Published = tuple[date | None, date | None]


@dataclass(frozen=True, slots=True)
class Weights:
    later: float = 1.0  # a reference from an article published the day after the date
    later_floor: float = 0.5  # … decaying to this for articles published long after
    later_days: float = 7.0  # … with this time constant (days)
    same_day: float = 0.25  # a reference to the article's own publication day
    ahead: float = 0.25  # a reference to a date after the article's publication
    undated: float = 0.5  # a reference from an article of unknown publication date
    published_on: float = 0.5  # articles published on the date
    published_next: float = 0.5  # articles published on the day after the date
    burst: float = 0.25  # publications on the date relative to the days around it
    burst_days: int = 3  # … this many days either side
    events: float = 1.0  # sources of the events dated to the date (store only)


WEIGHTS = Weights()


@dataclass(slots=True)
class DateSalience:
    """A candidate date (ISO day "2026-01-15" or month "2026-01") and why it scores."""

    date: str
    score: float = 0.0
    referring: int = 0  # distinct articles referring to it
    weighted: float = 0.0  # … weighted by when they were published
    published_on: int = 0
    published_next: int = 0
    burst: float = 0.0  # published_on / (1 + mean publications of the days around it)
    event_sources: int = 0

    @property
    def precision(self) -> str:
        return "day" if len(self.date) == 10 else "month"

    def explain(self) -> str:
        """The evidence in words, for a reader of the summary."""
        one = self.referring == 1
        parts = [
            f"{self.referring} article{'' if one else 's'} refer{'s' if one else ''} to it",
            f"{self.published_on} published on it",
        ]
        if self.precision == "day":
            parts.append(f"{self.published_next} the day after")
        if self.event_sources:
            parts.append(f"events from {self.event_sources} source(s)")
        return ", ".join(parts)


def _span(key: str) -> tuple[date, date] | None:
    """First and last day of an ISO day or month key; None for anything else. (Not
    ``temporal.calendar_math``: importing the temporal package loads spaCy, a second
    more than a timeline takes.)"""
    try:
        if len(key) == 10:
            day = date.fromisoformat(key)
            return day, day
        if len(key) == 7:
            year, month = int(key[:4]), int(key[5:7])
            return date(year, month, 1), date(year, month, monthrange(year, month)[1])
    except ValueError:
        return None
    return None


def reference_weight(span: tuple[date, date], published: Published, weights: Weights) -> float:
    """How much one article's reference to a date (``span``) counts, by when it appeared."""
    first, last = published
    if first is None and last is None:
        return weights.undated
    if first is not None and first > span[1]:
        gap = (first - span[1]).days  # published this many days after the date
        decay = math.exp(-(gap - 1) / weights.later_days)
        return weights.later_floor + (weights.later - weights.later_floor) * decay
    if last is not None and last < span[0]:
        return weights.ahead
    if first is not None and first == last:
        return weights.same_day
    return weights.undated  # the publication range overlaps the date: cannot tell


def burstiness(on_day: Mapping[str, int], key: str, days: int) -> float:
    """Articles published on the day ``key`` relative to the mean of the ``days`` days
    either side: ``on / (1 + mean)``; 0 for a month or a day without publications."""
    on = on_day.get(key, 0)
    if not on or len(key) != 10:
        return 0.0
    day = date.fromisoformat(key)
    around = sum(
        on_day.get((day + timedelta(days=k)).isoformat(), 0)
        for k in range(-days, days + 1) if k
    )  # fmt: skip
    return on / (1 + around / (2 * days))


def date_salience(
    references: Iterable[tuple[str, str]],
    published: Mapping[str, Published],
    event_sources: Mapping[str, int] | None = None,
    weights: Weights = WEIGHTS,
) -> dict[str, DateSalience]:
    """Salience of every date with any evidence.

    ``references`` are (article id, date) pairs, one per time expression, dates as ISO
    days or months; ``published`` gives each article's publication range (articles that
    refer to nothing count through their publication day); ``event_sources`` the number of
    sources of the events on a date.
    """
    weighted: dict[str, float] = defaultdict(float)
    referring: Counter[str] = Counter()
    spans: dict[str, tuple[date, date] | None] = {}
    for doc, key in set(references):  # one reference per article and date
        if key not in spans:
            spans[key] = _span(key)
        span = spans[key]
        if span is None:
            continue
        weighted[key] += reference_weight(span, published.get(doc, (None, None)), weights)
        referring[key] += 1
    on_day: Counter[str] = Counter()
    before_day: Counter[str] = Counter()  # articles published the day after the key
    for first, last in published.values():
        if first is not None and first == last:
            on_day[first.isoformat()] += 1
            before_day[(first - timedelta(days=1)).isoformat()] += 1
    events = event_sources or {}
    keys = set(weighted) | set(on_day) | set(before_day) | set(events)
    scores = {}
    for key in keys:
        s = DateSalience(
            key, referring=referring[key], weighted=weighted.get(key, 0.0),
            published_on=on_day[key], published_next=before_day[key],
            burst=burstiness(on_day, key, weights.burst_days), event_sources=events.get(key, 0),
        )  # fmt: skip
        s.score = (
            math.log1p(s.weighted)
            + weights.published_on * math.log1p(s.published_on)
            + weights.published_next * math.log1p(s.published_next)
            + weights.burst * math.log1p(s.burst)
            + weights.events * math.log1p(s.event_sources)
        )
        scores[key] = s
    return scores


def top_dates(
    scores: Mapping[str, DateSalience],
    n: int,
    *,
    first: str | None = None,
    last: str | None = None,
    candidates: Sequence[str] | None = None,
    months: bool = False,
) -> list[DateSalience]:
    """The ``n`` most salient days within ``first``…``last`` (ISO days, inclusive), in date
    order. ``candidates`` limits the choice; with ``months``, months fill the places left
    when fewer days have any evidence. Ties go to the earlier date."""
    allowed = set(candidates) if candidates is not None else None

    def pick(precision: str, k: int) -> list[DateSalience]:
        pool = [
            s for key, s in scores.items()
            if s.precision == precision and (allowed is None or key in allowed)
            and (first is None or key[: len(first)] >= first[: len(key)])
            and (last is None or key[: len(last)] <= last[: len(key)])
        ]  # fmt: skip
        return sorted(pool, key=lambda s: (-s.score, s.date))[:k]

    chosen = pick("day", n)
    if months and len(chosen) < n:
        chosen += pick("month", n - len(chosen))
    return sorted(chosen, key=lambda s: s.date)


def pubcount(published: Mapping[str, Published], n: int, first: str, last: str) -> list[str]:
    """The PUBCOUNT baseline: the ``n`` days within ``first``…``last`` on which most
    articles were published (ties to the earlier day, as news-tls's Counter order of
    date-sorted articles gives)."""
    counts = Counter(
        a.isoformat() for a, b in published.values() if a is not None and a == b
        and first <= a.isoformat() <= last
    )  # fmt: skip
    return sorted(sorted(counts, key=lambda d: (-counts[d], d))[:n])
