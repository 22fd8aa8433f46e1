"""The canvas controller: the scene, the view and its overlays, and every canvas action.

Actions gather ids from the selection, ask :mod:`interactions` for one operation and push
it; the scene and inspector then update from the session's change events.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from studio.export.diagrams import DARK, LIGHT
from studio.export.diagrams.system_nodes import icon_pixmap
from studio.layout import layout_system
from studio.model import PROTOCOL_LABELS, Batch, ComponentKind, Group, GroupKind, Protocol, new_id
from studio.ui.canvas import interactions
from studio.ui.canvas.clipboard import MIME_TYPE, ClipboardError, copy_payload, mime_data, paste_op
from studio.ui.canvas.find import FindBar
from studio.ui.canvas.minimap import Minimap
from studio.ui.canvas.scene import CanvasScene
from studio.ui.canvas.view import CanvasView
from studio.ui.session import DocumentSession

GROUP_PAD, GROUP_TITLE = 24.0, 34.0


def release_clipboard() -> None:
    """Clear the clipboard if it holds our components.

    PySide6 (6.11 and 6.12) crashes at exit when the clipboard still owns a QMimeData made
    in Python; the copied components would not outlive the process anyway.
    """
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat(MIME_TYPE):
        clipboard.clear()


class CanvasEditor(QObject):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scene = CanvasScene(session, self)
        self.view = CanvasView(self.scene, parent)
        self.view.setObjectName("canvasView")
        self.minimap = Minimap(self.view, self.view)
        self.find_bar = FindBar(self.view, self.view)
        self.protocol_menu: QMenu | None = None
        self.status: Callable[[str], None] = lambda message: None
        self.actions: dict[str, QAction] = {}
        self._paste_count = 0
        self.apply_theme()
        self.view.palette_changed.connect(self.apply_theme)
        self.view.kind_dropped.connect(self.add_component)
        self.view.nudge_requested.connect(self.nudge)
        self.view.rename_finished.connect(self.rename)
        self.scene.connection_drawn.connect(self.pick_protocol)
        self.session.replaced.connect(self._after_replace)
        self.session.edit_refused.connect(self._refused)
        self.view.resizeEvent = self._wrap_resize(self.view.resizeEvent)  # type: ignore[method-assign]
        self._build_actions()

    def _refused(self, message: str) -> None:
        self.status(f"Edit refused: {message}")

    def _wrap_resize(self, original: Callable) -> Callable:
        def resize(event) -> None:  # type: ignore[no-untyped-def]
            original(event)
            self.place_overlays()

        return resize

    def place_overlays(self) -> None:
        vp = self.view.viewport().geometry()
        self.minimap.move(vp.right() - self.minimap.width() - 12, vp.bottom() - self.minimap.height() - 12)
        self.find_bar.adjustSize()
        self.find_bar.move(vp.right() - self.find_bar.width() - 12, vp.top() + 12)
        self.minimap.refit()

    def apply_theme(self) -> None:
        palette = QGuiApplication.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        theme = DARK if dark else LIGHT
        if theme is self.scene.theme:
            return
        self.scene.theme = theme
        self.view.resetCachedContent()
        for item in self.scene.items():  # item caches hold pixmaps in the old colours
            item.update()
        self.minimap.viewport().update()

    def _after_replace(self) -> None:
        self._paste_count = 0
        self.view.fit_all()

    def teardown(self) -> None:
        """Explicit: close popups, stop listening, drop items before Qt destroys widgets."""
        if self.protocol_menu is not None:
            self.protocol_menu.close()
        self.view.cancel_rename()
        self.scene.detach()
        release_clipboard()
        icon_pixmap.cache_clear()  # no QPixmap may outlive the QApplication

    # -- actions ---------------------------------------------------------------------------
    def _action(
        self,
        key: str,
        text: str,
        slot: Callable[[], object],
        shortcut: object = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.view)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the canvas has focus: Ctrl+C in an inspector field copies text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(lambda *_: slot())
        self.view.addAction(action)
        self.actions[key] = action
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self._action("cut", "Cu&t", self.cut, sk.Cut)
        self._action("copy", "&Copy", self.copy, sk.Copy)
        self._action("paste", "&Paste", self.paste, sk.Paste)
        self._action("duplicate", "D&uplicate", self.duplicate, "Ctrl+D")
        self._action("delete", "&Delete", self.delete_selection, sk.Delete)
        self._action("select_all", "Select &All", self.select_all, sk.SelectAll)
        self._action("rename", "&Rename", self.rename_selection, "F2")
        self._action("find", "&Find...", self.find_bar.open_bar, sk.Find)
        self._action("zoom_in", "Zoom &In", lambda: self.view.zoom_by(1.25), sk.ZoomIn)
        self._action("zoom_out", "Zoom &Out", lambda: self.view.zoom_by(0.8), sk.ZoomOut)
        self._action("zoom_100", "&Actual Size (100%)", self.view.reset_zoom, "Ctrl+0")
        self._action("fit", "&Fit Drawing", self.view.fit_all, "Ctrl+1")
        snap = self._action("snap", "Snap to &Grid", self.toggle_snap, "Ctrl+'", checkable=True)
        snap.setChecked(self.scene.snap_enabled)
        minimap = self._action(
            "minimap",
            "&Minimap",
            lambda: self.minimap.set_wanted(self.actions["minimap"].isChecked()),
            checkable=True,
        )
        minimap.setChecked(True)
        for edge, text in (
            ("left", "Left"),
            ("hcenter", "Horizontal Centres"),
            ("right", "Right"),
            ("top", "Top"),
            ("vcenter", "Vertical Centres"),
            ("bottom", "Bottom"),
        ):
            self._action(f"align_{edge}", f"Align {text}", lambda e=edge: self.align(e))
        self._action("distribute_x", "Distribute Horizontally", lambda: self.distribute("x"))
        self._action("distribute_y", "Distribute Vertically", lambda: self.distribute("y"))
        self._action("layout", "Auto-&Layout", self.auto_layout, "Ctrl+L")
        self._action(
            "group_context",
            "New &Bounded Context Around Selection",
            lambda: self.add_group(GroupKind.BOUNDED_CONTEXT),
            "Ctrl+G",
        )
        self._action("group_zone", "New &Zone Around Selection", lambda: self.add_group(GroupKind.ZONE))

    def toggle_snap(self) -> None:
        self.scene.snap_enabled = self.actions["snap"].isChecked()

    # -- editing -----------------------------------------------------------------------------
    def _push(self, op: Batch) -> bool:
        return self.scene.push(op)

    def view_centre(self) -> QPointF:
        return self.view.mapToScene(self.view.viewport().rect().center())

    def add_component(self, kind: ComponentKind, pos: QPointF | None = None) -> str | None:
        at = pos if pos is not None else self.view_centre()
        op = interactions.add_component_op(self.session.design, kind, (at.x(), at.y()))
        if not self._push(op):
            return None
        new = op.ops[0].item.id  # type: ignore[union-attr]
        self.scene.select_ids([new])
        self.view.setFocus()
        return new

    def selection(self) -> tuple[list[str], list[str], list[str]]:
        return self.scene.selected_ids()

    def delete_selection(self) -> None:
        comps, conns, groups = self.selection()
        self._push(interactions.delete_op(self.session.design, comps, conns, groups))

    def select_all(self) -> None:
        for table in (self.scene.components, self.scene.connections, self.scene.groups):
            for item in table.values():
                item.setSelected(True)

    def copy(self) -> bool:
        comps, _, groups = self.selection()
        if not comps and not groups:
            return False
        QApplication.clipboard().setMimeData(mime_data(copy_payload(self.session.design, comps, groups)))
        self._paste_count = 0
        return True

    def cut(self) -> None:
        if self.copy():
            comps, conns, groups = self.selection()
            op = interactions.delete_op(self.session.design, comps, conns, groups)
            self._push(Batch(op.ops, "Cut"))

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(MIME_TYPE):
            self.status("Nothing to paste: the clipboard holds no components")
            return
        self._paste_payload(bytes(mime.data(MIME_TYPE).data()))

    def _paste_payload(self, payload: bytes) -> None:
        self._paste_count += 1
        try:
            op, new_ids = paste_op(self.session.design, payload, offset=40.0 * self._paste_count)
        except ClipboardError as exc:
            self.status(f"Cannot paste: {exc}")
            return
        if self._push(op):
            self.scene.select_ids(new_ids)

    def duplicate(self) -> None:
        comps, _, groups = self.selection()
        if comps or groups:
            payload = copy_payload(self.session.design, comps, groups)
            count, self._paste_count = self._paste_count, 0
            self._paste_payload(payload)
            self._paste_count = count

    def nudge(self, dx: float, dy: float) -> None:
        comps, _, groups = self.selection()
        self._push(interactions.nudge_op(self.session.design, comps, groups, dx, dy))

    def rename_selection(self) -> None:
        comps, _, groups = self.selection()
        ids = comps + groups
        if len(ids) == 1:
            item = self.scene.components.get(ids[0]) or self.scene.groups.get(ids[0])
            self.view.start_rename(item)  # type: ignore[arg-type]

    def rename(self, item_id: str, name: str) -> None:
        section = "components" if item_id in self.scene.components else "groups"
        try:
            op = self.session.design.set_op((section, item_id, "name"), name, label="Rename")
        except LookupError:
            return
        if op.old != op.new:
            self.session.push(op)

    def align(self, edge: str) -> None:
        self._push(interactions.align_op(self.session.design, self.selection()[0], edge))

    def distribute(self, axis: str) -> None:
        self._push(interactions.distribute_op(self.session.design, self.selection()[0], axis))

    def auto_layout(self) -> None:
        layout = layout_system(self.session.design.document)
        if self._push(interactions.layout_op(self.session.design, layout)):
            self.status(
                f"Auto-layout ({'Graphviz dot' if layout.engine == 'dot' else 'built-in layered engine'})"
            )
            self.view.fit_all()

    def add_group(self, kind: GroupKind) -> None:
        comps = self.selection()[0]
        design = self.session.design
        if comps:
            cs = [design.component(c) for c in comps]
            from studio.export.diagrams import NODE_HEIGHT, NODE_WIDTH

            x, y = min(c.x for c in cs) - GROUP_PAD, min(c.y for c in cs) - GROUP_TITLE
            w = max(c.x for c in cs) + NODE_WIDTH + GROUP_PAD - x
            h = max(c.y for c in cs) + NODE_HEIGHT + GROUP_PAD - y
        else:
            centre = self.view_centre()
            x, y, w, h = centre.x() - 160, centre.y() - 100, 320.0, 200.0
        name = "New bounded context" if kind == GroupKind.BOUNDED_CONTEXT else "New zone"
        group = Group(
            id=new_id("grp"),
            kind=kind,
            name=name,
            members=list(comps),
            x=round(x),
            y=round(y),
            width=round(w),
            height=round(h),
        )
        if self._push(Batch((design.insert_op(("groups",), group),), f"Add {name[4:]}")):
            self.scene.select_ids([group.id])

    def pick_protocol(self, connection_id: str, pos: QPointF) -> None:
        """Right after drawing a connection: a menu to choose its protocol (REST is preset)."""
        if self.protocol_menu is not None:
            self.protocol_menu.close()
        menu = QMenu(self.view)
        menu.setObjectName("protocolPicker")
        menu.addSection("Protocol")
        current = self.session.design.connection(connection_id).protocol
        for protocol in Protocol:
            action = menu.addAction(PROTOCOL_LABELS[protocol])
            action.setCheckable(True)
            action.setChecked(protocol == current)
            action.triggered.connect(lambda _=False, p=protocol: self._set_protocol(connection_id, p))
        self.protocol_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(self.view.mapFromScene(pos)))

    def _set_protocol(self, connection_id: str, protocol: Protocol) -> None:
        try:
            op = interactions.protocol_op(self.session.design, connection_id, protocol)
        except LookupError:
            return
        self._push(op)
