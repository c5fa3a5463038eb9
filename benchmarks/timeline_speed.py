"""Speed of ``dateline timeline`` on a store of 10,000 articles.

The store is built without running the NLP pipeline 10,000 times (``replicate.py``): the
demo articles in examples/venezuela are ingested once into a temporary store, then their
stored rows are copied with new ids, each copy's dates moved by up to ``SHIFTS`` (250)
days, so each shifted event is reported by ``COPIES / SHIFTS`` articles from as many
publishers, as a story covered by several outlets would be, and the 10,000 articles
spread over ``SHIFTS`` days.

Then it times, best of ``--repeat`` runs, the library calls behind the command
(``views.timeline.timeline`` + ``render_text`` with the undated count, as the text
format runs them, and ``key_dates`` + ``render_summary`` for ``--summary --dates 10``,
with the garbage collector paused as the command pauses it),
and the CLI (the median of at least 5 fresh processes: interpreter start and imports
included).
Target: under 1 s.

    python benchmarks/timeline_speed.py [--articles 10000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dateline.store import Store, bulk_decoding
from dateline.views.timeline import key_dates, render_summary, render_text, timeline, undated
from replicate import DEMO, build, workdir

TARGET_SECONDS = 1.0


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def cli_seconds(repeat: int, db: Path, *args: str) -> float:
    """The median wall time of ``repeat`` runs of the command, each a fresh process (one
    slow or lucky run does not move it)."""
    run = "from dateline.cli import main; main()"
    command = [sys.executable, "-c", run, "timeline", "--db", str(db), *args]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="build the stores in this folder and keep them")
    args = parser.parse_args()
    from dateline.pipeline import ingest

    with workdir(args.keep) as tmp:
        demo_db, big_db = tmp / "demo.db", tmp / "timeline.db"
        if not big_db.exists():
            if not demo_db.exists():
                with Store(demo_db) as store:
                    ingest([DEMO], store)
            start = time.perf_counter()
            partial = big_db.with_suffix(".partial")
            for stale in tmp.glob("timeline.partial*"):
                stale.unlink()
            build(demo_db, partial, args.articles)
            partial.rename(big_db)
            print(f"built {big_db} in {time.perf_counter() - start:.1f} s")
        with Store(big_db, create=False) as store:
            counts = {t: store.scalar(f"SELECT count(*) FROM {t}")
                      for t in ("documents", "events", "event_mentions", "timexes")}  # fmt: skip
            print("store: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))

            # As the command runs them: the garbage collector paused (``cli._read_store``).
            def plain() -> str:
                with bulk_decoding():
                    return render_text(timeline(store, first_mention_only=True), undated(store))

            def summary() -> str:
                with bulk_decoding():
                    return render_summary(key_dates(store, 10))

            shown = len(timeline(store, first_mention_only=True))
            cli_runs = max(args.repeat, 5)
            figures = {
                f"timeline (library, {shown:,} events)": best_of(args.repeat, plain),
                "timeline --summary --dates 10 (library)": best_of(args.repeat, summary),
                f"dateline timeline (CLI, median of {cli_runs})": cli_seconds(cli_runs, big_db),
                f"dateline timeline --summary --dates 10 (CLI, median of {cli_runs})": cli_seconds(
                    cli_runs, big_db, "--summary", "--dates", "10"
                ),
            }
        for name, seconds in figures.items():
            verdict = "ok" if seconds < TARGET_SECONDS else "over target"
            print(f"{name:<56} {seconds:6.3f} s  ({verdict}, target < {TARGET_SECONDS:.0f} s)")


if __name__ == "__main__":
    main()
