"""Workshop mode (F11): the canvas full screen in front of a room, larger text, docks out of the way.

Entering remembers the window's geometry, dock layout and the application font; leaving
puts every one of them back, so a workshop never costs the user their arrangement.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QFont, QTransform
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
        self._view_zoom: tuple[QTransform, QPointF] | None = None

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
        view = self._canvas_view()
        if view is not None:
            self._view_zoom = (view.transform(), view.mapToScene(view.viewport().rect().center()))
        window.showFullScreen()
        self.active = True
        QTimer.singleShot(150, self._fit_canvas)  # once the full-screen size has arrived

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
        QTimer.singleShot(150, self._restore_canvas_zoom)

    def normal_layout(self) -> tuple[QByteArray, QByteArray]:
        """Geometry and dock state to remember at exit: never the workshop's."""
        if self.active and self.saved_geometry is not None and self.saved_state is not None:
            return self.saved_geometry, self.saved_state
        return self.window.saveGeometry(), self.window.saveState()

    def _canvas_view(self) -> QGraphicsView | None:
        views = self.window.findChildren(QGraphicsView)
        return max(views, key=lambda v: v.width() * v.height()) if views else None

    def _fit_canvas(self) -> None:
        """The whole drawing on the projector: the canvas's own fit when it has one."""
        view = self._canvas_view()
        if view is None or not self.active:
            return
        fit = getattr(view, "fit_all", None)
        if callable(fit):
            fit()
        elif view.scene() is not None:
            view.fitInView(view.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def _restore_canvas_zoom(self) -> None:
        view = self._canvas_view()
        if view is None or self._view_zoom is None or self.active:
            return
        transform, centre = self._view_zoom
        set_zoom = getattr(view, "set_zoom", None)
        if callable(set_zoom):  # keeps the canvas's zoom indicator in step
            set_zoom(transform.m11())
        else:
            view.setTransform(transform)
        view.centerOn(centre)
        self._view_zoom = None

    def _bring_canvas_forward(self) -> None:
        """Show the page that holds the canvas, whatever container the central widget is."""
        view = self._canvas_view()
        if view is None:
            return
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
