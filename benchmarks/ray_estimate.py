"""What a Ray cluster for 50 million articles a year needs, from costs measured here.

Measures on the demo corpus (examples/venezuela, replicated), with the model loaded:
  - annotating: what one Ray actor does per document (screening, parsing, every stage,
    the shard record's JSON), in seconds per document on one core;
  - loading: what ``dateline load`` does per document (reading the shard, duplicate
    detection, storing, linking into events, the corpus pass), into an empty store and
    into one that already holds the first half of the copies;
  - reading: what the driver does per input document before handing it to Ray.
Copies for loading are made unique (letters of the text shifted, same length, new ids)
so that they are stored as originals rather than set aside as duplicates; they all report
the demo's events, so linking compares every report against ever larger events, which
makes the load figure pessimistic. Then prints the cluster that keeps up, with the
assumptions stated.

    python benchmarks/ray_estimate.py [--copies 4] [--load-copies 40] [--node-cores 32]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import tempfile
import time
from pathlib import Path

from dateline.model import RawDocument
from dateline.nlp import load_pipeline
from dateline.pipeline import IngestOptions, document_id
from dateline.shards import ShardWriter, load_shards, shard_rows
from dateline.sources import iter_raw_documents
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "venezuela"


def shifted(text: str, by: int) -> str:
    """The text with every ASCII letter moved ``by`` places: same length and layout."""

    def move(ch: str) -> str:
        for base in ("a", "A"):
            offset = ord(ch) - ord(base)
            if 0 <= offset < 26:
                return chr(ord(base) + (offset + by) % 26)
        return ch

    return "".join(move(ch) for ch in text)


def unique_copies(rows: list[dict[str, object]], copies: int) -> list[dict[str, object]]:
    """Shard rows of ``copies`` distinct documents per demo article (see the docstring)."""
    made: list[dict[str, object]] = []
    for copy in range(copies):
        for row in rows:
            record = json.loads(str(row["record"]))
            old_id = record["document"]["id"]
            # Shifts of 1..25 keep a word from looking like any other copy's; past that,
            # a copy number appended makes the text (and id) new.
            text = shifted(record["document"]["text"], copy % 25 + 1) + f" [{copy}]"
            new_id = document_id(text)
            record["document"]["text"] = text
            record["document"]["source"] += f"#copy{copy}"
            record["order"] = len(made)
            line = json.dumps(record, ensure_ascii=False).replace(old_id, new_id)
            made.append({**row, "order": len(made), "doc_id": new_id, "record": line})
    return made


def time_annotation(raws: list[RawDocument], copies: int, batch: int) -> tuple[float, list]:
    """Seconds per document for an actor's work, and the demo's shard rows."""
    options = IngestOptions(batch_size=batch)
    work = [RawDocument(**{f: getattr(r, f) for f in r.__slots__}) for r in raws] * copies
    rows: list[dict[str, object]] = []
    start = time.perf_counter()
    for i in range(0, len(work), batch):
        rows.extend(
            shard_rows(work[i : i + batch], range(i, i + len(work[i : i + batch])), options)
        )
    elapsed = time.perf_counter() - start
    return elapsed / len(work), rows[: len(raws)]


def time_load(
    rows: list[dict[str, object]], copies: int, folder: Path
) -> tuple[float, float, int, int]:
    """Seconds per document loading half the copies into an empty store, then the other
    half into the filled one; shard bytes and store bytes per document."""
    all_rows = unique_copies(rows, copies)
    half = len(all_rows) // 2
    runs = []
    for n, part in enumerate((all_rows[:half], all_rows[half:])):
        with ShardWriter(folder / f"run{n}") as writer:
            for row in part:
                writer.write(row)
        runs.append(writer.paths)
    shard_bytes = sum(p.stat().st_size for run in runs for p in run) // len(all_rows)
    per_doc = []
    db = folder / "store.db"
    with Store(db) as store:
        for run, part in zip(runs, (all_rows[:half], all_rows[half:]), strict=True):
            start = time.perf_counter()
            report = load_shards(run, store)
            per_doc.append((time.perf_counter() - start) / len(part))
            assert report.stored == len(part), report.counts()
    store_bytes = sum(p.stat().st_size for p in folder.glob("store.db*")) // len(all_rows)
    return per_doc[0], per_doc[1], shard_bytes, store_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="demo copies annotated")
    parser.add_argument("--load-copies", type=int, default=40, help="demo copies loaded")
    parser.add_argument("--articles", type=float, default=50e6, help="articles a year")
    parser.add_argument("--node-cores", type=int, default=32, help="cores per node")
    parser.add_argument("--efficiency", type=float, default=0.8,
                        help="share of actor time spent annotating (Ray overhead, "
                             "stragglers, the driver)")  # fmt: skip
    args = parser.parse_args()

    start = time.perf_counter()
    load_pipeline()
    model_seconds = time.perf_counter() - start
    start = time.perf_counter()
    raws = list(iter_raw_documents([DEMO]))
    read_per_doc = (time.perf_counter() - start) / len(raws)
    chars = statistics.mean(len(r.text or "") for r in raws)
    annotate_per_doc, rows = time_annotation(raws, args.copies, batch=16)
    with tempfile.TemporaryDirectory() as tmp:
        load_empty, load_filled, shard_bytes, store_bytes = time_load(
            rows, args.load_copies, Path(tmp)
        )

    print(f"demo corpus: {len(raws)} articles, {chars:.0f} characters on average")
    print(f"model load per actor:        {model_seconds:6.2f} s (once per actor)")
    print(f"reading (driver):            {read_per_doc * 1000:6.2f} ms per document")
    print(f"annotating (actor, 1 core):  {annotate_per_doc:6.3f} s per document"
          f" ({args.copies * len(raws)} documents)")  # fmt: skip
    print(f"loading, empty store:        {load_empty * 1000:6.1f} ms per document")
    print(f"loading, filled store:       {load_filled * 1000:6.1f} ms per document"
          f" ({args.load_copies * len(raws)} documents in all)")  # fmt: skip
    print(f"shard size:                  {shard_bytes / 1024:6.1f} KiB per document")
    print(f"store size:                  {store_bytes / 1024:6.1f} KiB per document")

    per_day = args.articles / 365
    core_hours = per_day * annotate_per_doc / 3600 / args.efficiency
    load_hours = per_day * max(load_empty, load_filled) / 3600
    print()
    print(f"Estimate for {args.articles / 1e6:.0f} million articles a year"
          f" ({per_day:,.0f} a day)")  # fmt: skip
    print("Assumptions: articles as long as the demo's on average (cost grows with length);")
    print(f"  cores like this machine's; {args.efficiency:.0%} of actor time spent annotating;")
    print("  every article annotated (duplicates are only set aside at load); a steady flow,")
    print("  one run and one load a day; the load on one machine (one SQLite writer).")
    print(f"Annotating: {core_hours:,.0f} core-hours a day.")
    print(f"  {'window':>14}  {'cores':>6}  {f'nodes of {args.node_cores} cores':>18}")
    for hours in (24, 8, 2):
        cores = math.ceil(core_hours / hours)
        nodes = math.ceil(cores / args.node_cores)
        print(f"  {f'{hours} h a day':>14}  {cores:>6}  {nodes:>18}")
    for nodes in (1, 2, 4):
        hours = core_hours / (nodes * args.node_cores)
        print(f"  {nodes} node(s) of {args.node_cores} cores: {hours:5.1f} hours a day")
    backlog_days = 7
    backlog_cores = math.ceil(core_hours * 365 / (backlog_days * 24))
    print(f"A year's backlog in {backlog_days} days: {backlog_cores} cores"
          f" ({math.ceil(backlog_cores / args.node_cores)} nodes of {args.node_cores}),"
          f" and {load_hours * 365 / 24:.0f} days of loading")  # fmt: skip
    print(f"Reading on the driver: {per_day * read_per_doc / 3600:.2f} hours a day"
          " (plain text; HTML extraction costs more)")  # fmt: skip
    print(f"Loading: {load_hours:.1f} hours a day on one core, measured on a store of"
          f" {args.load_copies * len(raws)} documents (it grows with the store).")  # fmt: skip
    print(f"Shards: {per_day * shard_bytes / 2**30:.1f} GiB a day to copy;"
          f" store: {args.articles * store_bytes / 2**40:.2f} TiB a year.")  # fmt: skip
    if load_hours > core_hours / args.node_cores:
        print("The load, not annotating, sets the pace: it runs in one process.")
    if load_hours > 12:
        print("  At this rate it would not keep up: split the store (by period).")


if __name__ == "__main__":
    main()
