"""The canvas inside the real main window: installed, wired to menus, and exits cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.ui.canvas.editor import CanvasEditor

SCRIPT = r"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from studio.ui.main_window import MainWindow
from benchmarks.large_design import make_large_design
from studio.io.gallery import load_template
window = MainWindow()
window.session.load(load_template("ecommerce"), None)
window.show()
app.processEvents()
window.canvas.select_all()
window.canvas.copy()
window.canvas.paste()
window.session.load(make_large_design(components=300, connections=900, tables=5, endpoints=5), None)
app.processEvents()
assert len(window.canvas.scene.components) == 300
window.canvas.teardown()
window.session.close()
window.close()
print("clean")
"""


def test_main_window_installs_the_canvas(qtbot) -> None:  # type: ignore[no-untyped-def]
    from studio.io.gallery import load_template
    from studio.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.session.load(load_template("ecommerce"), None)
    editor = window.canvas
    assert isinstance(editor, CanvasEditor)
    assert window.centralWidget() is editor.view
    assert len(editor.scene.components) == 12
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Arrange" in titles
    assert any(a.text() == "Export &Diagram..." for a in window.file_menu.actions())
    # Canvas shortcuts work in the window while the canvas has focus.
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus)
    editor.scene.select_ids(["cmp-worker"])
    QTest.keyClick(editor.view, Qt.Key.Key_Delete)
    assert "cmp-worker" not in {c.id for c in window.session.design.document.components}
    QTest.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "cmp-worker" in {c.id for c in window.session.design.document.components}
    editor.teardown()
    window.session.close()


def test_window_with_canvas_exits_cleanly_in_a_fresh_process() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=root,
        env={**__import__("os").environ, "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("clean")
