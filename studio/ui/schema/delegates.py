"""Cell editors: combos with suggestions and SQL fields that check themselves as you type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.ui.schema.fields import FieldKind, FieldSpec, plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex

INVALID_STYLE = "QLineEdit { border: 2px solid #d9534f; background: #fff3f3; }"


def sql_problem(text: str, dialect: str) -> str | None:
    """Why ``text`` is not a SQL expression of ``dialect``, or None when it parses (or is empty)."""
    import sqlglot
    from sqlglot.errors import ParseError, TokenError

    from studio.sql.dialects import dialect as lookup

    if not text.strip():
        return None
    try:
        parsed = sqlglot.parse_one(text, read=lookup(dialect).sqlglot)
    except (ParseError, TokenError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else "not a SQL expression"
        return detail[:160]
    if parsed is None:
        return "not a SQL expression"
    return None


class SqlLineEdit(QLineEdit):
    """A line edit for a SQL predicate; red with the parser's message while it is invalid."""

    def __init__(self, dialect: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dialect = dialect
        self.problem: str | None = None
        self.textChanged.connect(self.check)

    def check(self, text: str) -> None:
        self.problem = sql_problem(text, self._dialect())
        self.setStyleSheet(INVALID_STYLE if self.problem else "")
        self.setToolTip(plain_tooltip(self.problem or ""))
        self.setProperty("invalid", bool(self.problem))


class FieldDelegate(QStyledItemDelegate):
    """Chooses the editor from the column's :class:`FieldSpec`."""

    def __init__(
        self, fields: list[FieldSpec], dialect: Callable[[], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._fields = fields
        self._dialect = dialect

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        spec = self._fields[index.column()]
        if spec.kind is FieldKind.CHOICE and spec.choices is not None:
            combo = QComboBox(parent)
            combo.setEditable(spec.editable)
            combo.addItems(spec.choices())
            combo.setMaxVisibleItems(16)
            if spec.editable:
                completer = QCompleter(combo.model(), combo)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                combo.setCompleter(completer)
            return combo
        if spec.kind is FieldKind.SQL:
            return SqlLineEdit(self._dialect, parent)
        editor = super().createEditor(parent, option, index)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            found = editor.findText(text, Qt.MatchFlag.MatchFixedString)
            if found >= 0:
                editor.setCurrentIndex(found)
            elif editor.isEditable():
                editor.setEditText(text)
            if editor.isEditable() and editor.lineEdit() is not None:
                editor.lineEdit().selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, SqlLineEdit):
            editor.check(editor.text())
            if editor.problem:
                refused = getattr(model, "refused", None)
                if refused is not None:
                    refused.emit(f"{self._fields[index.column()].header}: {editor.problem}")
                return
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
