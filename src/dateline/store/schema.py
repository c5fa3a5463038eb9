"""Opening a store: connection settings and versioned migrations.

Migrations are numbered SQL files in ``migrations/``; ``PRAGMA user_version`` records the
last one applied, so an older store is brought up to date when it is opened and a store
written by a newer dateline is refused rather than damaged.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StoreError(Exception):
    """The store cannot be opened or written; the message says why."""


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped with the package, in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version() -> int:
    return migrations()[-1][0]


def connect(path: str | Path, create: bool = True) -> sqlite3.Connection:
    """Open and migrate the store at ``path``; with ``create``, make it if it is new.

    Without ``create`` (read-only commands), an SQLite file that is not a dateline store
    is refused rather than given dateline's tables.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a directory, not a dateline store")
    try:
        conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        conn.row_factory = sqlite3.Row
        if not create and int(conn.execute("PRAGMA user_version").fetchone()[0]) == 0:
            conn.close()
            raise StoreError(f"{path} is not a dateline store (run `dateline ingest` first)")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open {path} as a dateline store: {exc}") from exc
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    latest = schema_version()
    if current > latest:
        raise StoreError(
            f"store schema version {current} is newer than this dateline supports ({latest})"
        )
    for version, sql in migrations():
        if version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
    return latest


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer: list[str] = []
    for line in sql.splitlines():
        if line.strip().startswith("--") and not buffer:
            continue
        buffer.append(line)
        candidate = "\n".join(buffer)
        if sqlite3.complete_statement(candidate):
            statements.append(candidate.strip())
            buffer = []
    if "".join(buffer).strip():
        raise StoreError("migration ends with an incomplete statement")
    return statements
