"""Screening: does a raw document go on to the pipeline, and if not, why not."""

from __future__ import annotations

import functools
from typing import Any

from dateline.model import DocumentStatus, RawDocument
from dateline.sources.base import Limits

#: Language is judged on the opening of the text; a whole article adds nothing.
_SAMPLE_CHARS = 5000
#: Fewer letters than this cannot be told apart reliably (headlines score all over).
_MIN_LETTERS = 20
#: Normalised probability the classifier must reach before its answer is used.
_MIN_CONFIDENCE = 0.9


def screen(raw: RawDocument, limits: Limits) -> tuple[DocumentStatus, str | None]:
    """("ok", None), ("skipped", reason) or ("failed", reason) for one raw document.

    Side effect: a confidently detected language is recorded on ``raw.language`` when
    the reader did not set one.
    """
    if raw.error:
        return "failed", raw.error
    text = raw.text or ""
    if not text.strip():
        return "skipped", "empty document"
    if len(text) > limits.max_chars:
        return "failed", f"text too long: {len(text)} characters (limit {limits.max_chars})"
    if len(text.strip()) < limits.min_chars:
        return "skipped", f"too short: {len(text.strip())} characters (minimum {limits.min_chars})"
    language = raw.language or detect_language(text)
    if language and raw.language is None:
        raw.language = language
    if language and language != "en":
        return "skipped", f"not English (detected {language!r})"
    return "ok", None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    sample = text[:_SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < _MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= _MIN_CONFIDENCE else None


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
