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

from collections.abc import Callable, Sequence
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


@dataclass(slots=True)
class TimelineResult:
    topic: str
    name: str
    dates: int
    articles: int  # within the timeline's span
    system: DateScores
    baseline: DateScores
    predicted: list[str] = field(default_factory=list)


def predict_dates(tagged: Sequence[TaggedArticle], n: int, first: str, last: str) -> list[str]:
    """The system's ``n`` dates within ``first``…``last`` from these articles alone."""
    references, published = salience_inputs(tagged)
    return [s.date for s in top_dates(date_salience(references, published), n,
                                      first=first, last=last)]  # fmt: skip


def score_topic(topic: Topic, progress: Callable[[], None] | None = None) -> list[TimelineResult]:
    """One result per reference timeline; each article is tagged once for all of them."""
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
    topics = list(dict.fromkeys(r.topic for r in results))
    groups = [(t, [r for r in results if r.topic == t]) for t in topics]
    if len(topics) > 1:
        groups.append(("all", list(results)))
    for name, group in groups:
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
