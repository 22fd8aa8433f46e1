"""The config panel through its widgets: form, live preview, open, merge-save, bad files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.io.gallery import load_template
from studio.ui.config.panel import ConfigPanel
from studio.ui.session import DocumentSession

OTHER = (
    "{\n"
    '  "frontend-architect": {"framework": "vue", "i18n": {"locales": ["fr", "日本"]}},\n'
    '  "backend-architect": {\n'
    '    "database": "mysql",\n'
    '    "x-owner": "équipe données",\n'
    '    "architectureStyle": "microservices",\n'
    '    "authentication": "oauth2"\n'
    "  }\n"
    "}\n"
)


@pytest.fixture
def session(qtbot: QtBot) -> Iterator[DocumentSession]:
    s = DocumentSession()
    s.load(load_template("ecommerce"), None)
    yield s
    s.close()


@pytest.fixture
def panel(qtbot: QtBot, session: DocumentSession) -> ConfigPanel:
    widget = ConfigPanel(session)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _choose(panel: ConfigPanel, key: str, value: str) -> None:
    combo = panel.combos[key]
    combo.setCurrentIndex(combo.findText(value))
    combo.activated.emit(combo.currentIndex())


def test_form_drives_design_and_preview(qtbot: QtBot, panel: ConfigPanel, session: DocumentSession) -> None:
    before = session.design.document.model_copy(deep=True)
    _choose(panel, "architectureStyle", "microservices")
    _choose(panel, "authentication", "oauth2")
    _choose(panel, "database", "sqlserver")
    doc = session.design.document
    assert doc.architecture.style == "microservices" and doc.security.auth_kind == "oauth2"
    assert json.loads(panel.preview.toPlainText())["backend-architect"]["database"] == "sqlserver"
    assert "tsql" in panel.effects.text()
    combo = panel.combos["preferredFramework"]
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "litestar")  # free text beyond the known values
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert doc.agent_config.preferred_framework == "litestar"
    assert session.undo_stack.count() == 4
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.design.document == before and panel.combos["database"].currentText() == "postgresql"


def test_open_applies_one_undoable_batch_and_save_merges_bytes(
    panel: ConfigPanel, session: DocumentSession, tmp_path: Path
) -> None:
    path = tmp_path / ".agentconfig.json"
    path.write_text(OTHER, "utf-8")
    assert panel.open_file(path)
    doc = session.design.document
    assert (doc.agent_config.database, doc.architecture.style, doc.security.auth_kind) == (
        "mysql",
        "microservices",
        "oauth2",
    )
    assert session.undo_stack.count() == 1
    _choose(panel, "database", "postgresql")
    expected = OTHER.replace('"database": "mysql",\n', '"database": "postgresql",\n').replace(
        '    "authentication": "oauth2"\n',
        '    "authentication": "oauth2",\n    "preferredFramework": "express",\n    "caching": "redis",\n'
        '    "documentation": "openapi"\n',
    )
    assert panel.preview.toPlainText() == expected  # the preview is what will be written
    assert panel.save()
    assert path.read_bytes() == expected.encode("utf-8")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert doc.architecture.style == "modular-monolith" and doc.agent_config.database == "postgresql"


def test_malformed_file_is_reported_with_line_and_column(
    panel: ConfigPanel, session: DocumentSession, tmp_path: Path
) -> None:
    path = tmp_path / ".agentconfig.json"
    bad = '{\n  "backend-architect": {\n    "database": "mysql",\n  }\n}\n'
    path.write_text(bad, "utf-8")
    before = session.design.document.model_copy(deep=True)
    assert not panel.open_file(path)
    assert "line 4 column 3" in panel.message.text() and "Nothing was changed" in panel.message.text()
    assert session.design.document == before and session.undo_stack.count() == 0
    assert not panel.save_to(path)
    assert "line 4 column 3" in panel.message.text() and path.read_text("utf-8") == bad


def test_save_into_new_file(panel: ConfigPanel, tmp_path: Path) -> None:
    path = tmp_path / "new" / ".agentconfig.json"
    path.parent.mkdir()
    assert panel.save_to(path)
    assert json.loads(path.read_text("utf-8"))["backend-architect"]["architectureStyle"] == "modular-monolith"
    assert panel.save_button.isEnabled()


def test_preview_marks_the_lines_that_will_change(panel: ConfigPanel, tmp_path: Path) -> None:
    path = tmp_path / ".agentconfig.json"
    path.write_text(OTHER, "utf-8")
    panel.open_file(path)
    _choose(panel, "caching", "memcached")
    lines = panel.preview.toPlainText().splitlines()
    marked = [lines[i].strip() for i in panel.changed_lines]
    assert marked == [
        '"authentication": "oauth2",',
        '"preferredFramework": "express",',
        '"caching": "memcached",',
        '"documentation": "openapi"',
    ]
    assert "4 lines change" in panel.preview_label.text()
