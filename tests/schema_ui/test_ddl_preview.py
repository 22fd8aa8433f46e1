"""The live DDL preview follows edits, the selected table and the dialect; Problems stay live."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from studio.model import Column, ForeignKey
from studio.sql.ddl import schema_ddl, table_ddl
from studio.ui.ddl_preview.dock import SHOW_SCHEMA, DdlPreviewDock
from studio.ui.ddl_preview.text_sync import sync_text
from studio.ui.schema.dock import SchemaDock
from studio.ui.session import DocumentSession

ORDERS = ("schema", "tables", "tbl-orders")


def _table_ddl(session: DocumentSession, name: str, dialect: str = "postgres") -> str:
    schema = session.design.document.schema
    return table_ddl(schema.table(name), schema, dialect)


def _statements(session: DocumentSession, name: str, dialect: str = "postgres") -> str:
    """A table's DDL without the notes header (the preview lists notes under Problems)."""
    text = _table_ddl(session, name, dialect)
    return text.split("\n\n", 1)[1] if text.startswith("-- Conversion notes") else text


def test_dialect_defaults_to_the_configured_database(preview: DdlPreviewDock) -> None:
    assert preview.dialect.name == "postgres"
    assert preview.dialect_combo.currentText() == "PostgreSQL"


def test_follows_the_selected_table(
    qtbot, preview: DdlPreviewDock, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(preview.refreshed, timeout=1000):
        dock.tables.select_table("tbl-orders")
    assert preview.text.toPlainText() == _table_ddl(session, "orders")


def test_an_edit_updates_the_text(
    qtbot, preview: DdlPreviewDock, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    dock.tables.select_table("tbl-orders")
    preview.refresh()
    with qtbot.waitSignal(preview.refreshed, timeout=1000):
        session.push(session.design.set_op((*ORDERS, "columns", "col-orders-status", "name"), "state"))
    assert '"state" VARCHAR(50)' in preview.text.toPlainText()
    assert preview.text.toPlainText() == _table_ddl(session, "orders")


def test_whole_schema_stays_equal_to_the_generator_through_edits(
    qtbot, preview: DdlPreviewDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    """The preview patches only changed statements; the result must be the full script."""
    preview.set_scope(SHOW_SCHEMA)
    design = session.design
    edits = [
        design.set_op((*ORDERS, "columns", "col-orders-status", "type"), "TEXT"),
        design.insert_op((*ORDERS, "columns"), Column(id="col-note", name="note", type="TEXT"), 0),
        design.remove_op(("schema", "tables", "tbl-categories")),
        design.set_op((*ORDERS, "comment"), 'It\'s -- "quoted"'),
    ]
    for op in edits:
        session.push(op)
        qtbot.waitUntil(lambda: not preview._timer.isActive(), timeout=1000)
        assert preview.text.toPlainText() == schema_ddl(design.document.schema, "postgres").text
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    preview.refresh()
    assert preview.text.toPlainText() == schema_ddl(design.document.schema, "postgres").text


def test_switching_dialect(
    qtbot, preview: DdlPreviewDock, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    dock.tables.select_table("tbl-users")
    preview.refresh()
    preview.dialect_combo.setCurrentIndex(preview.dialect_combo.findData("mysql"))
    preview.dialect_combo.activated.emit(preview.dialect_combo.currentIndex())
    assert preview.text.toPlainText() == _statements(session, "users", "mysql")
    assert "`users`" in preview.text.toPlainText()
    # Conversion notes of the selected table appear as information in the Problems list.
    preview.problems.relint()
    rows = [
        (preview.problems.topLevelItem(i).text(0), preview.problems.topLevelItem(i).text(2))
        for i in range(preview.problems.topLevelItemCount())
    ]
    assert ("users", "ddl.conversion") in rows


def test_config_database_change_moves_the_default(
    qtbot, preview: DdlPreviewDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    session.push(session.design.set_op(("agent_config", "database"), "sqlite"))
    assert preview.dialect.name == "sqlite"
    assert preview.dialect_combo.currentData() == "sqlite"


def test_problems_are_live_and_activation_selects(
    qtbot, preview: DdlPreviewDock, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    preview.on_activate = lambda path: dock.select_path(path)
    assert preview.problems.topLevelItemCount() == 2
    assert preview.problems_label.text() == "Problems: 0 errors, 2 warnings"
    fk = ForeignKey(
        id="fk-ghost", name="fk_ghost", columns=["user_id"], ref_table="ghosts", ref_columns=["id"]
    )
    session.push(session.design.insert_op((*ORDERS, "foreign_keys"), fk))
    qtbot.waitUntil(lambda: preview.problems_label.text().startswith("Problems: 1 error"), timeout=2000)
    first = preview.problems.topLevelItem(0)
    assert first.text(2) == "schema.fk-missing-table"
    preview.problems.itemActivated.emit(first, 0)
    assert dock.editor.table_id == "tbl-orders"
    assert dock.editor.tabs.currentIndex() == 2
    assert dock.editor.foreign_keys.current_item_id() == "fk-ghost"


def test_copy_table_and_all(
    qtbot, preview: DdlPreviewDock, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    dock.tables.select_table("tbl-products")
    preview.refresh()
    preview.copy_table()
    assert QGuiApplication.clipboard().text() == _table_ddl(session, "products")
    preview.copy_all()
    assert QGuiApplication.clipboard().text() == schema_ddl(session.design.document.schema, "postgres").text


def test_highlighter_ignores_comment_markers_inside_quotes(qtbot) -> None:  # type: ignore[no-untyped-def]
    from studio.ui.ddl_preview.highlighter import TOKENS

    kinds = [m.lastgroup for m in TOKENS.finditer("CREATE TABLE \"a--b\" (x TEXT DEFAULT '--') -- note")]
    assert kinds == ["word", "word", "identifier", "word", "word", "word", "string", "comment"]


_chunk = st.sampled_from(["x", "yy", "z\nw", "é😀", "", 'CREATE TABLE "t" ();'])


@settings(max_examples=200, deadline=None)
@given(old=st.lists(_chunk, max_size=6), new=st.lists(_chunk, max_size=6), reuse=st.booleans())
def test_sync_text_gives_the_new_text(qapp, old: list[str], new: list[str], reuse: bool) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    document = QTextDocument(owner)
    before, after = "\n\n".join(old), "\n\n".join(new)
    document.setPlainText(before)
    chunks = sync_text(document, before, after, before.split("\n\n") if reuse else None)
    assert document.toPlainText() == after
    assert "\n\n".join(chunks) == after
    owner.deleteLater()


def test_highlighting_follows_a_dark_palette(qtbot, preview: DdlPreviewDock) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    light_keyword = preview.highlighter.formats["keyword"].foreground().color().name()
    palette = preview.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#161B22"))
    preview.setPalette(palette)
    assert preview.highlighter.dark
    assert preview.highlighter.formats["keyword"].foreground().color().name() != light_keyword
