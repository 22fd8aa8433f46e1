"""The ERD view: the shared ERD painting, with zoom, pan, and table selection.

A plain widget that paints the layout through the same function as the file export; the
layout is recomputed (debounced) after schema edits and cached otherwise, so panning and
zooming a 500-table schema only repaints. While the ERD is off screen (a closed dock, or a
tab behind the schema editor) edits only drop the layout; the next paint lays out again.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QWidget

from studio.export.diagrams.erd_layout import ErdLayout, ErdOptions, layout_erd
from studio.export.diagrams.erd_paint import paint_erd
from studio.export.diagrams.system_style import DARK, LIGHT, Theme
from studio.model import Operation
from studio.ui.session import DocumentSession

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
RELAYOUT_MS = 150


class ErdCanvas(QWidget):
    #: A table was clicked (its id); double-click asks to edit it.
    table_clicked = Signal(str)
    table_activated = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.options = ErdOptions()
        self.layout_: ErdLayout | None = None
        self.selected = ""
        self.zoom = 1.0
        self.offset = QPointF(0, 0)
        self._drag_from: QPointF | None = None
        #: Keep the whole diagram in view (on resize and relayout) until the user zooms or pans.
        self._auto_fit = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELAYOUT_MS)
        self._timer.timeout.connect(self.relayout)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self._on_replaced)

    @property
    def theme(self) -> Theme:
        return DARK if self.palette().window().color().lightness() < 128 else LIGHT

    # -- layout --------------------------------------------------------------------------
    def relayout(self) -> None:
        self._timer.stop()
        self.layout_ = layout_erd(self.session.design.document, self.options)
        if self._auto_fit and self.isVisible():
            self.fit()
        self.update()

    def ensure_layout(self) -> ErdLayout:
        if self.layout_ is None:
            self.relayout()
        assert self.layout_ is not None
        return self.layout_

    def set_collapsed(self, collapsed: bool | None) -> None:
        self._set_options(ErdOptions(collapse=collapsed, group_by_service=self.options.group_by_service))

    def set_grouped(self, grouped: bool) -> None:
        self._set_options(ErdOptions(collapse=self.options.collapse, group_by_service=grouped))

    def _on_screen(self) -> bool:
        """Shown and not hidden behind another dock's tab (those keep ``isVisible()``)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _set_options(self, options: ErdOptions) -> None:
        """Lays out now when on screen, else at the next paint (a hidden ERD costs nothing)."""
        self.options = options
        self._auto_fit = True
        if self._on_screen():
            self.relayout()
        else:
            self.layout_ = None

    def _on_changed(self, op: Operation) -> None:
        if op.path[:1] == ("schema",) or (
            op.path[:1] == ("components",) and op.path[-1:] in (("name",), ("components",))
        ):
            if self._on_screen():
                self._timer.start()
            else:
                self.layout_ = None

    def _on_replaced(self) -> None:
        self.selected = ""
        self._auto_fit = True
        self.layout_ = None
        if self._on_screen():
            self.relayout()

    # -- view transform --------------------------------------------------------------------
    def transform(self) -> QTransform:
        return QTransform().translate(self.offset.x(), self.offset.y()).scale(self.zoom, self.zoom)

    def to_scene(self, point: QPointF) -> QPointF:
        return QPointF((point.x() - self.offset.x()) / self.zoom, (point.y() - self.offset.y()) / self.zoom)

    def fit(self) -> None:
        bounds = self.ensure_layout().bounds()
        if self.width() < 10 or self.height() < 10:
            return
        self.zoom = max(MIN_ZOOM, min(1.5, self.width() / bounds.width(), self.height() / bounds.height()))
        self.offset = QPointF(
            (self.width() - bounds.width() * self.zoom) / 2 - bounds.left() * self.zoom,
            (self.height() - bounds.height() * self.zoom) / 2 - bounds.top() * self.zoom,
        )
        self._auto_fit = True
        self.update()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        before = self.to_scene(anchor)
        self._auto_fit = False
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        self.offset = anchor - QPointF(before.x() * self.zoom, before.y() * self.zoom)
        self.update()

    def show_table(self, table_id: str) -> None:
        """Select a table and bring it into view (the schema dock's selection follows here)."""
        self.selected = table_id
        if self.layout_ is None and not self._on_screen():
            self.update()  # laid out (and fitted) at the next paint; no layout for a hidden view
            return
        box = self.ensure_layout().tables.get(table_id)
        if box is not None:
            view = QRectF(self.to_scene(QPointF(0, 0)), self.to_scene(QPointF(self.width(), self.height())))
            if not view.contains(box.rect):
                centre = box.rect.center()
                self.offset = QPointF(
                    self.width() / 2 - centre.x() * self.zoom, self.height() / 2 - centre.y() * self.zoom
                )
        self.update()

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        theme = self.theme
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.background))
        layout = self.ensure_layout()
        if not layout.tables:
            painter.setPen(QColor(theme.subtext))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "The schema has no tables yet.")
            return
        painter.setTransform(self.transform())
        clip = QRectF(
            self.to_scene(QPointF(event.rect().topLeft())), self.to_scene(QPointF(event.rect().bottomRight()))
        )
        paint_erd(
            painter,
            layout,
            theme,
            selected=[self.selected] if self.selected else (),
            clip=clip.adjusted(-2, -2, 2, 2),
            lod=self.zoom,
        )
        painter.end()

    # -- input ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            table = self.ensure_layout().table_at(self.to_scene(event.position()))
            if table is not None:
                self.selected = table
                self.table_clicked.emit(table)
                self.update()
            else:
                self._drag_from = event.position()
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        elif event.button() == Qt.MouseButton.MiddleButton:
            self._drag_from = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_from is not None:
            self._auto_fit = False
            self.offset += event.position() - self._drag_from
            self._drag_from = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag_from = None
        self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        table = self.ensure_layout().table_at(self.to_scene(event.position()))
        if table is not None:
            self.table_activated.emit(table)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier or not event.angleDelta().x():
            self.zoom_by(1.15**steps, event.position())
        else:
            self._auto_fit = False
            self.offset += QPointF(event.angleDelta().x(), event.angleDelta().y()) / 2
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_F):
            self.fit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            self.table_activated.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit and self.layout_ is not None:
            self.fit()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self.layout_ is None and self._on_screen():
            self.relayout()

    def teardown(self) -> None:
        self._timer.stop()
        self.session.changed.disconnect(self._on_changed)
        self.session.replaced.disconnect(self._on_replaced)
