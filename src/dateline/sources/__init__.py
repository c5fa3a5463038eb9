"""Input readers: files and folders in, one RawDocument per document out.

Each reader module registers itself under the file suffixes it reads; a new input kind is
one new module. ``iter_raw_documents`` never raises for a bad input: whatever goes wrong
with a file becomes a RawDocument carrying the reason in ``error``. Nothing is fetched
from the network except the URLs a ``.urls`` file lists (see dateline.sources.urls).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.model import RawDocument
from dateline.sources import csv, feeds, html, jsonl, text, urls, warc
from dateline.sources.base import (
    FetchPolicy,
    Limits,
    ReaderFn,
    ReadError,
    reader_suffix,
    readers,
    sniffers,
)

__all__ = [
    "FetchPolicy", "InputFile", "Limits", "ReadError", "ReaderFn", "expected_documents",
    "input_files", "iter_raw_documents", "read_input_file", "readers",
]  # fmt: skip
#: Readers that yield many documents per file: their files cannot be counted in advance.
MULTI_DOCUMENT_SUFFIXES = frozenset(
    {".jsonl", ".csv", ".rss", ".atom", ".xml", ".warc", ".warc.gz", ".urls"}
)
_READER_MODULES = (csv, feeds, html, jsonl, text, urls, warc)  # imported for registrations


def iter_raw_documents(
    paths: Iterable[str | Path], limits: Limits | None = None
) -> Iterator[RawDocument]:
    """Raw documents from files and folders (walked recursively, in sorted order).

    Inside folders, hidden entries and files no reader handles (README.md, images, ...)
    are passed over silently; a file named explicitly is always reported on.
    """
    limits = limits or Limits()
    for file in input_files(paths):
        yield from read_input_file(file, limits)


#: One input of ``iter_raw_documents``: a path, and whether it was found in a folder
#: (True) or given (False: it may be missing or not a regular file).
InputFile = tuple[str, bool]


def input_files(paths: Iterable[str | Path]) -> Iterator[InputFile]:
    """The files ``iter_raw_documents(paths)`` reads, in the order it reads them: each path
    given, a folder replaced by the files found in it. ``read_input_file`` reads one, so
    that the files can be read elsewhere (a Ray worker) exactly as they would be here."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield str(file), True
        else:
            yield str(given), False


def read_input_file(file: InputFile, limits: Limits) -> Iterator[RawDocument]:
    """The raw documents of one of ``input_files``' files."""
    given, found = file
    path = Path(given)
    if found or path.is_file():
        yield from _read(path, limits)
    elif path.exists():
        yield RawDocument(source=given, error="not a regular file")
    else:
        yield RawDocument(source=given, error="no such file or directory")


def expected_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold, when that is known without reading them
    (for a progress bar's total); None when a multi-document file is among them."""
    count = 0
    for given in paths:
        path = Path(given)
        files = _walk(path) if path.is_dir() else [path]
        if any(reader_suffix(f) in MULTI_DOCUMENT_SUFFIXES for f in files):
            return None
        count += len(files)
    return count


def _walk(folder: Path) -> list[Path]:
    files = []
    for path in folder.rglob("*"):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        # A dangling symlink is listed too, so that it is reported rather than lost.
        if hidden or path.is_dir() or not _handled(path):
            continue
        files.append(path)
    return sorted(files)


def _handled(path: Path) -> bool:
    suffix = reader_suffix(path)
    return suffix in readers and (suffix not in sniffers or sniffers.get(suffix)(path))


def _read(path: Path, limits: Limits) -> Iterator[RawDocument]:
    source = str(path)
    suffix = reader_suffix(path)
    if suffix not in readers:
        yield RawDocument(source=source, error=f"unsupported file type {suffix or '(none)'!r}")
        return
    try:
        yield from readers.get(suffix)(path, limits)
    except ReadError as exc:
        yield RawDocument(source=source, error=str(exc))
    except FileNotFoundError:
        yield RawDocument(source=source, error="no such file or directory")
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        yield RawDocument(source=source, error=f"cannot read file: {reason}")
    except Exception as exc:  # one bad file must never stop a run
        yield RawDocument(source=source, error=f"cannot read file: {type(exc).__name__}: {exc}")
