"""Build and check the PLOVER-style development set (src/dateline/eval/data/plover_dev.jsonl).

The set stores references to sentences, never their text: Timeline17 articles
(../shared/datasets/t17-dev/<topic>/articles.csv, research use, not redistributable) by
topic, row and character span, and the demo articles under examples/ by file and span.

Subcommands:

* ``candidates CORPUS TOPIC_OR_FILE [--rows A-B]`` prints the sentences of some articles with
  their references, one JSON line each, to the terminal (for labelling; never into the repo).
* ``build LABELS OUT`` turns a compact label file into gold JSONL. Each label line is
  ``corpus:topic_or_file:row:start | EVENT status SRC,SRC>TGT ; EVENT ...`` (an empty right
  side means no event); the sentence end is found from the start, and the span is checked.
* ``check FILE`` resolves every reference and checks that it is one whole sentence whose
  text still has the recorded fingerprint.

Run from the repository root: ``python scripts/make_plover_refs.py check
src/dateline/eval/data/plover_dev.jsonl`` (skips the t17 part cleanly if ../shared is absent).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.eval.plover_gold import (  # noqa: E402
    T17_ROOT,
    fingerprint,
    load_source_text,
)

#: Abbreviations after which a full stop does not end a sentence in the demo articles.
ABBREVIATIONS = ("U.S.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "St.", "No.")
SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+")
STATUSES = {"asserted", "negated", "planned", "hypothetical"}


def sentence_spans(text: str, corpus: str) -> list[tuple[int, int]]:
    """Sentence spans: one per line in t17 (PTB text), split at full stops in examples."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        pieces = [(0, len(line))] if corpus == "t17-dev" else _split_line(line)
        for start, end in pieces:
            chunk = line[start:end]
            stripped = chunk.strip().lstrip("-•").strip()
            if stripped:
                lead = chunk.index(stripped)
                spans.append((offset + start + lead, offset + start + lead + len(stripped)))
        offset += len(line) + 1
    return spans


def _split_line(line: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(line):
        before = line[start : match.start() + 1]
        if before.endswith(ABBREVIATIONS):
            continue
        nxt = line[match.end() : match.end() + 1]
        if nxt and not (nxt.isupper() or nxt in "\"“'"):
            continue
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(line)))
    return pieces


def _ref(corpus: str, where: str, row: int | None, start: int, end: int) -> dict[str, Any]:
    if corpus == "t17-dev":
        return {"corpus": corpus, "topic": where, "row": row, "start": start, "end": end}
    return {"corpus": corpus, "file": where, "start": start, "end": end}


def _source(corpus: str, where: str, row: int | None) -> str:
    ref = _ref(corpus, where, row, 0, 0)
    text = load_source_text(ref, ROOT)
    if text is None:
        raise SystemExit(f"source not found for {ref} (is ../shared/datasets present?)")
    return text


def candidates(corpus: str, where: str, rows: range) -> None:
    for row in rows if corpus == "t17-dev" else [None]:
        text = _source(corpus, where, row)
        for start, end in sentence_spans(text, corpus):
            ref = _ref(corpus, where, row, start, end)
            print(json.dumps({"ref": ref, "text": text[start:end]}, ensure_ascii=False))


def _parse_side(codes: str) -> list[dict[str, str]]:
    return [{"code": c.strip()} for c in codes.split(",") if c.strip()]


def _parse_event(spec: str) -> dict[str, Any]:
    words = spec.split()
    event, status = words[0], words[1]
    if status not in STATUSES:
        raise ValueError(f"bad status in {spec!r}")
    sides = words[2] if len(words) > 2 else ">"
    source, _, target = sides.partition(">")
    record: dict[str, Any] = {"event": event, "status": status}
    record["source"] = _parse_side(source)
    record["target"] = _parse_side(target)
    for extra in words[3:]:
        key, _, value = extra.partition("=")
        record[key] = value
    return record


def build(labels: Path, out: Path) -> None:
    records: list[str] = []
    counts: dict[str, int] = {}
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where_part, _, events_part = line.partition("|")
        corpus, where, row_text, start_text = where_part.strip().split(":")
        row = int(row_text) if row_text else None
        start = int(start_text)
        text = _source(corpus, where, row)
        spans = dict(sentence_spans(text, corpus))
        if start not in spans:
            raise SystemExit(f"line {number}: no sentence starts at {start}")
        ref = _ref(corpus, where, row, start, spans[start])
        ref["sha1"] = fingerprint(text[start : spans[start]])
        events = [_parse_event(s) for s in events_part.split(";") if s.strip()]
        prefix = corpus.split("-")[0]
        counts[prefix] = counts.get(prefix, 0) + 1
        item_id = f"{prefix}-{counts[prefix]:03d}"
        records.append(json.dumps({"id": item_id, "ref": ref, "events": events}))
    out.write_text("\n".join(records) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} records to {out}")


def check(path: Path) -> int:
    bad = skipped = good = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        ref = item["ref"]
        text = load_source_text(ref, ROOT)
        if text is None:
            skipped += 1
            continue
        spans = dict(sentence_spans(text, ref["corpus"]))
        sentence = text[ref["start"] : ref["end"]]
        if spans.get(ref["start"]) != ref["end"] or fingerprint(sentence) != ref.get("sha1"):
            bad += 1
            print(f"{item['id']}: span {ref['start']}-{ref['end']} is not the recorded sentence")
        else:
            good += 1
    absent = f", {skipped} skipped (source absent: {T17_ROOT})" if skipped else ""
    print(f"{good} references verified, {bad} bad{absent}")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    cand = commands.add_parser("candidates")
    cand.add_argument("corpus", choices=["t17-dev", "examples"])
    cand.add_argument("where", help="t17 topic, or a file path under examples/")
    cand.add_argument("--rows", default="0-5", help="t17 rows, A-B inclusive")
    make = commands.add_parser("build")
    make.add_argument("labels", type=Path)
    make.add_argument("out", type=Path)
    verify = commands.add_parser("check")
    verify.add_argument("file", type=Path)
    args = parser.parse_args()
    if args.command == "candidates":
        first, _, last = args.rows.partition("-")
        candidates(args.corpus, args.where, range(int(first), int(last or first) + 1))
    elif args.command == "build":
        build(args.labels, args.out)
    else:
        return check(args.file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
