"""A keyboard-first grid over one schema list: Tab and Enter walk the cells, Insert adds a row.

Keys (when no cell editor is open):
  Insert or Ctrl+Enter   add a row below the current one and edit its first cell
  Ctrl+Delete            delete the current row
  Alt+Up / Alt+Down      move the current row
  Space                  toggle a checkbox cell
Enter in an open editor commits and opens the next cell, like Tab.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.schema.delegates import FieldDelegate
from studio.ui.schema.fields import FieldKind
from studio.ui.schema.item_model import ItemTableModel

#: Makes a new item at a row index; returns its id, or None when refused.
AddItem = Callable[[int], str | None]
#: Deletes the item with the given id.
RemoveItemFn = Callable[[str], None]


class ItemGrid(QTableView):
    def __init__(
        self,
        model: ItemTableModel,
        dialect: Callable[[], str],
        add: AddItem,
        remove: RemoveItemFn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.item_model = model
        self._add = add
        self._remove = remove
        self.setItemDelegate(FieldDelegate(model.fields, dialect, self))
        self.setTabKeyNavigation(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for column, spec in enumerate(model.fields):
            if spec.width:
                self.setColumnWidth(column, spec.width)
        header.setStretchLastSection(True)
        model.modelReset.connect(self._restore_current)
        self._pending_id: str | None = None
        self._pending_column = 0

    # -- rows --------------------------------------------------------------------------
    def current_item_id(self) -> str | None:
        index = self.currentIndex()
        return self.item_model.item_id(index.row()) if index.isValid() else None

    def select_item(self, item_id: str, column: int = 0, edit: bool = False) -> bool:
        row = self.item_model.row_of(item_id)
        if row < 0:
            return False
        index = self.item_model.index(row, column)
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        if edit:
            self.edit(index)
        return True

    def add_row(self) -> None:
        current = self.currentIndex()
        row = current.row() + 1 if current.isValid() else self.item_model.rowCount()
        new_id = self._add(row)
        if new_id is not None:
            self.setFocus()
            self.select_item(new_id, 0, edit=True)

    def remove_row(self) -> None:
        item_id = self.current_item_id()
        if item_id is None:
            return
        row, column = self.currentIndex().row(), self.currentIndex().column()
        self._remove(item_id)
        count = self.item_model.rowCount()
        if count:
            self.setCurrentIndex(self.item_model.index(min(row, count - 1), column))

    def move_row(self, delta: int) -> None:
        index = self.currentIndex()
        model = self.item_model
        if not index.isValid() or model.list_path is None:
            return
        new_row = index.row() + delta
        if not 0 <= new_row < model.rowCount():
            return
        item_id = model.item_id(index.row())
        self._pending_id, self._pending_column = item_id, index.column()
        model.session.push(model.session.design.move_op(model.list_path, index.row(), new_row))

    def _restore_current(self) -> None:
        if self._pending_id is not None:
            self.select_item(self._pending_id, self._pending_column)
            self._pending_id = None

    # -- keys --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_Insert or (ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_row()
        elif ctrl and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_row()
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_row(-1 if key == Qt.Key.Key_Up else 1)
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            index = self.currentIndex()
            if index.isValid() and self.item_model.fields[index.column()].kind is not FieldKind.BOOL:
                self.edit(index)
            else:
                self._step()
        else:
            super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """Enter commits like Tab: the next cell opens, so a row is typed without the mouse."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._step(edit=True)
            return
        super().closeEditor(editor, hint)

    def _step(self, edit: bool = False) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        row, column = index.row(), index.column() + 1
        if column >= self.item_model.columnCount():
            row, column = row + 1, 0
        if row >= self.item_model.rowCount():
            return
        target = self.item_model.index(row, column)
        self.setCurrentIndex(target)
        if edit and self.item_model.fields[column].kind is not FieldKind.BOOL:
            self.edit(target)


class ItemEditor(QWidget):
    """A grid with its small toolbar (add, delete, up, down)."""

    def __init__(self, grid: ItemGrid, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        grid.setParent(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for text, tip, slot in (
            ("+", f"Add {noun} (Insert)", grid.add_row),
            ("\u2212", f"Delete {noun} (Ctrl+Delete)", grid.remove_row),
            ("\u2191", f"Move {noun} up (Alt+Up)", lambda: grid.move_row(-1)),
            ("\u2193", f"Move {noun} down (Alt+Down)", lambda: grid.move_row(1)),
        ):
            button = QToolButton(self)
            action = QAction(text, button)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            bar.addWidget(button)
        bar.addStretch(1)
        hint = QLabel(
            f"Insert: new {noun}   Enter/Tab: next cell   Alt+\u2191/\u2193: move   Ctrl+Del: delete", self
        )
        hint.setEnabled(False)  # drawn in the palette's disabled (muted) text colour
        bar.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(grid)
