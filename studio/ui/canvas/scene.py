"""The canvas scene: a view of the design's components, connections and groups.

It builds one item per model element, keeps id -> item maps, updates items from the
session's change events (rebuilding on ``replaced``) and turns gestures into operations:
a drag of any number of items is one batch pushed on release.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from studio.export.diagrams import LIGHT, ComponentLook, ConnectionLook, GroupLook, Theme, parallel_offset
from studio.model import Batch, InsertItem, Operation, RemoveItem, SetField
from studio.ui.canvas import interactions
from studio.ui.canvas.gestures import ConnectionGesture, GroupResizeGesture, live_items
from studio.ui.canvas.grid import ComponentGrid
from studio.ui.canvas.items import ComponentItem, ConnectionItem, EdgeOverview, GroupItem
from studio.ui.session import DocumentSession

GRID = 20.0
SCENE_MARGIN = 2000.0


class CanvasScene(QGraphicsScene):
    #: A connection was drawn by hand: (connection id, scene position of the release).
    connection_drawn = Signal(str, QPointF)

    def __init__(self, session: DocumentSession, parent: object = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme: Theme = LIGHT
        self.snap_enabled = False
        self.dragging = False
        self.components: dict[str, ComponentItem] = {}
        self.connections: dict[str, ConnectionItem] = {}
        self.groups: dict[str, GroupItem] = {}
        self.markers: dict[str, tuple[str, ...]] = {}
        self._gesture: ConnectionGesture | GroupResizeGesture | None = None
        self._live = False
        self.overview = EdgeOverview()
        self.addItem(self.overview)
        self._rect_timer = QTimer(self, singleShot=True, interval=0)  # once per burst of edits
        self._rect_timer.timeout.connect(self.update_scene_rect)
        self.grid = ComponentGrid()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        session.changed.connect(self.on_changed)
        session.replaced.connect(self.rebuild)
        self.rebuild()

    def detach(self) -> None:
        """Explicit teardown: stop listening, then drop every item."""
        try:
            self.session.changed.disconnect(self.on_changed)
            self.session.replaced.disconnect(self.rebuild)
        except (RuntimeError, TypeError):
            pass
        self._clear_items()

    # -- building ---------------------------------------------------------------------
    def _clear_items(self) -> None:
        if self._gesture is not None:
            self._gesture.cancel()
            self._gesture = None
        for table in (self.connections, self.components, self.groups):
            for item in table.values():
                self.removeItem(item)
            table.clear()
        self.grid.clear()

    def rebuild(self) -> None:
        self._clear_items()
        doc = self.session.design.document
        for g in doc.groups:
            self._add_group(g.id)
        for c in doc.components:
            item = ComponentItem(c.id, ComponentLook.of(c, self.markers.get(c.id, ())), QPointF(c.x, c.y))
            self.components[c.id] = item
            self.addItem(item)
            self._index(c.id)
        pairs: dict[frozenset[str], list[str]] = {}
        for conn in doc.connections:
            pairs.setdefault(frozenset((conn.source, conn.target)), []).append(conn.id)
        for conn in doc.connections:
            item = ConnectionItem(conn.id, conn.source, conn.target, ConnectionLook.of(conn))
            item.offset = parallel_offset(
                conn.id, conn.source, conn.target, pairs[frozenset((conn.source, conn.target))]
            )
            self.connections[conn.id] = item
            self.addItem(item)
            item.update_geometry()
        self.update_scene_rect()

    def update_scene_rect(self) -> None:
        """Room around the drawing to pan into and to drop new components."""
        nodes = QRectF()
        for item in self.components.values():
            nodes = nodes.united(item.node_rect())
        self.overview.set_bounds(nodes.adjusted(-8, -8, 8, 8))
        bounds = self.itemsBoundingRect()
        if bounds.isNull():
            bounds = QRectF(0, 0, 800, 600)
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    def _add_group(self, group_id: str) -> None:
        g = self.session.design.get(("groups", group_id))
        item = GroupItem(g.id, GroupLook.of(g), QRectF(g.x, g.y, g.width, g.height))
        self.groups[g.id] = item
        self.addItem(item)

    def _add_component(self, component_id: str) -> None:
        c = self.session.design.component(component_id)
        item = ComponentItem(c.id, ComponentLook.of(c, self.markers.get(c.id, ())), QPointF(c.x, c.y))
        self.components[c.id] = item
        self.addItem(item)
        self._index(c.id)
        if not self.sceneRect().contains(item.sceneBoundingRect()):
            self.update_scene_rect()

    def _add_connection(self, connection_id: str) -> None:
        conn = self.session.design.connection(connection_id)
        item = ConnectionItem(conn.id, conn.source, conn.target, ConnectionLook.of(conn))
        self.connections[conn.id] = item
        self.addItem(item)
        self._refresh_pair(conn.source, conn.target)

    def _refresh_pair(self, a: str, b: str) -> None:
        """Recompute the parallel offsets of every connection between ``a`` and ``b``."""
        graph = self.session.design.graph
        ids = list((graph.get_edge_data(a, b) or {}).keys()) + (
            list((graph.get_edge_data(b, a) or {}).keys()) if a != b else []
        )
        for cid in ids:
            item = self.connections.get(cid)
            if item is not None:
                item.offset = parallel_offset(cid, item.source, item.target, ids)
                item.update_geometry()

    # -- model events -------------------------------------------------------------------
    def on_changed(self, op: Operation) -> None:
        path = getattr(op, "path", ())
        if not path or path[0] not in ("components", "connections", "groups"):
            return
        head = path[0]
        if len(path) == 1 and isinstance(op, (InsertItem, RemoveItem)):
            item_id = op.item.id
            if isinstance(op, InsertItem):
                {
                    "components": self._add_component,
                    "connections": self._add_connection,
                    "groups": self._add_group,
                }[head](item_id)
            else:
                self._remove(head, item_id)
            return
        if len(path) == 1:  # a whole list replaced: rebuild; a reorder changes nothing drawn
            if isinstance(op, SetField):
                self.rebuild()
            return
        item_id = path[1]
        if head == "components":
            self.refresh_component(item_id)
        elif head == "connections":
            self._refresh_connection(item_id, op)
        else:
            self._refresh_group(item_id)

    def _remove(self, head: str, item_id: str) -> None:
        table: dict = {"components": self.components, "connections": self.connections, "groups": self.groups}[
            head
        ]
        item = table.pop(item_id, None)
        if item is None:
            return
        self.removeItem(item)
        if head == "components":
            self._index(item_id)
        if head == "connections":
            self.overview.invalidate()
        if head == "connections":
            self._refresh_pair(item.source, item.target)

    def refresh_component(self, component_id: str) -> None:
        item = self.components.get(component_id)
        if item is None:
            return
        c = self.session.design.component(component_id)
        item.set_look(ComponentLook.of(c, self.markers.get(component_id, ())))
        if item.pos() != QPointF(c.x, c.y):
            item.setPos(c.x, c.y)
            self._rect_timer.start()

    def _refresh_connection(self, connection_id: str, op: Operation) -> None:
        item = self.connections.get(connection_id)
        if item is None:
            return
        conn = self.session.design.connection(connection_id)
        if (item.source, item.target) != (conn.source, conn.target):
            old = (item.source, item.target)
            item.source, item.target = conn.source, conn.target
            self._refresh_pair(*old)
            self._refresh_pair(conn.source, conn.target)
        item.set_look(ConnectionLook.of(conn))

    def _refresh_group(self, group_id: str) -> None:
        item = self.groups.get(group_id)
        if item is None:
            return
        g = self.session.design.get(("groups", group_id))
        item.set_look(GroupLook.of(g))
        if item.pos() != QPointF(g.x, g.y):
            item.setPos(g.x, g.y)
        if (item.size.width(), item.size.height()) != (g.width, g.height):
            item.set_size(g.width, g.height)

    def set_markers(self, markers: dict[str, tuple[str, ...]]) -> None:
        """Lint severities per component id; the lint view calls this."""
        touched = set(self.markers) | set(markers)
        self.markers = dict(markers)
        for cid in touched:
            self.refresh_component(cid)

    # -- geometry used by items ------------------------------------------------------------
    def node_rect(self, component_id: str) -> QRectF | None:
        item = self.components.get(component_id)
        return item.node_rect() if item is not None else None

    def label_blocked(self, box: QRectF) -> bool:
        """Would a connection label there hide a component? A grid lookup, not a scan."""
        return self.grid.hits(box)

    def _index(self, component_id: str) -> None:
        item = self.components.get(component_id)
        self.grid.place(component_id, item.node_rect() if item is not None else None)

    def component_moved(self, component_id: str) -> None:
        """Edges of one component follow it: found through the graph, never a full scan."""
        self._index(component_id)
        graph = self.session.design.graph
        if component_id not in graph:
            return
        for _, _, key in graph.in_edges(component_id, keys=True):
            edge = self.connections.get(key)
            if edge is not None:
                edge.update_geometry()
        for _, _, key in graph.out_edges(component_id, keys=True):
            edge = self.connections.get(key)
            if edge is not None:
                edge.update_geometry()

    def group_dragged(self, group_id: str, delta: QPointF) -> None:
        """Members of a dragged frame move with it (selected ones already move themselves)."""
        group = self.session.design.get(("groups", group_id))
        for member in group.members:
            item = self.components.get(member)
            if item is not None and not item.isSelected():
                item.moveBy(delta.x(), delta.y())

    def snap(self, pos: QPointF) -> QPointF:
        return QPointF(round(pos.x() / GRID) * GRID, round(pos.y() / GRID) * GRID)

    def component_item_at(self, pos: QPointF) -> ComponentItem | None:
        for item in self.items(pos):
            if isinstance(item, ComponentItem):
                return item
        return None

    # -- selection -----------------------------------------------------------------------
    def selected_ids(self) -> tuple[list[str], list[str], list[str]]:
        """Selected (components, connections, groups), in document order."""
        doc = self.session.design.document
        chosen = {id(i) for i in self.selectedItems()}
        comps = [
            c.id for c in doc.components if c.id in self.components and id(self.components[c.id]) in chosen
        ]
        conns = [
            c.id for c in doc.connections if c.id in self.connections and id(self.connections[c.id]) in chosen
        ]
        groups = [g.id for g in doc.groups if g.id in self.groups and id(self.groups[g.id]) in chosen]
        return comps, conns, groups

    def select_ids(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        self.clearSelection()
        for table in (self.components, self.connections, self.groups):
            for item_id, item in table.items():
                if item_id in wanted:
                    item.setSelected(True)

    # -- gestures -------------------------------------------------------------------------
    def push(self, op: Operation) -> bool:
        if isinstance(op, Batch) and not op.ops:
            return False
        return self.session.push(op)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.scenePos()
            top = next(
                (i for i in self.items(pos) if isinstance(i, (ComponentItem, GroupItem, ConnectionItem))),
                None,
            )
            if isinstance(top, ComponentItem) and top.handle_at(top.mapFromScene(pos)):
                self._gesture = ConnectionGesture(self, top)
                self._gesture.move(pos)
                event.accept()
                return
            if isinstance(top, GroupItem) and top.isSelected() and top.grip_at(top.mapFromScene(pos)):
                self._gesture = GroupResizeGesture(top, pos)
                event.accept()
                return
            self.dragging = True
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._gesture is not None:
            self._gesture.move(event.scenePos())
            event.accept()
            return
        if (
            self.dragging
            and not self._live
            and event.buttons() & Qt.MouseButton.LeftButton
            and self.mouseGrabberItem()
        ):
            self.begin_live_drag()
        super().mouseMoveEvent(event)

    def begin_live_drag(self) -> None:
        """Tell the views a drag started, so they repaint only what moves."""
        self._live = True
        items = live_items(self)
        for item in items:
            if isinstance(item, ConnectionItem):
                item.live = True
        self.overview.invalidate()
        for view in self.views():
            if hasattr(view, "begin_live"):
                view.begin_live(items)

    def end_live_drag(self) -> None:
        self._live = False
        for item in self.connections.values():
            item.live = False
        self.overview.invalidate()
        for view in self.views():
            if hasattr(view, "end_live"):
                view.end_live()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        gesture, self._gesture = self._gesture, None
        if isinstance(gesture, ConnectionGesture):
            target = gesture.finish(event.scenePos())
            if target is not None:
                op = interactions.connect_op(self.session.design, gesture.source.component_id, target)
                if self.push(op):
                    new_id = op.ops[0].item.id  # type: ignore[union-attr]
                    self.select_ids([new_id])
                    self.connection_drawn.emit(new_id, event.scenePos())
            event.accept()
            return
        if isinstance(gesture, GroupResizeGesture):
            width, height = gesture.finish(event.scenePos())
            gid = gesture.item.group_id
            design = self.session.design
            ops = tuple(
                design.set_op(("groups", gid, name), value)
                for name, value in (("width", width), ("height", height))
                if design.get(("groups", gid, name)) != value
            )
            if not self.push(Batch(ops, "Resize group")):
                self._refresh_group(gid)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self._live:
            self.end_live_drag()
        if self.dragging:
            self.dragging = False
            self.commit_move()

    def commit_move(self) -> None:
        """One batch for everything the drag moved, with membership of dropped components."""
        design = self.session.design
        comps = {
            cid: (item.pos().x(), item.pos().y())
            for cid, item in self.components.items()
            if (item.pos().x(), item.pos().y()) != (design.component(cid).x, design.component(cid).y)
        }
        groups = {}
        frames = {}
        for gid, item in self.groups.items():
            g = design.get(("groups", gid))
            frames[gid] = (item.pos().x(), item.pos().y(), item.size.width(), item.size.height())
            if (item.pos().x(), item.pos().y()) != (g.x, g.y):
                groups[gid] = (item.pos().x(), item.pos().y())
        if not comps and not groups:
            return
        dropped = [cid for cid in comps if self.components[cid].isSelected()]
        op = interactions.move_op(design, comps, groups, dropped, frames)
        if not self.push(op):  # refused: put the items back where the model has them
            for cid in comps:
                self.refresh_component(cid)
            for gid in groups:
                self._refresh_group(gid)
        self.update_scene_rect()
