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


def connect(
    path: str | Path, create: bool = True, *, any_thread: bool = False
) -> sqlite3.Connection:
    """Open and migrate the store at ``path``; with ``create``, make it if it is new.

    Without ``create`` (read-only commands), an SQLite file that is not a dateline store
    is refused rather than given dateline's tables. ``any_thread`` lets the connection
    be used from another thread than the one that opened it (one at a time).
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a directory, not a dateline store")
    try:
        conn = sqlite3.connect(
            path, timeout=30.0, isolation_level=None, check_same_thread=not any_thread
        )
        conn.row_factory = sqlite3.Row
        if not create and int(conn.execute("PRAGMA user_version").fetchone()[0]) == 0:
            conn.close()
            raise StoreError(f"{path} is not a dateline store (run `dateline ingest` first)")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        # Reads of a large store (a timeline of thousands of events) map its pages
        # instead of copying each one through a read call.
        conn.execute("PRAGMA mmap_size=268435456")
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
                if not _adds_existing_column(conn, statement):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
    return latest


_ADD_COLUMN = re.compile(r"^ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)", re.IGNORECASE)


def _adds_existing_column(conn: sqlite3.Connection, statement: str) -> bool:
    """Whether ``statement`` adds a column the table already has (SQLite has no ADD
    COLUMN IF NOT EXISTS; a store rebuilt by hand from an older schema may have it)."""
    code = "\n".join(line for line in statement.splitlines() if not line.strip().startswith("--"))
    match = _ADD_COLUMN.match(code.strip())
    if match is None:
        return False
    table, column = match.groups()
    return column in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


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
