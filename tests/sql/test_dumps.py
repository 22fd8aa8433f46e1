"""Import of what the real tools print: pg_dump --schema-only, mysqldump --no-data, sqlite3 .schema.

Each test creates the schema on the engine with the generated DDL, dumps it with the
engine's own tool, imports the dump and compares the model with the one it came from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.model import DesignDocument, Schema
from studio.sql.ddl import schema_ddl
from studio.sql.importer import ImportResult, import_sql
from tests.sql.conftest import _absent
from tests.sql.engines import Engine, MariaDB, SQLite, server_address
from tests.sql.schemas import hostile_schema, rich_schema


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        _absent(f"the {name} command is not installed")
    return path  # type: ignore[return-value]


def _pg_dump(pg_database: dict[str, str]) -> str:
    """``pg_dump --schema-only`` of the test database, as the tool prints it."""
    address = ["-h", pg_database["host"], "-p", pg_database["port"], "-U", pg_database["user"]]
    return subprocess.run(
        [_tool("pg_dump"), "--schema-only", *address, pg_database["dbname"]],
        capture_output=True,
        text=True,
        env={**os.environ, "PGPASSWORD": pg_database["password"]},
        check=True,
        timeout=60,
    ).stdout


def _mysqldump(mariadb: Engine, *options: str) -> str:
    """``mysqldump --no-data`` of the test database, as the tool prints it."""
    address = server_address("mariadb")
    assert address is not None
    login = ["-h", address["host"], "-P", address["port"], "-u", address["user"], f"-p{address['password']}"]
    return subprocess.run(
        [_tool("mysqldump"), "--no-data", *options, *login, mariadb.namespace],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def _shape(schema: Schema) -> dict[str, object]:
    """What every engine keeps: tables, ordered columns, nullability, keys, FKs, index columns."""
    return {
        t.name: (
            [(c.name, c.nullable, c.primary_key) for c in t.columns],
            sorted((tuple(f.columns), f.ref_table, tuple(f.ref_columns)) for f in t.foreign_keys),
            sorted(c.name for c in t.columns if c.unique),
        )
        for t in schema.tables
    }


def _indexes(schema: Schema) -> dict[str, set[tuple[str, tuple[str, ...]]]]:
    return {t.name: {(i.name, tuple(i.columns)) for i in t.indexes} for t in schema.tables}


def _check(result: ImportResult, schema: Schema, dialect: str) -> None:
    problems = [w for w in result.warnings if "could not parse" in w.message]
    assert problems == [], problems
    assert _shape(result.schema()) == _shape(schema_after(schema, dialect))
    imported = _indexes(result.schema())
    for table, wanted in _indexes(schema).items():
        assert wanted <= imported[table], (table, wanted - imported[table])


def _source(name: str, ecommerce: DesignDocument) -> Schema:
    return {"rich": rich_schema, "hostile": hostile_schema}.get(name, lambda: ecommerce.schema)()


def schema_after(schema: Schema, dialect: str) -> Schema:
    """The model as the dialect stores it: what the DDL left out (with a note) is not expected back."""
    return import_sql(schema_ddl(schema, dialect).text, dialect).schema()


@pytest.fixture
def pg_database() -> Iterator[dict[str, str]]:
    """A committed, throwaway PostgreSQL database (pg_dump cannot see an open transaction)."""
    address = server_address("postgres")
    if address is None:
        _absent("no PostgreSQL test server configured")
    import psycopg2

    name = f"studio_t{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(**address, connect_timeout=5)  # type: ignore[arg-type]
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**address, "dbname": name}  # type: ignore[dict-item]
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.mark.parametrize("source", ["rich", "ecommerce", "hostile"])
def test_pg_dump_schema_only(pg_database: dict[str, str], source: str, ecommerce: DesignDocument) -> None:
    import psycopg2

    schema = _source(source, ecommerce)
    conn = psycopg2.connect(**pg_database)
    with conn, conn.cursor() as cur:
        for statement in schema_ddl(schema, "postgres").statements:
            cur.execute(statement)
    conn.close()
    dump = _pg_dump(pg_database)
    assert "CREATE TABLE public." in dump
    result = import_sql(dump, "postgres")
    _check(result, schema, "postgres")
    assert [e.name for e in result.enums] == [e.name for e in schema.enums]
    assert any(w.message.startswith("SET") for w in result.warnings)


@pytest.mark.parametrize("source", ["rich", "ecommerce", "hostile"])
def test_mysqldump_no_data(mariadb: Engine, source: str, ecommerce: DesignDocument) -> None:
    assert isinstance(mariadb, MariaDB)
    schema = _source(source, ecommerce)
    mariadb.run(schema_ddl(schema, "mysql").statements)
    dump = _mysqldump(mariadb)
    assert "CREATE TABLE `" in dump
    _check(import_sql(dump, "mysql"), schema, "mysql")


@pytest.mark.parametrize("source", ["rich", "ecommerce", "hostile"])
def test_sqlite_schema_command(sqlite: Engine, source: str, ecommerce: DesignDocument) -> None:
    assert isinstance(sqlite, SQLite)
    schema = _source(source, ecommerce)
    sqlite.run(schema_ddl(schema, "sqlite").statements)
    dump = subprocess.run(
        [_tool("sqlite3"), str(sqlite.path), ".schema"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    _check(import_sql(dump, "sqlite"), schema, "sqlite")


def test_cli_round_trip_through_files(tmp_path: Path, ecommerce: DesignDocument) -> None:
    from studio.cli import main
    from studio.io.design_file import load_design, save_design

    design = tmp_path / "shop.design.json"
    save_design(ecommerce, design)
    sql_file = tmp_path / "shop.sql"
    assert main(["ddl", str(design), "--dialect", "mysql", "-o", str(sql_file)]) == 0
    imported = tmp_path / "imported.design.json"
    assert main(["import-sql", str(sql_file), "--dialect", "mysql", "-o", str(imported)]) == 0
    assert _shape(load_design(imported).schema) == _shape(schema_after(ecommerce.schema, "mysql"))


def test_pg_dump_of_hand_written_ddl(pg_database: dict[str, str]) -> None:
    """Identity columns, a dollar-quoted trigger function and an extension, as people write them."""
    import psycopg2

    conn = psycopg2.connect(**pg_database)
    with conn, conn.cursor() as cur:
        cur.execute("""
            CREATE TYPE mood AS ENUM ('ok', 'sad');
            CREATE TABLE people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, feeling mood,
                                 note text DEFAULT 'it''s; fine', updated timestamptz);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN NEW.updated := now(); RETURN NEW; END; $$;
            CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE INDEX people_sad ON people (id) WHERE feeling = 'sad';
        """)
    conn.close()
    dump = _pg_dump(pg_database)
    result = import_sql(dump, "postgres")
    assert [w for w in result.warnings if "could not" in w.message] == []
    people = result.tables[0]
    assert [(c.name, c.type) for c in people.columns] == [
        ("id", "BIGSERIAL"),
        ("feeling", "mood"),
        ("note", "TEXT"),
        ("updated", "TIMESTAMPTZ"),
    ]
    assert people.column("note").default == "'it''s; fine'"  # type: ignore[union-attr]
    assert [(i.name, i.where) for i in people.indexes] == [("people_sad", "feeling = 'sad'")]
    assert [e.values for e in result.enums] == [["ok", "sad"]]
    skipped = " ".join(w.message for w in result.warnings)
    assert "a function" in skipped and "a trigger" in skipped


def test_mysqldump_with_a_trigger(mariadb: Engine, ecommerce: DesignDocument) -> None:
    """mysqldump wraps triggers in DELIMITER ;; blocks: one warning, nothing else lost."""
    assert isinstance(mariadb, MariaDB)
    mariadb.run(schema_ddl(ecommerce.schema, "mysql").statements)
    mariadb.run(
        [
            "CREATE TRIGGER `orders_touch` BEFORE UPDATE ON `orders` FOR EACH ROW "
            "BEGIN SET NEW.created_at = NOW(); SET NEW.status = LOWER(NEW.status); END"
        ]
    )
    dump = _mysqldump(mariadb, "--triggers")
    assert "DELIMITER ;;" in dump
    result = import_sql(dump, "mysql")
    _check(result, ecommerce.schema, "mysql")
    triggers = [w for w in result.warnings if "trigger" in w.message]
    assert len(triggers) == 1
    assert dump.splitlines()[triggers[0].line - 1].lstrip().startswith(("/*!50003 CREATE", "CREATE"))
