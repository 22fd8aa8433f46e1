"""File > Import SQL in the real window: one undo step, warnings listed, broken files change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from studio.ui import import_sql as dialog_module
from studio.ui.import_sql import ImportSqlDialog, ImportWarningsWindow, import_sql_file
from studio.ui.main_window import MainWindow

SQL = """\
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE "ticket_state" AS ENUM ('open', 'closed');
CREATE TABLE "tickets" (
  "id" BIGINT PRIMARY KEY,
  "title" TEXT NOT NULL,
  "state" "ticket_state" NOT NULL
);
CREATE INDEX "tickets_state_idx" ON "tickets" ("state");
CREATE TABLE "users" ("id" BIGINT PRIMARY KEY, "nickname" TEXT);
CREATE TABLE broken (id INT REFERENCES);
"""



@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialog_module, "show_error", lambda _parent, text: shown.append(text))
    return shown


def _dump(window: MainWindow) -> str:
    return window.session.design.document.model_dump_json(by_alias=True)


def test_menu_entry_sits_after_open_recent(window: MainWindow) -> None:
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    recent = texts.index(window.recent_menu.menuAction().text().replace("&", ""))
    assert texts[recent + 1] == "Import SQL..."


def test_dialog_defaults_to_the_configured_database(qtbot: QtBot, window: MainWindow) -> None:
    document = window.session.design.document.model_copy(deep=True)
    document.agent_config.database = "MariaDB"
    dialog = ImportSqlDialog(document)
    qtbot.addWidget(dialog)
    assert dialog.dialect() == "mysql"
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # no file yet
    dialog.path_edit.setText("~/schema.sql")
    assert ok.isEnabled() and dialog.path() == Path.home() / "schema.sql"
    document.agent_config.database = "mongodb"  # no SQL: PostgreSQL
    other = ImportSqlDialog(document)
    qtbot.addWidget(other)
    assert other.dialect() == "postgres"


def test_import_is_one_undo_step_with_warnings_listed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    source = tmp_path / "tickets.sql"
    source.write_text(SQL, encoding="utf-8")
    session = window.session
    before, steps = _dump(window), session.undo_stack.count()
    users_id = session.design.document.schema_.table("users").id
    outcome = import_sql_file(window, source, "postgres")
    assert outcome is not None and not errors
    schema = session.design.document.schema_
    tickets = schema.table("tickets")
    assert tickets is not None and [c.name for c in tickets.columns] == ["id", "title", "state"]
    assert [i.name for i in tickets.indexes] == ["tickets_state_idx"]
    assert [e.values for e in schema.enums if e.name == "ticket_state"] == [["open", "closed"]]
    users = schema.table("users")
    assert users.id == users_id and [c.name for c in users.columns] == ["id", "nickname"]  # replaced, id kept
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.undoText() == "Import SQL from tickets.sql"
    assert (
        "Imported 2 tables, 1 index, 1 enum from tickets.sql (2 warnings)"
        in window.statusBar().currentMessage()
    )
    report = window.sql_import_warnings  # type: ignore[attr-defined]
    assert isinstance(report, ImportWarningsWindow) and report.isVisible() and not report.isModal()
    lines = [line for line, _ in report.rows()]
    assert lines == [1, 10]
    assert "CREATE EXTENSION" in report.rows()[0][1]
    session.undo_stack.undo()
    assert _dump(window) == before
    session.undo_stack.redo()
    assert session.design.document.schema_.table("tickets") is not None
    report.close()


def test_reimport_of_the_same_file_changes_nothing(
    window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    source = tmp_path / "again.sql"
    source.write_text('CREATE TABLE "audit" ("id" BIGINT PRIMARY KEY);\n', encoding="utf-8")
    assert import_sql_file(window, source, "postgres").changed  # type: ignore[union-attr]
    steps = window.session.undo_stack.count()
    second = import_sql_file(window, source, "postgres")
    assert second is not None and not second.changed and not errors
    assert window.session.undo_stack.count() == steps
    assert "nothing changed" in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"SET search_path = public;\nCREATE TABLE (;\n",
            "no CREATE TABLE or CREATE TYPE statement could be imported",
        ),
        (b"CREATE TABLE t (id INT);\n\xff\xfe\x00", "not UTF-8 text"),
    ],
)
def test_broken_file_gives_a_clear_message_and_changes_nothing(
    window: MainWindow, tmp_path: Path, errors: list[str], content: bytes, expected: str
) -> None:
    source = tmp_path / "broken.sql"
    source.write_bytes(content)
    before, steps = _dump(window), window.session.undo_stack.count()
    assert import_sql_file(window, source, "postgres") is None
    assert len(errors) == 1 and errors[0].startswith("broken.sql: ") and expected in errors[0]
    assert _dump(window) == before and window.session.undo_stack.count() == steps
    assert import_sql_file(window, tmp_path / "missing.sql", "postgres") is None
    assert "missing.sql: cannot read" in errors[1]


def test_menu_action_runs_the_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    source = tmp_path / "shop.sql"
    source.write_text(
        "CREATE TABLE `carts` (`id` INT PRIMARY KEY, INDEX `carts_id` (`id`));\n", encoding="utf-8"
    )

    def fill() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, ImportSqlDialog) and w.isVisible()
        )
        dialog.path_edit.setText(str(source))
        dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("mysql"))
        dialog.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(0, fill)
    window.import_sql_action.trigger()  # type: ignore[attr-defined]
    carts = window.session.design.document.schema_.table("carts")
    assert carts is not None and [i.name for i in carts.indexes] == ["carts_id"]
    assert not errors
