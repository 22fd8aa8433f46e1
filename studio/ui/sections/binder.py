"""Binding scalar form fields to paths of the document.

A binding writes the widget's value as one ``SetField`` (typing merges into one undo step
that ends when the user leaves the field or presses Enter: ``session.end_merge``) and
follows the model: after an undo, a load or an edit elsewhere the widget shows the
document's value again, with its signals blocked so that nothing echoes back. Paths are
relative to the binder's root, so one form can follow the selection of a master table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from studio.model import Operation, Path, PathError
from studio.ui.session import DocumentSession


@dataclass
class _Binding:
    path: Path
    widget: QWidget
    show: Callable[[Any], None]


class FormBinder(QObject):
    def __init__(
        self, session: DocumentSession, root: Path | None = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.root: Path | None = root
        self._bindings: list[_Binding] = []
        session.changed.connect(self._on_changed)
        session.replaced.connect(self.refresh)

    # -- binding widgets --------------------------------------------------------------------
    def line_edit(self, path: Path, parent: QWidget | None = None, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text: self.write(path, text, merge=True))
        edit.editingFinished.connect(self.session.end_merge)

        def show(value: Any) -> None:
            if edit.text() != str(value):
                pos = edit.cursorPosition()
                edit.setText(str(value))
                edit.setCursorPosition(min(pos, len(edit.text())))

        return self._bind(path, edit, show)

    def text_edit(self, path: Path, parent: QWidget | None = None) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(lambda: self.write(path, edit.toPlainText(), merge=True))
        self.session.end_merge_on_focus_out(edit)  # no editingFinished on a text box

        def show(value: Any) -> None:
            if edit.toPlainText() != str(value):
                cursor = edit.textCursor()
                pos = cursor.position()
                edit.setPlainText(str(value))
                cursor.setPosition(min(pos, len(str(value))))
                edit.setTextCursor(cursor)

        return self._bind(path, edit, show)

    def spin(
        self, path: Path, parent: QWidget | None = None, maximum: int = 2**31 - 1, suffix: str = ""
    ) -> QSpinBox:
        box = QSpinBox(parent)
        box.setRange(0, maximum)
        box.setGroupSeparatorShown(True)
        box.setSuffix(suffix)
        box.valueChanged.connect(lambda value: self.write(path, value, merge=True))
        box.editingFinished.connect(self.session.end_merge)
        return self._bind(path, box, lambda value: box.setValue(int(value)))

    def double_spin(
        self, path: Path, parent: QWidget | None = None, maximum: float = 1e9, suffix: str = ""
    ) -> QDoubleSpinBox:
        box = QDoubleSpinBox(parent)
        box.setRange(0, maximum)
        box.setDecimals(2)
        box.setSuffix(suffix)
        box.valueChanged.connect(lambda value: self.write(path, value, merge=True))
        box.editingFinished.connect(self.session.end_merge)
        return self._bind(path, box, lambda value: box.setValue(float(value)))

    def check(self, path: Path, text: str, parent: QWidget | None = None) -> QCheckBox:
        box = QCheckBox(text, parent)
        box.toggled.connect(lambda on: self.write(path, on))
        return self._bind(path, box, lambda value: box.setChecked(bool(value)))

    def choice(
        self, path: Path, choices: Sequence[tuple[str, Any]], parent: QWidget | None = None
    ) -> QComboBox:
        """A fixed list shown by label and stored by value (a code such as ``"ko"``), so the
        shown words can be translated without changing what the document holds."""
        box = QComboBox(parent)
        for label, value in choices:
            box.addItem(label, value)
        box.activated.connect(lambda index: self.write(path, box.itemData(index)))

        def show(value: Any) -> None:
            found = box.findData(getattr(value, "value", value))
            if found >= 0:
                box.setCurrentIndex(found)

        return self._bind(path, box, show)

    def combo(
        self, path: Path, choices: Sequence[str], parent: QWidget | None = None, free_text: bool = True
    ) -> QComboBox:
        """A combo of known values; with ``free_text`` any typed value is accepted too."""
        box = QComboBox(parent)
        box.setEditable(free_text)
        box.addItems(list(choices))
        box.activated.connect(lambda _i: self.write(path, box.currentText()))
        if free_text and box.lineEdit() is not None:
            box.lineEdit().textEdited.connect(lambda text: self.write(path, text, merge=True))
            box.lineEdit().editingFinished.connect(self.session.end_merge)

        def show(value: Any) -> None:
            text = str(getattr(value, "value", value))
            if box.currentText() != text:
                found = box.findText(text)
                if found >= 0:
                    box.setCurrentIndex(found)
                else:
                    box.setEditText(text)

        return self._bind(path, box, show)

    def _bind(self, path: Path, widget: Any, show: Callable[[Any], None]) -> Any:
        self._bindings.append(_Binding(path, widget, show))
        self._show(self._bindings[-1])
        return widget

    # -- model <-> widgets -------------------------------------------------------------------
    def set_root(self, root: Path | None) -> None:
        """Follow another item; None disables the bound widgets."""
        self.root = root
        self.refresh()

    def full(self, path: Path) -> Path | None:
        return None if self.root is None else (*self.root, *path)

    def write(self, path: Path, value: Any, merge: bool = False) -> bool:
        full = self.full(path)
        if full is None:
            return False
        design = self.session.design
        try:
            if design.get(full) == value:
                return False
        except PathError:
            return False
        pushed = self.session.push(design.set_op(full, value), merge=merge)
        if not pushed:  # refused (e.g. out of range): show the model's value again
            self.refresh()
        return pushed

    def _show(self, binding: _Binding) -> None:
        full = self.full(binding.path)
        value: Any = None
        if full is not None:
            try:
                value = self.session.design.get(full)
            except PathError:
                full = None
        binding.widget.setEnabled(full is not None)
        if full is None:
            return
        blocked = binding.widget.blockSignals(True)
        try:
            binding.show(value)
        finally:
            binding.widget.blockSignals(blocked)

    def refresh(self) -> None:
        for binding in self._bindings:
            self._show(binding)

    def _on_changed(self, op: Operation) -> None:
        op_path: Path = op.path  # type: ignore[union-attr]
        for binding in self._bindings:
            full = self.full(binding.path)
            if full is not None and (full[: len(op_path)] == op_path or op_path[: len(full)] == full):
                self._show(binding)
