"""Installs the schema dock and the DDL preview dock (with Problems) in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from studio.model import Path
from studio.ui.ddl_preview.dock import DdlPreviewDock
from studio.ui.schema.dialect_choice import DialectChoice
from studio.ui.schema.dock import SchemaDock

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    session = window.session
    dialect = DialectChoice(session, window)
    schema = SchemaDock(session, dialect, window)
    preview = DdlPreviewDock(session, dialect, window)
    window.add_dock(schema, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.add_dock(preview, Qt.DockWidgetArea.RightDockWidgetArea)
    schema.table_selected.connect(preview.follow_table)
    preview.follow_table(schema.tables.current_table_id())
    window.schema_dock = schema  # type: ignore[attr-defined]
    window.ddl_preview_dock = preview  # type: ignore[attr-defined]

    def activate(path: Path) -> None:
        """Problems double-click: schema elements here, anything else by the window's selection."""
        if schema.select_path(path):
            return
        for name in ("select_path", "select_element"):
            select = getattr(window, name, None)
            if callable(select):
                select(path)
                return

    preview.on_activate = activate
    show_schema = QAction("Schema editor", window)
    show_schema.setShortcut(QKeySequence("Ctrl+Shift+D"))
    show_schema.triggered.connect(lambda: (schema.show(), schema.raise_(), schema.tables.list.setFocus()))
    window.addAction(show_schema)
    register = getattr(window, "register_section", None)
    if callable(register):
        register("Schema", lambda: (schema.show(), schema.raise_()))
        register("DDL preview", lambda: (preview.show(), preview.raise_()))
