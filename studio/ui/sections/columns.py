"""Column specs: how one field of a list item is shown, edited and turned back into a value.

One small declarative spec per column drives the table models and the cell editors, so a
section's table is a list of ``ColumnSpec`` rather than a hand-written model and delegate.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.model import Design

Choices = Callable[[Design], Sequence[tuple[str, str]]]
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec:
    """One column: ``key`` is the item's field (None: the item itself, for lists of text)."""

    key: str | None
    title: str
    #: text | int | float | bool | choice | list (text items, comma separated)
    kind: str = "text"
    #: For ``choice``: (value, label) pairs, fixed or computed from the design.
    choices: Sequence[tuple[str, str]] | Choices | None = None
    #: A choice column that also accepts a typed value.
    free_text: bool = False
    minimum: float = 0
    maximum: float = 2_000_000_000
    tooltip: str = ""
    width: int = 0
    read_only: bool = False
    #: Display override: ``render(item, design)`` (e.g. a payload summarised in one line).
    render: Callable[[Any, Design], str] | None = None

    @property
    def field_path(self) -> tuple[str, ...]:
        """The path of the edited value below the item (``"request.table"`` -> two steps)."""
        return tuple(self.key.split(".")) if self.key else ()

    def options(self, design: Design) -> list[tuple[str, str]]:
        if self.choices is None:
            return []
        return list(self.choices(design) if callable(self.choices) else self.choices)

    def value_of(self, item: Any) -> Any:
        for step in self.field_path:
            item = getattr(item, step)
        return item

    def display(self, item: Any, design: Design) -> str:
        if self.render is not None:
            return self.render(item, design)
        value = self.value_of(item)
        if self.kind == "bool":
            return ""
        if self.kind == "list":
            return ", ".join(str(v) for v in value)
        if self.kind == "choice":
            raw = str(getattr(value, "value", value))
            labels = dict(self.options(design))
            if raw in labels:
                return labels[raw]
            return f"{raw} (unknown)" if raw and not self.free_text else raw
        if self.kind == "float":
            return f"{value:g}"
        if self.kind == "int":
            return f"{value:,}"
        return str(getattr(value, "value", value))

    def edit_value(self, item: Any) -> Any:
        value = self.value_of(item)
        if self.kind == "list":
            return ", ".join(str(v) for v in value)
        return getattr(value, "value", value)

    def parse(self, text: Any) -> Any:
        """The model value of what the editor holds."""
        if self.kind == "list":
            return [part.strip() for part in str(text).split(",") if part.strip()]
        if self.kind == "int":
            return int(text)
        if self.kind == "float":
            return float(text)
        if self.kind == "bool":
            return bool(text)
        return str(text)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows user text literally (Qt would guess rich text from a '<b>')."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def component_choices(kinds: frozenset[str] | None = None) -> Choices:
    """Components of the canvas (of ``kinds``, or all) as (id, name) choices, none first."""

    def options(design: Design) -> list[tuple[str, str]]:
        comps = design.document.components
        return [("", "(none)")] + [
            (c.id, c.name or c.id) for c in comps if kinds is None or c.kind.value in kinds
        ]

    return options


class ColumnDelegate(QStyledItemDelegate):
    """Editors from the column specs: spin boxes for numbers, combos for choices."""

    def __init__(
        self, specs: Callable[[int], ColumnSpec | None], design: Callable[[], Design], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._spec_of = specs
        self._design = design

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        spec = self._spec_of(index.column())
        if spec is None:
            return super().createEditor(parent, option, index)
        if spec.kind == "int":
            spin = QSpinBox(parent)
            spin.setRange(int(spec.minimum), int(min(spec.maximum, 2**31 - 1)))
            return spin
        if spec.kind == "float":
            dspin = QDoubleSpinBox(parent)
            dspin.setRange(spec.minimum, spec.maximum)
            dspin.setDecimals(2)
            return dspin
        if spec.kind == "choice":
            combo = QComboBox(parent)
            combo.setEditable(spec.free_text)
            for value, label in spec.options(self._design()):
                combo.addItem(label, value)
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found >= 0:
                editor.setCurrentIndex(found)
            elif editor.isEditable():
                editor.setEditText(str(value))
        elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            editor.setValue(value or 0)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            text = editor.currentText()
            value = editor.currentData() if editor.findText(text) == editor.currentIndex() else text
            if value is None:
                value = text
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
