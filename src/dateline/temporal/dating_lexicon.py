"""Word lists for dating by events and roles, loaded once from ``data/dating.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dateline.temporal.lexicon import YAML_LOADER


@dataclass(frozen=True, slots=True)
class DatingLexicon:
    #: Signal phrase (lower case, one or two words) -> "after" or "before".
    signals: dict[str, str]
    ends_role_of_recipient: frozenset[str]
    ends_role_of_actor: frozenset[str]
    former: frozenset[str]
    then: frozenset[str]
    government_nouns: frozenset[str]
    government_prepositions: frozenset[str]
    head_titles: tuple[str, ...]


@lru_cache(maxsize=1)
def load_dating_lexicon() -> DatingLexicon:
    raw: dict[str, Any] = yaml.load(
        resources.files("dateline.temporal").joinpath("data/dating.yaml").read_text("utf-8"),
        Loader=YAML_LOADER,
    )
    return DatingLexicon(
        signals={str(k).lower(): str(v) for k, v in raw["signals"].items()},
        ends_role_of_recipient=frozenset(raw["role_ending"]["done_to"]),
        ends_role_of_actor=frozenset(raw["role_ending"]["done_by"]),
        former=frozenset(raw["former"]),
        then=frozenset(raw["then"]),
        government_nouns=frozenset(raw["government_nouns"]),
        government_prepositions=frozenset(raw["government_prepositions"]),
        head_titles=tuple(raw["head_titles"]),
    )
