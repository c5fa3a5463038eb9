"""The cue words and pronouns of quotes, loaded from ``data/quotes.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class QuoteCues:
    """The cue words of ``data/quotes.yaml``."""

    speech_verbs: frozenset[str]
    direct_only_verbs: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    source_nouns: frozenset[str]
    pronouns: dict[str, tuple[str, ...]]
    unattributed_min_words: int

    @property
    def direct_verbs(self) -> frozenset[str]:
        return self.speech_verbs | self.direct_only_verbs


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ValueError(f"quotes.yaml: {key} must be a list")
    return [str(item).lower() for item in value]


@lru_cache(maxsize=1)
def load_cues() -> QuoteCues:
    raw = resources.files("dateline.quotes").joinpath("data", "quotes.yaml").read_text("utf-8")
    # The C parser where PyYAML has one: the same data, ten times faster.
    data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise ValueError("quotes.yaml: expected a mapping")
    pronouns = data.get("pronouns") or {}
    return QuoteCues(
        speech_verbs=frozenset(_words(data, "speech_verbs")),
        direct_only_verbs=frozenset(_words(data, "direct_only_verbs")),
        source_phrases=tuple(tuple(p.split()) for p in _words(data, "source_phrases")),
        source_nouns=frozenset(_words(data, "source_nouns")),
        pronouns={str(k).lower(): tuple(str(kind) for kind in v) for k, v in pronouns.items()},
        unattributed_min_words=int(data.get("unattributed_min_words", 5)),
    )
