"""Bytes to text for readers: size limits, binary detection and encoding detection.

Text is never altered beyond decoding, removing a byte-order mark and turning CRLF/CR
line ends into LF (character offsets are taken on that decoded text, which is what is
stored, so spans stay valid).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from dateline.sources.base import Limits, ReadError

BINARY = "binary file (not text)"

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one. These codecs
# drop the mark themselves when decoding.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Control characters (Unicode category Cc) other than tab and line/page breaks.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Share of control characters above which decoded "text" is taken to be binary data.
_MAX_CONTROL_SHARE = 0.05
#: Share of non-ASCII letters a Western (cp1252) reading may have before we ask the
#: detector instead: English and Western European text is overwhelmingly ASCII letters,
#: while e.g. Cyrillic in cp1251 read as cp1252 is almost all accented letters.
_MAX_NON_ASCII_LETTERS = 0.3


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing files over the size limit without reading them whole."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise ReadError(f"file too large: {size} bytes (limit {limits.max_bytes})")
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)  # a file may grow, or lie about its size
    if len(data) > limits.max_bytes:
        raise ReadError(f"file too large: over {limits.max_bytes} bytes (limit {limits.max_bytes})")
    return data


def detect_encoding(data: bytes) -> str:
    """The codec to read ``data`` (a whole file or its first chunk) with; binary raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data:
        raise ReadError(BINARY)
    if _is_utf8(data):
        return "utf-8"
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mostly_ascii_letters(western):
        # The detector guesses poorly on short Western text (cp1250, cp775 for café).
        return "cp1252"
    best = from_bytes(data).best()
    return best.encoding if best is not None else "cp1252"


def decode_bytes(data: bytes) -> str:
    """Decoded, LF-normalised text of a whole file; ReadError if it is not text."""
    text = data.decode(detect_encoding(data), errors="replace")
    if looks_binary(text):
        raise ReadError(BINARY)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    return len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A chunk cut inside a multi-byte character is still UTF-8.
        return exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
    return True


def _mostly_ascii_letters(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    non_ascii = sum(1 for ch in letters if not ch.isascii())
    return non_ascii <= _MAX_NON_ASCII_LETTERS * len(letters)
