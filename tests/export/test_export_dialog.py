"""File > Export Design Pack: the dialog's choices, the progress dialog, cancelling."""

from __future__ import annotations

from pathlib import Path

from studio.io.gallery import load_template
from studio.ui.export_dialog import ExportDialog, run_export
from studio.ui.main_window import MainWindow


def test_menu_action_and_export_through_the_progress_dialog(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.session.load(load_template("ecommerce"), None)
    assert window.export_pack_action in window.file_menu.actions()
    dialog = ExportDialog(tmp_path / "pack", window)
    qtbot.addWidget(dialog)
    for kind, check in dialog.checks.items():
        check.setChecked(kind in ("mermaid", "dbml"))
    result = run_export(window, tmp_path / "pack", False, dialog.kinds())
    assert result is not None and result.failures == []
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == [
        "c4-container.mmd",
        "erd.mmd",
        "schema.dbml",
        "system.mmd",
    ]
    window.session.close()


def test_cancelled_export_writes_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressDialog

    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert run_export(window, tmp_path / "pack", False, ["mermaid", "dot"]) is None
    assert not (tmp_path / "pack").exists()
    window.session.close()
