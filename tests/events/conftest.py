"""Fixtures for the event tests: hand-built actors for composed sentences, and the
demo articles parsed whole and resolved by the actor resolver (document offsets)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dateline.actors import resolve_actors
from dateline.events import extract_events
from dateline.model import Actor, EventMention, Mention
from dateline.nlp import parse_one

DEMO = Path(__file__).resolve().parents[2] / "examples" / "venezuela"

COUNTRIES = {
    "USA": "United States", "VEN": "Venezuela", "RUS": "Russia", "CHN": "China",
    "IRN": "Iran", "HUN": "Hungary", "ROU": "Romania", "CUB": "Cuba",
}  # fmt: skip

Extracted = tuple[Doc, list[EventMention]]


def make_actor(actor_id: str) -> Actor:
    """A country, a country sector group ("USA:GOV") or a person ("person:x-y")."""
    if actor_id in COUNTRIES:
        return Actor(actor_id, COUNTRIES[actor_id], "country", actor_id)
    country, _, sector = actor_id.partition(":")
    if country in COUNTRIES:
        return Actor(actor_id, f"{COUNTRIES[country]} {sector}", "group", country, [sector])
    return Actor(actor_id, actor_id.split(":")[-1].replace("-", " ").title(), "person")


def _extract(text: str, spans: tuple[tuple[str, str], ...]) -> Extracted:
    doc = parse_one(text)
    mentions, actors = [], {}
    for surface, actor_id in spans:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, "X", actor_id))
        actors[actor_id] = make_actor(actor_id)
    return doc, extract_events(doc, "doc_t", mentions, actors)


@pytest.fixture()
def extract() -> Callable[..., Extracted]:
    """extract(text, ("surface", "ACTOR_ID"), ...) -> (doc, events) with hand-built mentions."""

    def run(text: str, *spans: tuple[str, str]) -> Extracted:
        return _extract(text, spans)

    return run


@lru_cache(maxsize=8)
def _demo(prefix: str) -> tuple[str, list[EventMention]]:
    path = sorted(DEMO.glob(f"{prefix}_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    doc = parse_one(text)
    mentions, actors = resolve_actors(doc, "doc_demo")
    return text, extract_events(doc, "doc_demo", mentions, actors)


@pytest.fixture()
def demo() -> Callable[[str], tuple[str, list[EventMention]]]:
    """demo("001") -> (article text, events) with the real actor resolver."""
    return _demo
