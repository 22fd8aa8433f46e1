"""The outline reaches every section editor, the API dock and the config panel in the real window."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from studio.ui.main_window import MainWindow
from studio.ui.outline import SECTIONS as OUTLINE
from studio.ui.sections.dock import OUTLINE_NAMES


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
