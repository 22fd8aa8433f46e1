"""SQL import: the reference DDL, skipped and broken statements, merging, stable ids."""

from __future__ import annotations

from studio.model import DesignDocument
from studio.sql.importer import import_sql, merge_into
from tests.lint.reference_ddl import REFERENCE_DDL


def test_reference_ddl_read_as_mysql() -> None:
    """3 tables and 8 indexes: the 6 inline INDEX clauses and the 2 CREATE INDEX statements.

    ``email VARCHAR(255) UNIQUE`` is a column property (``Column.unique``), not one of the 8.
    """
    result = import_sql(REFERENCE_DDL, "mysql")
    assert result.warnings == []
    assert [t.name for t in result.tables] == ["users", "products", "orders"]
    indexes = {i.name for t in result.tables for i in t.indexes}
    assert indexes == {
        "idx_email",
        "idx_category",
        "idx_price",
        "idx_user_id",
        "idx_status",
        "idx_created_at",
        "idx_orders_user_status",
        "idx_active_orders",
    }
    users, products, orders = result.tables
    assert users.column("email").unique and not users.column("email").nullable  # type: ignore[union-attr]
    assert users.primary_key == ["id"]
    assert products.foreign_keys[0].ref_table == "categories"  # kept although categories is missing
    active = next(i for i in orders.indexes if i.name == "idx_active_orders")
    assert "NOT IN" in active.where.upper() or "NOT status IN" in active.where
    assert orders.column("created_at").default is not None  # type: ignore[union-attr]


def test_broken_statements_cost_one_warning_each() -> None:
    text = (
        "CREATE TABLE a (id INT PRIMARY KEY);\n"
        "CREATE TABLE broken1 (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL DEFAULT);\n"
        "CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a(id));\n"
        "CREATE TABLE broken2 (id INT PRIMARY KEY\n"
        "CREATE INDEX idx_b_a ON b (a_id);\n"
        "CREATE TABLE c (id INT PRIMARY KEY, note VARCHAR(10) DEFAULT 'oops);\n"
        "CREATE TABLE d (id INT PRIMARY KEY);\n"
    )
    result = import_sql(text, "postgres")
    assert [t.name for t in result.tables] == ["a", "b", "d"]
    lines = sorted(w.line for w in result.warnings)
    assert lines == [2, 4, 6], result.warnings


def test_parse_warnings_read_as_words() -> None:
    """No token dumps, class names or ANSI codes from the parser reach the user."""
    text = (
        "CREATE TABLE b (id INT PRIMARY KEY, x INT REFERENCES);\n"
        "CREATE TABLE c (id INT,\n  name TEXT DEFAULT);\n"
    )
    messages = [w.message for w in import_sql(text, "postgres").warnings]
    assert messages == [
        "could not parse CREATE TABLE: Expected table name but got ')' (line 1, column 53)",
        "could not parse CREATE TABLE: an incomplete DEFAULT clause",
    ]


def test_skipped_statements_name_their_line() -> None:
    text = (
        "SET statement_timeout = 0;\n"
        "CREATE EXTENSION IF NOT EXISTS pgcrypto;\n"
        "CREATE FUNCTION touch() RETURNS trigger AS $body$\n"
        "BEGIN NEW.updated_at := now(); RETURN NEW; END; $body$ LANGUAGE plpgsql;\n"
        "CREATE SEQUENCE s START 1;\n"
        "CREATE TABLE t (id INT PRIMARY KEY);\n"
        "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();\n"
    )
    result = import_sql(text, "postgres")
    assert [t.name for t in result.tables] == ["t"]
    assert [(w.line, w.message.split()[0]) for w in result.warnings] == [
        (1, "SET"),
        (2, "CREATE"),
        (3, "a"),
        (5, "CREATE"),
        (7, "a"),
    ]


def test_sql_server_go_and_mysql_conditional_comments_are_reported() -> None:
    tsql = import_sql("CREATE TABLE [a;b] ([x y] INT NOT NULL PRIMARY KEY)\nGO\nSET NOCOUNT ON\nGO\n", "tsql")
    assert [t.name for t in tsql.tables] == ["a;b"] and tsql.tables[0].columns[0].name == "x y"
    assert [w.line for w in tsql.warnings] == [2, 3, 4]
    mysql = import_sql(
        "/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE `t` (`id` int NOT NULL, PRIMARY KEY (`id`));\n", "mysql"
    )
    assert [t.name for t in mysql.tables] == ["t"] and mysql.warnings[0].line == 1


def test_mysql_inline_keys_become_indexes_and_enums() -> None:
    text = (
        "CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT, `s` enum('a','b') DEFAULT 'a', `e` varchar(9),"
        " PRIMARY KEY (`id`), UNIQUE KEY `e` (`e`), UNIQUE KEY `uq_s_e` (`s`,`e`), KEY `k_s` (`s`))"
        " ENGINE=InnoDB COMMENT='tbl';"
    )
    result = import_sql(text, "mysql")
    table = result.tables[0]
    assert table.column("id").type == "SERIAL"  # type: ignore[union-attr]
    assert table.column("e").unique  # type: ignore[union-attr]
    assert [(i.name, i.unique) for i in table.indexes] == [("uq_s_e", True), ("k_s", False)]
    assert result.enums[0].values == ["a", "b"] and table.column("s").type == result.enums[0].name  # type: ignore[union-attr]
    assert table.comment == "tbl"


def test_ids_are_stable_and_merge_keeps_existing_ones(ecommerce: DesignDocument) -> None:
    first = import_sql(REFERENCE_DDL, "mysql")
    again = import_sql(REFERENCE_DDL, "mysql")
    assert [t.id for t in first.tables] == [t.id for t in again.tables]
    merged = merge_into(ecommerce, first)
    names = [t.name for t in merged.schema.tables]
    assert names.count("users") == 1 and "categories" in names
    old_users = ecommerce.schema.table("users")
    new_users = merged.schema.table("users")
    assert new_users is not None and old_users is not None
    assert new_users.id == old_users.id and new_users.service == old_users.service
    assert len({t.id for t in merged.schema.tables}) == len(merged.schema.tables)


def test_mysql_inline_index_read_with_another_dialect_is_still_an_index() -> None:
    """sqlglot's PostgreSQL reader takes ``INDEX idx_email (email)`` for a column named INDEX."""
    result = import_sql(REFERENCE_DDL, "postgres")
    users = result.tables[0]
    assert [c.name for c in users.columns] == ["id", "email", "password_hash", "created_at"]
    assert [(i.name, i.columns) for i in users.indexes] == [("idx_email", ["email"])]
    assert sum(len(t.indexes) for t in result.tables) == 8
    assert len(result.warnings) == 6 and all("MySQL syntax" in w.message for w in result.warnings)
