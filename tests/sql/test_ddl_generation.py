"""DDL generation without an engine: quoting, downgrades and their notes, SQL Server output."""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from studio.model import Column, DesignDocument, Index, Schema, Table
from studio.sql.ddl import schema_ddl, table_ddl
from studio.sql.dialects import DIALECTS
from tests.sql.schemas import HOSTILE_NAMES, hostile_schema, rich_schema


def test_sql_server_output_parses_back_with_every_name_intact() -> None:
    schema = hostile_schema()
    script = schema_ddl(schema, "tsql")
    created: set[str] = set()
    columns: set[str] = set()
    for statement in script.statements:
        tree = sqlglot.parse_one(statement, read="tsql")
        assert not isinstance(tree, exp.Command), statement
        if isinstance(tree, exp.Create) and tree.kind == "TABLE":
            created.add(tree.this.this.name)
            columns |= {c.name for c in tree.this.expressions if isinstance(c, exp.ColumnDef)}
        for ident in tree.find_all(exp.Identifier):
            assert ident.quoted, f"unquoted identifier {ident.name!r} in {statement}"
    assert created == set(HOSTILE_NAMES)
    assert columns == set(HOSTILE_NAMES) | {"id"}
    assert "[br]]acket]" in script.text
    comments = [s for s in script.statements if "sp_addextendedproperty" in s]
    assert len(comments) == 2 * len(HOSTILE_NAMES)  # table and column descriptions
    assert "N'comment of it''s'" in script.text


def test_every_dialect_quotes_every_identifier() -> None:
    for name, d in DIALECTS.items():
        for statement in schema_ddl(hostile_schema(), name).statements:
            tree = sqlglot.parse_one(statement, read=d.sqlglot)
            for ident in tree.find_all(exp.Identifier):
                assert ident.quoted, (name, statement)


def test_mysql_downgrades_are_noted_not_emitted() -> None:
    script = schema_ddl(rich_schema(), "mysql")
    notes = "\n".join(map(str, script.notes))
    assert "no partial indexes" in notes and "WHERE" not in "\n".join(script.statements)
    assert "UUID -> CHAR(36)" in notes and " UUID" not in "\n".join(script.statements).replace("(UUID())", "")
    assert "NULLS" not in script.text
    assert script.text.startswith("-- Conversion notes for MySQL / MariaDB:")
    assert "COMMENT 'login; unique'" in script.text  # MySQL keeps column comments inline


def test_postgres_keeps_column_comments_and_partial_indexes() -> None:
    script = schema_ddl(rich_schema(), "postgres")
    assert """COMMENT ON COLUMN "accounts"."email" IS 'login; unique';""" in script.statements
    assert any("WHERE" in s and "idx_accounts_live" in s for s in script.statements)
    assert not script.notes


def test_sqlite_and_sql_server_never_get_now() -> None:
    for dialect in ("sqlite", "tsql"):
        text = schema_ddl(rich_schema(), dialect).text
        assert "NOW()" not in text.upper()


def test_foreign_keys_trail_so_cycles_work(ecommerce: DesignDocument) -> None:
    statements = schema_ddl(rich_schema(), "postgres").statements
    first_alter = next(i for i, s in enumerate(statements) if s.startswith("ALTER TABLE"))
    assert all(s.startswith("ALTER TABLE") for s in statements[first_alter:])
    assert sum("FOREIGN KEY" in s for s in statements) == 4


def test_missing_reference_is_left_out_with_a_note() -> None:
    table = Table(
        id="t",
        name="orders",
        columns=[Column(id="c", name="user_id", type="INTEGER")],
        foreign_keys=[{"id": "fk", "columns": ["user_id"], "ref_table": "users", "ref_columns": ["id"]}],
    )
    script = schema_ddl(Schema(tables=[table]), "postgres")
    assert "FOREIGN KEY" not in script.text
    assert any("missing table users" in n.message for n in script.notes)


def test_table_ddl_is_one_table() -> None:
    schema = rich_schema()
    text = table_ddl(schema.tables[2], schema, "postgres")
    assert 'CREATE TABLE "memberships"' in text and 'CREATE TABLE "accounts"' not in text
    assert "fk_memberships_team" in text


def test_injection_through_a_type_is_impossible() -> None:
    table = Table(
        id="t",
        name="t",
        columns=[Column(id="c", name="c", type="INT); DROP TABLE x; --")],
        indexes=[Index(id="i", name="i", columns=["c"], where="1=1; DROP TABLE x")],
    )
    script = schema_ddl(Schema(tables=[table]), "postgres")
    assert "DROP" not in "\n".join(script.statements)
    assert len(script.notes) == 2
