"""The schema dock: the table list beside the editor of the selected table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QSplitter, QWidget

from studio.model import Operation, Path
from studio.ui.schema.dialect_choice import DialectChoice
from studio.ui.schema.table_editor import TableEditor
from studio.ui.schema.table_list import TableList
from studio.ui.session import DocumentSession


class SchemaDock(QDockWidget):
    #: The selected table's id ("" for none): the DDL preview and the ERD follow it.
    table_selected = Signal(str)

    def __init__(
        self, session: DocumentSession, dialect: DialectChoice, parent: QWidget | None = None
    ) -> None:
        super().__init__("Schema", parent)
        self.setObjectName("SchemaDock")
        self.session = session
        self.dialect = dialect
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.tables = TableList(session, splitter)
        self.editor = TableEditor(
            session, lambda: dialect.name, dialect.type_suggestions, dialect.index_methods, splitter
        )
        splitter.addWidget(self.tables)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 720])
        self.setWidget(splitter)
        # Ctrl+T adds a table wherever the focus is inside the dock, not only in the list.
        self.tables.removeAction(self.tables.add_action)
        self.addAction(self.tables.add_action)
        self.tables.table_selected.connect(self._table_selected)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self._on_replaced)
        if self.tables.current_table_id():
            self._table_selected(self.tables.current_table_id())

    def _table_selected(self, table_id: str) -> None:
        self.editor.set_table(table_id)
        self.table_selected.emit(table_id)

    def _on_changed(self, op: Operation) -> None:
        self.tables.on_changed(op)
        self.editor.on_changed(op)

    def _on_replaced(self) -> None:
        self.tables.rebuild()
        self.editor.reload()
        self._table_selected(self.tables.current_table_id())

    def select_path(self, path: Path) -> bool:
        """Show the schema element at a model path (a table or one of its items)."""
        if path[:2] != ("schema", "tables") or len(path) < 3:
            if path[:2] == ("schema", "enums") and len(path) >= 3:
                self.editor.tabs.setCurrentIndex(4)
                return self.editor.enums.select_item(path[2])
            return False
        if not self.tables.select_table(path[2]):
            self.tables.filter.clear()
            if not self.tables.select_table(path[2]):
                return False
        self.show()
        self.raise_()
        if len(path) >= 5:
            tab = {"columns": 0, "indexes": 1, "foreign_keys": 2, "checks": 3}.get(path[3])
            if tab is not None:
                self.editor.tabs.setCurrentIndex(tab)
                self.editor.grids()[tab].select_item(path[4])
        return True

    def teardown(self) -> None:
        self.session.changed.disconnect(self._on_changed)
        self.session.replaced.disconnect(self._on_replaced)
