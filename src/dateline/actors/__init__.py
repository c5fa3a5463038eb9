"""Actors: the knowledge base of countries, organisations, people and sector agents,
and the resolver that links a parsed document's names and agent phrases to actors."""

from dateline.actors.agents import located_group
from dateline.actors.kb import KnowledgeBase, load_kb, lookup_country
from dateline.actors.resolver import resolve_actors
from dateline.actors.roles import learn_roles

__all__ = [
    "KnowledgeBase", "learn_roles", "load_kb", "located_group", "lookup_country",
    "resolve_actors",
]  # fmt: skip
