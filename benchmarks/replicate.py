"""A large store from the demo one, without running the NLP pipeline again.

The demo articles in examples/venezuela are ingested once into a small store; their stored
rows (documents, sentences, actor mentions, time expressions, event mentions, events and
their actors) are then copied with new ids. Copy ``g`` of an article moves every day- or
month-precise date by ``g % shifts`` days (months by whole months) and gets publisher
``g // shifts`` and a publication day moved alike, so each shifted event is reported by
``copies / shifts`` articles from as many publishers, as a story covered by several
outlets would be, and the articles spread over ``shifts`` days. The store then holds
about ``demo events × min(copies, shifts)`` events.

Used by ``timeline_speed.py``, ``api_latency.py`` and ``incremental_ingest.py``.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.model import content_id
from dateline.store import MENTION_ORDER, Store
from dateline.temporal.calendar_math import shift_month, value_range

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "venezuela"
SHIFTS = 250


@contextmanager
def workdir(keep: str | None) -> Iterator[Path]:
    """``keep`` (made if missing, kept afterwards), or a temporary folder."""
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def demo_store(path: Path) -> Path:
    """The demo articles ingested into ``path`` (once: an existing store is kept)."""
    if not path.exists():
        from dateline.pipeline import ingest

        with Store(path) as store:
            ingest([DEMO], store)
    return path


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


def build(demo_db: Path, big_db: Path, articles: int, shifts: int = SHIFTS) -> None:
    """Copy the demo store's rows into ``big_db`` until it holds ``articles`` documents,
    copy ``g`` moved by ``g % shifts`` days (see the module doc)."""
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
        shift, publisher = g % shifts, f"Publisher {g // shifts}"
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
        record.pop("mention_ids", None)  # stored records no longer list them
        # Copy g was published by publisher g // shifts: one source per publisher.
        record["num_sources"] = len({int(m.rsplit("~", 1)[1]) // shifts for m in mention_ids})
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
    _derive_columns(dst)
    dst.execute("COMMIT")
    dst.execute("ANALYZE")
    dst.close()
    with Store(big_db) as store:
        store.reindex_event_words()


def _derive_columns(conn: sqlite3.Connection) -> None:
    """Columns the store derives from an event's reports, recomputed for the copies
    (copied as they are, they would name the original's reports)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    if "first_mention_id" in columns:
        conn.execute(
            "UPDATE events SET first_mention_id = (SELECT em.id FROM event_mentions em"
            " JOIN documents d ON d.id = em.doc_id WHERE em.event_id = events.id"
            f" ORDER BY {MENTION_ORDER} LIMIT 1)"
        )
