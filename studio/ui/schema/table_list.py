"""The list of tables: filter, add, rename (F2), delete, and the owning service of each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.model import InsertItem, MoveItem, Operation, RemoveItem, SetField, Table
from studio.ui.schema.edits import TABLES, add_table_op, rename_table_op
from studio.ui.schema.fields import plain_tooltip
from studio.ui.session import DocumentSession

TableIdRole = Qt.ItemDataRole.UserRole + 1


class TableList(QWidget):
    #: The current table's id ("" when none).
    table_selected = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter tables")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemChanged.connect(self._item_renamed)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.add_action = self._button(bar, "+", "Add table (Ctrl+T)", self.add_table, QKeySequence("Ctrl+T"))
        delete = self._button(bar, "\u2212", "Delete table (Delete in the list)", self.delete_current)
        # Only in the list itself: Delete in the filter field edits the filter.
        delete.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list.addAction(delete)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)
        self._filling = False
        self.rebuild()

    def _button(
        self, bar: QHBoxLayout, text: str, tip: str, slot, shortcut: QKeySequence | None = None
    ) -> QAction:  # type: ignore[no-untyped-def]
        button = QToolButton(self)
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        bar.addWidget(button)
        return action

    # -- reading -----------------------------------------------------------------------
    def current_table_id(self) -> str:
        item = self.list.currentItem()
        return item.data(TableIdRole) if item is not None else ""

    def _label(self, table: Table) -> str:
        return table.name or "(unnamed)"

    def rebuild(self) -> None:
        current = self.current_table_id()
        self._filling = True
        self.list.clear()
        owners = {c.id: c.name or c.id for c in self.session.design.document.components}
        for table in self.session.design.document.schema.tables:
            item = QListWidgetItem(self._label(table))
            item.setData(TableIdRole, table.id)
            owner = owners.get(table.service, "no owning service") if table.service else "no owning service"
            item.setToolTip(plain_tooltip(f"{table.name}: {len(table.columns)} columns, {owner}"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self._filling = False
        self._apply_filter(self.filter.text())
        if not self.select_table(current) and self.list.count():
            self.list.setCurrentRow(0)
        elif not self.list.count():
            self.table_selected.emit("")

    def select_table(self, table_id: str) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(TableIdRole) == table_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return True
        return False

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    # -- editing -----------------------------------------------------------------------
    def add_table(self) -> None:
        current = self.current_table_id()
        design = self.session.design
        service = design.get((*TABLES, current, "service")) if current else ""
        op, table_id = add_table_op(design, service=service)
        if self.session.push(op):
            self.filter.clear()
            self.select_table(table_id)
            item = self.list.currentItem()
            if item is not None:
                self.list.editItem(item)

    def delete_current(self) -> None:
        table_id = self.current_table_id()
        if table_id:
            name = self.session.design.get((*TABLES, table_id, "name"))
            self.session.push(
                self.session.design.remove_op((*TABLES, table_id), label=f"Delete table {name}")
            )

    def rename(self, table_id: str, name: str) -> bool:
        name = name.strip()
        design = self.session.design
        if not name or name == design.get((*TABLES, table_id, "name")):
            return False
        if any(t.name == name and t.id != table_id for t in design.document.schema.tables):
            self.session.edit_refused.emit(f"a table named {name!r} already exists")
            return False
        return self.session.push(rename_table_op(design, table_id, name))

    def _item_renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        table_id = item.data(TableIdRole)
        if not self.rename(table_id, item.text()):
            self._filling = True
            item.setText(self._label(self.session.design.get((*TABLES, table_id))))
            self._filling = False

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if not self._filling:
            self.table_selected.emit(current.data(TableIdRole) if current is not None else "")

    # -- model events --------------------------------------------------------------------
    def on_changed(self, op: Operation) -> None:
        if op.path == TABLES and isinstance(op, (InsertItem, RemoveItem, MoveItem)):
            self.rebuild()
        elif (
            isinstance(op, SetField) and op.path[:2] == TABLES and len(op.path) == 4 and op.path[3] == "name"
        ):
            for row in range(self.list.count()):
                item = self.list.item(row)
                if item.data(TableIdRole) == op.path[2]:
                    self._filling = True
                    item.setText(self._label(self.session.design.get(op.path[:3])))
                    self._filling = False
            self._apply_filter(self.filter.text())
