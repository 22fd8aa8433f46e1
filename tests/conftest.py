"""Test configuration: Qt runs offscreen, and designs come from the gallery or are built in code."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from studio.io.gallery import load_template  # noqa: E402
from studio.model import Design, DesignDocument  # noqa: E402


@pytest.fixture
def ecommerce() -> DesignDocument:
    return load_template("ecommerce")


@pytest.fixture
def ecommerce_design(ecommerce: DesignDocument) -> Design:
    return Design(ecommerce)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The real main window on the e-commerce example, with settings and recent files of its own.

    Qt is imported here, not at the top, so tests that need no window never load it.
    """
    from PySide6.QtCore import QSettings

    from studio.ui.main_window import MainWindow
    from studio.ui.recent import RecentFiles

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    recent = RecentFiles(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat))
    win = MainWindow(recent=recent)
    # pytest-qt closes the window before this fixture resumes: never prompt about changes then.
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    win.open_initial(None)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.close()
