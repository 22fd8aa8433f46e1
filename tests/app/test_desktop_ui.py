"""Command palette, shortcut reference, workshop mode, themes and Preferences in a real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from studio.model import ComponentKind
from studio.ui.command_palette import (
    CommandPalette,
    action_paths,
    free_spot,
    fuzzy_score,
    parse_add,
    run_palette_text,
)
from studio.ui.main_window import MainWindow
from studio.ui.preferences import PreferencesDialog
from studio.ui.shortcuts import ShortcutReference, shortcut_rows
from studio.ui.themes import PALETTES, THEMES, ThemeManager, resolve_theme


@pytest.fixture
def window(qtbot, isolated_settings, recovery_dir):  # type: ignore[no-untyped-def]
    win = MainWindow()
    win.open_initial(None)
    win.show()
    yield win
    if win.workshop.active:
        win.workshop.leave()
    win.session.undo_stack.setClean()
    win.close()
    win.session.close()
    win.deleteLater()
    qtbot.wait(1)


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("db Orders", ComponentKind.DATABASE, "Orders"),
        ("svc Payments", ComponentKind.SERVICE, "Payments"),
        ("queue events", ComponentKind.QUEUE, "events"),
        ("cache Sessions", ComponentKind.CACHE, "Sessions"),
        ("GW  Edge proxy ", ComponentKind.API_GATEWAY, "Edge proxy"),
        ("object_storage", ComponentKind.OBJECT_STORAGE, "Object storage"),
    ],
)
def test_palette_reads_a_kind_and_a_name(text: str, kind: ComponentKind, name: str) -> None:
    command = parse_add(text)
    assert command is not None and (command.kind, command.name) == (kind, name)


def test_palette_leaves_other_text_to_the_actions() -> None:
    assert parse_add("save as") is None
    assert parse_add("   ") is None


def test_fuzzy_score_prefers_word_starts_and_needs_the_letters_in_order() -> None:
    assert fuzzy_score("sva", "File › Save As") is not None
    assert fuzzy_score("xyz", "File › Save As") is None
    assert fuzzy_score("save", "File › Save") > fuzzy_score("save", "View › Snap to the grid (aves)")  # type: ignore[operator]


def test_adding_components_is_one_undo_step_each_at_a_free_spot(window) -> None:  # type: ignore[no-untyped-def]
    before = len(window.session.design.document.components)
    assert "-> cmp-" in run_palette_text(window, "db Orders")
    assert "-> cmp-" in run_palette_text(window, "db Invoices")
    components = window.session.design.document.components
    a, b = components[-2], components[-1]
    assert (a.name, a.kind, b.name) == ("Orders", ComponentKind.DATABASE, "Invoices")
    assert (a.x, a.y) != (b.x, b.y)
    for other in components[:-1]:  # the newest one overlaps nothing
        assert abs(other.x - b.x) >= 180 or abs(other.y - b.y) >= 90
    window.session.undo_stack.undo()
    assert len(window.session.design.document.components) == before + 1
    x, y = free_spot(window)
    assert all(abs(c.x - x) >= 180 or abs(c.y - y) >= 90 for c in window.session.design.document.components)


def test_palette_finds_every_menu_action_and_runs_the_chosen_one(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    paths = set(action_paths(window).values())
    assert {"File › Save", "View › Workshop Mode", "Help › Keyboard Shortcuts"} <= paths
    palette = CommandPalette(window)
    palette.line.setText("worksh")
    assert palette.list.currentItem().text().startswith("View › Workshop Mode")
    palette.run_current()
    assert window.workshop.active
    palette.deleteLater()


def test_shortcut_reference_is_built_from_the_actions(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    rows = shortcut_rows(window)
    assert ("View", "Workshop Mode", "F11") in rows
    assert ("Help", "Keyboard Shortcuts", "F1") in rows
    assert any(keys == "?" for _, _, keys in rows)
    assert any(group == "Edit" and name == "Preferences" for group, name, _ in rows)
    dialog = ShortcutReference(window)
    qtbot.addWidget(dialog)
    dialog.filter.setText("workshop")
    groups = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["View"]
    assert groups[0].child(0).text(1) == "F11"


def test_workshop_mode_hides_docks_enlarges_text_and_restores_everything(window, isolated_settings) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    font_before = app.font().pointSizeF()
    visible_before = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
    isolated_settings.set("workshop_font_scale", 1.5)
    window.workshop.enter()
    assert window.isFullScreen()
    assert not [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert app.font().pointSizeF() == pytest.approx(font_before * 1.5)
    geometry, state = window.workshop.normal_layout()
    assert geometry == window.workshop.saved_geometry and state == window.workshop.saved_state
    window.workshop.leave()
    assert not window.isFullScreen()
    assert app.font().pointSizeF() == pytest.approx(font_before)
    assert {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()} == visible_before


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", THEMES)
def test_theme_text_is_legible(theme: str) -> None:
    colours = {role: QColor(value) for role, value in PALETTES[theme].items()}
    R = QPalette.ColorRole
    need = 7.0 if theme == "high-contrast" else 4.5  # WCAG AAA for projectors, AA otherwise
    for fg, bg in (
        (R.Text, R.Base),
        (R.WindowText, R.Window),
        (R.ButtonText, R.Button),
        (R.HighlightedText, R.Highlight),
    ):
        assert _contrast(colours[fg], colours[bg]) >= need, (theme, fg, bg)


def test_theme_manager_applies_and_follows_the_system(qapp) -> None:  # type: ignore[no-untyped-def]
    palette, sheet, style = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    try:
        manager = ThemeManager(qapp)
        assert manager.apply("dark") == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(
            PALETTES["dark"][QPalette.ColorRole.Window]
        )
        assert "#CommandPalette" in qapp.styleSheet()
        assert manager.apply("high-contrast") == "high-contrast"
        assert qapp.palette().color(QPalette.ColorRole.Highlight) == QColor("#ffff00")
        assert manager.apply("no-such-theme") == resolve_theme("system") in ("light", "dark")
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
        qapp.setProperty("studioTheme", None)


def test_preferences_apply_on_ok_and_refuse_a_missing_folder(
    window, isolated_settings, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(isolated_settings, window)
    dialog.autosave.setValue(120)
    dialog.snap.setChecked(True)
    dialog.export_folder.setText(str(tmp_path / "missing"))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    dialog.accept()
    assert warnings and "missing" in warnings[0]
    assert isolated_settings.get("autosave_interval_s") == 30  # nothing applied yet
    dialog.export_folder.setText(str(tmp_path))
    dialog.accept()
    assert isolated_settings.get("snap_to_grid") is True
    snap = [a for a in window.findChildren(QAction) if a.isCheckable() and a.text() == "Snap to &Grid"]
    assert all(a.isChecked() for a in snap)  # the canvas follows the preference
    assert window.autosaver.timer.interval() == 120_000
    assert isolated_settings.get("default_export_folder") == str(tmp_path)
    dialog.deleteLater()


def test_the_template_of_a_new_design_is_remembered(window, isolated_settings) -> None:  # type: ignore[no-untyped-def]
    [migration] = [a for a in window.new_menu.actions() if a.text().startswith("Monolith")]
    migration.trigger()
    assert isolated_settings.get("last_template") == "migration"


def test_snap_to_grid_is_remembered_from_the_canvas_action(window, isolated_settings) -> None:  # type: ignore[no-untyped-def]
    snap = [a for a in window.findChildren(QAction) if a.isCheckable() and a.text() == "Snap to &Grid"]
    if not snap:
        pytest.skip("no canvas Snap to Grid action in this build")
    assert snap[0].isChecked() is isolated_settings.get("snap_to_grid")
    snap[0].trigger()
    assert isolated_settings.get("snap_to_grid") is snap[0].isChecked()
