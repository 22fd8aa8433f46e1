"""Starting the window: the QApplication, the first design, the event loop."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(file: str | None) -> int:
    from PySide6.QtWidgets import QApplication

    from studio.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Backend Architect Studio")
    app.setOrganizationName("BackendArchitectStudio")
    window = MainWindow()
    window.open_initial(Path(file) if file else None)
    window.show()
    code = app.exec()
    window.session.close()
    return code
