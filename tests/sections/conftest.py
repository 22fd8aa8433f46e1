"""A session on the e-commerce design, and helpers that edit through the widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from studio.io.gallery import load_template
from studio.ui.session import DocumentSession


@pytest.fixture
def session(qtbot: QtBot) -> Iterator[DocumentSession]:
    QApplication.instance()
    s = DocumentSession()
    s.load(load_template("ecommerce"), None)
    yield s
    s.close()


def edit_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Type into a cell the way a user does: select it, type, press Enter."""
    index: QModelIndex = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QWidget) and editor is not view, "no cell editor opened"
    line = getattr(editor, "lineEdit", lambda: None)() or editor
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # QTest can only type ASCII; paste-like insertion for the rest
        line.insert(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call


def type_into_editor(qtbot: QtBot, owner: QWidget, text: str | None, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the cell editor that has focus, then press ``key`` (Return commits, Escape cancels)."""
    editor = owner.focusWidget()
    assert editor is not None
    if text is not None:
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)
    QApplication.processEvents()
