"""File > Import SQL...: schema DDL from a file merged into the open design as ONE undo step.

The dialog asks for the file and the dialect it was written for (by default the dialect of
the design's configured database). :func:`studio.sql.importer.import_sql` reads the tables
and enums; :func:`studio.sql.importer.merge_into` decides what replaces what, and
:func:`import_ops` turns the difference into InsertItem/SetField operations pushed as one
batch, so a single undo takes the whole import back. Statements the importer skipped or
could not read are listed (line and message) in a non-modal window; a file that yields
nothing changes nothing and says why. The SQL modules (and sqlglot) load on first use only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.model import Batch, Design, DesignDocument, Operation
from studio.model.config_defaults import DEFAULT_DIALECT, dialect_for_database

if TYPE_CHECKING:
    from studio.sql.importer import ImportResult, ImportWarning
    from studio.ui.main_window import MainWindow

SQL_FILTER = "SQL files (*.sql *.ddl);;All files (*)"
_LIST_PATHS = {"tables": ("schema", "tables"), "enums": ("schema", "enums")}


class SqlFileError(Exception):
    """A file that cannot be imported at all; the message names the file and the reason."""


@dataclass
class SqlImportOutcome:
    """What an import did: counts for the status bar and the warnings to list."""

    source: str
    tables: int = 0
    indexes: int = 0
    enums: int = 0
    warnings: list[ImportWarning] = field(default_factory=list)
    changed: bool = False

    def summary(self) -> str:
        counts = ", ".join(
            _plural(n, noun)
            for n, noun in ((self.tables, "table"), (self.indexes, "index"), (self.enums, "enum"))
        )
        if not self.changed:
            return f"{self.source}: the design already holds what it defines ({counts}); nothing changed"
        warned = f" ({_plural(len(self.warnings), 'warning')})" if self.warnings else ""
        return f"Imported {counts} from {self.source}{warned}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}{'es' if noun.endswith('x') else 's'}"


def default_dialect(document: DesignDocument) -> str:
    """The dialect of the design's configured database; PostgreSQL when it has no SQL DDL."""
    return dialect_for_database(document.agent_config.database) or DEFAULT_DIALECT


def read_sql(path: Path) -> str:
    """The text of ``path`` (UTF-8, a BOM allowed); :class:`SqlFileError` if it cannot be read."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise SqlFileError(f"{path.name}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise SqlFileError(f"{path.name}: not UTF-8 text (byte {exc.start})") from exc


def _list_ops(design: Design, kind: str, merged: list, label: str) -> list[Operation]:  # type: ignore[type-arg]
    """Inserts for new items, one SetField per changed field of replaced ones (ids kept)."""
    list_path = _LIST_PATHS[kind]
    current = {item.id: item for item in design.get(list_path)}
    ops: list[Operation] = []
    for index, item in enumerate(merged):
        old = current.get(item.id)
        if old is None:  # merge_into appends new items, so ``index`` is where it goes
            ops.append(design.insert_op(list_path, item, index=index, label=label))
            continue
        for name in type(item).model_fields:
            if name != "id" and getattr(old, name) != getattr(item, name):
                ops.append(design.set_op((*list_path, item.id, name), getattr(item, name), label))
    return ops


def import_ops(design: Design, result: ImportResult, label: str = "Import SQL") -> Batch:
    """One batch that brings ``result`` into ``design`` the way ``merge_into`` would."""
    from studio.sql.importer import merge_into

    merged = merge_into(design.document, result).schema_
    ops = _list_ops(design, "tables", merged.tables, label) + _list_ops(design, "enums", merged.enums, label)
    return Batch(tuple(ops), label)


def show_error(parent: QWidget | None, text: str) -> None:
    """A modal warning in plain text (names from the file may hold ``<``)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Cannot import SQL", text, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def import_sql_file(window: MainWindow, path: Path, dialect: str) -> SqlImportOutcome | None:
    """Import ``path`` into the window's design; None (after a clear message) if nothing could be."""
    error = ""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        outcome: SqlImportOutcome | None = _import(window, path, dialect)
    except SqlFileError as exc:
        outcome, error = None, str(exc)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if outcome is None:
        show_error(window, error)
        return None
    window.show_message(outcome.summary(), 10_000)
    if outcome.warnings:
        show_warnings(window, outcome)
    return outcome


def _import(window: MainWindow, path: Path, dialect: str) -> SqlImportOutcome:
    from studio.sql.importer import import_sql

    text = read_sql(path)
    try:
        result = import_sql(text, dialect)
    except Exception as exc:  # noqa: BLE001 - the importer is per-statement safe; this is a last guard
        raise SqlFileError(f"{path.name}: could not be read as {dialect} SQL: {exc}") from exc
    outcome = SqlImportOutcome(
        path.name,
        len(result.tables),
        sum(len(t.indexes) for t in result.tables),
        len(result.enums),
        list(result.warnings),
    )
    if not result.tables and not result.enums:
        first = "\n".join(f"line {w.line}: {w.message}" for w in result.warnings[:5])
        raise SqlFileError(
            f"{path.name}: no CREATE TABLE or CREATE TYPE statement could be imported; "
            f"the design is unchanged." + (f"\n\n{first}" if first else "")
        )
    session = window.session
    try:
        batch = import_ops(session.design, result, f"Import SQL from {path.name}")
    except ValueError as exc:  # the merged schema fails validation
        raise SqlFileError(f"{path.name}: the imported schema does not fit the design: {exc}") from exc
    if batch.ops:
        refused: list[str] = []
        session.edit_refused.connect(refused.append)
        try:
            outcome.changed = session.push(batch)
        finally:
            session.edit_refused.disconnect(refused.append)
        if not outcome.changed:
            reason = refused[0] if refused else "unknown reason"
            raise SqlFileError(f"{path.name}: the design refused the import ({reason}); nothing changed")
    return outcome


class ImportWarningsWindow(QDialog):
    """Non-modal: the skipped or unreadable statements, by line, while the user carries on."""

    def __init__(self, outcome: SqlImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"SQL import warnings: {outcome.source}")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        header = QLabel(f"{outcome.summary()}.\nSkipped or unreadable statements:", self)
        header.setTextFormat(Qt.TextFormat.PlainText)
        header.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("sqlImportWarnings")
        self.list.setHeaderLabels(["Line", "Message"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for warning in outcome.warnings:
            item = QTreeWidgetItem(self.list, [str(warning.line), warning.message])
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(1, warning.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def rows(self) -> list[tuple[int, str]]:
        """(line, message) as listed, for tests and copying."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [(int(item.text(0)), item.text(1)) for item in items if item is not None]


def show_warnings(window: MainWindow, outcome: SqlImportOutcome) -> ImportWarningsWindow:
    previous = getattr(window, "sql_import_warnings", None)
    if isinstance(previous, ImportWarningsWindow):
        previous.close()
    report = ImportWarningsWindow(outcome, window)
    window.sql_import_warnings = report  # type: ignore[attr-defined]
    report.destroyed.connect(lambda *_: setattr(window, "sql_import_warnings", None))
    report.show()
    return report


class ImportSqlDialog(QDialog):
    """The file and its dialect; holds the user's choices only."""

    def __init__(self, document: DesignDocument, start_dir: str = "", parent: QWidget | None = None) -> None:
        from studio.sql.dialects import DIALECTS

        super().__init__(parent)
        self.setWindowTitle("Import SQL")
        self._start_dir = start_dir
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText("schema.sql")
        browse = QPushButton("&Browse...", self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.dialect_combo = QComboBox(self)
        for name, d in DIALECTS.items():
            self.dialect_combo.addItem(d.label, name)
        self.dialect_combo.setCurrentIndex(max(0, self.dialect_combo.findData(default_dialect(document))))
        note = QLabel(
            "Tables and enums are added to the open design; one with the same name as an "
            "existing one replaces it and keeps its id and owning service. One undo takes "
            "the whole import back.",
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("SQL &file", row)
        form.addRow("&Dialect", self.dialect_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.path_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.resize(560, self.sizeHint().height())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.path_edit.text().strip())
        )

    def browse(self) -> None:
        start = self.path_edit.text().strip() or self._start_dir
        name, _ = QFileDialog.getOpenFileName(self, "Import SQL", start, SQL_FILTER)
        if name:
            self.path_edit.setText(name)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def dialect(self) -> str:
        return str(self.dialect_combo.currentData())


def open_import_dialog(window: MainWindow) -> SqlImportOutcome | None:
    """File > Import SQL...: ask, then import (nothing happens on Cancel)."""
    session = window.session
    start = str(session.path.parent) if session.path else ""
    dialog = ImportSqlDialog(session.design.document, start, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        path, dialect = dialog.path(), dialog.dialect()
    finally:
        dialog.deleteLater()
    return import_sql_file(window, path, dialect)


def install(window: MainWindow) -> None:
    """Add File > Import SQL... right after Open Recent."""
    action = QAction("&Import SQL...", window)
    action.setObjectName("importSqlAction")
    action.setStatusTip("Add the tables, indexes and enums of a DDL file to the design")
    action.triggered.connect(lambda _checked=False: open_import_dialog(window))
    actions = window.file_menu.actions()
    recent = window.recent_menu.menuAction() if hasattr(window, "recent_menu") else None
    after = actions.index(recent) + 1 if recent in actions else len(actions)
    if after < len(actions):
        window.file_menu.insertAction(actions[after], action)
    else:
        window.file_menu.addAction(action)
    window.import_sql_action = action  # type: ignore[attr-defined]
