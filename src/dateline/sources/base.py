"""What every reader shares: the reader registry, input limits and the read error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.model import RawDocument
from dateline.registry import Registry


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what is accepted as one document."""

    #: Largest single-document file (bytes).
    max_bytes: int = 5_000_000
    #: Longest text (characters). Annotation cost grows faster than length and spaCy
    #: refuses texts over 1,000,000 characters; news articles stay far below this.
    max_chars: int = 200_000
    #: Shortest text (characters, surrounding whitespace ignored) worth processing.
    min_chars: int = 1


class ReadError(Exception):
    """A file cannot be read as documents; the message is the reason shown to the user."""


#: A reader turns one file into raw documents; it may raise, the caller records why.
ReaderFn = Callable[[Path, Limits], Iterator[RawDocument]]

#: Readers by lower-case file suffix (".txt", ".html", ...).
readers = Registry[ReaderFn]("reader")
