"""The Outline dock: the document's sections with their counts (or a one-word summary), live.

Activating a section asks the window to show it (``MainWindow.show_section``), which
hands over to whichever view registered for that section name.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from studio.model import DesignDocument
from studio.ui.session import DocumentSession


@dataclass(frozen=True)
class OutlineSection:
    """A section of the design document: its name for ``show_section``, label and count.

    Sections that are one record rather than a list (overview, security, ...) show a short
    summary such as the title or the auth kind instead of a number.
    """

    name: str
    label: str
    count: Callable[[DesignDocument], int | str]


#: Summaries longer than this are elided in the Count column (the tooltip has them whole).
SUMMARY_CHARS = 24

SECTIONS: tuple[OutlineSection, ...] = (
    OutlineSection("overview", "Overview", lambda d: d.overview.title),
    OutlineSection("architecture", "Architecture style", lambda d: d.architecture.style),
    OutlineSection("components", "Components", lambda d: len(d.components)),
    OutlineSection("connections", "Connections", lambda d: len(d.connections)),
    OutlineSection("groups", "Groups", lambda d: len(d.groups)),
    OutlineSection("tables", "Tables", lambda d: len(d.schema_.tables)),
    OutlineSection("endpoints", "Endpoints", lambda d: len(d.api.endpoints)),
    OutlineSection("cache_layers", "Cache layers", lambda d: len(d.caching.layers)),
    OutlineSection("scaling_phases", "Scaling phases", lambda d: len(d.scaling_phases)),
    OutlineSection("security", "Security", lambda d: d.security.auth_kind),
    OutlineSection("rate_limits", "Rate limits", lambda d: len(d.security.rate_limits)),
    OutlineSection("metrics", "Metrics", lambda d: sum(len(g.metrics) for g in d.monitoring)),
    OutlineSection("stack", "Technology stack", lambda d: len(d.stack)),
    OutlineSection("milestones", "Milestones", lambda d: len(d.roadmap)),
    OutlineSection("decisions", "Decisions", lambda d: len(d.decisions)),
    OutlineSection("considerations", "Considerations", lambda d: len(d.considerations)),
    OutlineSection("performance_targets", "Performance targets", lambda d: len(d.performance_targets)),
    OutlineSection("agent_config", "Agent config", lambda d: d.agent_config.database),
)
SECTION_LABELS: dict[str, str] = {s.name: s.label for s in SECTIONS}

_NAME_ROLE = Qt.ItemDataRole.UserRole
_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


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

    def count(self, name: str) -> int | str:
        """The count (or summary) shown for section ``name``, as ``OutlineSection.count`` gives it."""
        value: int | str = self.items[name].data(1, _VALUE_ROLE)
        return value

    def refresh(self) -> None:
        document = self.session.design.document
        for section in SECTIONS:
            item = self.items[section.name]
            value = section.count(document)
            text = str(value)
            if isinstance(value, str):
                text = " ".join(text.split()) or "—"
                item.setToolTip(1, f"<p>{html.escape(text)}</p>")  # a title may hold "<b>"
                if len(text) > SUMMARY_CHARS:
                    text = text[: SUMMARY_CHARS - 1].rstrip() + "…"
            item.setData(1, _VALUE_ROLE, value)
            item.setText(1, text)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.section_activated.emit(str(item.data(0, _NAME_ROLE)))
