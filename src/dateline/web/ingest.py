"""``POST /api/ingest``: articles uploaded from the browser, run through the real pipeline
into the app's store.

Off unless the app was given an ingest token; then every request carries it, as
``Authorization: Bearer TOKEN`` or a ``token`` form field. Uploaded file names are only
labels: each file is written to a fresh temporary folder under a name of our own, keeping
its extension only when a reader reads it (and never ``.urls``, which would fetch from the
network).
"""

from __future__ import annotations

import hmac
import re
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Header, HTTPException, Request, UploadFile

from ..model import RawDocument, content_id
from .api_params import answers, invalid

router = APIRouter(tags=["ingest"])

#: Readers that would reach out of the machine: not for uploads.
_NETWORK_SUFFIXES = frozenset({".urls"})
_UNSAFE_LABEL = re.compile(r"[^\w.\- ]+")
_ingest_lock = threading.Lock()  # one ingest at a time: the store has one writer


def upload_label(filename: str | None, index: int) -> str:
    """A readable name for an uploaded file ("report.html"), never used as a path: its
    folders dropped (either slash), unusual characters replaced."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name
    name = _UNSAFE_LABEL.sub("_", name).strip(" .")[:100]
    return name or f"file-{index}"


def upload_suffix(filename: str | None) -> str:
    """The reader suffix to keep (".html", ".warc.gz"), or "" when no reader may take it."""
    from ..sources import readers
    from ..sources.base import reader_suffix

    suffix = reader_suffix(Path(upload_label(filename, 0)))
    return suffix if suffix in readers and suffix not in _NETWORK_SUFFIXES else ""


def check_token(request: Request, header: str | None, form_token: str | None) -> None:
    expected: str | None = request.app.state.ingest_token
    if not expected:
        raise HTTPException(
            403, detail="ingest is off: start the server with --ingest-token TOKEN to allow it"
        )
    given = form_token or ""
    if header and header.lower().startswith("bearer "):
        given = header[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401,
            detail="ingest needs the server's token (Authorization: Bearer TOKEN)",
            headers={"WWW-Authenticate": "Bearer"},
        )


def _relabelled(raws: Iterator[RawDocument], paths: dict[str, str]) -> Iterator[RawDocument]:
    """Raw documents with the temporary file's path in their source replaced by
    "upload/<label>" (a multi-document file's records keep their "#n")."""
    for raw in raws:
        for path, label in paths.items():
            if raw.source == path or raw.source.startswith(path + "#"):
                raw.source = f"upload/{label}" + raw.source[len(path) :]
                break
        yield raw


@router.post(
    "/ingest",
    responses=answers(400, 401, 403, 413, 503),
    summary="Ingest uploaded files and/or a pasted text (needs the token)",
)
def ingest_upload(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Articles: .txt, .html, ...")] = [],  # noqa: B006
    text: Annotated[str | None, Form(description="An article's text.")] = None,
    published: Annotated[
        str | None, Form(description="Publication date for inputs that carry none.")
    ] = None,
    token: Annotated[str | None, Form(description="The ingest token.")] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    check_token(request, authorization, token)
    # Imported once allowed: loading the pipeline takes seconds.
    from ..pipeline import IngestOptions, ingest_documents
    from ..sources import iter_raw_documents
    from ..store import Store, StoreError
    from ..temporal import normalise_published

    published = (published or "").strip() or None
    if published and normalise_published(published, "user").value is None:
        raise invalid("published", f"published: {published!r} is not a date (YYYY-MM-DD)", "body")
    text = text if text and text.strip() else None
    if not files and text is None:
        raise invalid("text", "nothing to ingest: send files or a text field", "body")
    options = IngestOptions(published=published)
    with tempfile.TemporaryDirectory(prefix="dateline-upload-") as tmp:
        paths: dict[str, str] = {}
        for index, upload in enumerate(files):
            path = Path(tmp) / f"upload-{index:03d}{upload_suffix(upload.filename)}"
            with path.open("wb") as out:
                while chunk := upload.file.read(1 << 20):
                    out.write(chunk)
            paths[str(path)] = upload_label(upload.filename, index)
        raws = _relabelled(iter_raw_documents(list(paths), options.limits), paths)
        pasted = []
        if text is not None:
            source = f"upload/text-{content_id(text)[:8]}"
            pasted = [RawDocument(source=source, text=text, published_origin="unknown")]
        inputs = [f"upload/{label}" for label in paths.values()] + [r.source for r in pasted]
        with _ingest_lock:
            try:
                with Store(request.app.state.db_path) as store:
                    report = ingest_documents(_chain(pasted, raws), store, options, inputs=inputs)
            except StoreError as exc:
                raise HTTPException(503, detail=f"cannot write to the store: {exc}") from exc
    return {
        "counts": report.counts(),
        "failed": [{"source": s, "reason": r} for s, r in report.failed],
        "skipped": [{"source": s, "reason": r} for s, r in report.skipped],
    }


def _chain(first: list[RawDocument], rest: Iterator[RawDocument]) -> Iterator[RawDocument]:
    yield from first
    yield from rest
