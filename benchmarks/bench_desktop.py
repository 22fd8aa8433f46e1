"""Costs of the desktop layer: what it adds to start-up, and the pause autosave causes.

``desktop_install_ms``: the desktop installer (settings, theme, autosave, workshop, menus)
on a window that already has every other view: its share of ``startup_window_s``.
``autosave_write_large_ms``: one recovery copy of the 1,000-component design, written on
the UI thread by the autosave timer (it should stay well under a frame budget of pauses
a user would notice, about 100 ms).
``recovery_list_ms``: listing a recovery folder of 20 entries at start-up.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.large_design import make_large_design

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def desktop_install_ms() -> float:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from studio.ui import autosave, desktop, main_window, settings

    app = QApplication.instance() or QApplication(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="bench-desktop-"))
    settings._instance = settings.Settings(QSettings(str(folder / "s.conf"), QSettings.Format.IniFormat))
    original_folder = autosave.recovery_folder
    autosave.recovery_folder = lambda: folder / "recovery"  # type: ignore[assignment]
    others = [spec for spec in main_window.VIEW_INSTALLERS if not spec.startswith("studio.ui.desktop:")]
    saved = list(main_window.VIEW_INSTALLERS)
    main_window.VIEW_INSTALLERS[:] = others
    samples = []
    try:
        for _ in range(5):
            window = main_window.MainWindow()
            started = time.perf_counter()
            desktop.install(window)
            samples.append((time.perf_counter() - started) * 1000)
            window.session.close()
            window.deleteLater()
            app.processEvents()
    finally:
        main_window.VIEW_INSTALLERS[:] = saved
        autosave.recovery_folder = original_folder  # type: ignore[assignment]
        settings.reset_app_settings()
    return statistics.median(samples)


def autosave_write_large_ms() -> float:
    from studio.io.recovery import RecoveryStore

    document = make_large_design()
    store = RecoveryStore(tempfile.mkdtemp(prefix="bench-recovery-"))
    entry = store.new_entry_id()
    changes = [f"Change name {i}" for i in range(40)]
    samples = []
    for _ in range(7):
        started = time.perf_counter()
        store.write(entry, document, Path("/tmp/large.json"), changes)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def recovery_list_ms() -> float:
    from studio.io.recovery import RecoveryStore
    from studio.model import DesignDocument

    store = RecoveryStore(tempfile.mkdtemp(prefix="bench-recovery-"))
    for _ in range(20):
        store.write(store.new_entry_id(), DesignDocument(), None, ["Add component"])
    samples = []
    for _ in range(9):
        started = time.perf_counter()
        store.list(include_live=True)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


BENCHMARKS: dict[str, Callable[[], float]] = {
    "desktop_install_ms": desktop_install_ms,
    "autosave_write_large_ms": autosave_write_large_ms,
    "recovery_list_ms": recovery_list_ms,
}
