"""Speed of the time-expression engine on real news, on one core, in one run.

Reads the demo articles in examples/venezuela plus, when present, N articles from the
Timeline17 collections in ../shared/datasets/t17-dev (each with its publication date as
the DCT), parses them once with the shared spaCy pipeline, then prints:
  - ``tag_timexes`` words per second with the spaCy parse given (the parse is done
    beforehand and not timed) and without one; target ≥ 30,000 words/s;
  - the engine's share of ingest time: ``tag_timexes`` + ``date_event_mentions`` +
    ``date_in_document`` (links, role changes, document dating) inside
    ``pipeline.annotate`` against parse + annotate, each document parsed on its own,
    summed over the run.
    The stage functions are wrapped with timers as ``annotate`` looks them up, so the
    pipeline runs unchanged.

    python benchmarks/timex_speed.py [--docs 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from dateline import pipeline
from dateline.model import Document, RawDocument
from dateline.nlp import load_pipeline
from dateline.temporal import tag_timexes

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "venezuela"
T17 = ROOT.parent / "shared" / "datasets" / "t17-dev"
TARGET_WORDS_PER_SECOND = 30_000

F = TypeVar("F", bound=Callable[..., Any])


def load_documents(limit: int) -> list[Document]:
    """The demo articles (no DCT) and up to ``limit`` Timeline17 articles, round-robin over
    topics so every collection is represented; only those the screen lets through."""
    raws = [RawDocument(str(p), p.read_text(encoding="utf-8")) for p in sorted(DEMO.glob("*.txt"))]
    if T17.exists():
        csv.field_size_limit(1 << 30)
        per_topic = []
        for topic in sorted(p for p in T17.iterdir() if (p / "articles.csv").exists()):
            with open(topic / "articles.csv", encoding="utf-8") as handle:
                per_topic.append([(r["date"], r["text"]) for r in csv.DictReader(handle)])
        rows = [row for group in zip(*per_topic, strict=False) for row in group if row[1].strip()]
        raws += [RawDocument(f"t17:{i}", text, published=date)
                 for i, (date, text) in enumerate(rows[:limit])]  # fmt: skip
    options = pipeline.IngestOptions()
    documents = [pipeline.prepare(raw, options) for raw in raws]
    return [d for d in documents if d.status == "ok"]


def time_tagging(documents: list[Document], docs: list[Doc | None], repeat: int) -> float:
    """Best of ``repeat`` runs of ``tag_timexes`` over every document, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document, doc in zip(documents, docs, strict=True):
            tag_timexes(document.text, document.published.value, doc)
        best = min(best, time.perf_counter() - start)
    return best


class StageClock:
    """Accumulates the time spent in the functions it wraps."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, function: F) -> F:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        return timed  # type: ignore[return-value]


def parse_each(documents: list[Document]) -> tuple[list[Doc], list[float]]:
    """Each document parsed on its own, and the seconds each parse took."""
    nlp = load_pipeline()
    nlp(documents[0].text)  # warm up
    docs, seconds = [], []
    for document in documents:
        start = time.perf_counter()
        docs.append(nlp(document.text))
        seconds.append(time.perf_counter() - start)
    return docs, seconds


def taggable(documents: list[Document], docs: list[Doc]) -> list[int]:
    """Indexes of the documents the tagger handles; a failure is reported, not timed."""
    kept = []
    for index, (document, doc) in enumerate(zip(documents, docs, strict=True)):
        try:
            tag_timexes(document.text, document.published.value, doc)
        except Exception as exc:  # reported and left out of the timing
            print(f"note: tagging {document.source} failed ({type(exc).__name__}: {exc});"
                  " left out", file=sys.stderr)  # fmt: skip
        else:
            kept.append(index)
    return kept


def engine_share(documents: list[Document], docs: list[Doc]) -> tuple[float, float]:
    """(engine seconds, annotate seconds) of ``pipeline.annotate`` over every document."""
    engine = StageClock()
    pipeline.tag_timexes = engine.wrap(pipeline.tag_timexes)  # type: ignore[attr-defined]
    pipeline.date_event_mentions = engine.wrap(pipeline.date_event_mentions)  # type: ignore[attr-defined]
    pipeline.date_in_document = engine.wrap(pipeline.date_in_document)  # type: ignore[attr-defined]
    start = time.perf_counter()
    for document, parsed in zip(documents, docs, strict=True):
        pipeline.annotate(document, parsed)
    return engine.seconds, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="Timeline17 articles to add.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each timing (best).")
    args = parser.parse_args()
    documents = load_documents(args.docs)
    if not T17.exists():
        print(f"note: {T17} not found; measuring the demo articles only")
    parsed, parse_times = parse_each(documents)  # timed apart from the tagging
    kept = taggable(documents, parsed)
    documents = [documents[i] for i in kept]
    docs = [parsed[i] for i in kept]
    parse_seconds = sum(parse_times[i] for i in kept)
    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} articles, {words:,} words, one process")

    with_parse = time_tagging(documents, list(docs), args.repeat)
    without_parse = time_tagging(documents, [None] * len(documents), args.repeat)
    for label, seconds in (("with a spaCy parse", with_parse), ("without a parse", without_parse)):
        rate = words / seconds
        verdict = "meets" if rate >= TARGET_WORDS_PER_SECOND else "below"
        print(f"tag_timexes {label:<19}: {seconds:7.3f} s  {rate:10,.0f} words/s "
              f"(target ≥ {TARGET_WORDS_PER_SECOND:,}: {verdict})")  # fmt: skip

    engine, annotate = engine_share(documents, docs)
    total = parse_seconds + annotate
    print(f"ingest, one document at a time: parse {parse_seconds:.2f} s + annotate "
          f"{annotate:.2f} s")  # fmt: skip
    print(f"time engine (tag_timexes + date_event_mentions + date_in_document): {engine:.2f} s, "
          f"{engine / total:.1%} of parse + annotate")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
