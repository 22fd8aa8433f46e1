"""The minimap: the whole drawing in miniature, with the visible area; click or drag to go."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from studio.ui.canvas.view import CanvasView


class Minimap(QGraphicsView):
    """A second, non-interactive view of the canvas scene, redrawn at most ten times a second."""

    def __init__(self, main: CanvasView, parent: QWidget | None = None) -> None:
        super().__init__(main.canvas, parent)
        self.setObjectName("canvasMinimap")
        self.main = main
        self.wanted = True
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.NoViewportUpdate)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.Box)
        self.setFixedSize(220, 150)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Minimap: click or drag to move the view")
        self._timer = QTimer(self, singleShot=True, interval=100)
        self._timer.timeout.connect(self.refit)
        # Bound methods, not lambdas: Qt drops the connections when the minimap goes.
        main.canvas.changed.connect(self.schedule)
        main.horizontalScrollBar().valueChanged.connect(self.schedule)
        main.verticalScrollBar().valueChanged.connect(self.schedule)
        main.zoom_changed.connect(self.schedule)

    def schedule(self, *_: object) -> None:
        self._timer.start()

    def refit_later(self) -> None:
        self._timer.start()

    def refit(self) -> None:
        if self.main.canvas.dragging:  # redraw once the drag ends, not on every frame
            self._timer.start()
            return
        bounds = self.main.canvas.itemsBoundingRect()
        if bounds.isNull():
            bounds = QRectF(0, 0, 400, 300)
        # Only useful when part of the drawing is out of view.
        self.setVisible(self.wanted and not self.visible_area().contains(bounds))
        self.fitInView(bounds.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        self.viewport().update()

    def set_wanted(self, wanted: bool) -> None:
        self.wanted = wanted
        self.refit()

    def visible_area(self) -> QRectF:
        return self.main.mapToScene(self.main.viewport().rect()).boundingRect()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, QColor(self.main.canvas.theme.background))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        theme = self.main.canvas.theme
        fill = QColor(theme.selection)
        fill.setAlpha(28)
        painter.setPen(QPen(QColor(theme.selection), 0))
        painter.setBrush(fill)
        painter.drawRect(self.visible_area())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.main.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.main.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def wheelEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        event.ignore()
