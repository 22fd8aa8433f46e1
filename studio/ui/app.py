"""Starting the window: the QApplication, the first design, the event loop, a clean exit."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

#: Qt-free modules the first window needs, imported before PySide6: once PySide6 is loaded
#: its import hook reads the source of every module imported after it. What the first paint
#: does not need (networkx, sqlglot, the lint rules, jinja2) loads after it instead: see
#: ``studio.ui.startup``.
PRELOAD = (
    "studio.io.design_file",
    "studio.io.gallery",
    "studio.sql.dialects",
    "studio.layout",
)


def _preload() -> None:
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional part missing here fails loudly where it is used
            pass


def run_app(file: str | None, quit_after_ms: int | None = None) -> int:
    """Run the studio; ``quit_after_ms`` closes it that long after the window is shown.

    The quit timer serves tests and benchmarks of start-up (``--quit-after-ms``): the
    window goes through its ordinary close (unsaved changes would still be asked about).
    """
    _preload()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studio.ui import startup
    from studio.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Backend Architect Studio")
    app.setOrganizationName("BackendArchitectStudio")
    from studio.ui.desktop import prepare_application  # language, icon, recovery offer

    prepare_application(app)
    startup.begin(app)  # views may leave costly content until the window has been drawn
    window = MainWindow()
    startup.watch(window)
    # Shown first, so that views fitting the design to their size (the canvas) see real sizes.
    window.show()
    window.open_initial(Path(file) if file else None)
    if quit_after_ms is not None:
        # quit() also ends a dialog's loop (an error shown at start-up); a refused close wins.
        QTimer.singleShot(max(0, quit_after_ms), lambda: window.close() and app.quit())
    code = app.exec()
    startup.end()
    # Explicit teardown: no model event or undo-stack signal may reach a half-destroyed view.
    window.session.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, 0)
    return code
