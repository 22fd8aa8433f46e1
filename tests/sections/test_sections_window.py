"""The outline reaches every section editor, the API dock and the config panel in the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from studio.ui.main_window import MainWindow
from studio.ui.outline import SECTIONS as OUTLINE
from studio.ui.recent import RecentFiles
from studio.ui.sections.dock import OUTLINE_NAMES


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    win = MainWindow(recent=RecentFiles(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    win.open_initial(None)
    win.show()
    yield win
    win.session.undo_stack.setClean()
    win.close()
    win.session.close()


def test_outline_sections_open_their_editors(window: MainWindow) -> None:
    for name in (
        "cache_layers",
        "scaling_phases",
        "rate_limits",
        "metrics",
        "stack",
        "milestones",
        "decisions",
        "considerations",
        "performance_targets",
        "overview",
        "architecture",
    ):
        assert window.show_section(name), name
        panel = window.sections_panel  # type: ignore[attr-defined]
        assert panel.chooser.currentData() == OUTLINE_NAMES[name]
    assert window.show_section("endpoints")
    assert window.findChild(QDockWidget, "ApiDock").isVisible()
    assert window.show_section("agent_config")
    assert window.findChild(QDockWidget, "AgentConfigDock").isVisible()
    unreached = [s.name for s in OUTLINE if s.name not in OUTLINE_NAMES and s.name != "endpoints"]
    assert set(unreached) <= {
        "components",
        "connections",
        "groups",
        "tables",
        "agent_config",
    }  # the canvas, the schema dock and the config panel own those


def test_section_edit_is_undone_by_the_window_undo(window: MainWindow) -> None:
    panel = window.sections_panel  # type: ignore[attr-defined]
    decisions = panel.show_section("decisions").editors["decisions"]
    decisions.select_row(0)
    decisions.remove_selected()
    assert [d.id for d in window.session.design.document.decisions][0] == "dec-2"
    window.session.undo_stack.undo()
    assert [d.id for d in window.session.design.document.decisions][0] == "dec-1"
