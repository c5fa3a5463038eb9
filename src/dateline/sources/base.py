"""What every reader shares: the reader registry, input limits and the read error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.model import RawDocument
from dateline.registry import Registry


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How `.urls` inputs are fetched: politely, and never for any other input."""

    #: Seconds between two requests to the same host (robots.txt's Crawl-delay, when
    #: larger, wins up to ``max_crawl_delay``).
    delay: float = 1.0
    #: Seconds allowed to connect, and between two chunks of a response.
    timeout: float = 10.0
    #: Seconds one response may take in all (a server dripping bytes cannot hold a run).
    total_timeout: float = 60.0
    #: Redirects followed for one URL.
    max_redirects: int = 5
    #: Largest Crawl-delay honoured; a site asking for more gets this.
    max_crawl_delay: float = 30.0


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what is accepted as one document."""

    #: Largest single-document file (bytes); also a feed file, an archive record or a
    #: fetched page.
    max_bytes: int = 5_000_000
    #: Longest text (characters). Annotation cost grows faster than length and spaCy
    #: refuses texts over 1,000,000 characters; news articles stay far below this.
    max_chars: int = 200_000
    #: Shortest text (characters, surrounding whitespace ignored) worth processing.
    min_chars: int = 1
    #: Largest ratio of decompressed to compressed bytes in a .warc.gz record, checked once
    #: a record has inflated past ``max_bytes``. HTML and WARC headers compress about 5-10
    #: times; a compression bomb (zeros) about 1000 times, and would otherwise be inflated
    #: whole, if in bounded chunks, before the archive's next record can be read.
    max_ratio: int = 100
    #: Seconds one document may take to parse, and again to annotate (every stage after
    #: parsing); a document over it is recorded as failed with the reason, and a later run
    #: tries it again. None or 0: no limit. Only Python code is interrupted (see
    #: ``dateline._timelimit``): the size limits above bound what a C extension does.
    max_seconds: float | None = 60.0
    fetch: FetchPolicy = field(default_factory=FetchPolicy)


class ReadError(Exception):
    """A file cannot be read as documents; the message is the reason shown to the user."""


#: Media types read as HTML pages (by the archive, feed and URL readers).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

#: A reader turns one file into raw documents; it may raise, the caller records why.
ReaderFn = Callable[[Path, Limits], Iterator[RawDocument]]

#: Readers by lower-case file suffix (".txt", ".html", ".warc.gz", ...).
readers = Registry[ReaderFn]("reader")

#: For suffixes other formats share too (".xml"): whether a file is this reader's kind.
#: A folder walk takes such a file only when its check passes; a file named explicitly is
#: always read, and its reader says why it cannot be.
sniffers = Registry[Callable[[Path], bool]]("sniffer")


def reader_suffix(path: Path) -> str:
    """The suffix ``path``'s reader is registered under: the last two suffixes when a
    reader takes them together (".warc.gz"), else the last one ("" when there is none)."""
    last_two = "".join(path.suffixes[-2:]).lower()
    if len(path.suffixes) >= 2 and last_two in readers:
        return last_two
    return path.suffix.lower()
