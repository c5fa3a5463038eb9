"""Memory and worker scaling of `dateline ingest` on real news.

Documents are made from the Timeline17 articles in ../shared/datasets/t17-dev (skips when
absent): each is two paragraphs of one article and one of another, picked by a seeded random
generator, dated by the first. So 1,340 articles give any number of distinct documents
of real news text (two documents share at most one paragraph, far below the near-copy
threshold, so none is set aside as a duplicate and all are parsed).

Each measurement runs `dateline ingest` on a JSONL file of N such documents in a fresh
process into a fresh store, and reads its wall time and peak resident memory (of the
largest process: the ingest, or one of its workers; from ``getrusage``):

  - peak memory at ``--small`` and ``--large`` documents (default 1,000 and 10,000),
    one worker: memory must not grow with the corpus (target: within 1.3x);
  - speed-up from 1 to 2 workers on ``--speedup`` documents (target: at least 1.7x).

    python benchmarks/scaling.py [--small 1000] [--large 10000] [--speedup 400]
                                 [--only memory|speedup]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "t17-dev"


def paragraphs() -> list[tuple[str, list[str]]]:
    """(date, paragraphs) of every Timeline17 article with at least two paragraphs."""
    csv.field_size_limit(1 << 30)
    found = []
    for topic in sorted(p for p in T17.iterdir() if (p / "articles.csv").exists()):
        with open(topic / "articles.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                parts = [p.strip() for p in row["text"].split("\n") if len(p.strip()) > 200]
                if len(parts) >= 2:
                    found.append((row["date"], parts))
    return found


def write_corpus(path: Path, count: int, seed: int = 7) -> None:
    articles = paragraphs()
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            first, second = rng.sample(range(len(articles)), 2)
            day, own = articles[first]
            start = rng.randrange(len(own) - 1)
            text = "\n\n".join([*own[start : start + 2], rng.choice(articles[second][1])])
            record = {"id": f"doc-{n}", "published": day[:10], "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_ingest(corpus: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one `dateline ingest` process (and its
    workers), measured by a small parent process of its own."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(time.perf_counter() - start, peak)\n"
    )
    command = [sys.executable, "-c", "from dateline.cli import main; main()", "ingest",
               str(corpus), "--db", str(db), "--workers", str(workers)]  # fmt: skip
    done = subprocess.run([sys.executable, "-c", probe, *command], check=True,
                          capture_output=True, text=True)  # fmt: skip
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--speedup", type=int, default=400)
    parser.add_argument("--only", choices=["memory", "speedup"])
    args = parser.parse_args()
    if not T17.exists():
        print(f"skipped: {T17} not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only != "speedup":
            peaks = {}
            for count in (args.small, args.large):
                corpus = folder / f"docs-{count}.jsonl"
                write_corpus(corpus, count)
                seconds, peaks[count] = run_ingest(corpus, folder / f"m{count}.db", 1)
                rate = count / seconds
                print(f"{count:>6} documents, 1 worker: {seconds:7.1f} s ({rate:.2f} docs/s),"
                      f" peak memory {peaks[count]:.0f} MiB")  # fmt: skip
            ratio = peaks[args.large] / peaks[args.small]
            verdict = "PASS" if ratio <= 1.3 else "FAIL"
            print(f"peak memory ratio {args.large} / {args.small} documents: {ratio:.2f}"
                  f"   target <= 1.3: {verdict}")  # fmt: skip
        if args.only != "memory":
            corpus = folder / f"speed-{args.speedup}.jsonl"
            write_corpus(corpus, args.speedup, seed=11)
            times = {}
            for workers in (1, 2):
                times[workers], peak = run_ingest(corpus, folder / f"w{workers}.db", workers)
                rate = args.speedup / times[workers]
                print(f"{args.speedup:>6} documents, {workers} worker(s): {times[workers]:7.1f} s"
                      f" ({rate:.2f} docs/s), peak memory {peak:.0f} MiB")  # fmt: skip
            speedup = times[1] / times[2]
            verdict = "PASS" if speedup >= 1.7 else "FAIL"
            print(f"speed-up from 1 to 2 workers: {speedup:.2f}x   target >= 1.7x: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
