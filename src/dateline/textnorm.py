"""Name folding shared by every name comparison: accent-, case-, dot- and
leading-"the"-insensitive, so "Nicolás Maduro"/"Nicolas Maduro" and "U.S."/"US" meet."""

from __future__ import annotations

import re
import unicodedata

_DOTS = re.compile(r"\.(?=\S|$)")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    if text.isascii():  # nothing to strip; skips the costly decomposition (hot in indexing)
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """The comparison key of a name: "The U.S." -> "us", "Nicolás  MADURO" -> "nicolas maduro"."""
    text = strip_accents(text).replace("’", "'").replace("‘", "'").casefold()
    text = _SPACES.sub(" ", _DOTS.sub("", text)).strip()
    return text[4:] if text.startswith("the ") else text
