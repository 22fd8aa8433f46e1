"""The status bar's permanent document summary, kept current from the session's signals."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from studio.model import DesignDocument
from studio.ui.session import DocumentSession


def summary(document: DesignDocument) -> str:
    """``12 components · 15 connections · 9 tables · 21 endpoints``."""
    parts = [
        (len(document.components), "component"),
        (len(document.connections), "connection"),
        (len(document.schema_.tables), "table"),
        (len(document.api.endpoints), "endpoint"),
    ]
    return " · ".join(f"{n:,} {noun}{'' if n == 1 else 's'}" for n, noun in parts)


class DocumentStats(QLabel):
    """A label with :func:`summary` of the open design."""

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        session.changed.connect(self._timer.start)
        session.replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.setText(summary(self.session.design.document))
