"""WARC archives (.warc, .warc.gz as Common Crawl News ships them): one document per page.

Each ``response`` record with a 2xx HTML answer goes through dateline.extract, its URL
from WARC-Target-URI; requests, metadata, redirects, images and the like are passed over.
Archives are large and often cut short by an interrupted download, so a broken archive
keeps the documents read before the break, plus one error record saying where it broke;
nothing is raised.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dateline.model import RawDocument
from dateline.sources.base import HTML_TYPES, Limits, readers

_MAX_REASON = 160
_CHUNK = 65536


@readers.register(".warc", ".warc.gz")
def read_warc(path: Path, limits: Limits) -> Iterator[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        records = ArchiveIterator(handle)
        stream = iter(records)
        count = 0
        while True:
            try:
                record = next(stream, None)
            except Exception as exc:  # warcio raises all kinds for a corrupt archive
                yield _broken(path, records.offset, count, _reason(exc))
                return
            if record is None:
                break
            # The record's start; its offset as `warcio extract` and CDX indexes give it.
            offset = records.offset
            if record.format != "warc":  # warcio takes any line of five words for ARC
                yield _broken(path, offset, count, "not a WARC record")
                return
            source = f"{path}#{offset}"
            try:
                document = _document(record, source, limits)
            except Exception as exc:  # this record's body is bad (say, its gzip) ...
                document = RawDocument(source=source, error=_reason(exc))
            if path.name.lower().endswith(".gz"):
                bomb = _drain(record, handle, offset, limits)
                if bomb:
                    yield RawDocument(
                        source=source, error=f"archive refused at byte {offset}: {bomb}"
                    )
                    return
            try:
                records.read_to_end()  # what the reader left, so the length can be checked
            except Exception as exc:  # ... unless the archive itself is
                yield _broken(path, offset, count, _reason(exc))
                return
            if getattr(record.raw_stream, "limit", 0) > 0:
                # The record's block ended before its Content-Length: the file was cut.
                yield _broken(path, offset, count, "archive ends inside this record")
                return
            if document is not None:
                count += 1
                yield document
        if records.offset < size:
            # A record cut inside its headers (or junk) is dropped by warcio without a word.
            left = size - records.offset
            reason = f"{left} bytes at the end are not a whole record (truncated or corrupt)"
            yield _broken(path, records.offset, count, reason)


def _document(record: Any, source: str, limits: Limits) -> RawDocument | None:
    """The record's page, an error record if it is too large, or None if it is no page."""
    from dateline.extract import html_to_raw

    if record.rec_type != "response" or record.http_headers is None:
        return None
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
    if media_type.strip().lower() not in HTML_TYPES:
        return None
    if not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return None  # a redirect or error page is not an article
    url = record.rec_headers.get_header("WARC-Target-URI")
    # content_stream() undoes chunking and gzip; reading one byte past the limit bounds
    # memory whatever the headers claim (or a compression bomb would inflate to).
    body = record.content_stream().read(limits.max_bytes + 1)
    if len(body) > limits.max_bytes:
        reason = f"record too large: over {limits.max_bytes} bytes (limit {limits.max_bytes})"
        return RawDocument(source=source, url=url, error=reason, size=len(body))
    raw = html_to_raw(body, source)
    raw.url = url or raw.url
    return raw


def _drain(record: Any, handle: BinaryIO, offset: int, limits: Limits) -> str | None:
    """Reads the rest of a gzipped record's block, in bounded chunks, unless it inflates
    past Limits.max_ratio (then the reason; the archive cannot be read past it). Fuzzing:
    read_to_end alone inflated a bomb record whole, however large, before moving on."""
    inflated = 0
    try:
        while chunk := record.raw_stream.read(_CHUNK):
            inflated += len(chunk)
            compressed = max(handle.tell() - offset, 1)
            if inflated > limits.max_bytes and inflated > limits.max_ratio * compressed:
                return (
                    f"record inflates over {limits.max_ratio} times its compressed size "
                    f"({inflated} bytes from {compressed}; limit {limits.max_ratio}): "
                    "a compression bomb"
                )
    except Exception:  # read_to_end meets the same fault and reports it
        return None
    return None


def _broken(path: Path, offset: int, count: int, reason: str) -> RawDocument:
    documents = "1 document" if count == 1 else f"{count} documents"
    return RawDocument(
        source=f"{path}#{offset}",
        error=f"archive broken at byte {offset} (after {documents}): {reason}",
    )


def _reason(exc: Exception) -> str:
    """What broke, readably: warcio quotes the undecodable bytes it met, and some of its
    failures on cut-off input are bare AttributeErrors that mean "no record here"."""
    from warcio.exceptions import ArchiveLoadFailed

    text = str(exc).split(", first line:")[0]
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split()) or "no detail"
    if len(text) > _MAX_REASON:
        text = text[: _MAX_REASON - 1] + "…"
    if isinstance(exc, ArchiveLoadFailed):
        return text
    if isinstance(exc, zlib.error | EOFError):
        return f"bad or cut-off gzip data ({text})"
    return f"unreadable record ({type(exc).__name__}: {text})"
