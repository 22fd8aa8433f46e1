"""Inspector, find, minimap, arrange actions and the scene following the model."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from studio.model import ComponentKind, Protocol, SetField
from studio.ui.canvas.inspector import Inspector
from tests.canvas.conftest import drag


def _inspector(editor, qtbot) -> Inspector:  # type: ignore[no-untyped-def]
    inspector = Inspector(editor.session)
    qtbot.addWidget(inspector)
    inspector.follow(editor.scene)
    inspector.show()
    return inspector


def test_inspector_typing_a_name_is_one_undo_step(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    inspector = _inspector(editor, qtbot)
    editor.scene.select_ids(["cmp-users"])
    field = inspector.findChild(QLineEdit, "inspector_name")
    assert field.text() == "Users module"
    field.selectAll()
    QTest.keyClicks(field, "Identity")
    assert editor.session.design.component("cmp-users").name == "Identity"
    assert editor.session.undo_stack.count() == 1
    assert editor.scene.components["cmp-users"].look.name == "Identity"
    editor.session.undo_stack.undo()
    assert editor.session.design.component("cmp-users").name == "Users module"
    qtbot.waitUntil(lambda: field.text() == "Users module")


def test_inspector_multi_selection_edits_shared_fields(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    inspector = _inspector(editor, qtbot)
    editor.scene.select_ids(["cmp-users", "cmp-app", "cmp-pg"])
    tech = inspector.findChild(QLineEdit, "inspector_technology")
    assert tech.text() == "" and tech.placeholderText() == "(mixed)"
    instances = inspector.findChild(QSpinBox, "inspector_instances")
    assert instances.specialValueText() == "(mixed)"
    tech.setFocus()
    QTest.keyClicks(tech, "Go 1.22")
    QTest.keyClick(tech, Qt.Key.Key_Return)
    design = editor.session.design
    assert {design.component(c).technology for c in ("cmp-users", "cmp-app", "cmp-pg")} == {"Go 1.22"}
    assert editor.session.undo_stack.count() == 1
    kind = inspector.findChild(QComboBox, "inspector_kind")
    kind.activated.emit(kind.findData(ComponentKind.WORKER))
    assert {design.component(c).kind for c in ("cmp-users", "cmp-app", "cmp-pg")} == {ComponentKind.WORKER}
    assert editor.session.undo_stack.count() == 2
    editor.session.undo_stack.undo()
    editor.session.undo_stack.undo()
    assert design.component("cmp-pg").technology == "PostgreSQL 15"


def test_inspector_connection_protocol_sets_async(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    inspector = _inspector(editor, qtbot)
    editor.scene.select_ids(["con-gw-app"])
    proto = inspector.findChild(QComboBox, "inspector_protocol")
    assert proto.currentData() == Protocol.REST
    proto.activated.emit(proto.findData(Protocol.ASYNC_MESSAGE))
    conn = editor.session.design.connection("con-gw-app")
    assert conn.protocol == Protocol.ASYNC_MESSAGE and conn.asynchronous
    assert editor.scene.connections["con-gw-app"].look.asynchronous
    assert editor.session.undo_stack.count() == 1


def test_scene_follows_edits_made_elsewhere(editor) -> None:  # type: ignore[no-untyped-def]
    design = editor.session.design
    editor.session.push(design.set_op(("components", "cmp-cdn", "x"), 300.0))
    assert editor.scene.components["cmp-cdn"].pos() == QPointF(300, 20)
    edge = editor.scene.connections["con-web-cdn"]
    assert editor.scene.components["cmp-cdn"].node_rect().adjusted(-4, -4, 4, 4).contains(edge.p2)
    editor.session.push(design.set_op(("connections", "con-web-cdn", "target"), "cmp-gateway"))
    assert editor.scene.connections["con-web-cdn"].target == "cmp-gateway"
    # Two parallel web->gateway connections now sit apart.
    offsets = {editor.scene.connections[c].offset for c in ("con-web-cdn", "con-web-gw")}
    assert len(offsets) == 2
    editor.session.push(design.set_op(("groups", "grp-data", "name"), "Storage"))
    assert editor.scene.groups["grp-data"].look.name == "Storage"


def test_replacing_the_document_rebuilds_the_scene(editor) -> None:  # type: ignore[no-untyped-def]
    from studio.io.gallery import load_template

    editor.session.load(load_template("migration"), None)
    doc = editor.session.design.document
    assert set(editor.scene.components) == {c.id for c in doc.components}
    assert set(editor.scene.connections) == {c.id for c in doc.connections}
    assert set(editor.scene.groups) == {g.id for g in doc.groups}


def test_find_selects_and_centres_the_match(editor) -> None:  # type: ignore[no-untyped-def]
    editor.actions["find"].trigger()
    assert editor.find_bar.isVisible()
    QTest.keyClicks(editor.find_bar.field, "rabbit")
    assert editor.scene.selected_ids()[0] == ["cmp-queue"]
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert abs(visible.center().x() - editor.scene.components["cmp-queue"].node_rect().center().x()) < 2
    editor.find_bar.field.setText("module")
    assert editor.find_bar.count.text() == "1 of 3"
    QTest.keyClick(editor.find_bar.field, Qt.Key.Key_Return)
    assert editor.scene.selected_ids()[0] == ["cmp-products"]


def test_minimap_click_moves_the_view(editor) -> None:  # type: ignore[no-untyped-def]
    editor.place_overlays()
    minimap = editor.minimap
    target = minimap.mapFromScene(QPointF(1200, 700))
    QTest.mouseClick(minimap.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    centre = editor.view.mapToScene(editor.view.viewport().rect().center())
    assert abs(centre.x() - 1200) < 30 and abs(centre.y() - 700) < 30


def test_align_and_distribute(editor) -> None:  # type: ignore[no-untyped-def]
    design = editor.session.design
    editor.scene.select_ids(["cmp-web", "cmp-gateway", "cmp-app"])
    editor.actions["align_top"].trigger()  # already aligned: no edit, no undo step
    assert editor.session.undo_stack.count() == 0
    editor.session.push(design.set_op(("components", "cmp-products", "x"), 700.0))
    editor.session.push(design.set_op(("components", "cmp-products", "y"), 300.0))
    editor.scene.select_ids(["cmp-users", "cmp-products", "cmp-orders"])
    editor.actions["align_left"].trigger()
    assert {design.component(c).x for c in ("cmp-users", "cmp-products", "cmp-orders")} == {700.0}
    editor.actions["align_vcenter"].trigger()
    assert {design.component(c).y for c in ("cmp-users", "cmp-products", "cmp-orders")} == {
        round((40 + 300 + 360) / 3)
    }
    editor.session.undo_stack.undo()
    editor.actions["distribute_y"].trigger()
    assert design.component("cmp-products").y == 200.0
    assert editor.session.undo_stack.count() == 4


def test_group_resize_by_corner_grip(editor) -> None:  # type: ignore[no-untyped-def]
    editor.scene.select_ids(["grp-data"])
    drag(editor, (920 + 480 - 3, 80 + 560 - 3), (920 + 480 + 57, 80 + 560 + 137))
    group = editor.session.design.get(("groups", "grp-data"))
    assert (group.width, group.height) == (540.0, 700.0)
    assert "cmp-queue" not in group.members
    assert editor.session.undo_stack.count() == 1


def test_new_group_around_selection(editor) -> None:  # type: ignore[no-untyped-def]
    editor.scene.select_ids(["cmp-queue", "cmp-worker"])
    editor.actions["group_context"].trigger()
    group = editor.session.design.document.groups[-1]
    assert group.members == ["cmp-queue", "cmp-worker"]
    assert group.x < 960 and group.x + group.width > 1380
    assert editor.scene.selected_ids()[2] == [group.id]


def test_auto_layout_is_one_step_and_keeps_pinned(editor) -> None:  # type: ignore[no-untyped-def]
    design = editor.session.design
    editor.session.push(SetField(("components", "cmp-pg", "pinned"), False, True))
    before = design.document.model_dump(mode="json")
    editor.actions["layout"].trigger()
    assert design.document.model_dump(mode="json") != before
    assert (design.component("cmp-pg").x, design.component("cmp-pg").y) == (960.0, 120.0)
    xs = {c.id: c.x for c in design.document.components}
    assert xs["cmp-web"] < xs["cmp-gateway"] < xs["cmp-app"] < xs["cmp-users"]
    editor.session.undo_stack.undo()
    assert design.document.model_dump(mode="json") == before


def test_theme_follows_the_application_palette(editor, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    from studio.export.diagrams import DARK, LIGHT

    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#1b1f26"))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        assert editor.scene.theme is DARK
    finally:
        qapp.setPalette(original)
        qapp.processEvents()
    assert editor.scene.theme is LIGHT


def test_duplicate_and_cut(editor) -> None:  # type: ignore[no-untyped-def]
    doc = editor.session.design.document
    editor.scene.select_ids(["cmp-queue", "cmp-worker"])
    editor.actions["duplicate"].trigger()
    assert [c.name for c in doc.components[-2:]] == ["Job queue", "Background worker"]
    assert len(doc.connections) == 16
    editor.actions["cut"].trigger()  # cuts the selected duplicates
    assert len(doc.components) == 12 and len(doc.connections) == 15
    editor.actions["paste"].trigger()
    assert [c.name for c in doc.components[-2:]] == ["Job queue", "Background worker"]
    assert editor.session.undo_stack.count() == 3


def test_middle_button_pans(editor) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    from tests.canvas.conftest import _move

    viewport = editor.view.viewport()
    before = editor.view.mapToScene(viewport.rect().center())
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 400))
    _move(viewport, QPoint(300, 350), Qt.MouseButton.MiddleButton)
    QTest.mouseRelease(
        viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 350)
    )
    after = editor.view.mapToScene(viewport.rect().center())
    assert (round(after.x() - before.x()), round(after.y() - before.y())) == (100, 50)
    assert editor.session.undo_stack.count() == 0


def test_space_drag_pans_without_moving_anything(editor) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    viewport = editor.view.viewport()
    before = editor.view.mapToScene(viewport.rect().center())
    QTest.keyPress(editor.view, Qt.Key.Key_Space)
    cdn = editor.scene.components["cmp-cdn"].node_rect().center()
    start = editor.view.mapFromScene(cdn)  # pressing on a component pans too
    drag_to = start + QPoint(-120, -40)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    from tests.canvas.conftest import _move

    _move(viewport, drag_to, Qt.MouseButton.LeftButton)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, drag_to)
    QTest.keyRelease(editor.view, Qt.Key.Key_Space)
    after = editor.view.mapToScene(viewport.rect().center())
    assert (round(after.x() - before.x()), round(after.y() - before.y())) == (120, 40)
    assert editor.session.undo_stack.count() == 0


def test_inspector_edits_a_group(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    from studio.model import GroupKind

    inspector = _inspector(editor, qtbot)
    editor.scene.select_ids(["grp-data"])
    assert inspector.header.text() == "Group: Data tier"
    name = inspector.findChild(QLineEdit, "inspector_name")
    name.selectAll()
    QTest.keyClicks(name, "Storage")
    kind = inspector.findChild(QComboBox, "inspector_kind")
    kind.activated.emit(kind.findData(GroupKind.BOUNDED_CONTEXT))
    group = editor.session.design.get(("groups", "grp-data"))
    assert (group.name, group.kind) == ("Storage", GroupKind.BOUNDED_CONTEXT)
    assert editor.scene.groups["grp-data"].look == type(editor.scene.groups["grp-data"].look)(
        GroupKind.BOUNDED_CONTEXT, "Storage"
    )
    assert editor.session.undo_stack.count() == 2


def test_inspector_typing_after_leaving_the_field_is_a_new_step(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    inspector = _inspector(editor, qtbot)
    editor.scene.select_ids(["cmp-users"])
    field = inspector.findChild(QLineEdit, "inspector_name")
    field.end(False)
    QTest.keyClicks(field, " A")
    QTest.keyClick(field, Qt.Key.Key_Return)  # editingFinished ends the typing session
    QTest.keyClicks(field, " B")
    assert editor.session.design.component("cmp-users").name == "Users module A B"
    assert editor.session.undo_stack.count() == 2
    editor.session.undo_stack.undo()
    assert editor.session.design.component("cmp-users").name == "Users module A"
