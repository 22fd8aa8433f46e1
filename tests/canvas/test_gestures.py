"""Real gestures on the canvas, asserted on the model and the undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.export.diagrams import NODE_HEIGHT, NODE_WIDTH
from studio.model import ComponentKind, Protocol
from studio.ui.canvas.palette import Palette
from tests.canvas.conftest import centre, click, drag, vp


def _dump(editor) -> dict:  # type: ignore[no-untyped-def]
    return editor.session.design.document.model_dump(mode="json")


@pytest.mark.filterwarnings(
    "ignore::DeprecationWarning"
)  # Qt 6 keeps only the QPoint drag-event constructors
def test_palette_drop_creates_component_at_drop_point(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    palette = Palette()
    qtbot.addWidget(palette)
    row = list(ComponentKind).index(ComponentKind.DATABASE)
    mime = palette.mimeData([palette.item(row)])
    viewport = editor.view.viewport()
    point = vp(editor, 300, 620)
    before = {c.id for c in editor.session.design.document.components}
    steps = editor.session.undo_stack.count()
    for event in (
        QDragEnterEvent(
            point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
        QDragMoveEvent(
            point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
        QDropEvent(
            QPointF(point),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    ):
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted()
    added = [c for c in editor.session.design.document.components if c.id not in before]
    assert len(added) == 1
    new = added[0]
    assert new.kind == ComponentKind.DATABASE and new.name == "Database"
    drop = editor.view.mapToScene(point)
    assert abs(new.x + NODE_WIDTH / 2 - drop.x()) <= 1 and abs(new.y + NODE_HEIGHT / 2 - drop.y()) <= 1
    assert editor.session.undo_stack.count() == steps + 1
    assert new.id in editor.scene.components and editor.scene.components[new.id].isSelected()
    editor.session.undo_stack.undo()
    assert new.id not in {c.id for c in editor.session.design.document.components}
    assert new.id not in editor.scene.components


def test_palette_double_click_adds_at_view_centre(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    palette = Palette()
    qtbot.addWidget(palette)
    palette.add_requested.connect(editor.add_component)
    palette.show()
    qtbot.waitExposed(palette)
    rect = palette.visualItemRect(palette.item(0))
    QTest.mouseClick(
        palette.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    QTest.mouseDClick(
        palette.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    comps = editor.session.design.document.components
    assert comps[-1].kind == ComponentKind.CLIENT
    middle = editor.view_centre()
    assert abs(comps[-1].x + NODE_WIDTH / 2 - middle.x()) <= 1


def test_drag_between_handles_creates_connection(editor) -> None:  # type: ignore[no-untyped-def]
    cdn = editor.scene.components["cmp-cdn"]
    handle = cdn.pos() + QPointF(NODE_WIDTH, NODE_HEIGHT / 2)  # right-hand handle
    steps = editor.session.undo_stack.count()
    drag(editor, (handle.x(), handle.y()), centre(editor, "cmp-users"))
    conns = [
        c
        for c in editor.session.design.document.connections
        if c.source == "cmp-cdn" and c.target == "cmp-users"
    ]
    assert len(conns) == 1
    assert editor.session.undo_stack.count() == steps + 1
    # The node itself did not move: the press started a connection, not a drag.
    assert (editor.session.design.component("cmp-cdn").x, editor.session.design.component("cmp-cdn").y) == (
        0.0,
        20.0,
    )
    item = editor.scene.connections[conns[0].id]
    assert item.p1 != item.p2
    # The protocol picker pops up right there; choosing gRPC is one more undo step.
    menu = editor.protocol_menu
    assert menu is not None and menu.isVisible()
    grpc = next(a for a in menu.actions() if a.text() == "gRPC")
    grpc.trigger()
    assert editor.session.design.connection(conns[0].id).protocol == Protocol.GRPC
    menu.close()
    editor.session.undo_stack.undo()
    editor.session.undo_stack.undo()
    assert not [
        c
        for c in editor.session.design.document.connections
        if c.source == "cmp-cdn" and c.target == "cmp-users"
    ]
    assert conns[0].id not in editor.scene.connections


def test_drag_from_handle_to_empty_canvas_creates_nothing(editor) -> None:  # type: ignore[no-untyped-def]
    before = _dump(editor)
    cdn = editor.scene.components["cmp-cdn"]
    handle = cdn.pos() + QPointF(NODE_WIDTH, NODE_HEIGHT / 2)
    drag(editor, (handle.x(), handle.y()), (300, 640))
    assert _dump(editor) == before
    assert editor.session.undo_stack.count() == 0


def test_connection_to_queue_is_async_and_dashed(editor) -> None:  # type: ignore[no-untyped-def]
    worker = editor.scene.components["cmp-worker"]
    handle = worker.pos() + QPointF(NODE_WIDTH / 2, NODE_HEIGHT)
    drag(editor, (handle.x(), handle.y()), centre(editor, "cmp-queue"))
    conn = editor.session.design.document.connections[-1]
    assert (conn.source, conn.target, conn.protocol, conn.asynchronous) == (
        "cmp-worker",
        "cmp-queue",
        Protocol.ASYNC_MESSAGE,
        True,
    )
    assert editor.scene.connections[conn.id].look.asynchronous


def test_rubber_band_selects_the_components_it_covers(editor) -> None:  # type: ignore[no-untyped-def]
    drag(editor, (-30, -10), (200, 290))
    comps, _, groups = editor.scene.selected_ids()
    assert comps == ["cmp-web", "cmp-cdn"]
    assert groups == []


def test_click_and_shift_click_selection(editor) -> None:  # type: ignore[no-untyped-def]
    click(editor, *centre(editor, "cmp-app"))
    assert editor.scene.selected_ids()[0] == ["cmp-app"]
    click(editor, *centre(editor, "cmp-gateway"), Qt.KeyboardModifier.ShiftModifier)
    assert editor.scene.selected_ids()[0] == ["cmp-gateway", "cmp-app"]
    click(editor, *centre(editor, "cmp-cdn"))
    assert editor.scene.selected_ids()[0] == ["cmp-cdn"]


def test_delete_then_undo_restores_components_and_connections_exactly(editor) -> None:  # type: ignore[no-untyped-def]
    before = _dump(editor)
    click(editor, *centre(editor, "cmp-app"))
    click(editor, *centre(editor, "cmp-orders"), Qt.KeyboardModifier.ControlModifier)
    assert editor.scene.selected_ids()[0] == ["cmp-app", "cmp-orders"]
    QTest.keyClick(editor.view, Qt.Key.Key_Delete)
    doc = editor.session.design.document
    assert {"cmp-app", "cmp-orders"}.isdisjoint(c.id for c in doc.components)
    assert not [c for c in doc.connections if {c.source, c.target} & {"cmp-app", "cmp-orders"}]
    assert "cmp-orders" not in next(g for g in doc.groups if g.id == "grp-monolith").members
    assert len(editor.scene.components) == 10 and len(editor.scene.connections) == 15 - 6
    assert editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert _dump(editor) == before
    assert len(editor.scene.components) == 12 and len(editor.scene.connections) == 15
    editor.session.undo_stack.redo()
    editor.session.undo_stack.undo()
    assert _dump(editor) == before


def test_a_move_is_one_undo_step(editor) -> None:  # type: ignore[no-untyped-def]
    start = centre(editor, "cmp-cdn")
    drag(editor, start, (start[0] + 100, start[1] + 60), steps=10)
    cdn = editor.session.design.component("cmp-cdn")
    assert (cdn.x, cdn.y) == (100.0, 80.0)
    assert editor.session.undo_stack.count() == 1
    # Edges followed the node during the drag.
    edge = editor.scene.connections["con-web-cdn"]
    assert editor.scene.components["cmp-cdn"].node_rect().adjusted(-4, -4, 4, 4).contains(edge.p2)
    editor.session.undo_stack.undo()
    cdn = editor.session.design.component("cmp-cdn")
    assert (cdn.x, cdn.y) == (0.0, 20.0)
    assert editor.scene.components["cmp-cdn"].pos() == QPointF(0, 20)


def test_dragging_several_items_is_one_undo_step(editor) -> None:  # type: ignore[no-untyped-def]
    editor.scene.select_ids(["cmp-redis", "cmp-queue", "cmp-worker"])
    start = centre(editor, "cmp-worker")
    drag(editor, start, (start[0] + 40, start[1] + 100))
    design = editor.session.design
    assert (design.component("cmp-queue").x, design.component("cmp-queue").y) == (1000.0, 780.0)
    assert (design.component("cmp-redis").x, design.component("cmp-redis").y) == (1000.0, 620.0)
    assert editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert (design.component("cmp-queue").x, design.component("cmp-queue").y) == (960.0, 680.0)


def test_snap_to_grid_while_dragging(editor) -> None:  # type: ignore[no-untyped-def]
    editor.actions["snap"].trigger()
    start = centre(editor, "cmp-cdn")
    drag(editor, start, (start[0] + 33, start[1] + 47))
    cdn = editor.session.design.component("cmp-cdn")
    assert cdn.x % 20 == 0 and cdn.y % 20 == 0 and (cdn.x, cdn.y) != (0.0, 20.0)


def test_dropping_a_component_into_a_group_makes_it_a_member(editor) -> None:  # type: ignore[no-untyped-def]
    design = editor.session.design
    start = centre(editor, "cmp-cdn")
    # An empty spot inside "Modular monolith" (x 440-920, y 0-480), left of the modules.
    drag(editor, start, (520, 400))
    group = design.get(("groups", "grp-monolith"))
    assert "cmp-cdn" in group.members
    assert editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert "cmp-cdn" not in design.get(("groups", "grp-monolith")).members
    assert (design.component("cmp-cdn").x, design.component("cmp-cdn").y) == (0.0, 20.0)


def test_dragging_a_member_out_leaves_the_group(editor) -> None:  # type: ignore[no-untyped-def]
    start = centre(editor, "cmp-queue")
    drag(editor, start, centre(editor, "cmp-redis")[0:1] + (440.0,))
    assert "cmp-queue" in editor.session.design.get(("groups", "grp-data")).members
    start = centre(editor, "cmp-queue")
    drag(editor, start, (start[0], 760))
    assert "cmp-queue" not in editor.session.design.get(("groups", "grp-data")).members


def test_moving_a_group_moves_its_members_in_one_step(editor) -> None:  # type: ignore[no-untyped-def]
    design = editor.session.design
    members = {
        m: (design.component(m).x, design.component(m).y)
        for m in design.get(("groups", "grp-monolith")).members
    }
    drag(editor, (460, 440), (500, 480))  # grab the frame's empty lower-left corner
    group = design.get(("groups", "grp-monolith"))
    assert (group.x, group.y) == (480.0, 40.0)
    for m, (x, y) in members.items():
        assert (design.component(m).x, design.component(m).y) == (x + 40, y + 40)
    assert group.members == list(members)
    assert editor.session.undo_stack.count() == 1
    editor.session.undo_stack.undo()
    assert all((design.component(m).x, design.component(m).y) == p for m, p in members.items())
    assert editor.scene.groups["grp-monolith"].pos() == QPointF(440, 0)


def test_copy_and_paste(editor) -> None:  # type: ignore[no-untyped-def]
    editor.scene.select_ids(["cmp-web", "cmp-gateway"])
    QTest.keyClick(editor.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    doc = editor.session.design.document
    new = doc.components[-2:]
    assert [c.name for c in new] == ["Web & mobile clients", "API Gateway"]
    assert {c.id for c in new}.isdisjoint({"cmp-web", "cmp-gateway"})
    assert [(c.x, c.y) for c in new] == [(40.0, 240.0), (280.0, 240.0)]
    joined = [c for c in doc.connections if c.source == new[0].id and c.target == new[1].id]
    assert len(joined) == 1 and joined[0].label == "HTTPS /api/v1"
    assert len(doc.connections) == 16  # the web->CDN edge stays behind: CDN was not copied
    assert editor.session.undo_stack.count() == 1
    assert editor.scene.selected_ids()[0] == [c.id for c in new]
    editor.session.undo_stack.undo()
    assert len(doc.components) == 12 and len(doc.connections) == 15


def test_paste_into_another_window(editor, qtbot, ecommerce) -> None:  # type: ignore[no-untyped-def]
    from studio.model import DesignDocument
    from studio.ui.canvas.editor import CanvasEditor
    from studio.ui.session import DocumentSession

    editor.scene.select_ids(["cmp-pg", "cmp-replicas"])
    assert editor.copy()
    other_session = DocumentSession()
    other_session.load(DesignDocument(), None)
    other = CanvasEditor(other_session)
    qtbot.addWidget(other.view)
    try:
        other.paste()
        doc = other_session.design.document
        assert [c.name for c in doc.components] == ["PostgreSQL primary", "Read replicas"]
        assert len(doc.connections) == 1 and doc.connections[0].label == "streaming replication"
    finally:
        other.teardown()
        other_session.close()


def test_paste_of_foreign_clipboard_reports_and_changes_nothing(editor) -> None:  # type: ignore[no-untyped-def]
    from studio.ui.canvas.clipboard import MIME_TYPE, mime_data

    messages: list[str] = []
    editor.status = messages.append
    QApplication.clipboard().setMimeData(
        mime_data(b'{"format": "backend-architect-studio/components", "components": [{"id": 3}]}')
    )
    editor.paste()
    assert len(editor.session.design.document.components) == 12
    assert messages and "components[0].id" in messages[0]
    assert MIME_TYPE


def test_rename_in_place_with_f2_is_one_step(editor) -> None:  # type: ignore[no-untyped-def]
    editor.scene.select_ids(["cmp-redis"])
    QTest.keyClick(editor.view, Qt.Key.Key_F2)
    line = editor.view.rename_editor()
    assert line is not None and line.text() == "Redis"
    line.selectAll()
    QTest.keyClicks(line, "Session cache")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert editor.session.design.component("cmp-redis").name == "Session cache"
    assert editor.session.undo_stack.count() == 1
    assert editor.scene.components["cmp-redis"].look.name == "Session cache"


def test_arrow_keys_nudge(editor) -> None:  # type: ignore[no-untyped-def]
    editor.scene.select_ids(["cmp-cdn"])
    QTest.keyClick(editor.view, Qt.Key.Key_Right)
    QTest.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    cdn = editor.session.design.component("cmp-cdn")
    assert (cdn.x, cdn.y) == (1.0, 40.0)
    assert editor.session.undo_stack.count() == 2


def test_zoom_keys_and_wheel(editor) -> None:  # type: ignore[no-untyped-def]
    editor.actions["zoom_in"].trigger()
    assert abs(editor.view.scale_factor() - 1.25) < 1e-6
    editor.actions["zoom_100"].trigger()
    assert abs(editor.view.scale_factor() - 1.0) < 1e-6
    editor.actions["fit"].trigger()
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert visible.contains(editor.scene.itemsBoundingRect())
    editor.actions["zoom_100"].trigger()
    viewport = editor.view.viewport()
    at = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        at,
        QPointF(viewport.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert editor.view.scale_factor() > 1.3


def test_drag_frames_paint_moving_items_over_a_snapshot(editor) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    from tests.canvas.conftest import _move

    viewport = editor.view.viewport()
    start = centre(editor, "cmp-cdn")
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(editor, *start))
    for k in range(1, 6):
        _move(viewport, vp(editor, start[0] + 40 * k, start[1] + 30 * k), Qt.MouseButton.LeftButton)
    live = editor.view._live
    assert editor.scene.components["cmp-cdn"] in live and editor.scene.connections["con-web-cdn"] in live
    assert len(live) == 2  # nothing else is repainted while dragging
    image = viewport.grab().toImage()
    icon = vp(editor, 200 + 15, 170 + 23 + 15)  # the CDN's icon, at its new place
    colour = image.pixelColor(icon)
    assert max(abs(colour.red() - 2), abs(colour.green() - 132), abs(colour.blue() - 199)) < 30, colour.name()
    old = image.pixelColor(vp(editor, 15, 20 + 38))  # where it was: canvas again
    assert old != QColor("#0284C7")
    QTest.mouseRelease(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        vp(editor, start[0] + 200, start[1] + 150),
    )
    assert editor.view._live == []
    assert (editor.session.design.component("cmp-cdn").x, editor.session.design.component("cmp-cdn").y) == (
        200.0,
        170.0,
    )


def test_repeated_drags_keep_one_overview_and_the_label_index(editor) -> None:  # type: ignore[no-untyped-def]
    from studio.ui.canvas.items import EdgeOverview

    for k in range(3):
        start = centre(editor, "cmp-cdn")
        drag(editor, start, (start[0] + 20, start[1] + 10 * (k + 1)))
    assert sum(isinstance(i, EdgeOverview) for i in editor.scene.items()) == 1
    pg = editor.scene.components["cmp-pg"].node_rect()
    assert editor.scene.label_blocked(pg.adjusted(10, 10, -10, -10))
    assert not editor.scene.label_blocked(pg.translated(0, -400))
