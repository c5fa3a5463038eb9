"""The per-document pipeline and the ingest loop that feeds it.

``annotate_batch`` is a plain function over a batch of documents that holds no state but
the loaded model, so an executor can run it in this process, in a process pool, or
elsewhere; ``ingest`` reads inputs, screens them, hands batches to an executor and writes
each finished document to the store in its own transaction.
"""

from __future__ import annotations

import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from spacy.tokens import Doc

from .actors import learn_roles, resolve_actors
from .events import extract_events
from .executors import executors
from .model import Annotation, DateValue, Document, RawDocument, Sentence, content_id
from .nlp import load_pipeline
from .quotes import extract_quotes
from .screening import screen
from .sources import Limits, iter_raw_documents
from .store import Store
from .temporal import (
    CorpusDating,
    date_event_mentions,
    date_in_document,
    normalise_published,
    resolve_corpus,
    tag_timexes,
)


@dataclass(slots=True)
class IngestOptions:
    published: str | None = None
    workers: int = 1
    batch_size: int = 16
    executor: str = "local"
    limits: Limits = field(default_factory=Limits)
    #: The day the inputs are read: no undated document can be from after it.
    read_on: date | None = None


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    unchanged: int = 0
    event_mentions: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    corpus: CorpusDating = field(default_factory=CorpusDating)

    @property
    def read(self) -> int:
        return self.stored + self.unchanged + len(self.failed) + len(self.skipped)

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "stored": self.stored, "unchanged": self.unchanged,
                "failed": len(self.failed), "skipped": len(self.skipped),
                "event_mentions": self.event_mentions,
                "documents_dated": self.corpus.documents_dated,
                "links_dated": self.corpus.links_dated}  # fmt: skip


#: Called once per input document with its source and outcome
#: ("stored", "unchanged", "failed" or "skipped").
ProgressFn = Callable[[str, str], None]


def document_id(text: str) -> str:
    """Content hash of the text with Unicode and whitespace normalised."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return content_id(normalised, "doc_")


def prepare(raw: RawDocument, options: IngestOptions) -> Document:
    """A Document from a reader's record: screened, identified and dated."""
    status, reason = screen(raw, options.limits)
    text = raw.text or ""
    if status == "failed" or not text.strip():
        doc_id = content_id(f"{status}:{raw.source}:{reason}", "doc_")
        text = ""
    else:
        doc_id = document_id(text)
    published = normalise_published(raw.published, raw.published_origin)
    if published.value is None and options.published:
        published = normalise_published(options.published, "user")
    return Document(
        id=doc_id, source=raw.source, text=text, title=raw.title, url=raw.url,
        publisher=raw.publisher, author=raw.author, published=published,
        language=raw.language, status=status, error=reason,
    )  # fmt: skip


def _trim_end(text: str, start: int, end: int) -> int:
    """A sentence's end without the line break and spaces spaCy attaches to it."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def reading_day() -> date:
    """Today (UTC): the latest day any document read now can have been published."""
    return datetime.now(UTC).date()


def annotate(document: Document, parsed: Doc, read_on: date | None = None) -> Annotation:
    """Run every per-document stage over one parsed document."""
    doc_id = document.id
    text = document.text
    sentences = [
        Sentence(doc_id, i, s.start_char, _trim_end(text, s.start_char, s.end_char))
        for i, s in enumerate(parsed.sents)
    ]
    timexes = tag_timexes(document.text, document.published.value, parsed)
    for timex in timexes:
        timex.doc_id = doc_id
    mentions, actors = resolve_actors(parsed, doc_id)
    event_mentions = extract_events(parsed, doc_id, mentions, actors)
    for mention in event_mentions:
        mention.sentence_end = _trim_end(text, mention.sentence_start, mention.sentence_end)
    date_event_mentions(parsed, event_mentions, timexes, document.published)
    dating = date_in_document(
        parsed, document, timexes, mentions, actors, event_mentions, read_on or reading_day()
    )
    quotes = extract_quotes(parsed, doc_id, mentions, actors, document.published)
    learn_roles(actors, document.published, doc_id)
    return Annotation(
        document, sentences, timexes, mentions, actors, event_mentions, dating.links,
        dating.evidence, dating.used, quotes,
    )  # fmt: skip


def _failed(document: Document, stage: str, exc: Exception) -> Annotation:
    last = traceback.extract_tb(exc.__traceback__)[-1]
    document.status = "failed"
    document.error = (
        f"internal error while {stage}: {type(exc).__name__}: {exc}"
        f" ({Path(last.filename).name}:{last.lineno})"
    )
    return Annotation(document)


def annotate_batch(documents: Sequence[Document], batch_size: int = 16) -> list[Annotation]:
    """Parse and annotate a batch; a document that breaks a stage is returned as failed."""
    nlp = load_pipeline()
    try:
        parsed: list[Doc | Exception] = list(
            nlp.pipe((d.text for d in documents), batch_size=batch_size)
        )
    except Exception:  # one document broke the parser: parse one by one to find it
        parsed = []
        for document in documents:
            try:
                parsed.append(nlp(document.text))
            except Exception as exc:
                parsed.append(exc)
    results = []
    for document, doc in zip(documents, parsed, strict=True):
        if isinstance(doc, Exception):
            results.append(_failed(document, "parsing", doc))
            continue
        try:
            results.append(annotate(document, doc))
        except Exception as exc:  # one bad document never stops a run
            results.append(_failed(document, "annotating", exc))
    return results


def _batches(
    raws: Iterable[RawDocument], store: Store, options: IngestOptions, report: IngestReport,
    progress: ProgressFn | None, pending: set[str],
) -> Iterator[list[Document]]:  # fmt: skip
    """Screened, not-yet-stored documents in batches; the rest is recorded on the way.

    ``pending`` holds the ids handed to the executor and not yet stored, so a duplicate
    further on is not annotated twice while its first copy is still in flight.
    """
    batch: list[Document] = []
    for raw in raws:
        document = prepare(raw, options)
        if store.has_document(document.id) or document.id in pending:
            report.unchanged += 1
            outcome = "unchanged"
        elif document.status != "ok":
            store.add_document(document)
            bucket = report.failed if document.status == "failed" else report.skipped
            bucket.append((document.source, document.error or ""))
            outcome = document.status
        else:
            batch.append(document)
            pending.add(document.id)
            if len(batch) >= options.batch_size:
                yield batch
                batch = []
            continue
        if progress:
            progress(document.source, outcome)
    if batch:
        yield batch


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Read, process and store every document under ``paths``."""
    options = options or IngestOptions()
    report = IngestReport()
    run_id = store.start_run([str(p) for p in paths])
    executor = executors.get(options.executor)(options.workers)
    pending: set[str] = set()
    finished = False
    try:
        raws = iter_raw_documents(paths, options.limits)
        batches = _batches(raws, store, options, report, progress, pending)
        for annotations in executor.map(annotate_batch, batches):
            for annotation in annotations:
                _store_result(store, annotation, report, progress)
                pending.discard(annotation.document.id)
        if report.stored:
            report.corpus = resolve_corpus(store, options.read_on or reading_day())
        finished = True
    finally:
        executor.close()
        if finished:  # an interrupted run leaves its run record open, as it was
            store.finish_run(run_id, report.counts())
    return report


def _store_result(
    store: Store, annotation: Annotation, report: IngestReport, progress: ProgressFn | None
) -> None:
    document = annotation.document
    if document.status == "ok":
        store.add_annotation(annotation)
        report.stored += 1
        report.event_mentions += len(annotation.event_mentions)
    else:
        store.add_document(document)
        report.failed.append((document.source, document.error or ""))
    if progress:
        progress(document.source, document.status)


def annotate_text(text: str, published: str | None = None, doc_id: str = "") -> Annotation:
    """Annotate one text without a store (for ``dateline code`` and the Python API)."""
    document = Document(
        id=doc_id or document_id(text), source=doc_id or "<text>", text=text,
        published=normalise_published(published, "user") if published else DateValue(),
    )  # fmt: skip
    return annotate_batch([document])[0]
