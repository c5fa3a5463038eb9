"""The embedded SQLite store (one file, WAL, FTS5), its schema and queries."""

from ._store import CODER_VERSION, Store, StoredMention, StoredQuote
from .schema import StoreError, schema_version

__all__ = ["CODER_VERSION", "Store", "StoreError", "StoredMention", "StoredQuote", "schema_version"]
