"""Autosave in the window: when copies are written, and that saving or a clean close removes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from studio.io.recovery import RecoveryStore
from studio.ui.command_palette import run_palette_text
from studio.ui.main_window import MainWindow
from studio.ui.recovery_dialog import RecoveryDialog, offer_recovery, restore


@pytest.fixture
def window(qtbot, isolated_settings, recovery_dir):  # type: ignore[no-untyped-def]
    win = MainWindow()
    win.open_initial(None)
    win.show()
    yield win
    win.session.undo_stack.setClean()  # no "save changes?" question at teardown
    win.close()
    win.session.close()
    win.deleteLater()
    qtbot.wait(1)


def _copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.recovery.json")) if folder.exists() else []


def test_nothing_is_written_while_the_design_is_unmodified(window, recovery_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.autosaver.write_now()
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert _copies(recovery_dir) == []
    assert not window.autosaver.timer.isActive()


def test_focus_loss_writes_a_copy_and_saving_removes_it(window, recovery_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run_palette_text(window, "db Orders")
    assert window.autosaver.timer.isActive()
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    [copy] = _copies(recovery_dir)
    entry = RecoveryStore(recovery_dir).list(include_live=True).entries[0]
    assert entry.changes == ("Add Database “Orders”",)
    assert window.save_to(tmp_path / "design.json")
    assert not copy.exists()
    assert not window.autosaver.timer.isActive()


def test_timer_follows_the_interval_setting(window, qtbot, recovery_dir: Path, isolated_settings) -> None:  # type: ignore[no-untyped-def]
    assert window.autosaver.timer.interval() == 30_000
    isolated_settings.set("autosave_interval_s", 1)
    assert window.autosaver.timer.interval() == 1_000
    run_palette_text(window, "queue events")
    qtbot.waitUntil(lambda: len(_copies(recovery_dir)) == 1, timeout=5_000)


def test_changes_follow_undo_and_undoing_to_the_saved_state_removes_the_copy(
    window, recovery_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    run_palette_text(window, "svc Payments")
    run_palette_text(window, "cache Sessions")
    assert window.autosaver.changes() == ["Add Service “Payments”", "Add Cache “Sessions”"]
    window.autosaver.write_now()
    assert len(_copies(recovery_dir)) == 1
    window.session.undo_stack.undo()
    assert window.autosaver.changes() == ["Add Service “Payments”"]
    window.session.undo_stack.undo()
    assert _copies(recovery_dir) == []


def test_a_clean_close_leaves_no_recovery_file(window, recovery_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run_palette_text(window, "db Orders")
    window.autosaver.write_now()
    assert len(_copies(recovery_dir)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()  # cancelled: the work is still unsaved, the copy stays
    assert len(_copies(recovery_dir)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert _copies(recovery_dir) == []


def test_restore_brings_the_design_back_as_unsaved_work(
    window, qtbot, recovery_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = RecoveryStore(recovery_dir)
    run_palette_text(window, "db Orders")
    document = window.session.design.document.model_copy(deep=True)
    store.write("feedbeef", document, tmp_path / "shop.json", ["Add Database “Orders”"])
    window.session.undo_stack.undo()
    [entry] = store.list(include_live=True).entries

    assert restore(window, window.autosaver, entry)
    assert window.session.design.document == document
    assert window.session.path == tmp_path / "shop.json"
    assert not window.session.undo_stack.isClean()
    assert window.autosaver.changes() == ["Add Database “Orders”"]
    # The window's own copy replaces the restored one, so a second crash loses nothing.
    [own] = store.list(include_live=True).entries
    assert own.entry_id == window.autosaver.entry_id and not entry.file.exists()


def test_dialog_lists_entries_and_automation_can_discard(window, recovery_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    store = RecoveryStore(recovery_dir)
    run_palette_text(window, "db Orders")
    store.write("feedbeef", window.session.design.document, None, ["Add Database “Orders”"])
    entries = store.list(include_live=True).entries
    dialog = RecoveryDialog(entries, window.autosaver, window)
    text = dialog.list.item(0).text()
    assert "never saved" in text and "Add Database “Orders”" in text
    dialog.deleteLater()

    monkey_list = store.list
    window.autosaver.store.list = lambda **_: monkey_list(include_live=True)  # type: ignore[method-assign]
    offer_recovery(window, window.autosaver, answer="discard")
    assert "recovery discarded: 1" in capsys.readouterr().out
    assert not store.path_of("feedbeef").exists()
