"""CSV: one row per record, nested fields flattened to spreadsheet-friendly columns."""

from __future__ import annotations

import csv as _csv
import json
from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any, TextIO

from . import exporters

EVENT_COLUMNS = [
    "id", "date", "date_earliest", "date_latest", "date_precision", "date_origin", "type",
    "mode", "modality", "actor_codes", "actor_names", "recipient_codes", "recipient_names",
    "location", "location_country", "quad_class", "intensity", "cameo", "attribution",
    "confidence", "num_mentions", "num_sources", "sources", "conflicts", "sentence",
    "coder_version",
]  # fmt: skip
DOCUMENT_COLUMNS = [
    "id", "source", "title", "url", "publisher", "author", "published", "published_earliest",
    "published_latest", "published_precision", "published_origin", "language", "status",
    "error", "duplicate_of", "num_events",
]  # fmt: skip


def _names(side: list[dict[str, Any]], key: str) -> str:
    return ";".join(str(a.get(key) or "") for a in side)


def _conflicts(r: dict[str, Any]) -> str:
    """Conflicting accounts in one cell: "date: 2026-01-03 | 2026-01-05; figures: 5 | 7"."""
    return "; ".join(
        f"{c['field']}: {' | '.join(str(v) for v in c['values'])}" for c in r.get("conflicts") or []
    )


def _event_row(r: dict[str, Any]) -> dict[str, Any]:
    date, location = r["date"] or {}, r.get("location") or {}
    mentions = r.get("mentions") or []
    return {
        **{k: r.get(k) for k in EVENT_COLUMNS if k in r and not isinstance(r[k], dict | list)},
        "date": date.get("value"), "date_earliest": date.get("earliest"),
        "date_latest": date.get("latest"), "date_precision": date.get("precision"),
        "date_origin": date.get("origin"),
        "actor_codes": _names(r["actors"], "code"), "actor_names": _names(r["actors"], "name"),
        "recipient_codes": _names(r["recipients"], "code"),
        "recipient_names": _names(r["recipients"], "name"),
        "location": location.get("name"), "location_country": location.get("country"),
        "attribution": (r.get("attribution") or {}).get("speaker"),
        "sources": ";".join(sorted({m["source"] for m in mentions})),
        "conflicts": _conflicts(r),
        "sentence": mentions[0]["sentence"] if mentions else None,
    }  # fmt: skip


def _document_row(r: dict[str, Any]) -> dict[str, Any]:
    published = r.get("published") or {}
    row = {k: r.get(k) for k in DOCUMENT_COLUMNS if not isinstance(r.get(k), dict)}
    row["published"] = published.get("value")
    for part in ("earliest", "latest", "precision", "origin"):
        row[f"published_{part}"] = published.get(part)
    return row


QUOTE_COLUMNS = [
    "id", "date", "date_earliest", "date_latest", "date_precision", "date_origin", "kind",
    "speaker", "speaker_actor_id", "speaker_text", "cue", "text", "about", "source", "doc_id",
    "start", "end",
]  # fmt: skip
ACTOR_COLUMNS = [
    "id", "name", "kind", "country", "code", "sectors", "aliases", "roles", "num_events",
    "num_mentions", "num_quotes",
]  # fmt: skip


def _quote_row(r: dict[str, Any]) -> dict[str, Any]:
    date = r.get("date") or {}
    row = {k: r.get(k) for k in QUOTE_COLUMNS if not isinstance(r.get(k), dict | list)}
    row["date"] = date.get("value")
    for part in ("earliest", "latest", "precision", "origin"):
        row[f"date_{part}"] = date.get(part)
    row["about"] = ";".join(r.get("about") or [])
    return row


def _role(role: dict[str, Any]) -> str:
    """ "President of Venezuela 2013-04-19/2026-01-03" (ISO 8601 interval, open ends empty)."""
    start, end = role.get("start") or "", role.get("end") or ""
    return f"{role['title']} {start}/{end}" if start or end else str(role["title"])


def _actor_row(r: dict[str, Any]) -> dict[str, Any]:
    row = {k: r.get(k) for k in ACTOR_COLUMNS if not isinstance(r.get(k), dict | list)}
    row["sectors"] = ";".join(r.get("sectors") or [])
    row["aliases"] = ";".join(r.get("aliases") or [])
    row["roles"] = ";".join(_role(role) for role in r.get("roles") or [])
    return row


#: Columns and row builder of the kinds with a spreadsheet layout of their own; other
#: kinds get one column per top-level field, nested values as JSON.
LAYOUTS: dict[str, tuple[list[str], Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "events": (EVENT_COLUMNS, _event_row),
    "documents": (DOCUMENT_COLUMNS, _document_row),
    "quotes": (QUOTE_COLUMNS, _quote_row),
    "actors": (ACTOR_COLUMNS, _actor_row),
}


@exporters.register("csv")
def write_csv(records: Iterable[dict[str, Any]], out: TextIO, kind: str) -> int:
    iterator = iter(records)
    first = next(iterator, None)
    if kind in LAYOUTS:
        columns, to_row = LAYOUTS[kind]
    else:
        columns, to_row = list(first or {}), dict
    writer = _csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in chain([first] if first is not None else [], iterator):
        row = {
            k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in to_row(record).items()
        }
        writer.writerow(row)
        count += 1
    return count
