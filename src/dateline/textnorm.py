"""Text folding shared by name matching: case- and accent-insensitive comparison."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'Nicolás  MADURO' → 'nicolas maduro'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
