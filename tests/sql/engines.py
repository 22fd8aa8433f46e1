"""Real database engines for the DDL tests: one small interface over four drivers.

PostgreSQL and MariaDB come from ``.ci/start-services.sh`` (addresses in
``.ci/engines.env`` or the ``STUDIO_TEST_POSTGRES`` / ``STUDIO_TEST_MARIADB`` variables);
SQLite and DuckDB run in-process. Each engine runs statements one by one so that a
failure names the statement, and reads its own catalog back for the identifier tests.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parents[2]


class EngineError(AssertionError):
    """A statement the engine rejected, with the statement in the message."""


class Engine(Protocol):
    dialect: str

    def run(self, statements: list[str]) -> None: ...
    def tables(self) -> set[str]: ...
    def columns(self, table: str) -> list[str]: ...
    def indexes(self, table: str) -> set[str]: ...


def server_address(name: str) -> dict[str, str] | None:
    """``host=... port=...`` of a test server as a dict, from the environment or engines.env."""
    key = f"STUDIO_TEST_{name.upper()}"
    value = os.environ.get(key)
    env_file = ROOT / ".ci" / "engines.env"
    if value is None and env_file.exists():
        for line in env_file.read_text(encoding="utf-8").splitlines():
            if line.startswith(key + "="):
                value = line.split("=", 1)[1]
    if not value:
        return None
    return dict(part.split("=", 1) for part in value.split())


def _run(cursor: Any, statements: list[str], label: str) -> None:
    for statement in statements:
        try:
            cursor.execute(statement)
        except Exception as exc:  # the driver's own error type
            raise EngineError(f"{label} rejected:\n{statement}\n-> {exc}") from exc


class _ServerCatalog:
    """An engine reached through a DB-API cursor, read back through information_schema."""

    dialect: str
    label: str
    #: The schema (PostgreSQL) or database (MariaDB) the test's tables live in.
    namespace: str
    #: Index names of one table; parameters: namespace, table.
    INDEX_SQL: str

    def __init__(self, connection: Any, namespace: str) -> None:
        self.conn = connection
        self.namespace = namespace
        self.cur = connection.cursor()

    def run(self, statements: list[str]) -> None:
        _run(self.cur, statements, self.label)

    def _query(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        self.cur.execute(sql, args)
        return list(self.cur.fetchall())

    def tables(self) -> set[str]:
        sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = %s"
        return {r[0] for r in self._query(sql, self.namespace)}

    def columns(self, table: str) -> list[str]:
        sql = (
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position"
        )
        return [r[0] for r in self._query(sql, self.namespace, table)]

    def indexes(self, table: str) -> set[str]:
        return {r[0] for r in self._query(self.INDEX_SQL, self.namespace, table)}


class Postgres(_ServerCatalog):
    dialect, label = "postgres", "PostgreSQL"
    INDEX_SQL = "SELECT indexname FROM pg_indexes WHERE schemaname = %s AND tablename = %s"


class MariaDB(_ServerCatalog):
    dialect, label = "mysql", "MariaDB"
    INDEX_SQL = (
        "SELECT DISTINCT index_name FROM information_schema.statistics "
        "WHERE table_schema = %s AND table_name = %s"
    )


class SQLite:
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA foreign_keys = ON")

    def run(self, statements: list[str]) -> None:
        """All in one transaction (SQLite's DDL is transactional): one fsync, not thousands."""
        cursor = self.conn.cursor()
        cursor.execute("BEGIN")
        _run(cursor, statements, "SQLite")
        cursor.execute("COMMIT")

    def tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]

    def indexes(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute("SELECT * FROM pragma_index_list(?)", (table,))}


class DuckDB:
    dialect = "duckdb"

    def __init__(self) -> None:
        import duckdb

        self.conn = duckdb.connect(":memory:")

    def run(self, statements: list[str]) -> None:
        _run(self.conn, statements, "DuckDB")

    def tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}

    def columns(self, table: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
            ).fetchall()
        ]

    def indexes(self, table: str) -> set[str]:
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT index_name FROM duckdb_indexes() WHERE table_name = ?", [table]
            ).fetchall()
        }


@contextmanager
def postgres_engine(address: dict[str, str]) -> Iterator[Postgres]:
    """A PostgreSQL session inside a transaction that is always rolled back."""
    import psycopg2

    conn = psycopg2.connect(**address, connect_timeout=5)
    try:
        conn.autocommit = False
        # A schema of its own, so other sessions' tables never show in the catalog checks.
        engine = Postgres(conn, f"studio_t{uuid.uuid4().hex[:12]}")
        engine.cur.execute(f'CREATE SCHEMA "{engine.namespace}"')
        engine.cur.execute(f'SET LOCAL search_path TO "{engine.namespace}"')
        yield engine
    finally:
        conn.rollback()
        conn.close()


@contextmanager
def mariadb_engine(address: dict[str, str]) -> Iterator[MariaDB]:
    """A fresh MariaDB database for one test, dropped afterwards."""
    import pymysql

    database = f"studio_t{uuid.uuid4().hex[:12]}"
    conn = pymysql.connect(
        host=address["host"],
        port=int(address["port"]),
        user=address["user"],
        password=address["password"],
        charset="utf8mb4",
        autocommit=True,
        connect_timeout=5,
    )
    try:
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
            cur.execute(f"USE `{database}`")
        yield MariaDB(conn, database)
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{database}`")
        conn.close()
