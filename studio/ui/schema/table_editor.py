"""The editor of one table: name, owning service, comment, and tabs of its lists."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from studio.model import Check, ComponentKind, EnumType, ForeignKey, Operation, PathError, SetField, new_id
from studio.ui.schema.edits import (
    TABLES,
    add_column_op,
    add_index_op,
    remove_column_op,
    rename_table_op,
    table_path,
)
from studio.ui.schema.grid import ItemEditor, ItemGrid
from studio.ui.schema.item_model import ItemTableModel
from studio.ui.schema.specs import check_fields, column_fields, enum_fields, fk_fields, index_fields
from studio.ui.session import DocumentSession

OWNER_KINDS = (ComponentKind.SERVICE, ComponentKind.WORKER)


class TableEditor(QWidget):
    def __init__(
        self,
        session: DocumentSession,
        dialect: Callable[[], str],
        type_choices: Callable[[], list[str]],
        index_methods: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.table_id = ""
        self.name_edit = QLineEdit(self)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.service_combo = QComboBox(self)
        self.service_combo.activated.connect(self._commit_service)
        self.comment_edit = QLineEdit(self)
        self.comment_edit.setPlaceholderText("What the table holds")
        self.comment_edit.textEdited.connect(self._comment_typed)
        self.comment_edit.editingFinished.connect(session.end_merge)  # next visit: a new undo step
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Table", self.name_edit)
        form.addRow("Owned by", self.service_combo)
        form.addRow("Comment", self.comment_edit)

        current = lambda: self.table_id  # noqa: E731
        self.columns = self._grid(
            column_fields(session, current, type_choices), dialect, self._add_column, self._remove_column
        )
        self.indexes = self._grid(
            index_fields(index_methods), dialect, self._add_index, self._remove_in("indexes")
        )
        self.foreign_keys = self._grid(
            fk_fields(session), dialect, self._add_fk, self._remove_in("foreign_keys")
        )
        self.checks = self._grid(check_fields(), dialect, self._add_check, self._remove_in("checks"))
        self.enums = self._grid(enum_fields(), dialect, self._add_enum, self._remove_enum)
        self.enums.item_model.set_list_path(("schema", "enums"))
        self.tabs = QTabWidget(self)
        for grid, title, noun in (
            (self.columns, "Columns", "column"),
            (self.indexes, "Indexes", "index"),
            (self.foreign_keys, "Foreign keys", "foreign key"),
            (self.checks, "Checks", "check"),
            (self.enums, "Enums", "enum type"),
        ):
            self.tabs.addTab(ItemEditor(grid, noun, self.tabs), title)
        self.empty_label = QLabel("No table selected. Add one with + or Ctrl+T.", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty_label, 1)
        self.set_table("")

    def _grid(self, fields, dialect, add, remove) -> ItemGrid:  # type: ignore[no-untyped-def]
        model = ItemTableModel(self.session, fields, self)
        model.refused.connect(self.session.edit_refused)
        return ItemGrid(model, dialect, add, remove, self)

    def grids(self) -> list[ItemGrid]:
        return [self.columns, self.indexes, self.foreign_keys, self.checks, self.enums]

    # -- the table -----------------------------------------------------------------------
    def set_table(self, table_id: str) -> None:
        self.table_id = table_id
        base = table_path(table_id) if table_id else None
        for grid, field in (
            (self.columns, "columns"),
            (self.indexes, "indexes"),
            (self.foreign_keys, "foreign_keys"),
            (self.checks, "checks"),
        ):
            grid.item_model.set_list_path((*base, field) if base else None)
        has = bool(table_id)
        for widget in (self.name_edit, self.service_combo, self.comment_edit, self.tabs):
            widget.setVisible(has)
        self.empty_label.setVisible(not has)
        self.refresh_header()

    def refresh_header(self, owners: bool = True) -> None:
        """Show the table's name, comment and (unless ``owners`` is False) its owner choices."""
        if not self.table_id:
            return
        try:
            table = self.session.design.get(table_path(self.table_id))
        except PathError:
            return
        if self.name_edit.text() != table.name:
            self.name_edit.setText(table.name)
        if self.comment_edit.text() != table.comment:
            self.comment_edit.setText(table.comment)
        if owners or self.service_combo.currentData() != table.service:
            self._fill_owners(table.service)

    def _fill_owners(self, service: str) -> None:
        self.service_combo.clear()
        self.service_combo.addItem("(no owner)", "")
        for component in self.session.design.document.components:
            if component.kind in OWNER_KINDS or component.id == service:
                self.service_combo.addItem(component.name or component.id, component.id)
        if service and self.service_combo.findData(service) < 0:
            self.service_combo.addItem(f"missing: {service}", service)
        self.service_combo.setCurrentIndex(max(0, self.service_combo.findData(service)))

    def _commit_name(self) -> None:
        if not self.table_id:
            return
        name = self.name_edit.text().strip()
        design = self.session.design
        old = design.get((*table_path(self.table_id), "name"))
        if name == old:
            return
        if not name or any(t.name == name for t in design.document.schema.tables):
            self.session.edit_refused.emit(
                f"a table named {name!r} already exists" if name else "a table needs a name"
            )
            self.name_edit.setText(old)
            return
        self.session.push(rename_table_op(design, self.table_id, name))

    def _commit_service(self, _index: int) -> None:
        if self.table_id:
            path = (*table_path(self.table_id), "service")
            value = self.service_combo.currentData() or ""
            if value != self.session.design.get(path):
                self.session.push(self.session.design.set_op(path, value, label="Change owning service"))

    def _comment_typed(self, text: str) -> None:
        if self.table_id:
            op = self.session.design.set_op(
                (*table_path(self.table_id), "comment"), text, label="Edit table comment"
            )
            self.session.push(op, merge=True)

    # -- adding and removing items ---------------------------------------------------------
    def _push_new(self, op: Operation, item_id: str) -> str | None:
        return item_id if self.session.push(op) else None

    def _add_column(self, row: int) -> str | None:
        if not self.table_id:
            return None
        return self._push_new(*add_column_op(self.session.design, self.table_id, row))

    def _remove_column(self, column_id: str) -> None:
        self.session.push(remove_column_op(self.session.design, self.table_id, column_id))

    def _add_index(self, row: int) -> str | None:
        if not self.table_id:
            return None
        current = self.columns.current_item_id()
        cols = (
            [self.session.design.get((*table_path(self.table_id), "columns", current, "name"))]
            if current
            else []
        )
        op, index_id = add_index_op(self.session.design, self.table_id, cols)
        return self._push_new(op, index_id)

    def _add_fk(self, row: int) -> str | None:
        if not self.table_id:
            return None
        fk = ForeignKey(id=new_id("fk"), columns=[], ref_table="", ref_columns=[])
        path = (*table_path(self.table_id), "foreign_keys")
        return self._push_new(self.session.design.insert_op(path, fk, row, label="Add foreign key"), fk.id)

    def _add_check(self, row: int) -> str | None:
        if not self.table_id:
            return None
        check = Check(id=new_id("chk"), name="", expression="TRUE")
        path = (*table_path(self.table_id), "checks")
        return self._push_new(self.session.design.insert_op(path, check, row, label="Add check"), check.id)

    def _add_enum(self, row: int) -> str | None:
        taken = {e.name for e in self.session.design.document.schema.enums}
        name = next(f"enum_{n}" for n in range(1, len(taken) + 2) if f"enum_{n}" not in taken)
        enum = EnumType(id=new_id("enum"), name=name, values=[])
        return self._push_new(
            self.session.design.insert_op(("schema", "enums"), enum, row, label="Add enum"), enum.id
        )

    def _remove_in(self, field: str) -> Callable[[str], None]:
        def remove(item_id: str) -> None:
            self.session.push(self.session.design.remove_op((*table_path(self.table_id), field, item_id)))

        return remove

    def _remove_enum(self, enum_id: str) -> None:
        self.session.push(self.session.design.remove_op(("schema", "enums", enum_id)))

    # -- model events --------------------------------------------------------------------
    def on_changed(self, op: Operation) -> None:
        for grid in self.grids():
            grid.item_model.on_changed(op)
        owners_changed = op.path[:1] == ("components",) and (
            len(op.path) == 1 or op.path[-1] in ("name", "kind")
        )
        own_field = (
            bool(self.table_id)
            and op.path[:3] == (*TABLES, self.table_id)
            and isinstance(op, SetField)
            and len(op.path) == 4
        )
        if owners_changed or own_field:
            self.refresh_header(owners=owners_changed)

    def reload(self) -> None:
        self.enums.item_model.set_list_path(("schema", "enums"))
        self.set_table(self.table_id)
