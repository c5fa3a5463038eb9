"""One new article into a store of 100,000 documents: how long it takes.

The large store is the demo corpus replicated at the SQL level (``replicate.py``: the
copies' events are merged, their dates spread over ``SHIFTS`` days, each copy from one of
many publishers), with the duplicate signatures and full-text index a real store has. A
new article about the same story (written for this benchmark; it names the same actors
and dates inside the replicated span, so it is compared with stored events) is then
ingested into a copy of that store, three ways:

  - the library call (``pipeline.ingest``) with the model already loaded: the cost of
    the incremental path itself (duplicate lookup, annotation, linking into the stored
    events, the corpus-level passes);
  - what a process loads once (model, gazetteers, lexicons, language identifier), timed
    as the ingest of the same article into an empty store: the "plus model load" part;
  - the command (``dateline ingest ARTICLE --db FILE``) in a fresh process, start to end,
    into an empty store (what any run costs: start, imports, model and data) and into
    the big one.

Target: under 2 s plus model load: the library call under 2 s, and the command into the
big store under 2 s more than into an empty one.

    python benchmarks/incremental_ingest.py [--articles 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from dateline.dedupe import signature
from dateline.pipeline import ingest
from dateline.store import Store
from replicate import build, demo_store, workdir

ARTICLE = """US and Venezuelan officials meet in Caracas

CARACAS, Jan. 20, 2026 — A delegation of United States officials met Venezuelan
ministers in Caracas on Monday to discuss oil exports and the release of detained
Americans, the Venezuelan foreign ministry said. Delcy Rodríguez received the
delegation at the Miraflores palace. The United States has eased some sanctions on
Venezuela's oil sector since the start of the month, and officials said further talks
would take place in February. Venezuela accused Washington of keeping its assets frozen.
"""


def warm_up(tmp: Path, article: Path) -> None:
    """Ingest the article into an empty store: everything loaded once per process, and
    everything the article itself makes the stages load, is then in memory."""
    with Store(tmp / "warm-up.db") as store:
        ingest([article], store)


def sign_documents(db: Path) -> None:
    """Duplicate signatures for the copies, as ingest would have stored them: every
    copy of an article shares its text, so each distinct text is signed once."""
    with Store(db) as store:
        texts = store.rows("SELECT DISTINCT text FROM documents WHERE status = 'ok'")
        signed = {r[0]: signature(r[0]) for r in texts}
        ids = store.rows("SELECT id, text FROM documents WHERE status = 'ok'")
        batch = []
        for doc_id, text in ids:
            batch.append((doc_id, signed[text]))
            if len(batch) == 5000:
                store.add_signatures(batch)
                batch = []
        store.add_signatures(batch)


def fresh_copy(big: Path, into: Path) -> Path:
    copy = into / "work.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copy(big, copy)
    os.sync()  # the copy written out first, so that its write-back does not slow the run
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", help="build the stores in this folder and keep them")
    args = parser.parse_args()
    with workdir(args.keep) as tmp:
        big = tmp / f"big-{args.articles}.db"
        if not big.exists():
            started = time.perf_counter()
            build(demo_store(tmp / "demo.db"), big, args.articles)
            sign_documents(big)
            print(f"built a store of {args.articles:,} documents in "
                  f"{time.perf_counter() - started:.0f} s")  # fmt: skip
        with Store(big) as store:
            docs = store.scalar("SELECT count(*) FROM documents")
            events = store.scalar("SELECT count(*) FROM events")
        print(f"store: {docs:,} documents, {events:,} events, "
              f"{big.stat().st_size / 2**30:.1f} GiB")  # fmt: skip
        article = tmp / "new-article.txt"
        article.write_text(ARTICLE, encoding="utf-8")

        # Everything a process loads once (the spaCy model, gazetteers, lexicons, the
        # language identifier, the MinHash library) is loaded by ingesting the article
        # into an empty store first; only then is the incremental path timed.
        (tmp / "warm-up.db").unlink(missing_ok=True)
        started = time.perf_counter()
        warm_up(tmp, article)
        model = time.perf_counter() - started

        work = fresh_copy(big, tmp)
        with Store(work) as store:
            started = time.perf_counter()
            report = ingest([article], store)
            library = time.perf_counter() - started
            merged = store.scalar(
                "SELECT count(*) FROM event_mentions em JOIN events e ON e.id = em.event_id"
                " WHERE em.doc_id = (SELECT id FROM documents WHERE source = ?)"
                " AND e.num_mentions > 1",
                str(article),
            )
        assert report.stored == 1, report

        # The command, in a fresh process, into an empty store and into the big one: the
        # first is what any run costs (start, imports, model and data), the second adds
        # what the store's size costs.
        empty = tmp / "empty.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{empty}{suffix}").unlink(missing_ok=True)
        cli_empty = run_command(article, empty)
        cli_big = run_command(article, fresh_copy(big, tmp))

    print(f"new article: {report.event_mentions} event mentions, {merged} joined stored events")
    print(f"library ingest (model loaded): {library:.2f} s   target < 2 s: "
          f"{'PASS' if library < 2 else 'FAIL'}")  # fmt: skip
    print(f"model and data load (the article into an empty store, in process): {model:.2f} s")
    print(f"command, fresh process, into an empty store: {cli_empty:.2f} s")
    print(f"command, fresh process, into the {docs:,}-document store: {cli_big:.2f} s"
          f"   target < 2 s + the empty-store run ({2 + cli_empty:.2f} s): "
          f"{'PASS' if cli_big < 2 + cli_empty else 'FAIL'}")  # fmt: skip


def run_command(article: Path, db: Path) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-c", "from dateline.cli import main; main()", "ingest",
               str(article), "--db", str(db)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
