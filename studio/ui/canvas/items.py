"""Canvas items: each holds an id and display state, and paints through the shared drawing code.

Items never edit the model. Position changes made by the mouse stay on the item until the
scene pushes one operation on release; everything else arrives from the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from studio.export.diagrams import (
    NODE_HEIGHT,
    NODE_WIDTH,
    ComponentLook,
    ConnectionLook,
    GroupLook,
    edge_points,
    paint_component,
    paint_connection,
    paint_group,
)
from studio.export.diagrams.system_edges import LABEL_LOD, edge_shape, label_box, label_text, place_label
from studio.export.diagrams.system_style import PROTOCOL_COLORS

if TYPE_CHECKING:
    from studio.ui.canvas.scene import CanvasScene


NODE_RECT = QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT)
_POSITION_CHANGE = QGraphicsItem.GraphicsItemChange.ItemPositionChange
_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
#: Below this view scale connections are drawn together by the EdgeOverview.
OVERVIEW_LOD = 0.3
HANDLE_RADIUS = 5.5
HANDLE_HIT = 10.0
#: Stacking: frames under lines under components.
Z_GROUP, Z_CONNECTION, Z_COMPONENT, Z_GESTURE = 0.0, 5.0, 10.0, 100.0


def _lod(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


class ComponentItem(QGraphicsItem):
    """A component: a kind-shaped node with connection handles on its four sides."""

    HANDLES = (
        QPointF(NODE_WIDTH, NODE_HEIGHT / 2),
        QPointF(NODE_WIDTH / 2, NODE_HEIGHT),
        QPointF(0, NODE_HEIGHT / 2),
        QPointF(NODE_WIDTH / 2, 0),
    )

    def __init__(self, component_id: str, look: ComponentLook, pos: QPointF) -> None:
        super().__init__()
        self.component_id = component_id
        self.look = look
        self.hovered = False
        self.drop_target = False
        self.setPos(pos)
        self.setZValue(Z_COMPONENT)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        from html import escape

        tech = f"<br><i>{escape(self.look.technology)}</i>" if self.look.technology else ""
        return f"<b>{escape(self.look.name or '(unnamed)')}</b>{tech}"

    def set_look(self, look: ComponentLook) -> None:
        if look != self.look:
            self.look = look
            self.setToolTip(self._tooltip())
            self.update()

    def node_rect(self) -> QRectF:
        """The node's rectangle in scene coordinates (what edges attach to)."""
        return NODE_RECT.translated(self.pos())

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return NODE_RECT.adjusted(-HANDLE_RADIUS - 2, -16, 18, HANDLE_RADIUS + 2)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(NODE_RECT.adjusted(-HANDLE_RADIUS, -HANDLE_RADIUS, HANDLE_RADIUS, HANDLE_RADIUS))
        return path

    def handle_at(self, local: QPointF) -> bool:
        """True when ``local`` (item coordinates) is on one of the connection handles."""
        return any((local - h).manhattanLength() <= HANDLE_HIT for h in self.HANDLES)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.scene()
        theme = scene.theme if scene is not None else None  # type: ignore[attr-defined]
        lod = _lod(painter)
        paint_component(
            painter,
            self.look,
            NODE_RECT,
            theme,
            selected=self.isSelected() or self.drop_target,
            hovered=self.hovered,
            lod=lod,
            vector_icons=False,
        )
        if self.hovered and lod > 0.45:
            painter.setPen(QPen(QColor(theme.selection), 1.5))
            painter.setBrush(QColor(theme.node_fill))
            for h in self.HANDLES:
                painter.drawEllipse(h, HANDLE_RADIUS, HANDLE_RADIUS)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        on_handle = self.handle_at(event.pos())
        self.setCursor(Qt.CursorShape.CrossCursor if on_handle else Qt.CursorShape.ArrowCursor)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.hovered = False
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        # Called for every flag, z and scene change too: test the change first, cheaply.
        if change == _POSITION_CHANGE:
            scene: CanvasScene | None = self.scene()  # type: ignore[assignment]
            if scene is not None and scene.dragging and scene.snap_enabled and self.isSelected():
                return scene.snap(value)
        elif change == _POSITION_CHANGED:
            scene = self.scene()  # type: ignore[assignment]
            if scene is not None:
                scene.component_moved(self.component_id)
        return value


class ConnectionItem(QGraphicsItem):
    """An arrow between two component items; its geometry follows them without the model."""

    def __init__(self, connection_id: str, source: str, target: str, look: ConnectionLook) -> None:
        super().__init__()
        self.connection_id = connection_id
        self.source = source
        self.target = target
        self.look = look
        self.offset = 0.0
        self.p1 = QPointF()
        self.p2 = QPointF()
        self._bounds = QRectF()
        self._text = ""
        self._label_box: QRectF | None = QRectF()
        #: Moving with a drag: painted by itself even where the overview draws the rest.
        self.live = False
        self.setZValue(Z_CONNECTION)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        # exposedRect lets paint() stroke only the visible part of a long line.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptHoverEvents(True)

    def set_look(self, look: ConnectionLook) -> None:
        if look != self.look:
            self.look = look
            self.update_geometry()  # also redraws the overview

    def update_geometry(self, source_rect: QRectF | None = None, target_rect: QRectF | None = None) -> None:
        scene: CanvasScene | None = self.scene()  # type: ignore[assignment]
        if scene is None:
            return
        a = source_rect or scene.node_rect(self.source)
        b = target_rect or scene.node_rect(self.target)
        if a is None or b is None:
            return
        p1, p2 = edge_points(a, b, self.offset)
        text = label_text(self.look, p1, p2)
        bounds = QRectF(p1, p2).normalized().adjusted(-8, -8, 8, 8)
        if text:  # room for the label wherever along the line it ends up
            box = label_box(text, p1, p2)
            dx, dy = box.width() / 2 + 2, box.height() / 2 + 2
            bounds = bounds.adjusted(-dx, -dy, dx, dy)
        self.prepareGeometryChange()
        self.p1, self.p2, self._text, self._label_box, self._bounds = p1, p2, text, None, bounds
        self.update()
        scene.overview.invalidate()

    @property
    def label(self) -> tuple[str, QRectF]:
        """The label and where it sits, placed (off the components) only when first needed."""
        if self._label_box is None:
            scene: CanvasScene | None = self.scene()  # type: ignore[assignment]
            blocked = scene.label_blocked if scene is not None else (lambda box: False)
            self._label_box = place_label(self._text, self.p1, self.p2, blocked)
        return self._text, self._label_box

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        path = stroker.createStroke(edge_shape(self.p1, self.p2))
        if self.label[0]:
            path.addRect(self.label[1])
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.scene()
        lod = _lod(painter)
        if lod < OVERVIEW_LOD and not self.live and not self.isSelected():
            return  # the EdgeOverview draws it with all the others in a few calls
        paint_connection(
            painter,
            self.look,
            self.p1,
            self.p2,
            scene.theme,  # type: ignore[attr-defined]
            selected=self.isSelected(),
            lod=lod,
            clip=option.exposedRect,
            # Placing a label looks for free space: only worth it when labels are drawn.
            label=self.label if lod >= LABEL_LOD else ("", QRectF()),
        )


class EdgeOverview(QGraphicsItem):
    """All connections as plain lines, in one call per colour, when zoomed far out.

    At that scale an arrow is a hairline; painting 3,000 items one by one costs more in
    Python than the lines do in Qt. Selected and moving connections still paint themselves.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lines: dict[str, list[QLineF]] | None = None
        self._bounds = QRectF()
        self.setZValue(Z_CONNECTION - 0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def invalidate(self) -> None:
        if self._lines is not None:
            self._lines = None
            self.update()

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if _lod(painter) >= OVERVIEW_LOD:
            return
        scene: CanvasScene | None = self.scene()  # type: ignore[assignment]
        if scene is None:
            return
        if self._lines is None:
            lines: dict[str, list[QLineF]] = {}
            for item in scene.connections.values():
                if not item.live:
                    colour = PROTOCOL_COLORS.get(item.look.protocol, "#475569")
                    lines.setdefault(colour, []).append(QLineF(item.p1, item.p2))
            self._lines = lines
        dark = scene.theme.name == "dark"
        for colour, group in self._lines.items():
            painter.setPen(QPen(QColor(colour).lighter(165) if dark else QColor(colour), 1.5))
            painter.drawLines(group)


class GroupItem(QGraphicsItem):
    """A boundary frame; dragging it carries its members, its corner grip resizes it."""

    GRIP = 14.0

    def __init__(self, group_id: str, look: GroupLook, rect: QRectF) -> None:
        super().__init__()
        self.group_id = group_id
        self.look = look
        self.size = rect.size()
        self.resizing = False
        self.setPos(rect.topLeft())
        self.setZValue(Z_GROUP)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self._last_pos = self.pos()

    def frame(self) -> QRectF:
        return QRectF(QPointF(0, 0), self.size)

    def scene_frame(self) -> QRectF:
        return self.frame().translated(self.pos())

    def set_look(self, look: GroupLook) -> None:
        if look != self.look:
            self.look = look
            self.update()

    def set_size(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self.size = QRectF(0, 0, max(60.0, width), max(40.0, height)).size()
        self.update()

    def grip_at(self, local: QPointF) -> bool:
        return (QPointF(self.size.width(), self.size.height()) - local).manhattanLength() <= self.GRIP * 1.5

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.frame().adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.scene()
        theme = scene.theme  # type: ignore[attr-defined]
        paint_group(painter, self.look, self.frame(), theme, selected=self.isSelected(), lod=_lod(painter))
        if self.isSelected():
            corner = QPointF(self.size.width(), self.size.height())
            painter.setPen(QPen(QColor(theme.selection), 1.5))
            for k in (4.0, 8.0, 12.0):
                painter.drawLine(corner - QPointF(k, 2), corner - QPointF(2, k))

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        on_grip = self.isSelected() and self.grip_at(event.pos())
        self.setCursor(Qt.CursorShape.SizeFDiagCursor if on_grip else Qt.CursorShape.ArrowCursor)
        super().hoverMoveEvent(event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        scene: CanvasScene | None = self.scene()  # type: ignore[assignment]
        if scene is not None:
            if (
                change == QGraphicsItem.GraphicsItemChange.ItemPositionChange
                and scene.dragging
                and scene.snap_enabled
                and self.isSelected()
            ):
                return scene.snap(value)
            if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
                delta = self.pos() - self._last_pos
                self._last_pos = self.pos()
                if scene.dragging:
                    scene.group_dragged(self.group_id, delta)
        return super().itemChange(change, value)
