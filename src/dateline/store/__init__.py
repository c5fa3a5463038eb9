"""The embedded SQLite store (one file, WAL, FTS5), its schema and queries."""

from ._base import MENTION_ORDER, bulk_decoding
from ._browse import ActorSpan, DocumentHit, EventHit, SearchResults
from ._lock import StoreBusy
from ._store import CODER_VERSION, Store, StoredMention, StoredQuote
from .schema import StoreError, schema_version

__all__ = [
    "CODER_VERSION",
    "MENTION_ORDER",
    "ActorSpan",
    "DocumentHit",
    "EventHit",
    "SearchResults",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoredMention",
    "StoredQuote",
    "bulk_decoding",
    "schema_version",
]
