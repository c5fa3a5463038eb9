"""Shards: what an ingest run elsewhere (on a Ray cluster) produced, and loading it.

A shard is a JSONL file (optionally also Parquet) with one object per input document:
the document as screening left it, its annotation, and its index in the run's input
order. ``load_shards`` feeds them, in that order, through the same store-writing path as
a local ingest (``pipeline.store_documents``: duplicate detection, linking mentions into
events, the corpus-level passes once at the end), so the same inputs give the same store
whichever way they were annotated. Loading the same shards again changes nothing.
"""

from __future__ import annotations

import dataclasses
import heapq
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .model import (
    Annotation,
    Document,
    RawDocument,
    annotation_from_dict,
    document_from_dict,
    to_dict,
)
from .pipeline import (
    IngestOptions,
    IngestReport,
    ProgressFn,
    annotate_batch,
    prepare,
    store_documents,
)
from .store import Store

#: Bumped when the record shape changes; a loader refuses records of another version.
SHARD_VERSION = 1
SHARD_PREFIX = "part-"
#: A shard is renamed to its final name once complete: an interrupted run leaves only
#: ``.partial`` files, which loading passes over.
PARTIAL_SUFFIX = ".partial"


def shard_rows(
    raws: Sequence[RawDocument], orders: Sequence[int], options: IngestOptions
) -> list[dict[str, Any]]:
    """Screen and annotate raw documents as a local ingest would: one shard row each
    (``record``, the JSON line, and the columns a Parquet shard adds beside it).

    The document is recorded as screening left it, since that is what duplicate
    detection sees when the record is loaded; the annotation carries the document as
    annotating left it (an inferred publication date, or "failed" when a stage broke on
    it), without its text.
    """
    documents = [prepare(raw, options) for raw in raws]
    screened = [to_dict(document) for document in documents]
    accepted = [document for document in documents if document.status == "ok"]
    annotations = iter(annotate_batch(accepted, options.batch_size, options.limits.max_seconds))
    rows = []
    for order, document, as_screened in zip(orders, documents, screened, strict=True):
        # As screened: annotating marks a document it failed on (or ran out of time on) as
        # failed, and that document has its annotation too, recording why.
        annotation = next(annotations) if as_screened["status"] == "ok" else None
        record = {
            "shard_version": SHARD_VERSION, "order": order, "document": as_screened,
            "annotation": _annotation_record(annotation) if annotation else None,
        }  # fmt: skip
        rows.append({"order": order, "doc_id": document.id, "source": document.source,
                     "status": as_screened["status"],
                     "record": json.dumps(record, ensure_ascii=False)})  # fmt: skip
    return rows


def _annotation_record(annotation: Annotation) -> dict[str, Any]:
    record: dict[str, Any] = to_dict(annotation)
    # The text is recorded once, beside it; being a copy is for the loading to find.
    for name in ("text", "duplicate_of"):
        del record["document"][name]
    return record


def raw_document_from_dict(data: dict[str, Any]) -> RawDocument:
    return RawDocument(**data)


class ShardWriter:
    """Writes shard rows (``shard_rows``') to ``folder`` as part-00000.jsonl,
    part-00001.jsonl, ... (``shard_size`` records each; with ``parquet``, a
    part-NNNNN.parquet beside each, the record in its ``record`` column)."""

    def __init__(self, folder: Path, shard_size: int = 10_000, parquet: bool = False) -> None:
        if shard_size < 1:
            raise ValueError("shard_size must be at least 1")
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.glob(f"{SHARD_PREFIX}*")):
            raise FileExistsError(f"{folder} already holds shards: give an empty folder")
        self.folder, self.shard_size, self.parquet = folder, shard_size, parquet
        self.paths: list[Path] = []
        self.records = 0
        self._handle: TextIO | None = None
        self._rows: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        if self._handle is None:
            self._open()
        assert self._handle is not None
        self._handle.write(row["record"] + "\n")
        if self.parquet:
            self._rows.append(row)
        self.records += 1
        if self.records % self.shard_size == 0:
            self._finish()

    def close(self) -> None:
        if self._handle is not None:
            self._finish()

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _path(self, suffix: str) -> Path:
        return self.folder / f"{SHARD_PREFIX}{len(self.paths):05d}{suffix}"

    def _open(self) -> None:
        self._handle = open(  # noqa: SIM115  (closed by _finish)
            self._path(".jsonl" + PARTIAL_SUFFIX), "w", encoding="utf-8", newline="\n"
        )

    def _finish(self) -> None:
        assert self._handle is not None
        self._handle.close()
        self._handle = None
        if self.parquet:
            self._write_parquet(self._path(".parquet"))
        final = self._path(".jsonl")
        self._path(".jsonl" + PARTIAL_SUFFIX).rename(final)
        self.paths.append(final)

    def _write_parquet(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        partial = path.with_name(path.name + PARTIAL_SUFFIX)
        pq.write_table(pa.Table.from_pylist(self._rows), partial)
        partial.rename(path)
        self._rows = []


@dataclass(slots=True)
class _Entry:
    """One loaded record: the document as screened, and the annotation it came with."""

    document: Document
    annotation: Annotation | None = None
    #: The document as annotating left it (without text and duplicate_of).
    annotated: Document | None = None
    #: Kept past its batch: a copy of a document that failed, annotated in its place.
    retry: bool = False


_ANNOTATED_FIELDS = tuple(
    f.name for f in dataclasses.fields(Document) if f.name not in ("text", "duplicate_of")
)


@dataclass(slots=True)
class _ShardAnnotator:
    """The load's stand-in for an executor: hands back each document's annotation.

    It holds the records read since the last batch, keyed by document object (the
    store-writing path passes on the very objects it was given). Once a batch is
    annotated, what else was read is no longer needed (it was already stored, or a
    duplicate), except copies of a document that failed: those are annotated in its
    place at the end, so they are kept.
    """

    held: dict[int, _Entry] = field(default_factory=dict)

    def documents(self, entries: Iterable[_Entry]) -> Iterator[Document]:
        for entry in entries:
            if entry.annotation is not None:
                self.held[id(entry.document)] = entry
            yield entry.document

    def __call__(self, batches: Iterable[list[Document]]) -> Iterator[list[Annotation]]:
        for batch in batches:
            annotations = [self._take(document) for document in batch]
            failed = {a.document.id for a in annotations if a.document.status == "failed"}
            for key, entry in list(self.held.items()):
                if entry.retry or entry.document.duplicate_of in failed:
                    entry.retry = True
                else:
                    del self.held[key]
            yield annotations

    def _take(self, document: Document) -> Annotation:
        entry = self.held.pop(id(document), None)
        if entry is None or entry.annotation is None or entry.annotated is None:
            raise RuntimeError(f"no annotation loaded for {document.source}")
        # What annotating changed on the document, as it would have in a local ingest.
        for name in _ANNOTATED_FIELDS:
            setattr(document, name, getattr(entry.annotated, name))
        return entry.annotation


def load_shards(
    paths: Sequence[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Store the documents of the shards under ``paths`` as a local ingest of the same
    inputs would have. Each path (a shard file, or a folder of them) is loaded in the
    order given, its records in input order; a record that cannot be read is stored as a
    failed document with the reason."""
    options = options or IngestOptions()
    annotator = _ShardAnnotator()
    entries = (entry for _, entry in _ordered_entries(paths, options))
    return store_documents(
        annotator.documents(entries), store, annotator, options, progress,
        [str(p) for p in paths],
    )  # fmt: skip


def shard_files(path: Path) -> list[Path]:
    """The shards a path names: itself, or a folder's JSONL shards (its Parquet ones when
    it holds no JSONL: both hold the same records)."""
    if not path.is_dir():
        return [path]
    jsonl = sorted(path.glob(f"{SHARD_PREFIX}*.jsonl"))
    return jsonl or sorted(path.glob(f"{SHARD_PREFIX}*.parquet"))


def count_records(paths: Sequence[str | Path]) -> int:
    """How many records the shards hold (for a progress bar's total)."""
    total = 0
    for file in (f for p in paths for f in shard_files(Path(p))):
        try:
            if file.suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(file).metadata.num_rows
            else:
                total += _count_lines(file)
        except Exception:  # unreadable: counted as the one failure it is reported as
            total += 1
    return total


def _count_lines(file: Path) -> int:
    count = 0
    with open(file, "rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def _ordered_entries(
    paths: Sequence[str | Path], options: IngestOptions
) -> Iterator[tuple[int, _Entry]]:
    for given in paths:
        files = shard_files(Path(given))
        streams = [_file_entries(file, options) for file in files]
        # Each shard is in input order; merging restores the run's order across them.
        yield from heapq.merge(*streams, key=lambda item: item[0])


def _file_entries(file: Path, options: IngestOptions) -> Iterator[tuple[int, _Entry]]:
    order = -1
    for where, line in _lines(file):
        if isinstance(line, Exception):
            yield order, _failure(f"{file}{where}", f"unreadable shard: {_reason(line)}", options)
            return
        try:
            order, entry = _parse(line)
        except Exception as exc:  # one bad line never stops a load
            yield order, _failure(f"{file}{where}", f"bad shard record: {_reason(exc)}", options)
            continue
        yield order, entry


def _lines(file: Path) -> Iterator[tuple[str, str | Exception]]:
    """(where, line) per record of a shard; (where, error) when the file cannot be read."""
    try:
        if file.suffix == ".parquet":
            import pyarrow.parquet as pq

            number = 0
            for batch in pq.ParquetFile(file).iter_batches(columns=["record"]):
                for value in batch.column(0).to_pylist():
                    number += 1
                    yield f"#{number}", str(value)
            return
        with open(file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield f"#{number}", line
    except Exception as exc:
        yield "", exc


def _parse(line: str) -> tuple[int, _Entry]:
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if data.get("shard_version") != SHARD_VERSION:
        raise ValueError(f"shard version {data.get('shard_version')!r}, not {SHARD_VERSION}")
    order = data["order"]
    if not isinstance(order, int):
        raise ValueError("'order' is not a number")
    document = document_from_dict(data["document"])
    if not isinstance(document.text, str) or not isinstance(document.id, str):
        raise ValueError("document without id or text")
    found = data.get("annotation")
    if found is None:
        if document.status == "ok":
            raise ValueError("no annotation for a document that passed screening")
        return order, _Entry(document)
    annotated = document_from_dict({**found["document"], "text": document.text})
    if annotated.id != document.id:
        raise ValueError("annotation of another document")
    return order, _Entry(document, annotation_from_dict(found, document), annotated)


def _failure(source: str, reason: str, options: IngestOptions) -> _Entry:
    """A record that cannot be loaded, as a failed document: stored with its reason, as a
    file that cannot be read is in a local ingest."""
    return _Entry(prepare(RawDocument(source=source, error=reason), options))


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg}"
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    return f"{type(exc).__name__}: {exc}" if not isinstance(exc, ValueError) else str(exc)
