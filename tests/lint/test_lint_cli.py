"""``studio lint``: one line per finding as ``file: element: rule-id: message``; exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.cli import main
from studio.io.design_file import save_design
from studio.model import DesignDocument


def _save(doc: DesignDocument, tmp_path: Path, name: str = "design.json") -> str:
    path = tmp_path / name
    save_design(doc, path)
    return str(path)


def test_clean_design_exits_zero(
    shop: DesignDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", _save(shop, tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_error_prints_the_line_and_exits_one(
    shop: DesignDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop.schema.tables[1].foreign_keys[0].ref_table = "clients"
    file = _save(shop, tmp_path)
    assert main(["lint", file]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{file}: orders.fk_orders_customer: schema.fk-missing-table: "
        "references table 'clients', which is not in the schema"
    ]


def test_warnings_alone_exit_zero(
    ecommerce: DesignDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _save(ecommerce, tmp_path)
    assert main(["lint", file]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        f"{file}: users.idx_email: schema.redundant-index: "
        "the unique constraint on 'email' already indexes (email)" in out
    )
    assert main(["lint", "--warnings-as-errors", file]) == 1


def test_dialect_option(
    ecommerce: DesignDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _save(ecommerce, tmp_path)
    main(["lint", file, "--dialect", "mysql"])
    assert "users.id: schema.unknown-type: MySQL / MariaDB has no type UUID" in capsys.readouterr().out


def test_config_database_picks_the_dialect(
    ecommerce: DesignDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ecommerce.agent_config.database = "sqlite"
    main(["lint", _save(ecommerce, tmp_path)])
    assert "SQLite has no type UUID" in capsys.readouterr().out


def test_unknown_dialect_is_a_usage_error(
    shop: DesignDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", _save(shop, tmp_path), "--dialect", "cobol"]) == 2
    err = capsys.readouterr().err
    assert "unknown SQL dialect 'cobol'" in err and "Traceback" not in err


def test_unreadable_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["lint", str(bad)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "bad.json" in err


def test_reference_ddl_imported_as_mysql_reports_missing_categories() -> None:
    importer = pytest.importorskip("studio.sql.importer")
    from studio.lint import lint_design

    from .reference_ddl import REFERENCE_DDL

    result = importer.import_sql(REFERENCE_DDL, "mysql")
    document = importer.merge_into(DesignDocument(), result)
    errors = [f for f in lint_design(document, "mysql") if f.is_error]
    assert [(f.rule_id, f.element_label.split(".")[0]) for f in errors] == [
        ("schema.fk-missing-table", "products")
    ]
    assert "'categories'" in errors[0].message


def test_each_finding_is_one_line(
    shop: DesignDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop.schema.tables[0].name = "cust\nomers"
    shop.schema.tables[0].columns[0].primary_key = False
    main(["lint", _save(shop, tmp_path)])
    lines = capsys.readouterr().out.splitlines()
    assert any(": cust\\nomers: schema.no-primary-key: " in line for line in lines)
    assert all(line.startswith(str(tmp_path)) for line in lines)
