"""The ERD dock: clicks select tables (the schema dock follows), edits relayout."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from studio.model import DesignDocument
from studio.ui.erd.dock import ErdDock
from studio.ui.schema.edits import add_table_op
from studio.ui.session import DocumentSession


def test_click_selects_a_table_and_edits_relayout(qtbot, ecommerce: DesignDocument) -> None:  # type: ignore[no-untyped-def]
    session = DocumentSession()
    session.load(ecommerce, None)
    dock = ErdDock(session)
    qtbot.addWidget(dock)
    dock.resize(900, 600)
    dock.show()
    qtbot.waitExposed(dock)
    canvas = dock.canvas
    layout = canvas.ensure_layout()
    centre = layout.tables["tbl-orders"].rect.center()
    point = canvas.transform().map(centre).toPoint()
    with qtbot.waitSignal(canvas.table_clicked) as clicked:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == ["tbl-orders"]
    assert canvas.selected == "tbl-orders"

    op, table_id = add_table_op(session.design, "audit_log")
    session.push(op)
    qtbot.waitUntil(lambda: table_id in canvas.ensure_layout().tables, timeout=2000)
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: table_id not in canvas.ensure_layout().tables, timeout=2000)

    zoom = canvas.zoom
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom > zoom
    qtbot.keyClick(canvas, Qt.Key.Key_F)
    assert canvas.zoom == zoom
    empty = QPoint(2, 2)
    assert canvas.ensure_layout().table_at(canvas.to_scene(empty.toPointF())) is None
    dock.teardown()
    session.close()
