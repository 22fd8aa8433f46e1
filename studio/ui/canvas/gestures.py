"""Mouse gestures with a start, an update and an end, each cleaning up its temporary items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from studio.export.diagrams import edge_points
from studio.ui.canvas.items import Z_GESTURE, ComponentItem, GroupItem

if TYPE_CHECKING:
    from studio.ui.canvas.scene import CanvasScene


def live_items(scene: CanvasScene) -> list[QGraphicsItem]:
    """What a drag of the selection moves: selected items, carried members, their edges."""
    moving: set[str] = set()
    items: list[QGraphicsItem] = []
    for item in scene.selectedItems():
        if isinstance(item, ComponentItem):
            moving.add(item.component_id)
            items.append(item)
        elif isinstance(item, GroupItem):
            items.append(item)
            for member in scene.session.design.get(("groups", item.group_id)).members:
                if member in scene.components and member not in moving:
                    moving.add(member)
                    items.append(scene.components[member])
    graph = scene.session.design.graph
    edges: set[str] = set()
    for cid in moving:
        if cid in graph:
            edges.update(k for _, _, k in graph.in_edges(cid, keys=True))
            edges.update(k for _, _, k in graph.out_edges(cid, keys=True))
    return items + [scene.connections[e] for e in edges if e in scene.connections]


class ConnectionGesture:
    """Drawing a new connection from a component's handle to another component."""

    def __init__(self, scene: CanvasScene, source: ComponentItem) -> None:
        self.scene = scene
        self.source = source
        self.target: ComponentItem | None = None
        self.line = QGraphicsPathItem()
        pen = QPen(QColor(scene.theme.selection), 1.8, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(Z_GESTURE)
        scene.addItem(self.line)

    def move(self, pos: QPointF) -> None:
        target = self.scene.component_item_at(pos)
        if target is self.source:
            target = None
        if target is not self.target:
            if self.target is not None:
                self.target.drop_target = False
                self.target.update()
            self.target = target
            if target is not None:
                target.drop_target = True
                target.update()
        if self.target is not None:
            p1, p2 = edge_points(self.source.node_rect(), self.target.node_rect())
        else:
            p1, _ = edge_points(self.source.node_rect(), QRectF(pos, pos))
            p2 = pos
        path = QPainterPath(p1)
        path.lineTo(p2)
        if QLineF(p1, p2).length() > 1:
            path.addEllipse(p2, 3, 3)
        self.line.setPath(path)

    def finish(self, pos: QPointF) -> str | None:
        """The target component's id, or None when released on empty canvas."""
        self.move(pos)
        target = self.target
        self.cancel()
        return target.component_id if target is not None else None

    def cancel(self) -> None:
        if self.target is not None:
            self.target.drop_target = False
            self.target.update()
            self.target = None
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class GroupResizeGesture:
    """Dragging a group's corner grip; the model changes once, on release."""

    def __init__(self, item: GroupItem, pos: QPointF) -> None:
        self.item = item
        self.start = pos
        self.start_size = (item.size.width(), item.size.height())

    def move(self, pos: QPointF) -> None:
        delta = pos - self.start
        self.item.set_size(self.start_size[0] + delta.x(), self.start_size[1] + delta.y())

    def finish(self, pos: QPointF) -> tuple[float, float]:
        self.move(pos)
        return (float(round(self.item.size.width())), float(round(self.item.size.height())))

    def cancel(self) -> None:
        self.item.set_size(*self.start_size)
