"""The canvas view: zoom, pan, the grid, drops from the palette, keys and rename in place.

Until the user zooms or pans, the view keeps the whole drawing in sight: it fits on first
show and again when it is resized (at most once per event-loop turn), so a design opened
before the window had its final size is not left cut off or tiny.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsView,
    QLineEdit,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studio.model import ComponentKind
from studio.ui.canvas.items import ComponentItem, GroupItem
from studio.ui.canvas.scene import GRID, CanvasScene

#: The palette's drag payload: the component kind's value.
KIND_MIME = "application/x-backend-architect-studio-kind"
MIN_SCALE, MAX_SCALE = 0.05, 4.0


class _RenameEditor(QLineEdit):
    """The in-place name editor: Enter commits, Escape cancels."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class CanvasView(QGraphicsView):
    #: The user dropped a palette entry: (kind, scene position).
    kind_dropped = Signal(object, QPointF)
    #: Arrow keys: (dx, dy) in scene units.
    nudge_requested = Signal(float, float)
    #: Rename in place finished: (component or group id, new name).
    rename_finished = Signal(str, str)
    zoom_changed = Signal(float)
    #: The application palette changed (theme switch): repaint in the matching theme.
    palette_changed = Signal()

    def __init__(self, scene: CanvasScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.canvas = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._space = False
        self._pan_from: QPoint | None = None
        self._editor: QLineEdit | None = None
        self._editing: str | None = None
        self._backdrop: QPixmap | None = None
        self._backdrop_key: tuple = ()
        self._live: list[QGraphicsItem] = []
        #: True while the view shows what ``fit_all`` chose; a zoom or pan by the user ends it.
        self._auto_fit = True
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)  # a burst of resize events costs one fit
        self._fit_timer.timeout.connect(self._refit)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._user_moved)  # emitted for user scrolling only

    # -- zoom --------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        self._auto_fit = False
        factor = max(MIN_SCALE, min(MAX_SCALE, factor))
        current = self.scale_factor()
        if current > 0 and not math.isclose(current, factor):
            self.scale(factor / current, factor / current)
            self.zoom_changed.emit(factor)

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.scale_factor() * step)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_all(self) -> None:
        bounds = self.canvas.itemsBoundingRect()
        if bounds.isNull():
            return
        self.fitInView(bounds.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_factor() > 1.0:
            self.set_zoom(1.0)
            self.centerOn(bounds.center())
        self._auto_fit = True
        self.zoom_changed.emit(self.scale_factor())

    def fits_automatically(self) -> bool:
        """Whether a resize refits the drawing (no zoom or pan since the last fit)."""
        return self._auto_fit

    def _user_moved(self, *_: object) -> None:
        self._auto_fit = False

    def centerOn(self, *args: object) -> None:  # type: ignore[override]  # noqa: N802 - Qt's name
        """Find, the minimap and views that reveal an item pan here: no refit after that."""
        self._auto_fit = False
        super().centerOn(*args)  # type: ignore[call-overload]

    def ensureVisible(self, *args: object) -> None:  # type: ignore[override]  # noqa: N802 - Qt's name
        before = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        super().ensureVisible(*args)  # type: ignore[call-overload]
        if (self.horizontalScrollBar().value(), self.verticalScrollBar().value()) != before:
            self._auto_fit = False

    def _refit(self) -> None:
        if self._auto_fit and self.isVisible():
            self.fit_all()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._auto_fit:
            self._fit_timer.stop()
            self.fit_all()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit and self.isVisible():
            self._fit_timer.start()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # horizontal scroll
            return
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(math.pow(1.0015, delta))
        event.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self.palette_changed.emit()
        super().changeEvent(event)

    # -- live drag layer -----------------------------------------------------------------
    def _view_key(self) -> tuple:
        t = self.transform()
        return (
            self.horizontalScrollBar().value(),
            self.verticalScrollBar().value(),
            t.m11(),
            t.m22(),
            t.dx(),
            t.dy(),
            self.viewport().size().toTuple(),
        )

    def begin_live(self, items: list[QGraphicsItem]) -> None:
        """Snapshot everything but ``items``; until ``end_live`` a frame is that snapshot
        plus the moving items, so a drag costs the same on 10 or 10,000 components."""
        self.end_live()
        if not items:
            return
        for item in items:
            item.setOpacity(0.0)  # not hidden: a hidden item would lose the mouse grab
        ratio = self.viewport().devicePixelRatioF()
        pixmap = QPixmap((self.viewport().size().toSizeF() * ratio).toSize())
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHints(self.renderHints())
        self.render(painter, QRectF(self.viewport().rect()), self.viewport().rect())
        painter.end()
        for item in items:
            item.setOpacity(1.0)
        self._backdrop, self._backdrop_key = pixmap, self._view_key()
        self._live = sorted(items, key=lambda i: i.zValue())

    def end_live(self) -> None:
        if self._backdrop is not None:
            self._backdrop, self._live = None, []
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._backdrop is None or self._backdrop_key != self._view_key():
            if self._backdrop is not None:  # scrolled or zoomed mid-drag: paint normally
                self._backdrop, self._live = None, []
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        painter.drawPixmap(0, 0, self._backdrop)
        painter.setRenderHints(self.renderHints())
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        to_view = self.viewportTransform()
        option = QStyleOptionGraphicsItem()
        for item in self._live:
            if item.scene() is None:
                continue
            painter.save()
            painter.setWorldTransform(item.sceneTransform() * to_view)
            option.exposedRect = item.mapRectFromScene(visible).intersected(item.boundingRect())
            option.state = (
                QStyle.StateFlag.State_Selected if item.isSelected() else QStyle.StateFlag.State_None
            )
            item.paint(painter, option, self.viewport())
            painter.restore()
        painter.end()

    # -- background --------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        theme = self.canvas.theme
        painter.fillRect(rect, QColor(theme.background))
        if self.scale_factor() < 0.45:
            return
        step = GRID if self.scale_factor() >= 0.9 else GRID * 5
        pen = QPen(QColor(theme.grid), 0)
        painter.setPen(pen)
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        lines = []
        x = left
        while x < rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += step
        y = top
        while y < rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += step
        painter.drawLines(lines)

    # -- pan ------------------------------------------------------------------------------
    @staticmethod
    def _shift_extends(event: QMouseEvent) -> QMouseEvent:
        """Shift-click adds to the selection, as Ctrl does in Qt (and rubber bands extend)."""
        mods = event.modifiers()
        if not mods & Qt.KeyboardModifier.ShiftModifier:
            return event
        return QMouseEvent(
            event.type(),
            event.position(),
            event.scenePosition(),
            event.globalPosition(),
            event.button(),
            event.buttons(),
            mods | Qt.KeyboardModifier.ControlModifier,
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event = self._shift_extends(event)
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self._auto_fit = False
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event = self._shift_extends(event)
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, (ComponentItem, GroupItem)):
            self.start_rename(item)
            return
        super().mouseDoubleClickEvent(event)

    # -- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and self.canvas.selectedItems():
            step = (
                GRID
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or self.canvas.snap_enabled
                else 1.0
            )
            dx, dy = arrows[key]
            self.nudge_requested.emit(dx * step, dy * step)
            return
        if key == Qt.Key.Key_F2:
            selected = [i for i in self.canvas.selectedItems() if isinstance(i, (ComponentItem, GroupItem))]
            if len(selected) == 1:
                self.start_rename(selected[0])
            return
        if key == Qt.Key.Key_Escape:
            self.canvas.clearSelection()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    # -- drops from the palette -----------------------------------------------------------
    def _kind_of(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> ComponentKind | None:
        mime = event.mimeData()
        if not mime.hasFormat(KIND_MIME):
            return None
        try:
            return ComponentKind(bytes(mime.data(KIND_MIME).data()).decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._kind_of(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._kind_of(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        kind = self._kind_of(event)
        if kind is None:
            super().dropEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        if self.canvas.snap_enabled:
            pos = self.canvas.snap(pos)
        self.kind_dropped.emit(kind, pos)
        event.acceptProposedAction()

    # -- rename in place -------------------------------------------------------------------
    def start_rename(self, item: ComponentItem | GroupItem) -> None:
        self.cancel_rename()
        if isinstance(item, ComponentItem):
            item_id, name = item.component_id, item.look.name
            area = QRectF(48, 14, item.node_rect().width() - 56, 24).translated(item.pos())
        else:
            item_id, name = item.group_id, item.look.name
            area = QRectF(110, 4, min(260.0, item.size.width() - 120), 24).translated(item.pos())
        editor = _RenameEditor(name, self.viewport())
        editor.setObjectName("canvasRenameEditor")
        box = self.mapFromScene(area).boundingRect()
        editor.setGeometry(box.adjusted(0, 0, 0, max(0, 24 - box.height())))
        editor.selectAll()
        editor.returnPressed.connect(self.commit_rename)
        editor.editingFinished.connect(self.commit_rename)
        editor.cancelled.connect(self.cancel_rename)
        self._editor, self._editing = editor, item_id
        editor.show()
        editor.setFocus()

    def commit_rename(self) -> None:
        editor, item_id = self._editor, self._editing
        if editor is None or item_id is None:
            return
        self._editor, self._editing = None, None
        text = editor.text()
        editor.hide()
        editor.deleteLater()
        self.setFocus()
        self.rename_finished.emit(item_id, text)

    def cancel_rename(self) -> None:
        editor, self._editor, self._editing = self._editor, None, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self.setFocus()

    def rename_editor(self) -> QLineEdit | None:
        return self._editor
