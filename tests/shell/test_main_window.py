"""The window shell: edit, undo, save, close; title, outline, recent files, errors as dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from studio.io.design_file import load_design, save_design
from studio.io.gallery import TEMPLATE_TITLES, load_template
from studio.model import Component, InsertItem
from studio.ui.main_window import MainWindow
from studio.ui.outline import SECTIONS
from studio.ui.recent import RecentFiles, RecentMenu


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _warnings(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(window, "_warn", lambda title, text: shown.append(text))
    return shown


def test_edit_undo_save_close(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = window.session
    assert window.windowTitle().startswith("Untitled[*]") and not window.isWindowModified()
    components = len(session.design.document.components)
    assert window.outline.count("components") == components

    assert session.push(session.design.set_op(("overview", "title"), "Shop v2"))
    assert session.push(session.design.insert_op(("components",), Component(id="cmp-new", name="Search")))
    assert window.isWindowModified()
    assert window.undo_action.text() == "&Undo Add component"
    qtbot.waitUntil(lambda: window.outline.count("components") == components + 1)
    assert "13 components" in window.stats.text() or f"{components + 1} components" in window.stats.text()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.outline.count("components") == components)
    assert session.design.document.component("cmp-new") is None
    assert window.redo_action.text() == "&Redo Add component"
    assert window.undo_action.text() == "&Undo Change title"

    out = tmp_path / "shop.json"
    assert window.save_to(out)
    assert load_design(out).overview.title == "Shop v2"
    assert not window.isWindowModified() and window.windowTitle().startswith("shop.json[*]")
    assert window.recent.paths() == [out.resolve()]
    assert window.close()


def test_unsaved_changes_are_asked_about(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    session = window.session
    session.push(session.design.set_op(("overview", "title"), "Changed"))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.close() and window.isVisible()
    assert not window.new_from_template("blank")
    assert asked and "Untitled" in asked[0]
    assert session.design.document.overview.title == "Changed"
    _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.close_design()
    assert session.design.document.components == [] and window.session.path is None
    assert not window.isWindowModified()


def test_new_from_template_menu_lists_the_gallery(window: MainWindow) -> None:
    titles = [a.text() for a in window.new_menu.actions()]
    assert titles == list(TEMPLATE_TITLES.values())
    migration = next(a for a in window.new_menu.actions() if a.text() == TEMPLATE_TITLES["migration"])
    migration.trigger()
    assert window.session.design.document == load_template("migration")
    assert window.outline.count("scaling_phases") == len(load_template("migration").scaling_phases)


def test_open_errors_show_one_line_and_keep_the_design(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    shown = _warnings(monkeypatch, window)
    bad = tmp_path / "shop.json"
    bad.write_bytes(b'{"format": "backend-architect-studio", "version": 1, "components": [{"id": 5}]}')
    before, mtime = bad.read_bytes(), bad.stat().st_mtime_ns
    document = window.session.design.document
    assert not window.open_path(bad)
    assert shown == ["shop.json: components[0].id: input should be a valid string (found 5)"]
    assert window.session.design.document is document
    assert bad.read_bytes() == before and bad.stat().st_mtime_ns == mtime
    assert not window.open_path(tmp_path / "gone.json")
    assert shown[-1].endswith("gone.json: no such file") and "\n" not in shown[-1]


def test_failed_save_keeps_the_design_modified(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    shown = _warnings(monkeypatch, window)
    window.session.push(window.session.design.set_op(("overview", "title"), "x"))
    assert not window.save_to(tmp_path / "missing-folder" / "shop.json")
    assert len(shown) == 1 and "missing-folder" in shown[0]
    assert window.isWindowModified() and window.session.path is None


def test_open_recent_prunes_missing_files_and_clears(window: MainWindow, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b & c.json"
    for path in (first, second):
        save_design(load_template("ecommerce"), path)
        assert window.open_path(path)
    menu: RecentMenu = window.recent_menu
    menu.refresh()
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[:2] == ["&1 b && c.json", "&2 a.json"]
    second.unlink()
    menu.refresh()
    assert [a.text() for a in menu.actions() if a.text()][0] == "&1 a.json"
    assert window.recent.paths() == [first.resolve()]
    clear = next(a for a in menu.actions() if a.text().startswith("&Clear"))
    clear.trigger()
    assert window.recent.paths() == []


def test_recent_files_survive_a_new_settings_object(recent: RecentFiles, tmp_path: Path) -> None:
    path = tmp_path / "only.json"
    path.write_text("{}")
    recent.add(path)
    again = RecentFiles(type(recent.store)(recent.store.fileName(), recent.store.format()))
    assert again.paths() == [path.resolve()]  # one entry comes back from QSettings as a string


def test_start_up_opens_the_last_design_else_the_example(qtbot, recent: RecentFiles, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    last = tmp_path / "last.json"
    save_design(load_template("migration"), last)
    recent.add(last)
    window = MainWindow(recent=recent)
    qtbot.addWidget(window, before_close_func=lambda w: w.session.undo_stack.setClean())
    window.open_initial(None)
    assert window.session.path == last
    last.unlink()
    other = MainWindow(recent=recent)
    qtbot.addWidget(other, before_close_func=lambda w: w.session.undo_stack.setClean())
    other.open_initial(None)
    assert other.session.path is None and other.session.design.document == load_template("ecommerce")


def test_start_up_with_a_broken_file_warns_and_shows_the_example(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    recent: RecentFiles,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    window = MainWindow(recent=recent)
    qtbot.addWidget(window, before_close_func=lambda w: w.session.undo_stack.setClean())
    shown = _warnings(monkeypatch, window)
    window.open_initial(bad)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith("bad.json: line 1 column 2: not valid JSON")
    assert window.session.design.document.overview.title == load_template("ecommerce").overview.title


def test_outline_activation_dispatches_to_registered_views(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    window.register_section("tables", lambda: shown.append("tables"))
    with qtbot.waitSignal(window.section_activated) as signal:
        window.outline.tree.itemActivated.emit(window.outline.items["tables"], 0)
    assert signal.args == ["tables"] and shown == ["tables"]
    assert not window.show_section("no_such_section")
    assert "no_such_section" in window.statusBar().currentMessage()
    document = window.session.design.document
    for section in SECTIONS:
        assert window.outline.count(section.name) == section.count(document)


def test_a_refused_edit_is_reported_in_the_status_bar(window: MainWindow) -> None:
    bad = InsertItem(("connections",), 0, {"id": "con-x", "source": "cmp-nope", "target": "cmp-nope"})
    assert not window.session.push(bad)
    assert "Edit refused" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0


def test_an_inconsistent_document_is_refused_and_the_open_design_kept(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    from studio.model import Connection, DesignDocument

    shown = _warnings(monkeypatch, window)
    design = window.session.design
    broken = DesignDocument(connections=[Connection(id="con-1", source="a", target="b")])
    assert not window.load_document(broken, None)
    assert shown == ["design: connections[0].source: no component 'a'"]
    assert window.session.design is design
    assert window.session.push(design.set_op(("overview", "title"), "still live"))
    assert window.undo_action.text() == "&Undo Change title"



def test_every_outline_row_reaches_a_view(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Overview, architecture, security and agent config have rows too, with a summary."""
    names = [section.name for section in SECTIONS]
    assert {"overview", "architecture", "security", "agent_config"} <= set(names)
    for name in names:
        window.statusBar().clearMessage()
        assert window.show_section(name), name
        assert not window.statusBar().currentMessage().startswith("No view shows"), name
    outline, document = window.outline, window.session.design.document
    assert outline.items["overview"].text(1) == document.overview.title
    assert outline.count("security") == document.security.auth_kind
    assert outline.items["agent_config"].text(1) == document.agent_config.database
    design = window.session.design
    title = "A very long title for the <outline> & more"
    window.session.push(design.set_op(("overview", "title"), title))
    window.session.push(design.set_op(("agent_config", "database"), "sqlite"))
    qtbot.waitUntil(lambda: outline.items["agent_config"].text(1) == "sqlite")
    shown = outline.items["overview"].text(1)
    assert shown.endswith("…") and title.startswith(shown[:-1]) and len(shown) <= 24
    escaped = "A very long title for the &lt;outline&gt; &amp; more"
    assert outline.items["overview"].toolTip(1) == f"<p>{escaped}</p>"
