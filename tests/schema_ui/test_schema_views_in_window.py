"""The schema views installed in the real main window: ERD, schema dock and preview agree."""

from __future__ import annotations

from studio.ui.main_window import MainWindow


def test_erd_click_drives_the_schema_dock_and_preview(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    schema, preview, erd = window.schema_dock, window.ddl_preview_dock, window.erd_dock  # type: ignore[attr-defined]
    erd.show()
    erd.raise_()
    erd.canvas.table_clicked.emit("tbl-products")
    assert schema.editor.table_id == "tbl-products"
    qtbot.waitUntil(lambda: 'CREATE TABLE "products"' in preview.text.toPlainText(), timeout=2000)
    schema.tables.select_table("tbl-users")
    assert erd.canvas.selected == "tbl-users"


def test_outline_section_and_problem_activation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    schema, preview = window.schema_dock, window.ddl_preview_dock  # type: ignore[attr-defined]
    schema.hide()
    assert window.show_section("tables")
    assert schema.isVisible()
    preview.on_activate(("schema", "tables", "tbl-orders", "indexes", "idx-user-id"))
    assert schema.editor.indexes.current_item_id() == "idx-user-id"
    canvas = getattr(window, "canvas", None)
    if canvas is not None:  # a component finding selects it on the canvas
        preview.on_activate(("components", "cmp-gateway"))
        assert canvas.selection()[0] == ["cmp-gateway"]
        # The canvas inspector still hears the scene while the window is destroyed; a
        # selection left behind would reach it from a half-deleted scene (canvas teardown).
        canvas.scene.clearSelection()


def test_preview_shows_the_table_the_schema_dock_selects_on_open(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    schema, preview = window.schema_dock, window.ddl_preview_dock  # type: ignore[attr-defined]
    from studio.io.gallery import load_template

    window.load_document(load_template("migration"), None)
    chosen = schema.editor.table_id
    assert chosen  # the schema dock selects the first table of the new design
    name = window.session.design.get(("schema", "tables", chosen, "name"))
    qtbot.waitUntil(lambda: f'CREATE TABLE "{name}"' in preview.text.toPlainText(), timeout=2000)
