"""A Qt table model over one list of the design document, edited only through operations.

Items with an ``id`` are edited one field at a time (``SetField`` on the item's path) and
added, removed and reordered with ``InsertItem``/``RemoveItem``/``MoveItem``; lists without
ids (lists of text, payload fields) are edited by replacing the whole list, which is still
one undoable ``SetField``. The model holds the list's path only and reads the document on
demand, so it can never drift from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from studio.model import Batch, Design, Operation, Path, PathError, SetField
from studio.ui.sections.columns import ColumnSpec, plain_tooltip
from studio.ui.session import DocumentSession

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _is_prefix(a: Path, b: Path) -> bool:
    return b[: len(a)] == a


class ItemListModel(QAbstractTableModel):
    def __init__(
        self, session: DocumentSession, columns: Sequence[ColumnSpec], keyed: bool, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = list(columns)
        self.keyed = keyed
        self.path: Path | None = None
        self._dynamic = any(callable(c.choices) for c in self.columns)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self._reset)

    # -- reading ----------------------------------------------------------------------
    @property
    def design(self) -> Design:
        return self.session.design

    def set_path(self, path: Path | None) -> None:
        if path == self.path:
            return
        self.beginResetModel()
        self.path = path
        self.endResetModel()

    def items(self) -> list[Any]:
        if self.path is None:
            return []
        try:
            value = self.design.get(self.path)
        except PathError:
            return []
        return value if isinstance(value, list) else []

    def item_id(self, row: int) -> str | None:
        items = self.items()
        if not 0 <= row < len(items):
            return None
        return getattr(items[row], "id", None) if self.keyed else str(row)

    def row_of(self, item_id: str | None) -> int:
        if item_id is None:
            return -1
        if not self.keyed:
            return int(item_id) if item_id.isdigit() and int(item_id) < len(self.items()) else -1
        return next((i for i, it in enumerate(self.items()) if getattr(it, "id", None) == item_id), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            spec = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return spec.title
            if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip:
                return spec.tooltip
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self.items()
        if not index.isValid() or index.row() >= len(items):
            return None
        spec, item = self.columns[index.column()], items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.display(item, self.design)
        if role == Qt.ItemDataRole.EditRole:
            return spec.edit_value(item)
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind == "bool":
            return Qt.CheckState.Checked if spec.value_of(item) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            text = spec.display(item, self.design)
            return plain_tooltip(text) if len(text) > 30 else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        spec = self.columns[index.column()]
        if spec.read_only:
            return base
        if spec.kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    # -- editing ----------------------------------------------------------------------
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        items = self.items()
        if self.path is None or not index.isValid() or index.row() >= len(items):
            return False
        spec = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = spec.parse(value)
        except (TypeError, ValueError):
            self.session.edit_refused.emit(f"{spec.title}: {value!r} is not a valid value")
            return False
        item = items[index.row()]
        if spec.value_of(item) == new:
            return False
        try:
            op = self._set_op(index.row(), spec, new)
        except ValueError as exc:  # pydantic refuses the value for an item without id
            self.session.edit_refused.emit(
                f"{spec.title}: {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}"
            )
            return False
        return self.session.push(op)

    def _set_op(self, row: int, spec: ColumnSpec, value: Any) -> Operation:
        assert self.path is not None
        items = self.items()
        if self.keyed and spec.key is not None:
            return self.design.set_op(
                (*self.path, items[row].id, *spec.field_path), value, f"Change {spec.title.lower()}"
            )
        new_items = list(items)
        if spec.key is None:
            new_items[row] = value
        else:  # validated like an assignment would be
            data = items[row].model_dump()
            data[spec.key] = value
            new_items[row] = type(items[row]).model_validate(data)
        return SetField(self.path, list(items), new_items, f"Change {spec.title.lower()}")

    def insert_item(self, row: int, item: Any) -> bool:
        if self.path is None:
            return False
        row = max(0, min(row, len(self.items())))
        if self.keyed:
            return self.session.push(self.design.insert_op(self.path, item, row))
        items = list(self.items())
        return self.session.push(
            SetField(self.path, list(items), items[:row] + [item] + items[row:], "Add item")
        )

    def remove_rows(self, rows: Sequence[int]) -> bool:
        """Remove the rows as one undo step."""
        items = self.items()
        rows = sorted({r for r in rows if 0 <= r < len(items)}, reverse=True)
        if self.path is None or not rows:
            return False
        if self.keyed:
            ops = tuple(self.design.remove_op((*self.path, items[r].id)) for r in rows)
            return self.session.push(ops[0] if len(ops) == 1 else Batch(ops, f"Delete {len(ops)} rows"))
        kept = [it for i, it in enumerate(items) if i not in rows]
        return self.session.push(SetField(self.path, list(items), kept, "Delete item"))

    def move_row(self, old: int, new: int) -> bool:
        items = self.items()
        if self.path is None or not (0 <= old < len(items) and 0 <= new < len(items)) or old == new:
            return False
        if self.keyed:
            return self.session.push(self.design.move_op(self.path, old, new))
        moved = list(items)
        moved.insert(new, moved.pop(old))
        return self.session.push(SetField(self.path, list(items), moved, "Reorder items"))

    # -- following the model -------------------------------------------------------------
    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_changed(self, op: Operation) -> None:
        path = self.path
        if path is None:
            return
        op_path: Path = op.path  # type: ignore[union-attr]
        if len(op_path) > len(path) and _is_prefix(path, op_path):
            row = self.row_of(op_path[len(path)]) if self.keyed else -1
            if row >= 0:  # an edit inside one item: repaint its row only
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
                return
        if _is_prefix(op_path, path) or _is_prefix(path, op_path):
            self._reset()
        elif (
            self._dynamic and op_path[:1] in (("components",), ("schema",), ("security",)) and self.rowCount()
        ):
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))
