"""Editing the schema through the dock's widgets: every edit lands in the model and undoes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from studio.model import DesignDocument
from studio.ui.schema.delegates import SqlLineEdit
from studio.ui.schema.dock import SchemaDock
from studio.ui.schema.grid import ItemGrid
from studio.ui.session import DocumentSession


def _table(session: DocumentSession, name: str):  # type: ignore[no-untyped-def]
    return session.design.document.schema.table(name)


def _snapshot(session: DocumentSession) -> str:
    return session.design.document.model_dump_json()


def _open(qtbot, dock: SchemaDock, name: str) -> None:  # type: ignore[no-untyped-def]
    assert dock.tables.select_table(_table(dock.session, name).id)
    assert dock.editor.table_id == _table(dock.session, name).id


def _edit_cell(qtbot, grid: ItemGrid, row: int, column: int):  # type: ignore[no-untyped-def]
    index = grid.model().index(row, column)
    open_editor = grid.indexWidget(grid.currentIndex()) if grid.currentIndex().isValid() else None
    if open_editor is not None:
        qtbot.keyClick(open_editor, Qt.Key.Key_Escape)
    grid.setFocus()
    grid.setCurrentIndex(index)
    grid.edit(index)
    return _open_editor(grid)


def _open_editor(grid: ItemGrid):  # type: ignore[no-untyped-def]
    """The cell editor open on the grid's current cell (Qt's own lookup, focus-independent)."""
    editor = grid.indexWidget(grid.currentIndex())
    assert editor is not None, "no cell editor is open"
    return editor


def _combo(widget):  # type: ignore[no-untyped-def]
    """An editable combo's editor: Qt focuses the combo or its line edit."""
    return widget if isinstance(widget, QComboBox) else widget.parent()


def _type_and_enter(qtbot, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.wait(10)  # the delegate commits on a queued call


def test_add_table_and_undo(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(session)
    dock.editor.columns.setFocus()  # anywhere in the dock
    qtbot.keyClick(dock.editor.columns, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    tables = session.design.document.schema.tables
    assert [t.name for t in tables][-1] == "new_table"
    assert tables[-1].primary_key == ["id"]
    assert dock.editor.table_id == tables[-1].id
    session.undo_stack.undo()
    assert _snapshot(session) == before


def test_rename_table_through_name_field_updates_references(
    qtbot, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(session)
    _open(qtbot, dock, "categories")
    dock.editor.name_edit.setFocus()
    dock.editor.name_edit.selectAll()
    qtbot.keyClicks(dock.editor.name_edit, "product_categories")
    qtbot.keyClick(dock.editor.name_edit, Qt.Key.Key_Return)
    assert _table(session, "products").foreign_keys[0].ref_table == "product_categories"
    assert dock.tables.list.currentItem().text() == "product_categories"
    session.undo_stack.undo()
    assert _snapshot(session) == before


def test_new_column_is_one_keystroke_then_typed(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(session)
    _open(qtbot, dock, "users")
    grid = dock.editor.columns
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(1, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Insert)
    columns = _table(session, "users").columns
    assert len(columns) == 5 and columns[2].name == "column"
    editor = _open_editor(grid)
    assert isinstance(editor, QLineEdit)
    _type_and_enter(qtbot, editor, "display_name")
    assert _table(session, "users").columns[2].name == "display_name"
    # Enter moved on to the type cell of the same row, with its editor open.
    assert grid.currentIndex().row() == 2 and grid.currentIndex().column() == 1
    assert isinstance(_open_editor(grid), QComboBox)
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _snapshot(session) == before


def test_change_type_with_suggestions_and_free_text(
    qtbot, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "products")
    combo = _edit_cell(qtbot, dock.editor.columns, 4, 1)
    assert isinstance(combo, QComboBox)
    suggestions = [combo.itemText(i) for i in range(combo.count())]
    assert "BIGINT" in suggestions and "JSONB" in suggestions  # PostgreSQL's
    _type_and_enter(qtbot, combo, "BIGINT")
    assert _table(session, "products").column("stock").type == "BIGINT"
    combo = _edit_cell(qtbot, dock.editor.columns, 4, 1)
    _type_and_enter(qtbot, combo, "NUMERIC(20, 4)")
    assert _table(session, "products").column("stock").type == "NUMERIC(20, 4)"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _table(session, "products").column("stock").type == "INTEGER"


def test_type_suggestions_follow_the_dialect(qtbot, dock: SchemaDock, dialect) -> None:  # type: ignore[no-untyped-def]
    dialect.choose("tsql")
    _open(qtbot, dock, "products")
    combo = _edit_cell(qtbot, dock.editor.columns, 1, 1)
    assert "NVARCHAR(255)" in [combo.itemText(i) for i in range(combo.count())]


def test_toggle_checkbox_with_space(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "products")
    grid = dock.editor.columns
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(2, 2))  # description, Null
    assert _table(session, "products").column("description").nullable
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert not _table(session, "products").column("description").nullable
    session.undo_stack.undo()
    assert _table(session, "products").column("description").nullable


def test_set_foreign_key_target(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(session)
    _open(qtbot, dock, "orders")
    grid = dock.editor.columns
    combo = _edit_cell(qtbot, grid, 3, 6)  # status -> References
    assert "users.id" in [combo.itemText(i) for i in range(combo.count())]
    _type_and_enter(qtbot, combo, "users.email")
    fks = _table(session, "orders").foreign_keys
    assert [(f.columns, f.ref_table, f.ref_columns) for f in fks][-1] == (["status"], "users", ["email"])
    assert grid.model().index(3, 6).data() == "users.email"
    combo = _edit_cell(qtbot, grid, 3, 6)
    _type_and_enter(qtbot, combo, "")
    assert len(_table(session, "orders").foreign_keys) == 1
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _snapshot(session) == before


def test_partial_index_where_is_checked_as_you_type(
    qtbot, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(session)
    refusals: list[str] = []
    session.edit_refused.connect(refusals.append)
    _open(qtbot, dock, "orders")
    dock.editor.tabs.setCurrentIndex(1)
    grid = dock.editor.indexes
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(grid.model().rowCount() - 1, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Insert)
    new_index = _table(session, "orders").indexes[-1]
    qtbot.keyClick(_open_editor(grid), Qt.Key.Key_Escape)
    row = grid.model().rowCount() - 1
    columns = _edit_cell(qtbot, grid, row, 1)
    _type_and_enter(qtbot, columns, "status, created_at")
    assert _table(session, "orders").indexes[-1].columns == ["status", "created_at"]

    where = _edit_cell(qtbot, grid, row, 4)
    assert isinstance(where, SqlLineEdit)
    qtbot.keyClicks(where, "status NOT IN ('completed'")
    assert where.property("invalid") is True and where.toolTip()
    qtbot.keyClick(where, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert _table(session, "orders").indexes[-1].where == ""
    assert refusals and "Where" in refusals[-1]

    where = _edit_cell(qtbot, grid, row, 4)
    qtbot.keyClicks(where, "status <> 'done'")
    assert where.property("invalid") is False
    qtbot.keyClick(where, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert _table(session, "orders").indexes[-1].where == "status <> 'done'"
    assert _table(session, "orders").indexes[-1].id == new_index.id
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert _snapshot(session) == before


def test_reorder_columns_with_alt_arrows(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "users")
    grid = dock.editor.columns
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [c.name for c in _table(session, "users").columns] == [
        "email",
        "id",
        "password_hash",
        "created_at",
    ]
    assert grid.currentIndex().row() == 1  # the moved column stays current
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [c.name for c in _table(session, "users").columns][2] == "id"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [c.name for c in _table(session, "users").columns] == [
        "id",
        "email",
        "password_hash",
        "created_at",
    ]


def test_rename_column_renames_its_index_and_key_references(
    qtbot, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(session)
    _open(qtbot, dock, "users")
    editor = _edit_cell(qtbot, dock.editor.columns, 0, 0)
    _type_and_enter(qtbot, editor, "user_id")
    assert _table(session, "orders").foreign_keys[0].ref_columns == ["user_id"]
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert _snapshot(session) == before


def test_delete_column_takes_its_key_and_index_and_undoes(
    qtbot, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(session)
    _open(qtbot, dock, "products")
    grid = dock.editor.columns
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(5, 0))  # category_id
    qtbot.keyClick(grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    products = _table(session, "products")
    assert products.column("category_id") is None
    assert products.foreign_keys == [] and [i.name for i in products.indexes] == ["idx_price"]
    session.undo_stack.undo()
    assert _snapshot(session) == before


def test_table_comment_typing_is_one_undo_step(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "users")
    dock.editor.comment_edit.setFocus()
    dock.editor.comment_edit.selectAll()
    qtbot.keyClicks(dock.editor.comment_edit, "People")
    assert _table(session, "users").comment == "People"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert _table(session, "users").comment == "Registered shoppers and administrators."


def test_owning_service(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "users")
    combo = dock.editor.service_combo
    combo.setCurrentIndex(combo.findData("cmp-orders"))
    combo.activated.emit(combo.currentIndex())
    assert _table(session, "users").service == "cmp-orders"
    session.undo_stack.undo()
    assert _table(session, "users").service == "cmp-users"
    assert combo.currentData() == "cmp-users"


def test_enums_and_checks(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "orders")
    dock.editor.tabs.setCurrentIndex(4)
    dock.editor.enums.add_row()
    _type_and_enter(qtbot, _open_editor(dock.editor.enums), "order_status")
    values = _open_editor(dock.editor.enums)
    _type_and_enter(qtbot, values, "new, paid, shipped")
    [enum] = session.design.document.schema.enums
    assert (enum.name, enum.values) == ("order_status", ["new", "paid", "shipped"])
    dock.editor.tabs.setCurrentIndex(3)
    dock.editor.checks.add_row()
    qtbot.keyClick(_open_editor(dock.editor.checks), Qt.Key.Key_Tab)
    qtbot.wait(10)
    expression = _open_editor(dock.editor.checks)
    assert isinstance(expression, SqlLineEdit)
    _type_and_enter(qtbot, expression, "total_amount >= 0")
    assert _table(session, "orders").checks[-1].expression == "total_amount >= 0"


def test_filter_and_undo_of_a_deleted_table(
    qtbot, dock: SchemaDock, session: DocumentSession, ecommerce: DesignDocument
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dock.tables.filter, "ord")
    visible = [
        dock.tables.list.item(i).text()
        for i in range(dock.tables.list.count())
        if not dock.tables.list.item(i).isHidden()
    ]
    assert visible == ["orders"]
    dock.tables.select_table("tbl-orders")
    dock.tables.delete_current()
    assert _table(session, "orders") is None
    assert dock.editor.table_id != "tbl-orders"
    session.undo_stack.undo()
    assert [t.name for t in session.design.document.schema.tables] == [
        "categories",
        "users",
        "products",
        "orders",
    ]


def test_select_path_opens_the_right_tab_and_row(dock: SchemaDock) -> None:
    assert dock.select_path(("schema", "tables", "tbl-orders", "indexes", "idx-active-orders"))
    assert dock.editor.tabs.currentIndex() == 1
    assert dock.editor.indexes.current_item_id() == "idx-active-orders"
    assert not dock.select_path(("components", "cmp-web"))


def test_default_is_checked_and_clears_to_none(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "orders")
    grid = dock.editor.columns
    editor = _edit_cell(qtbot, grid, 3, 3)  # status -> Default
    assert isinstance(editor, SqlLineEdit)
    _type_and_enter(qtbot, editor, "LOWER(")
    assert _table(session, "orders").column("status").default is None
    _type_and_enter(qtbot, _edit_cell(qtbot, grid, 3, 3), "'pending'")
    assert _table(session, "orders").column("status").default == "'pending'"
    _type_and_enter(qtbot, _edit_cell(qtbot, grid, 3, 3), "")
    assert _table(session, "orders").column("status").default is None


def test_delete_key_in_the_list_deletes_but_not_in_the_filter(
    qtbot, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    dock.tables.filter.setFocus()
    qtbot.keyClick(dock.tables.filter, Qt.Key.Key_Delete)
    assert len(session.design.document.schema.tables) == 4
    dock.tables.select_table("tbl-users")
    dock.tables.list.setFocus()
    qtbot.keyClick(dock.tables.list, Qt.Key.Key_Delete)
    assert _table(session, "users") is None
    session.undo_stack.undo()
    assert _table(session, "users") is not None


def test_user_text_in_tooltips_is_not_html(qtbot, dock: SchemaDock, session: DocumentSession) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, dock, "users")
    path = ("schema", "tables", "tbl-users", "columns", "col-users-email", "comment")
    session.push(session.design.set_op(path, "<b>PII</b> & secret"))
    tip = dock.editor.columns.model().index(1, 7).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;PII&lt;/b&gt;" in tip and "<b>" not in tip
    session.push(session.design.set_op(("schema", "tables", "tbl-users", "name"), "<i>people</i>"))
    dock.tables.rebuild()
    item = dock.tables.list.currentItem()
    assert item.text() == "<i>people</i>" and "&lt;i&gt;people&lt;/i&gt;" in item.toolTip()


def test_a_column_name_taken_in_the_table_is_refused(
    qtbot, dock: SchemaDock, session: DocumentSession
) -> None:  # type: ignore[no-untyped-def]
    refusals: list[str] = []
    session.edit_refused.connect(refusals.append)
    _open(qtbot, dock, "users")
    _type_and_enter(qtbot, _edit_cell(qtbot, dock.editor.columns, 1, 0), "id")
    assert [c.name for c in _table(session, "users").columns][:2] == ["id", "email"]
    assert refusals == ["table 'users' already has a column named 'id'"]
    assert session.undo_stack.count() == 0
