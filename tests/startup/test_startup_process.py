"""The real start-up: the first paint does not wait for the libraries only later work needs.

A driver runs ``studio.cli.main`` unchanged in a fresh process (so that nothing was imported
before) and reports which of them were loaded when the window had been drawn, and what the
DDL preview's Problems list held once the deferred work had run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LATER = ("networkx", "sqlglot", "yaml", "jinja2", "studio.lint", "studio.sql.ddl")

DRIVER = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studio.ui import main_window, startup

LATER = LATER_NAMES
_show = main_window.MainWindow.showEvent

def _drawn(window):
    QApplication.processEvents()
    loaded = [name for name in LATER if name in sys.modules]
    QTimer.singleShot(0, lambda: _settled(window, loaded))

def _settled(window, loaded):
    if startup.starting():
        QTimer.singleShot(10, lambda: _settled(window, loaded))
        return
    problems = window.ddl_preview_dock.problems
    rules = sorted({problems.topLevelItem(i).text(2) for i in range(problems.topLevelItemCount())})
    print(json.dumps({"loaded_when_drawn": loaded, "rules": rules,
                      "graph_edges": window.session.design.graph.number_of_edges()}), flush=True)
    window.close()
    QApplication.quit()

def showEvent(self, event):
    _show(self, event)
    if not getattr(self, "_reported", False):
        self._reported = True
        QTimer.singleShot(0, lambda: _drawn(self))

main_window.MainWindow.showEvent = showEvent
from studio.cli import main
raise SystemExit(main(sys.argv[1:]))
""".replace("LATER_NAMES", repr(LATER))


def test_the_window_is_drawn_before_later_libraries_load_and_then_fills_in(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    result = subprocess.run(
        [sys.executable, "-c", DRIVER], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    assert report["loaded_when_drawn"] == []
    assert "schema.redundant-index" in report["rules"]  # lint ran after the first paint
    assert report["graph_edges"] > 0  # and the component graph is there when asked for
