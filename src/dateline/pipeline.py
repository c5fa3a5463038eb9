"""The per-document pipeline and the ingest loop that feeds it.

``annotate_batch`` is a plain function over a batch of documents that holds no state but
the loaded model, so an executor can run it in this process, in a process pool, or
elsewhere; ``ingest`` reads inputs, screens them, hands batches to an executor and writes
each finished document to the store in its own transaction.
"""

from __future__ import annotations

import contextlib
import functools
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ._timelimit import TimeLimitExceeded, time_limit
from .actors import learn_roles, resolve_actors
from .dedupe import DuplicateIndex, Signature, signature
from .events import extract_events
from .executors import executors
from .model import Annotation, DateValue, Document, RawDocument, Sentence, content_id
from .nlp import TEXT_KEY, load_pipeline
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
    #: Of the documents stored, those stored as copies of another (not annotated).
    duplicates: int = 0
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
                "duplicates": self.duplicates,
                "event_mentions": self.event_mentions,
                "documents_dated": self.corpus.documents_dated,
                "links_dated": self.corpus.links_dated}  # fmt: skip


#: Called once per input document with its source and outcome
#: ("stored", "duplicate", "unchanged", "failed" or "skipped").
ProgressFn = Callable[[str, str], None]

#: Annotates batches of screened documents, yielding each batch's annotations in order:
#: an executor running ``annotate_batch``, or annotations made elsewhere (a Ray run's
#: shards, see ``dateline.shards``).
BatchAnnotator = Callable[[Iterable[list[Document]]], Iterable[list[Annotation]]]


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
    # The text the document was parsed from: spaCy would rebuild it from the tokens.
    parsed.user_data[TEXT_KEY] = text
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


def _timed_out(document: Document, stage: str, max_seconds: float) -> Annotation:
    document.status = "failed"
    document.error = f"time limit exceeded: {stage} took over {max_seconds:g} s (--max-seconds)"
    return Annotation(document)


#: What parsing left for each document: its parse, or why there is none.
_Parsed = Doc | Exception | TimeLimitExceeded


def _parse(
    nlp: Language, documents: Sequence[Document], batch_size: int, max_seconds: float | None
) -> list[_Parsed]:
    """Each document parsed, in a batch while that goes well. The batch has ``max_seconds``
    per document; when it breaks or runs out of time, what it has not yielded yet is
    parsed one by one, each with ``max_seconds``, so the document that broke or was too
    slow is the one to fail (so a slow batch can take up to twice its time)."""
    parsed: list[_Parsed] = []
    budget = max_seconds * len(documents) if max_seconds else None
    try:
        with time_limit(budget, "parsing the batch"):
            for doc in nlp.pipe((d.text for d in documents), batch_size=batch_size):
                parsed.append(doc)
        return parsed
    except (Exception, TimeLimitExceeded):
        pass  # one document broke the parser or is too slow: find it
    for document in documents[len(parsed) :]:
        one: _Parsed
        try:
            with time_limit(max_seconds, "parsing"):
                one = nlp(document.text)
        except (Exception, TimeLimitExceeded) as exc:
            one = exc
        parsed.append(one)
    return parsed


#: Met by every stage: a date, people, countries, a place, an event, a quote.
_WARM_UP_TEXT = (
    "On January 15, 2026, the CIA Director met Delcy Rodriguez in Caracas, the Venezuelan"
    ' foreign ministry said. "We will talk again soon," she told reporters on Friday.'
)


@functools.cache
def warm_up() -> None:
    """Annotate a short text once per process, so that what the stages load on first use
    (lexicons, gazetteers, the actor knowledge base: seconds) is loaded before a time
    limit runs, not counted against the first document."""
    document = Document(
        id="doc_warm_up", source="<warm-up>", text=_WARM_UP_TEXT,
        published=normalise_published("2026-01-16", "user"),
    )  # fmt: skip
    # A stage that breaks here breaks on real documents too, and is recorded there.
    with contextlib.suppress(Exception):
        annotate(document, load_pipeline()(document.text), date(2026, 1, 16))


def annotate_batch(
    documents: Sequence[Document], batch_size: int = 16, max_seconds: float | None = None
) -> list[Annotation]:
    """Parse and annotate a batch; a document that breaks a stage, or takes more than
    ``max_seconds`` to parse or to annotate (None or 0: no limit), is returned as failed.
    """
    if max_seconds:
        warm_up()
    parsed = _parse(load_pipeline(), documents, batch_size, max_seconds)
    results = []
    for document, doc in zip(documents, parsed, strict=True):
        if isinstance(doc, TimeLimitExceeded):
            results.append(_timed_out(document, "parsing", max_seconds or 0))
            continue
        if isinstance(doc, Exception):
            results.append(_failed(document, "parsing", doc))
            continue
        try:
            with time_limit(max_seconds, "annotating"):
                annotation = annotate(document, doc)
        except TimeLimitExceeded:
            annotation = _timed_out(document, "annotating", max_seconds or 0)
        except Exception as exc:  # one bad document never stops a run
            annotation = _failed(document, "annotating", exc)
        results.append(annotation)
    return results


def batch_annotator(options: IngestOptions) -> Callable[[Sequence[Document]], list[Annotation]]:
    """``annotate_batch`` with the run's time limit, picklable for a process pool."""
    return functools.partial(annotate_batch, max_seconds=options.limits.max_seconds)


@dataclass(slots=True)
class _Run:
    """What one ingest keeps while documents are in flight.

    ``pending`` holds the ids handed to the executor and not yet stored, so a copy
    further on is not annotated twice while its first copy is still in flight;
    ``signatures`` their duplicate signatures, stored with them; ``waiting`` the copies
    of a document still in flight, stored once it is (``retry`` when it failed: then
    they are annotated themselves).
    """

    store: Store
    options: IngestOptions
    report: IngestReport
    progress: ProgressFn | None
    duplicates: DuplicateIndex
    pending: set[str] = field(default_factory=set)
    signatures: dict[str, Signature] = field(default_factory=dict)
    waiting: dict[str, list[tuple[Document, Signature]]] = field(default_factory=dict)
    retry: list[Document] = field(default_factory=list)

    def done(self, document: Document, outcome: str) -> None:
        if self.progress:
            self.progress(document.source, outcome)


def _batches(documents: Iterable[Document], run: _Run) -> Iterator[list[Document]]:
    """Screened, not-yet-stored originals in batches; the rest is recorded on the way."""
    store, report = run.store, run.report
    batch: list[Document] = []
    for document in documents:
        if store.has_document(document.id) or document.id in run.pending:
            report.unchanged += 1
            run.done(document, "unchanged")
            continue
        if document.status != "ok":
            store.add_document(document)
            bucket = report.failed if document.status == "failed" else report.skipped
            bucket.append((document.source, document.error or ""))
            run.done(document, document.status)
            continue
        sig = signature(document.text)
        index, published = run.duplicates, document.published
        document.duplicate_of = index.original_of(sig, document.text, published)
        index.add(document.id, sig, document.text, published, document.duplicate_of)
        run.pending.add(document.id)
        if document.duplicate_of is None:
            run.signatures[document.id] = sig
            batch.append(document)
            if len(batch) >= run.options.batch_size:
                yield batch
                batch = []
        elif document.duplicate_of in run.pending:
            run.waiting.setdefault(document.duplicate_of, []).append((document, sig))
        else:
            _store_duplicate(run, document, sig)
    if batch:
        yield batch


def _store_duplicate(run: _Run, document: Document, sig: Signature) -> None:
    run.store.add_document(document, sig)
    run.report.stored += 1
    run.report.duplicates += 1
    run.pending.discard(document.id)
    run.duplicates.discard(document.id)
    run.done(document, "duplicate")


def _sign_stored(store: Store) -> DuplicateIndex:
    """The duplicate index of a store, after signing what an older dateline stored."""
    while unsigned := store.unsigned_documents(500):
        store.add_signatures([(doc_id, signature(text)) for doc_id, text in unsigned])
    return DuplicateIndex(store)


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Read, process and store every document under ``paths``."""
    options = options or IngestOptions()
    raws = iter_raw_documents(paths, options.limits)
    return ingest_documents(raws, store, options, progress, [str(p) for p in paths])


def ingest_documents(
    raws: Iterable[RawDocument],
    store: Store,
    options: IngestOptions | None = None,
    progress: ProgressFn | None = None,
    inputs: Sequence[str] = (),
) -> IngestReport:
    """Process and store documents already read (``inputs`` names them in the run's
    record); what ``ingest`` does after reading."""
    options = options or IngestOptions()
    executor = executors.get(options.executor)(options.workers)
    annotator = batch_annotator(options)
    try:
        return store_documents(
            (prepare(raw, options) for raw in raws), store,
            lambda batches: executor.map(annotator, batches), options, progress, inputs,
        )  # fmt: skip
    finally:
        executor.close()


def store_documents(
    documents: Iterable[Document],
    store: Store,
    annotator: BatchAnnotator,
    options: IngestOptions | None = None,
    progress: ProgressFn | None = None,
    inputs: Sequence[str] = (),
) -> IngestReport:
    """Store screened documents (``prepare``'s, in input order): duplicates detected,
    originals annotated by ``annotator`` and linked into events, then the corpus-level
    passes once. What every ingest does after screening, wherever the annotating ran."""
    options = options or IngestOptions()
    with store.writer():
        return _store_locked(documents, store, annotator, options, progress, inputs)


def _store_locked(
    documents: Iterable[Document],
    store: Store,
    annotator: BatchAnnotator,
    options: IngestOptions,
    progress: ProgressFn | None,
    inputs: Sequence[str],
) -> IngestReport:
    report = IngestReport()
    run_id = store.start_run(list(inputs))
    run = _Run(store, options, report, progress, _sign_stored(store))
    finished = False
    try:
        for annotations in annotator(_batches(documents, run)):
            for annotation in annotations:
                _store_result(run, annotation)
        while run.retry:  # copies of documents that failed, annotated in their place
            batch, run.retry = run.retry, []
            for annotations in annotator([batch]):
                for annotation in annotations:
                    _store_result(run, annotation)
        if report.stored:
            report.corpus = resolve_corpus(store, options.read_on or reading_day())
        finished = True
    finally:
        if finished:  # an interrupted run leaves its run record open, as it was
            store.finish_run(run_id, report.counts())
    return report


def _store_result(run: _Run, annotation: Annotation) -> None:
    document, report = annotation.document, run.report
    sig = run.signatures.pop(document.id, None)
    if document.status == "ok":
        run.store.add_annotation(annotation, sig)
        report.stored += 1
        report.event_mentions += len(annotation.event_mentions)
    else:
        run.store.add_document(document)
        report.failed.append((document.source, document.error or ""))
    run.pending.discard(document.id)
    run.duplicates.discard(document.id)
    run.done(document, document.status)
    copies = run.waiting.pop(document.id, [])
    if document.status != "ok" and copies:
        # No original to point at: the first copy is the original now, annotated in
        # its place, and the other copies are its copies.
        (first, first_sig), copies = copies[0], copies[1:]
        first.duplicate_of = None
        run.duplicates.replace_original(document.id, first.id)
        run.signatures[first.id] = first_sig
        run.retry.append(first)
        for copy, _ in copies:
            copy.duplicate_of = first.id
        run.waiting[first.id] = copies
        return
    for copy, copy_sig in copies:
        _store_duplicate(run, copy, copy_sig)


def annotate_text(text: str, published: str | None = None, doc_id: str = "") -> Annotation:
    """Annotate one text without a store (for ``dateline code`` and the Python API)."""
    document = Document(
        id=doc_id or document_id(text), source=doc_id or "<text>", text=text,
        published=normalise_published(published, "user") if published else DateValue(),
    )  # fmt: skip
    return annotate_batch([document])[0]
