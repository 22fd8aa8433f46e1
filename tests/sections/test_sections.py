"""Every section edited through its widgets; the model changes; one undo restores it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from studio.io.gallery import load_template
from studio.model import DesignDocument
from studio.ui.sections.dock import SectionsPanel
from studio.ui.session import DocumentSession

from .conftest import edit_cell, type_into_editor


@pytest.fixture
def panel(qtbot: QtBot, session: DocumentSession) -> SectionsPanel:
    widget = SectionsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _snapshot(session: DocumentSession) -> DesignDocument:
    return session.design.document.model_copy(deep=True)


def _undo_all(session: DocumentSession, before: DesignDocument) -> None:
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.design.document == before


def test_overview_typing_merges_into_one_step(
    qtbot: QtBot, panel: SectionsPanel, session: DocumentSession
) -> None:
    before = _snapshot(session)
    page = panel.show_section("overview")
    title = page.editors["title"]
    title.selectAll()
    qtbot.keyClicks(title, "Shop <v2> & co")
    assert session.design.document.overview.title == "Shop <v2> & co"
    assert session.undo_stack.count() == 1  # typing merged
    page.editors["summary"].moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.editors["summary"], " More.")
    assert session.design.document.overview.summary.endswith(" More.")
    page.editors["users_target"].setValue(2_000_000)
    assert session.design.document.overview.users_target == 2_000_000
    session.undo_stack.undo()
    assert page.editors["users_target"].value() == 1_000_000  # the widget follows undo
    _undo_all(session, before)
    assert title.text() == "E-commerce backend"


def test_architecture_style_and_rationale(
    qtbot: QtBot, panel: SectionsPanel, session: DocumentSession
) -> None:
    before = _snapshot(session)
    page = panel.show_section("architecture")
    style = page.editors["style"]
    style.setCurrentIndex(style.findText("microservices"))
    style.activated.emit(style.currentIndex())
    assert session.design.document.architecture.style == "microservices"
    rationale = page.editors["rationale"]
    rationale.select_row(1)
    rationale.add_row()  # Insert: a new row below the current one, its editor open
    type_into_editor(qtbot, panel, "Teams own modules")
    assert session.design.document.architecture.rationale[2] == "Teams own modules"
    rationale.select_row(2)
    rationale.move_current(-1)
    assert session.design.document.architecture.rationale[1] == "Teams own modules"
    _undo_all(session, before)


def test_caching_layers_table(qtbot: QtBot, panel: SectionsPanel, session: DocumentSession) -> None:
    before = _snapshot(session)
    page = panel.show_section("caching")
    layers = page.editors["layers"]
    edit_cell(qtbot, layers.view, 1, 2, "7200")
    edit_cell(qtbot, layers.view, 1, 1, "product:{slug}")
    doc = session.design.document
    assert doc.caching.layers[1].ttl_seconds == 7200 and doc.caching.layers[1].key_pattern == "product:{slug}"
    layers.select_row(0)
    layers.view.setFocus()
    qtbot.keyClick(layers.view, Qt.Key.Key_Delete)
    assert [layer.id for layer in doc.caching.layers] == ["cache-products", "cache-query"]
    qtbot.keyClick(layers.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [layer.id for layer in doc.caching.layers] == ["cache-query", "cache-products"]
    page.editors["technology"].lineEdit().selectAll()
    qtbot.keyClicks(page.editors["technology"].lineEdit(), "Memcached 1.6")
    assert doc.caching.technology == "Memcached 1.6"
    _undo_all(session, before)


def test_scaling_phases_actions_and_components(
    qtbot: QtBot, panel: SectionsPanel, session: DocumentSession
) -> None:
    before = _snapshot(session)
    page = panel.show_section("scaling")
    phases, actions, adds = page.editors["phases"], page.editors["actions"], page.editors["adds_components"]
    phases.select_row(1)
    assert actions.model.path == ("scaling_phases", "phase-2", "actions")
    edit_cell(qtbot, actions.view, 0, 0, "3 read replicas")
    assert session.design.document.scaling_phases[1].actions[0] == "3 read replicas"
    gateway = next(
        i for i in range(adds.count()) if adds.item(i).data(Qt.ItemDataRole.UserRole) == "cmp-gateway"
    )
    adds.item(gateway).setCheckState(Qt.CheckState.Checked)
    assert session.design.document.scaling_phases[1].adds_components[-1] == "cmp-gateway"
    edit_cell(qtbot, phases.view, 1, 1, "400000")
    assert session.design.document.scaling_phases[1].user_threshold == 400_000
    phases.add_row()
    type_into_editor(qtbot, panel, None, Qt.Key.Key_Escape)
    assert len(session.design.document.scaling_phases) == 4
    assert actions.model.path == ("scaling_phases", session.design.document.scaling_phases[2].id, "actions")
    _undo_all(session, before)
    assert adds.item(gateway).checkState() == Qt.CheckState.Unchecked


def test_security_fields_and_tables(qtbot: QtBot, panel: SectionsPanel, session: DocumentSession) -> None:
    before = _snapshot(session)
    page = panel.show_section("security")
    e = page.editors
    e["auth_kind"].setCurrentIndex(e["auth_kind"].findText("oauth2"))
    e["auth_kind"].activated.emit(e["auth_kind"].currentIndex())
    e["access_token_minutes"].setValue(5)
    e["refresh_token_days"].setValue(30)
    e["request_size_limit_mb"].setValue(2.5)
    e["credentials"].click()
    edit_cell(qtbot, e["rate_limits"].view, 2, 1, "5000")
    edit_cell(qtbot, e["token_claims"].view, 0, 0, "sub")
    edit_cell(qtbot, e["origins"].view, 0, 0, "https://shop.example.org")
    e["methods"].select_row(3)
    e["methods"].remove_selected()
    e["protections"].add_row()
    type_into_editor(qtbot, panel, "CSRF tokens")
    s = session.design.document.security
    assert (s.auth_kind, s.access_token_minutes, s.refresh_token_days, s.request_size_limit_mb) == (
        "oauth2",
        5,
        30,
        2.5,
    )
    assert s.cors.credentials is False and s.rate_limits[2].requests == 5000 and s.token_claims[0] == "sub"
    assert s.cors.origins == ["https://shop.example.org"] and s.cors.methods == ["GET", "POST", "PUT"]
    assert s.protections[-1] == "CSRF tokens"
    _undo_all(session, before)


def test_monitoring_groups_and_metrics(qtbot: QtBot, panel: SectionsPanel, session: DocumentSession) -> None:
    before = _snapshot(session)
    page = panel.show_section("monitoring")
    groups, metrics = page.editors["groups"], page.editors["metrics"]
    groups.select_row(2)
    edit_cell(qtbot, metrics.view, 3, 0, "Network throughput")
    edit_cell(qtbot, groups.view, 2, 0, "Infra")
    doc = session.design.document
    assert doc.monitoring[2].name == "Infra" and doc.monitoring[2].metrics[3] == "Network throughput"
    _undo_all(session, before)


def test_stack_alternatives_list_column(qtbot: QtBot, panel: SectionsPanel, session: DocumentSession) -> None:
    before = _snapshot(session)
    stack = panel.show_section("stack").editors["stack"]
    edit_cell(qtbot, stack.view, 1, 2, "NestJS, Fastify")
    assert session.design.document.stack[1].alternatives == ["NestJS", "Fastify"]
    _undo_all(session, before)


def test_roadmap_milestones_and_task_done_flags(
    qtbot: QtBot, panel: SectionsPanel, session: DocumentSession
) -> None:
    before = _snapshot(session)
    page = panel.show_section("roadmap")
    milestones, tasks = page.editors["milestones"], page.editors["tasks"]
    milestones.select_row(3)
    edit_cell(qtbot, milestones.view, 3, 2, "10")
    tasks.select_row(1, 0)
    tasks.view.setFocus()
    qtbot.keyClick(tasks.view, Qt.Key.Key_Space)  # toggles the Done check box
    doc = session.design.document
    assert doc.roadmap[3].end_week == 10 and doc.roadmap[3].tasks[1].done is True
    assert tasks.model.data(tasks.model.index(1, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    edit_cell(qtbot, milestones.view, 3, 1, "12")
    warning = next(w for w in page.widget.findChildren(QLabel) if "before it starts" in w.text())
    assert warning.text() == "Production readiness: ends in week 10, before it starts (week 12)"
    _undo_all(session, before)


@pytest.mark.parametrize(
    ("section", "editor", "field", "column"),
    [
        ("decisions", "decisions", "rationale", 1),
        ("considerations", "considerations", "detail", 1),
        ("performance", "targets", "target", 1),
    ],
)
def test_simple_tables(
    qtbot: QtBot,
    panel: SectionsPanel,
    session: DocumentSession,
    section: str,
    editor: str,
    field: str,
    column: int,
) -> None:
    before = _snapshot(session)
    table = panel.show_section(section).editors[editor]
    items = {
        "decisions": "decisions",
        "considerations": "considerations",
        "performance": "performance_targets",
    }[section]
    edit_cell(qtbot, table.view, 0, column, "Written in the studio ✓ café")
    assert getattr(getattr(session.design.document, items)[0], field) == "Written in the studio ✓ café"
    table.select_row(0)
    table.add_row()
    type_into_editor(qtbot, panel, None, Qt.Key.Key_Escape)
    assert len(getattr(session.design.document, items)) == len(getattr(before, items)) + 1
    _undo_all(session, before)


def test_refused_edit_changes_nothing(qtbot: QtBot, panel: SectionsPanel, session: DocumentSession) -> None:
    page = panel.show_section("roadmap")
    with qtbot.waitSignal(session.edit_refused):
        page.editors["milestones"].model.setData(page.editors["milestones"].model.index(0, 1), "soon")
    assert session.design.document.roadmap[0].start_week == 1 and session.undo_stack.count() == 0


def test_pages_follow_a_new_document(qtbot: QtBot, panel: SectionsPanel, session: DocumentSession) -> None:
    page = panel.show_section("roadmap")
    session.load(DesignDocument(), None)
    assert page.editors["milestones"].model.rowCount() == 0 and not page.editors["tasks"].isEnabled()
    session.load(load_template("migration"), None)
    first = session.design.document.roadmap[0]
    assert page.editors["tasks"].model.path == ("roadmap", first.id, "tasks")  # the first milestone is shown
    assert panel.show_section("overview").editors["title"].text() == "Monolith to microservices"


def test_leaving_a_field_ends_its_undo_step(
    qtbot: QtBot, panel: SectionsPanel, session: DocumentSession
) -> None:
    """Two separate typing sessions in one field are two undo steps (Enter or focus-out ends one)."""
    page = panel.show_section("overview")
    title, summary = page.editors["title"], page.editors["summary"]
    original_summary = session.design.document.overview.summary
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " one")
    qtbot.keyClick(title, Qt.Key.Key_Return)  # editingFinished
    qtbot.keyClicks(title, " two")
    assert session.design.document.overview.title == "E-commerce backend one two"
    assert session.undo_stack.count() == 2
    summary.setFocus()
    summary.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(summary, " A.")
    title.setFocus()  # focus-out of the text box
    qtbot.waitUntil(lambda: title.hasFocus())
    summary.setFocus()
    qtbot.keyClicks(summary, " B.")
    assert session.undo_stack.count() == 4
    session.undo_stack.undo()
    assert session.design.document.overview.summary == original_summary + " A."
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.design.document.overview.title == "E-commerce backend one"
