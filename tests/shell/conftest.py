"""Window tests keep every setting, recent file and recovery copy inside the test's tmp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from studio.ui.main_window import MainWindow
from studio.ui.recent import RecentFiles


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "user"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder / "config"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "config"))
    yield folder


@pytest.fixture
def recent(tmp_path: Path) -> RecentFiles:
    return RecentFiles(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, recent: RecentFiles) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(recent=recent)
    # pytest-qt closes the window before this fixture resumes: never prompt about changes then.
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    win.open_initial(None)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.close()
