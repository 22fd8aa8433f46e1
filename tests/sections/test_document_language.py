"""The Overview page's document language: chosen through the combo, one undo step, followed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from studio.io.gallery import load_template
from studio.ui.sections.dock import SectionsPanel
from studio.ui.session import DocumentSession


@pytest.fixture
def language_combo(qtbot: QtBot, session: DocumentSession) -> QComboBox:
    panel = SectionsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    combo = panel.show_section("overview").editors["language"]
    assert isinstance(combo, QComboBox)
    return combo


def test_choosing_korean_by_keyboard_is_one_undo_step(
    qtbot: QtBot, session: DocumentSession, language_combo: QComboBox
) -> None:
    assert [language_combo.itemText(i) for i in range(language_combo.count())] == ["English", "한국어"]
    assert language_combo.currentData() == "en"
    language_combo.setFocus()
    qtbot.keyClick(language_combo, Qt.Key.Key_Down)
    assert session.design.document.language == "ko"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.design.document.language == "en"
    assert language_combo.currentData() == "en"  # the combo follows undo
    session.undo_stack.redo()
    assert language_combo.currentText() == "한국어"


def test_choosing_the_current_language_again_adds_no_step(
    qtbot: QtBot, session: DocumentSession, language_combo: QComboBox
) -> None:
    language_combo.activated.emit(language_combo.findData("en"))
    assert session.undo_stack.count() == 0


def test_the_combo_follows_a_newly_loaded_design(session: DocumentSession, language_combo: QComboBox) -> None:
    korean = load_template("migration")
    korean.language = "ko"
    session.load(korean, None)
    assert language_combo.currentData() == "ko"
