"""``studio ddl`` and ``studio import-sql``: output, warnings on stderr, exit codes, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.cli import main
from studio.io.design_file import load_design, save_design
from studio.model import DesignDocument
from tests.lint.reference_ddl import REFERENCE_DDL


@pytest.fixture
def shop(tmp_path: Path, ecommerce: DesignDocument) -> Path:
    path = tmp_path / "shop.design.json"
    save_design(ecommerce, path)
    return path


def test_ddl_uses_the_config_database_by_default(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ddl", str(shop)]) == 0  # the template's config says postgresql
    out = capsys.readouterr().out
    assert 'CREATE TABLE "users"' in out and "COMMENT ON TABLE" in out
    assert main(["ddl", str(shop), "--dialect", "tsql"]) == 0
    assert "CREATE TABLE [users]" in capsys.readouterr().out


def test_ddl_errors_are_one_line(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ddl", str(shop), "--dialect", "cobol"]) == 2
    assert main(["ddl", str(tmp_path / "missing.json")]) == 1
    assert main(["ddl", str(shop), "-o", str(tmp_path / "no" / "such" / "dir.sql")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 3


def test_import_sql_warns_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = tmp_path / "legacy.sql"
    sql.write_text(
        "SET NAMES utf8mb4;\n" + REFERENCE_DDL + "\nCREATE TABLE broken (id INT,\n;\n", encoding="utf-8"
    )
    out = tmp_path / "legacy.design.json"
    assert main(["import-sql", str(sql), "--dialect", "mysql", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{sql}:1: warning: SET statement skipped" in err
    assert f"{sql}:{REFERENCE_DDL.count(chr(10)) + 3}: warning: could not parse CREATE TABLE" in err
    document = load_design(out)
    assert [t.name for t in document.schema.tables] == ["users", "products", "orders"]
    assert main(["import-sql", str(sql), "--dialect", "mysql", "-o", str(out)]) == 1  # exists: refused
    assert "--into" in capsys.readouterr().err


def test_import_sql_into_an_existing_design(shop: Path, tmp_path: Path, ecommerce: DesignDocument) -> None:
    sql = tmp_path / "extra.sql"
    sql.write_text(
        "CREATE TABLE payments (id BIGINT PRIMARY KEY, order_id UUID REFERENCES orders(id));\n"
        "CREATE TABLE users (id UUID PRIMARY KEY, email TEXT NOT NULL);\n",
        encoding="utf-8",
    )
    assert main(["import-sql", str(sql), "--dialect", "postgres", "--into", str(shop)]) == 0
    merged = load_design(shop)
    names = [t.name for t in merged.schema.tables]
    assert names == [t.name for t in ecommerce.schema.tables] + ["payments"]
    users = merged.schema.table("users")
    assert users is not None and [c.name for c in users.columns] == ["id", "email"]
    assert users.id == "tbl-users"  # the existing id is kept
    assert merged.components == ecommerce.components


def test_import_sql_with_nothing_to_import_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = tmp_path / "nothing.sql"
    sql.write_text("SELECT 1;\n", encoding="utf-8")
    assert main(["import-sql", str(sql), "-o", str(tmp_path / "x.json")]) == 1
    sql.write_bytes(b"\xff\xfe\x00bad")
    assert main(["import-sql", str(sql), "-o", str(tmp_path / "x.json")]) == 1
    assert main(["import-sql", str(sql)]) == 2  # neither -o nor --into
    err = capsys.readouterr().err
    assert "Traceback" not in err and "not UTF-8" in err
