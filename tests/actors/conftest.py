"""Fixtures for the actor tests: parse and resolve demo articles or short sentences."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest

from dateline.actors import resolve_actors
from dateline.model import Actor, Mention
from dateline.nlp import parse_one

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "venezuela"

Resolved = tuple[str, list[Mention], dict[str, Actor]]


@lru_cache(maxsize=16)
def _resolve_text(text: str) -> Resolved:
    mentions, actors = resolve_actors(parse_one(text), "doc")
    return text, mentions, actors


@pytest.fixture()
def resolve() -> Callable[[str], Resolved]:
    """Resolve a sentence or text: (text, mentions, actors)."""
    return _resolve_text


@pytest.fixture()
def demo() -> Callable[[str], Resolved]:
    """Resolve a demo article by its number prefix ("001")."""

    def load(prefix: str) -> Resolved:
        (path,) = DEMO.glob(f"{prefix}_*.txt")
        return _resolve_text(path.read_text(encoding="utf-8"))

    return load


@pytest.fixture()
def build_script() -> ModuleType:
    """scripts/build_actor_kb.py, imported afresh for each test (tests set its paths)."""
    spec = importlib.util.spec_from_file_location(
        "build_actor_kb", ROOT / "scripts" / "build_actor_kb.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
