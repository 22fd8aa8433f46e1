"""The one table editor every list of the document uses: add, remove, reorder, edit in place.

Keyboard: typing or F2 edits the current cell, Enter commits, Insert adds a row below,
Delete removes the selected rows, Ctrl+Up/Ctrl+Down move the current row. Each gesture
is one undo step.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.model import Path
from studio.ui.sections.columns import ColumnDelegate, ColumnSpec
from studio.ui.sections.list_model import ItemListModel
from studio.ui.session import DocumentSession


class TableEditor(QWidget):
    #: The current row's item id (its index as text for lists without ids), or None.
    current_changed = Signal(object)

    def __init__(
        self,
        session: DocumentSession,
        path: Path | None,
        columns: Sequence[ColumnSpec],
        new_item: Callable[[], Any],
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"table:{title or '.'.join(path or ())}")
        self.new_item = new_item
        self.model = ItemListModel(session, columns, keyed=hasattr(new_item(), "id"), parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ColumnDelegate(self._spec, lambda: session.design, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        # The last text-like column takes the spare width; numbers and flags fit their contents.
        texts = [i for i, spec in enumerate(columns) if spec.kind in ("text", "list", "choice")]
        stretch = texts[-1] if texts else len(columns) - 1
        header.setStretchLastSection(False)
        for i, spec in enumerate(columns):
            if i == stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            elif spec.width:
                self.view.setColumnWidth(i, spec.width)
            elif spec.kind in ("int", "float", "bool"):
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = self._button("Add", "Add a row below the current one (Insert)", self.add_row)
        self.remove_button = self._button("Remove", "Remove the selected rows (Delete)", self.remove_selected)
        self.up_button = self._button(
            "Up", "Move the current row up (Ctrl+Up)", lambda: self.move_current(-1)
        )
        self.down_button = self._button(
            "Down", "Move the current row down (Ctrl+Down)", lambda: self.move_current(1)
        )
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        if title:
            label = QLabel(f"<b>{html.escape(title)}</b>", self)
            bar.addWidget(label)
        bar.addStretch(1)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_row),
            (QKeySequence(Qt.Key.Key_Delete), self.remove_selected),
            (QKeySequence("Ctrl+Up"), lambda: self.move_current(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(keys, self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._kept_id: str | None = None
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.set_path(path)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _spec(self, column: int) -> ColumnSpec | None:
        return self.model.columns[column] if 0 <= column < len(self.model.columns) else None

    # -- binding ----------------------------------------------------------------------
    def set_path(self, path: Path | None) -> None:
        """Show another list (a detail table following its master's selection)."""
        self.model.set_path(path)
        self.setEnabled(path is not None)

    def current_id(self) -> str | None:
        return self.model.item_id(self.view.currentIndex().row())

    def select_row(self, row: int, column: int = 0) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, column)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index)

    # -- gestures -----------------------------------------------------------------------
    def add_row(self) -> None:
        current = self.view.currentIndex()
        row = current.row() + 1 if current.isValid() else self.model.rowCount()
        if self.model.insert_item(row, self.new_item()):
            first = next(
                (i for i, c in enumerate(self.model.columns) if c.kind != "bool" and not c.read_only), 0
            )
            self.select_row(row, first)
            index = self.model.index(row, first)
            self.view.edit(index)
            editor = self.view.indexWidget(index)
            select_all = getattr(editor, "selectAll", None)
            if callable(select_all):  # typing replaces the placeholder text
                select_all()

    def remove_selected(self) -> None:
        rows = {i.row() for i in self.view.selectionModel().selectedIndexes()}
        current = self.view.currentIndex().row()
        if not rows and current >= 0:
            rows = {current}
        if self.model.remove_rows(sorted(rows)):
            self.select_row(
                min(min(rows), self.model.rowCount() - 1), max(self.view.currentIndex().column(), 0)
            )

    def move_current(self, step: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        new = index.row() + step
        if self.model.move_row(index.row(), new):
            self.select_row(new, index.column())

    # -- selection kept across model resets ---------------------------------------------------
    def _remember(self) -> None:
        self._kept_id = self.current_id()
        self._kept_column = max(self.view.currentIndex().column(), 0)

    def _restore(self) -> None:
        row = self.model.row_of(self._kept_id)
        if row >= 0:
            self.select_row(row, self._kept_column)
        self.current_changed.emit(self.current_id())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.item_id(current.row()))
