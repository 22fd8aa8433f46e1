"""Workshop mode (F11): the canvas full screen in front of a room, larger text, docks out of the way.

Entering remembers the window's geometry, dock layout and the application font; leaving
puts every one of them back, so a workshop never costs the user their arrangement.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QGraphicsView,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from studio.ui.settings import Settings


class WorkshopMode(QObject):
    """Toggles the window between its normal layout and the workshop presentation."""

    def __init__(self, window: QMainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.active = False
        self.saved_geometry: QByteArray | None = None
        self.saved_state: QByteArray | None = None
        self._saved_font: QFont | None = None
        self._was_maximized = False
        self._hidden: list[QWidget] = []

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        self.saved_geometry = window.saveGeometry()
        self.saved_state = window.saveState()
        self._was_maximized = window.isMaximized()
        self._hidden = [
            w
            for w in (*window.findChildren(QDockWidget), *window.findChildren(QToolBar))
            if w.isVisible() and w.parent() is window
        ]
        for widget in self._hidden:
            widget.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._saved_font = QFont(app.font())
            larger = QFont(app.font())
            scale = float(self.settings.get("workshop_font_scale"))
            if larger.pointSizeF() > 0:
                larger.setPointSizeF(larger.pointSizeF() * scale)
            else:
                larger.setPixelSize(round(larger.pixelSize() * scale))
            app.setFont(larger)
        self._bring_canvas_forward()
        window.showFullScreen()
        self.active = True

    def leave(self) -> None:
        if not self.active:
            return
        window = self.window
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._saved_font is not None:
            app.setFont(self._saved_font)
        window.showMaximized() if self._was_maximized else window.showNormal()
        if self.saved_geometry is not None:
            window.restoreGeometry(self.saved_geometry)
        if self.saved_state is not None:
            window.restoreState(self.saved_state)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.active = False

    def normal_layout(self) -> tuple[QByteArray, QByteArray]:
        """Geometry and dock state to remember at exit: never the workshop's."""
        if self.active and self.saved_geometry is not None and self.saved_state is not None:
            return self.saved_geometry, self.saved_state
        return self.window.saveGeometry(), self.window.saveState()

    def _bring_canvas_forward(self) -> None:
        """Show the page that holds the canvas, whatever container the central widget is."""
        views = self.window.findChildren(QGraphicsView)
        if not views:
            return
        view = max(views, key=lambda v: v.width() * v.height())
        child: QWidget = view
        parent = view.parentWidget()
        while parent is not None and parent is not self.window:
            if isinstance(parent, QStackedWidget):
                parent.setCurrentWidget(child)
                tabs = parent.parentWidget()
                if isinstance(tabs, QTabWidget):
                    tabs.setCurrentWidget(child)
            child, parent = parent, parent.parentWidget()
        view.setFocus(Qt.FocusReason.OtherFocusReason)
