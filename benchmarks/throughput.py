"""Throughput of `dateline ingest` against bare spaCy on real news, in one run.

Reads N articles from the Timeline17 collections in ../shared/datasets/t17-dev (skips
when absent), then times, with the model already loaded in both cases:
  - bare spaCy: ``nlp.pipe`` over the texts with the same pipeline and process count;
  - dateline: the full ingest (reading a CSV, screening, parsing, actors, dates, events,
    writing every document to a fresh SQLite store).
Prints documents per second for each and their ratio (dateline / spaCy).

    python benchmarks/throughput.py [--docs 240] [--workers 1] [--repeat 1]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

import spacy

from dateline.nlp import MODEL, load_pipeline
from dateline.pipeline import IngestOptions, ingest
from dateline.store import Store

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "t17-dev"


def load_articles(limit: int) -> list[tuple[str, str]]:
    csv.field_size_limit(1 << 30)
    rows: list[tuple[str, str]] = []
    topics = sorted(p for p in T17.iterdir() if (p / "articles.csv").exists())
    per_topic = []
    for topic in topics:
        with open(topic / "articles.csv", encoding="utf-8") as handle:
            per_topic.append([(r["date"], r["text"]) for r in csv.DictReader(handle)])
    # Round-robin over topics so every collection is represented.
    for group in zip(*per_topic, strict=False):
        rows.extend(row for row in group if row[1].strip())
    return rows[:limit]


#: (wall seconds, CPU seconds of this process): with one worker all the work is in this
#: process, so the CPU ratio holds when other work shares the machine; the wall one not.
Timing = tuple[float, float]


def time_spacy(texts: list[str], workers: int, batch_size: int) -> Timing:
    nlp = spacy.load(MODEL)
    list(nlp.pipe(texts[:4]))  # warm up
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_dateline(rows: list[tuple[str, str]], workers: int, batch_size: int) -> Timing:
    load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.csv"
        with open(corpus, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["date", "text"])
            writer.writerows(rows)
        with Store(Path(tmp) / "bench.db") as store:
            options = IngestOptions(workers=workers, batch_size=batch_size)
            start, cpu = time.perf_counter(), time.process_time()
            report = ingest([corpus], store, options)
            elapsed = time.perf_counter() - start, time.process_time() - cpu
        if report.stored != len(rows):
            print(f"note: {report.stored} of {len(rows)} stored "
                  f"({len(report.failed)} failed, {len(report.skipped)} skipped,"
                  f" {report.unchanged} duplicates)", file=sys.stderr)  # fmt: skip
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=240)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    if not T17.exists():
        print(f"skipped: {T17} not found (the benchmark needs ../shared/datasets)")
        return 0
    rows = load_articles(args.docs)
    texts = [text for _, text in rows]
    chars = sum(len(t) for t in texts)
    print(f"{len(rows)} articles, {chars / len(rows):.0f} characters on average, "
          f"workers={args.workers}, batch size {args.batch_size}")  # fmt: skip
    bare, bare_cpu = time_spacy(texts, args.workers, args.batch_size)
    full, full_cpu = time_dateline(rows, args.workers, args.batch_size)
    for name, wall, cpu in (("bare spaCy nlp.pipe", bare, bare_cpu),
                            ("dateline ingest", full, full_cpu)):  # fmt: skip
        print(f"{name:<20}: {wall:7.2f} s  {len(rows) / wall:6.2f} docs/s  cpu {cpu:.2f} s")
    print(f"throughput ratio (dateline / spaCy): {bare / full:.2f}")
    if args.workers == 1:
        print(f"CPU time ratio (spaCy / dateline, one process): {bare_cpu / full_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
