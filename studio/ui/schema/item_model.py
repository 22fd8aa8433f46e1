"""A Qt table model over one list of the schema (a table's columns, indexes, keys...).

The model reads every value from ``session.design`` and writes only through
``session.push``; it keeps nothing but the list's path, so undo, redo and edits made
elsewhere show up through ``session.changed``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from studio.model import InsertItem, MoveItem, Operation, Path, PathError, RemoveItem
from studio.ui.schema.edits import is_noop
from studio.ui.schema.fields import FieldKind, FieldSpec, plain_tooltip, split_list
from studio.ui.session import DocumentSession

ItemIdRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class ItemTableModel(QAbstractTableModel):
    #: An edit the model refused, with the reason (shown in the status bar).
    refused = Signal(str)

    def __init__(
        self, session: DocumentSession, fields: list[FieldSpec], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.fields = fields
        self.list_path: Path | None = None

    # -- the list ----------------------------------------------------------------------
    def set_list_path(self, path: Path | None) -> None:
        self.beginResetModel()
        self.list_path = path
        self.endResetModel()

    def items(self) -> list[Any]:
        if self.list_path is None:
            return []
        try:
            return self.session.design.get(self.list_path)
        except PathError:
            return []

    def item_id(self, row: int) -> str | None:
        items = self.items()
        return items[row].id if 0 <= row < len(items) else None

    def row_of(self, item_id: str) -> int:
        return next((r for r, item in enumerate(self.items()) if item.id == item_id), -1)

    # -- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.fields):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.fields[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.fields[section].tooltip or None
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        spec = self.fields[index.column()]
        if spec.kind is FieldKind.BOOL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable if spec.editable else base

    def value(self, row: int, column: int) -> Any:
        item = self.items()[row]
        spec = self.fields[column]
        return spec.read(item) if spec.read else getattr(item, spec.key)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items()):
            return None
        spec = self.fields[index.column()]
        if role == ItemIdRole:
            return self.items()[index.row()].id
        value = self.value(index.row(), index.column())
        if spec.kind is FieldKind.BOOL:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if spec.kind is FieldKind.LIST:
                text = ", ".join(value)
                return text if role != Qt.ItemDataRole.ToolTipRole else (plain_tooltip(text) or None)
            text = "" if value is None else str(getattr(value, "value", value))
            return text if role != Qt.ItemDataRole.ToolTipRole else (plain_tooltip(text) or None)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.list_path is None:
            return False
        spec = self.fields[index.column()]
        item_id = self.item_id(index.row())
        if item_id is None:
            return False
        if spec.kind is FieldKind.BOOL:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            value = self._converted(spec, value)
            if value is None and not spec.empty_is_none:
                return False
        return self.push_edit(spec, item_id, value)

    def _converted(self, spec: FieldSpec, value: Any) -> Any:
        text = "" if value is None else str(value)
        if spec.kind is FieldKind.LIST:
            return split_list(text)
        if spec.validate is not None:
            problem = spec.validate(text)
            if problem:
                self.refused.emit(f"{spec.header}: {problem}")
                return None
        if spec.empty_is_none and not text.strip():
            return None
        return text if spec.kind is FieldKind.SQL else text.strip()

    def push_edit(self, spec: FieldSpec, item_id: str, value: Any) -> bool:
        assert self.list_path is not None
        try:
            op: Operation | None
            if spec.write is not None:
                op = spec.write(item_id, value)
            else:
                op = self.session.design.set_op((*self.list_path, item_id, spec.key), value)
        except (ValueError, PathError) as exc:
            self.refused.emit(str(exc))
            return False
        if op is None or is_noop(op):
            return False
        return self.session.push(op)

    # -- model events --------------------------------------------------------------------
    def on_changed(self, op: Operation) -> None:
        """Refresh what ``op`` touched: the whole list for structure, one row for a field."""
        path = self.list_path
        if path is None or op.path[:1] != ("schema",):
            return
        n = len(path)
        if op.path == path and isinstance(op, (InsertItem, RemoveItem, MoveItem)):
            self.beginResetModel()
            self.endResetModel()
        elif op.path[:n] == path and len(op.path) > n:
            row = self.row_of(op.path[n])
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))
        elif path[: len(op.path)] == op.path:
            # An enclosing list changed (the table was removed, restored, reordered).
            self.beginResetModel()
            self.endResetModel()
        elif self.rowCount() and any(f.read for f in self.fields):
            # A computed field (a column's foreign key target) may depend on other tables.
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.fields) - 1))
