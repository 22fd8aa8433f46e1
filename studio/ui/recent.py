"""The recent designs list: kept in QSettings, newest first, pruned of files that are gone.

``RecentFiles`` owns the list; ``RecentMenu`` fills File > Open Recent each time it opens,
so a file deleted since the last look never shows up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

RECENT_KEY = "documents/recent"
MAX_RECENT = 10


class RecentFiles(QObject):
    """The paths of recently opened or saved designs, most recent first."""

    changed = Signal()

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else QSettings()

    def paths(self) -> list[Path]:
        """The stored list with files that no longer exist removed (and the removal stored)."""
        stored = self._read()
        existing = [p for p in stored if p.is_file()]
        if existing != stored:
            self._write(existing)
        return existing

    def last(self) -> Path | None:
        paths = self.paths()
        return paths[0] if paths else None

    def add(self, path: Path) -> None:
        path = path.resolve()
        self._write([path, *(p for p in self._read() if p != path)][:MAX_RECENT])

    def remove(self, path: Path) -> None:
        path = path.resolve()
        self._write([p for p in self._read() if p != path])

    def clear(self) -> None:
        self._write([])

    def _read(self) -> list[Path]:
        value = self.store.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a lone entry back as a string
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(v) for v in value if isinstance(v, str) and v]

    def _write(self, paths: list[Path]) -> None:
        if paths == self._read():
            return
        self.store.setValue(RECENT_KEY, [str(p) for p in paths])
        self.store.sync()
        self.changed.emit()


class RecentMenu(QMenu):
    """File > Open Recent: one action per existing design, then Clear."""

    def __init__(self, recent: RecentFiles, open_path: Callable[[Path], object], parent: QWidget) -> None:
        super().__init__("Open &Recent", parent)
        self.recent = recent
        self._open_path = open_path
        self.aboutToShow.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        paths = self.recent.paths()
        for number, path in enumerate(paths, start=1):
            # "&1" gives keyboard access; "&" in a file name must not become a mnemonic.
            label = (
                f"&{number} {path.name.replace('&', '&&')}" if number < 10 else path.name.replace("&", "&&")
            )
            action = QAction(label, self)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open_path(p))
            self.addAction(action)
        if not paths:
            empty = self.addAction("No recent designs")
            empty.setEnabled(False)
        self.addSeparator()
        clear = self.addAction("&Clear Recent Designs")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.recent.clear)
