"""Scoring date selection on Timeline17 with the news-tls protocol.

For each reference timeline of a topic: the input is the topic's articles published
within the timeline's span (its first to its last date, inclusive), the system picks as
many dates as the reference has, and precision and recall are the shares of predicted and
of reference dates that match exactly (news-tls ``evaluate_dates``). Precision and recall
are averaged over timelines — a topic's for its row, all timelines of all topics for the
overall row — and F1 is taken of the averages (news-tls ``get_average_results``). The
PUBCOUNT baseline (the days with most articles published) is scored in the same run on the
same inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .articles import TaggedArticle, salience_inputs, tag_articles
from .salience import date_salience, pubcount, top_dates
from .t17 import Topic, read_topic, topic_folders


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class DateScores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def date_scores(predicted: Sequence[str], reference: Sequence[str]) -> DateScores:
    """Exact-match date precision and recall of one predicted timeline."""
    shared = len(set(predicted) & set(reference))
    precision = shared / len(set(predicted)) if predicted else 0.0
    return DateScores(precision, shared / len(set(reference)) if reference else 0.0)


def average(scores: Sequence[DateScores]) -> DateScores:
    if not scores:
        return DateScores(0.0, 0.0)
    n = len(scores)
    return DateScores(sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n)


@dataclass(frozen=True, slots=True)
class Oracle:
    """The ceiling of one timeline: the best scores a system picking as many dates as the
    reference has could reach choosing only among the salience function's candidates (any
    day with a score above zero) or only among publication days; and the shares of the
    reference dates that are a publication day of an input article, or that an input
    article's time expression names."""

    salience: DateScores
    published: DateScores
    published_share: float
    referenced_share: float


@dataclass(slots=True)
class TimelineResult:
    topic: str
    name: str
    dates: int
    articles: int  # within the timeline's span
    system: DateScores
    baseline: DateScores
    predicted: list[str] = field(default_factory=list)
    oracle: Oracle | None = None


def oracle_scores(candidates: Collection[str], reference: Sequence[str]) -> DateScores:
    """The best ``date_scores`` of a prediction of ``len(reference)`` dates (or of every
    candidate, when there are fewer) drawn from ``candidates``: all the reference dates
    among them, filled up with others."""
    wanted = set(reference)
    hits = len(wanted & set(candidates))
    picked = min(len(wanted), len(set(candidates)))
    return DateScores(hits / picked if picked else 0.0, hits / len(wanted) if wanted else 0.0)


def salience_candidates(tagged: Sequence[TaggedArticle], first: str, last: str) -> set[str]:
    """The days within ``first``…``last`` that the salience function scores above zero."""
    references, published = salience_inputs(tagged)
    scores = date_salience(references, published)
    return {
        key for key, s in scores.items()
        if s.precision == "day" and first <= key <= last and s.score > 0
    }  # fmt: skip


def timeline_oracle(tagged: Sequence[TaggedArticle], reference: Sequence[str]) -> Oracle:
    """The ``Oracle`` of one reference timeline (sorted ISO days) over its input articles."""
    first, last = reference[0], reference[-1]
    days = {t.article.published.isoformat() for t in tagged}
    named = {key for t in tagged for key in t.references if len(key) == 10}
    wanted = set(reference)
    return Oracle(
        oracle_scores(salience_candidates(tagged, first, last), reference),
        oracle_scores({d for d in days if first <= d <= last}, reference),
        len(wanted & days) / len(wanted),
        len(wanted & named) / len(wanted),
    )


def predict_dates(tagged: Sequence[TaggedArticle], n: int, first: str, last: str) -> list[str]:
    """The system's ``n`` dates within ``first``…``last`` from these articles alone."""
    references, published = salience_inputs(tagged)
    return [s.date for s in top_dates(date_salience(references, published), n,
                                      first=first, last=last)]  # fmt: skip


def score_topic(
    topic: Topic, progress: Callable[[], None] | None = None, oracle: bool = False
) -> list[TimelineResult]:
    """One result per reference timeline; each article is tagged once for all of them.
    With ``oracle``, each result carries its timeline's ``Oracle`` too."""
    if not topic.timelines:
        return []
    first_all = min(d[0] for d in topic.timelines.values())
    last_all = max(d[-1] for d in topic.timelines.values())
    tagged = tag_articles(
        (a for a in topic.articles if first_all <= a.published <= last_all), progress
    )
    results = []
    for name, reference in topic.timelines.items():
        first, last = reference[0], reference[-1]
        within = [t for t in tagged if first <= t.article.published <= last]
        wanted = [d.isoformat() for d in reference]
        lo, hi = first.isoformat(), last.isoformat()
        predicted = predict_dates(within, len(reference), lo, hi)
        _, published = salience_inputs(within)
        baseline = pubcount(published, len(reference), lo, hi)
        results.append(TimelineResult(
            topic.name, name, len(reference), len(within), date_scores(predicted, wanted),
            date_scores(baseline, wanted), predicted,
            timeline_oracle(within, wanted) if oracle else None,
        ))  # fmt: skip
    return results


def articles_in_spans(topic: Topic) -> int:
    """How many articles the scorer tags for a topic (for a progress bar's total)."""
    spans = [(d[0], d[-1]) for d in topic.timelines.values()]
    if not spans:
        return 0
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    return sum(1 for a in topic.articles if first <= a.published <= last)


def score_folders(
    root: Path, progress: Callable[[], None] | None = None
) -> tuple[list[Topic], list[TimelineResult]]:
    topics = [read_topic(folder) for folder in topic_folders(root)]
    results = [r for topic in topics for r in score_topic(topic, progress)]
    return topics, results


def report(results: Sequence[TimelineResult]) -> str:
    """A row per topic and, for several topics, one for all their timelines together:
    timelines, reference dates, input articles (summed over timelines), then precision,
    recall and F1 of the system and of PUBCOUNT, and the ratio of the two F1s."""
    header = (
        f"{'topic':<8} {'tl':>3} {'dates':>5} {'arts':>5}   "
        f"{'P':>5} {'R':>5} {'F1':>5}   {'PUBCOUNT P':>10} {'R':>5} {'F1':>5}   {'ratio':>5}"
    )
    lines = [header]
    for name, group in _groups(results):
        system = average([r.system for r in group])
        base = average([r.baseline for r in group])
        ratio = f"{system.f1 / base.f1:5.2f}" if base.f1 else "    -"
        lines.append(
            f"{name:<8} {len(group):>3} {sum(r.dates for r in group):>5}"
            f" {sum(r.articles for r in group):>5}   {system.precision:5.3f} {system.recall:5.3f}"
            f" {system.f1:5.3f}   {base.precision:10.3f} {base.recall:5.3f} {base.f1:5.3f}"
            f"   {ratio}"
        )
    return "\n".join(lines)


def _groups(results: Sequence[TimelineResult]) -> list[tuple[str, list[TimelineResult]]]:
    """The results of each topic and, for several topics, all of them as "all"."""
    topics = list(dict.fromkeys(r.topic for r in results))
    groups = [(t, [r for r in results if r.topic == t]) for t in topics]
    if len(topics) > 1:
        groups.append(("all", list(results)))
    return groups


def oracle_report(results: Sequence[TimelineResult]) -> str:
    """The ceilings, grouped and averaged over timelines as in ``report``: the system's
    F1 beside the oracle F1 among salience candidates and among publication days, and the
    shares of reference dates that are publication days or named by an article."""
    header = (
        f"{'topic':<8} {'tl':>3} {'dates':>5}   {'system':>6} {'oracle:salience':>15}"
        f" {'pubdays':>7}   {'share:published':>15} {'named':>5}"
    )
    lines = [header]
    for name, group in _groups(results):
        found = [r.oracle for r in group if r.oracle is not None]
        if not found:
            continue
        n = len(found)
        lines.append(
            f"{name:<8} {len(group):>3} {sum(r.dates for r in group):>5}"
            f"   {average([r.system for r in group]).f1:6.3f}"
            f" {average([o.salience for o in found]).f1:15.3f}"
            f" {average([o.published for o in found]).f1:7.3f}"
            f"   {sum(o.published_share for o in found) / n:15.3f}"
            f" {sum(o.referenced_share for o in found) / n:5.3f}"
        )
    return "\n".join(lines)
