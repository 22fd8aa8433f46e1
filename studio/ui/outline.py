"""The Outline dock: the document's sections with their counts, live.

Activating a section asks the window to show it (``MainWindow.show_section``), which
hands over to whichever view registered for that section name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from studio.model import DesignDocument
from studio.ui.session import DocumentSession


@dataclass(frozen=True)
class OutlineSection:
    """A section of the design document: its name for ``show_section``, label and count."""

    name: str
    label: str
    count: Callable[[DesignDocument], int]


SECTIONS: tuple[OutlineSection, ...] = (
    OutlineSection("components", "Components", lambda d: len(d.components)),
    OutlineSection("connections", "Connections", lambda d: len(d.connections)),
    OutlineSection("groups", "Groups", lambda d: len(d.groups)),
    OutlineSection("tables", "Tables", lambda d: len(d.schema_.tables)),
    OutlineSection("endpoints", "Endpoints", lambda d: len(d.api.endpoints)),
    OutlineSection("cache_layers", "Cache layers", lambda d: len(d.caching.layers)),
    OutlineSection("scaling_phases", "Scaling phases", lambda d: len(d.scaling_phases)),
    OutlineSection("rate_limits", "Rate limits", lambda d: len(d.security.rate_limits)),
    OutlineSection("metrics", "Metrics", lambda d: sum(len(g.metrics) for g in d.monitoring)),
    OutlineSection("stack", "Technology stack", lambda d: len(d.stack)),
    OutlineSection("milestones", "Milestones", lambda d: len(d.roadmap)),
    OutlineSection("decisions", "Decisions", lambda d: len(d.decisions)),
    OutlineSection("considerations", "Considerations", lambda d: len(d.considerations)),
    OutlineSection("performance_targets", "Performance targets", lambda d: len(d.performance_targets)),
)
SECTION_LABELS: dict[str, str] = {s.name: s.label for s in SECTIONS}

_NAME_ROLE = Qt.ItemDataRole.UserRole


class OutlineDock(QDockWidget):
    """Lists :data:`SECTIONS` with counts; emits ``section_activated(name)``."""

    section_activated = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__("Outline", parent)
        self.setObjectName("OutlineDock")
        self.session = session
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Section", "Count"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.items: dict[str, QTreeWidgetItem] = {}
        for section in SECTIONS:
            item = QTreeWidgetItem(self.tree, [section.label, ""])
            item.setData(0, _NAME_ROLE, section.name)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.items[section.name] = item
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.setWidget(self.tree)
        # A batch of a thousand leaf edits refreshes the counts once, not a thousand times.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        session.changed.connect(self._refresh_timer.start)
        session.replaced.connect(self.refresh)
        self.refresh()

    def count(self, name: str) -> int:
        """The count shown for section ``name`` (for tests and the status bar)."""
        return int(self.items[name].text(1))

    def refresh(self) -> None:
        document = self.session.design.document
        for section in SECTIONS:
            item = self.items[section.name]
            item.setText(1, str(section.count(document)))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.section_activated.emit(str(item.data(0, _NAME_ROLE)))
