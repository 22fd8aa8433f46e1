"""Installs the schema dock, the DDL preview dock (with Problems) and the ERD dock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from studio.model import Path
from studio.ui.ddl_preview.dock import DdlPreviewDock
from studio.ui.erd.dock import ErdDock
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

    erd = ErdDock(session, window)
    window.add_dock(erd, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.tabifyDockWidget(schema, erd)
    schema.raise_()
    window.erd_dock = erd  # type: ignore[attr-defined]
    erd.canvas.table_clicked.connect(schema.tables.select_table)
    erd.canvas.table_activated.connect(lambda table_id: schema.select_path(("schema", "tables", table_id)))
    schema.table_selected.connect(erd.canvas.show_table)

    def activate(path: Path) -> None:
        """Problems double-click: schema elements in the schema dock, components and
        connections on the canvas, endpoints in the API view."""
        if schema.select_path(path):
            return
        canvas = getattr(window, "canvas", None)
        if path[:1] in (("components",), ("connections",)) and len(path) >= 2 and canvas is not None:
            canvas.scene.select_ids([path[1]])
            for item in canvas.scene.selectedItems():
                canvas.view.ensureVisible(item)
            return
        if path[:2] == ("api", "endpoints"):
            window.show_section("endpoints")

    preview.on_activate = activate
    show_schema = QAction("Schema editor", window)
    show_schema.setShortcut(QKeySequence("Ctrl+Shift+D"))
    show_schema.triggered.connect(lambda: (schema.show(), schema.raise_(), schema.tables.list.setFocus()))
    window.addAction(show_schema)
    window.register_section("tables", lambda: (schema.show(), schema.raise_(), schema.tables.list.setFocus()))
