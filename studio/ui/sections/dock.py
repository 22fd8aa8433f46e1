"""The Sections dock: one page per section of the design document, reachable from the outline.

Pages are built lazily the first time they are shown, so the window starts fast; each
page reads the session's design on demand and follows ``session.replaced`` by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.ui.sections.pages import SECTIONS, SectionPage
from studio.ui.session import DocumentSession

#: Outline section names (``studio.ui.outline.SECTIONS``) -> the page that edits them; the
#: pages' own names are registered too so the outline can list any of them.
OUTLINE_NAMES: dict[str, str] = {
    **{name: name for name in SECTIONS},
    "cache_layers": "caching",
    "scaling_phases": "scaling",
    "rate_limits": "security",
    "metrics": "monitoring",
    "milestones": "roadmap",
    "performance_targets": "performance",
}


class SectionsPanel(QWidget):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pages: dict[str, SectionPage] = {}
        self.chooser = QComboBox(self)
        for name, (title, _) in SECTIONS.items():
            self.chooser.addItem(title, name)
        self.stack = QStackedWidget(self)
        self._holders: dict[str, QWidget] = {}
        for name in SECTIONS:
            holder = QWidget(self.stack)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[name] = holder
            self.stack.addWidget(holder)
        top = QHBoxLayout()
        top.addWidget(QLabel("Section", self))
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.chooser.currentIndexChanged.connect(lambda i: self.show_section(self.chooser.itemData(i)))
        self.show_section("overview")

    def page(self, name: str) -> SectionPage:
        """The page of a section, built on first use."""
        if name not in self.pages:
            _, build = SECTIONS[name]
            holder = self._holders[name]
            page = build(self.session, holder)
            holder.layout().addWidget(page.widget)
            self.pages[name] = page
        return self.pages[name]

    def show_section(self, name: str) -> SectionPage:
        page = self.page(name)
        self.stack.setCurrentWidget(self._holders[name])
        index = self.chooser.findData(name)
        if index != self.chooser.currentIndex():
            self.chooser.setCurrentIndex(index)
        return page


def install(window) -> None:  # type: ignore[no-untyped-def]
    """Add the Sections dock and register each section with the outline."""
    dock = QDockWidget("Sections", window)
    dock.setObjectName("SectionsDock")
    panel = SectionsPanel(window.session, dock)
    dock.setWidget(panel)
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    window.sections_panel = panel

    def reveal(name: str) -> None:
        dock.show()
        dock.raise_()
        panel.show_section(name)

    register = getattr(window, "register_section", None)
    if callable(register):
        for outline_name, name in OUTLINE_NAMES.items():
            register(outline_name, lambda name=name: reveal(name))
