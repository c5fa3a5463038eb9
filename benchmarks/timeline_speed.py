"""Speed of ``dateline timeline`` on a store of 10,000 articles.

The store is built without running the NLP pipeline 10,000 times: the demo articles in
examples/venezuela are ingested once into a temporary store, then their stored rows
(documents, sentences, actor mentions, time expressions, event mentions, events and their
actors) are copied with new ids. Copy ``g`` of an article moves every day- or
month-precise date by ``g % SHIFTS`` days (months by whole months) and gets publisher
``g // SHIFTS`` and a publication day moved alike, so each shifted event is reported by
``COPIES / SHIFTS`` articles from as many publishers, as a story covered by several
outlets would be, and the 10,000 articles spread over ``SHIFTS`` days.

Then it times, best of ``--repeat`` runs, the library calls behind the command
(``views.timeline.timeline`` + ``render_text`` with the undated count, as the text
format runs them, and ``key_dates`` + ``render_summary`` for ``--summary --dates 10``),
and the CLI once for each (a fresh process: interpreter start and imports included).
Target: under 1 s.

    python benchmarks/timeline_speed.py [--articles 10000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.model import content_id
from dateline.store import Store
from dateline.temporal.calendar_math import shift_month, value_range
from dateline.views.timeline import key_dates, render_summary, render_text, timeline, undated

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "venezuela"
SHIFTS = 250
TARGET_SECONDS = 1.0


def shift_iso(value: str | None, precision: str, days: int) -> str | None:
    """A date value moved by ``days`` (a month value by whole months); others unchanged."""
    if not value:
        return value
    if precision == "day" and len(value) >= 10:
        moved = date.fromisoformat(value[:10]) + timedelta(days=days)
        return moved.isoformat() + value[10:]
    if precision == "month" and len(value) >= 7:
        year, month = shift_month(int(value[:4]), int(value[5:7]), days // 30)
        return f"{year:04d}-{month:02d}" + value[7:]
    return value


def shift_date(d: dict[str, Any] | None, days: int) -> dict[str, Any] | None:
    """A stored DateValue (as a dict) moved by ``days``, its range kept consistent."""
    if not d or not d.get("value") or value_range(d["value"]) is None:
        return d  # no date, or a placeholder ("XXXX-XX-XX") with nothing to move
    precision = d.get("precision", "unknown")
    value = shift_iso(d["value"], precision, days)
    found = value_range(value) if value else None
    if found is None or precision not in ("day", "month"):
        return d
    return {**d, "value": value, "earliest": found[1].isoformat(), "latest": found[2].isoformat()}


def rows(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    cur = conn.execute(f"SELECT * FROM {table}")
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def insert(conn: sqlite3.Connection, table: str, items: list[dict[str, Any]]) -> None:
    if not items:
        return
    names = list(items[0])
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [tuple(item[n] for n in names) for item in items],
    )


def publication_day(doc: dict[str, Any]) -> date:
    """A day-precise publication date for a demo article (theirs are inferred ranges)."""
    earliest = doc.get("published_earliest")
    if doc.get("published_precision") == "month" and earliest:
        return date.fromisoformat(earliest) + timedelta(days=14)
    return date(2026, 1, 20)


def build(demo_db: Path, big_db: Path, articles: int) -> None:
    """Copy the demo store's rows into ``big_db`` until it holds ``articles`` documents."""
    with Store(big_db):
        pass  # creates the schema at the current version
    src = sqlite3.connect(demo_db)
    docs = [d for d in rows(src, "documents") if d["status"] == "ok"]
    table = {t: rows(src, t) for t in ("sentences", "mentions", "timexes", "event_mentions")}
    events = {e["id"]: e for e in rows(src, "events")}
    event_actors = rows(src, "event_actors")
    actors = rows(src, "actors")
    src.close()
    dst = sqlite3.connect(big_db, isolation_level=None)
    dst.execute("PRAGMA foreign_keys=OFF")
    dst.execute("PRAGMA synchronous=OFF")  # a throwaway store: no need to survive a crash
    dst.execute("BEGIN")
    insert(dst, "actors", actors)
    copies = -(-articles // len(docs))
    made = 0
    merged: dict[tuple[str, int], list[str]] = {}
    for g in range(copies):
        shift, publisher = g % SHIFTS, f"Publisher {g // SHIFTS}"
        batch = docs[: articles - made]
        made += len(batch)
        new_doc = {d["id"]: f"{d['id']}~{g}" for d in batch}
        day = {d["id"]: publication_day(d) + timedelta(days=shift) for d in batch}
        insert(dst, "documents", [
            {**d, "id": new_doc[d["id"]], "source": f"{d['source']}#{g}", "publisher": publisher,
             "published_value": day[d["id"]].isoformat(),
             "published_earliest": day[d["id"]].isoformat(),
             "published_latest": day[d["id"]].isoformat(), "published_precision": "day",
             "published_origin": "metadata", "rowid": None}
            for d in batch
        ])  # fmt: skip
        for name in ("sentences", "mentions"):
            insert(dst, name, [{**r, "doc_id": new_doc[r["doc_id"]]}
                               for r in table[name] if r["doc_id"] in new_doc])  # fmt: skip
        timexes = []
        for t in table["timexes"]:
            if t["doc_id"] in new_doc:
                fields = {k: t[k] for k in ("value", "precision", "earliest", "latest")}
                moved = shift_date(fields, shift)
                timexes.append({**t, **(moved or {}), "doc_id": new_doc[t["doc_id"]]})
        insert(dst, "timexes", timexes)
        mentions = []
        for em in table["event_mentions"]:
            if em["doc_id"] not in new_doc:
                continue
            record = json.loads(em["record"])
            record["date"] = shift_date(record.get("date"), shift)
            record["doc_id"] = new_doc[em["doc_id"]]
            # The id a mention gets from its document, position and type, as the model has it.
            mention_id = content_id(f"{record['doc_id']}:{em['trigger_start']}:{em['type']}", "em_")
            event_id = content_id(f"{em['event_id']}~{shift}", "ev_", 12)
            merged.setdefault((em["event_id"], shift), []).append(f"{mention_id}~{g}")
            mentions.append({**em, "id": mention_id, "doc_id": record["doc_id"],
                             "event_id": event_id, "record": json.dumps(record)})  # fmt: skip
        insert(dst, "event_mentions", mentions)
    # One event per demo event and shift, reported by every copy with that shift.
    new_events, new_actors = [], []
    for (old_id, shift), mention_ids in merged.items():
        old = events[old_id]
        record = json.loads(old["record"])
        record["id"] = content_id(f"{old_id}~{shift}", "ev_", 12)
        record["date"] = shift_date(record.get("date"), shift)
        record["mention_ids"] = sorted(m.rsplit("~", 1)[0] for m in mention_ids)
        # Copy g was published by publisher g // SHIFTS: one source per publisher.
        record["num_sources"] = len({int(m.rsplit("~", 1)[1]) // SHIFTS for m in mention_ids})
        d = record["date"] or {}
        new_events.append({
            **old, "id": record["id"], "date_value": d.get("value"),
            "date_earliest": d.get("earliest"), "date_latest": d.get("latest"),
            "num_mentions": len(mention_ids), "num_sources": record["num_sources"],
            "record": json.dumps(record),
        })  # fmt: skip
        new_actors += [{**a, "event_id": record["id"]} for a in event_actors
                       if a["event_id"] == old_id]  # fmt: skip
    insert(dst, "events", new_events)
    insert(dst, "event_actors", new_actors)
    dst.execute("COMMIT")
    dst.execute("ANALYZE")
    dst.close()


@contextmanager
def workdir(keep: str | None) -> Iterator[Path]:
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def cli_seconds(db: Path, *args: str) -> float:
    run = "from dateline.cli import main; main()"
    command = [sys.executable, "-c", run, "timeline", "--db", str(db), *args]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


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

            def plain() -> str:
                entries = timeline(store, first_mention_only=True)
                return render_text(entries, undated(store))

            def summary() -> str:
                return render_summary(key_dates(store, 10))

            shown = len(timeline(store, first_mention_only=True))
            figures = {
                f"timeline (library, {shown:,} events)": best_of(args.repeat, plain),
                "timeline --summary --dates 10 (library)": best_of(args.repeat, summary),
                "dateline timeline (CLI, one run)": cli_seconds(big_db),
                "dateline timeline --summary --dates 10 (CLI, one run)": cli_seconds(
                    big_db, "--summary", "--dates", "10"
                ),
            }
        for name, seconds in figures.items():
            verdict = "ok" if seconds < TARGET_SECONDS else "over target"
            print(f"{name:<56} {seconds:6.3f} s  ({verdict}, target < {TARGET_SECONDS:.0f} s)")


if __name__ == "__main__":
    main()
