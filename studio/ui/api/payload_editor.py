"""Request and response bodies of the selected endpoint: a schema table, ad-hoc fields, or both."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio.model import Design, Operation, PayloadField
from studio.ui.sections.binder import FormBinder
from studio.ui.sections.columns import ColumnSpec
from studio.ui.sections.table_editor import TableEditor
from studio.ui.session import DocumentSession

JSON_TYPES = ("string", "integer", "number", "boolean", "object", "array")


def _field_types(design: Design) -> list[tuple[str, str]]:
    return [(t, t) for t in JSON_TYPES] + [
        (t.name, f"{t.name} (table)") for t in design.document.schema.tables
    ]


FIELD_COLUMNS = [
    ColumnSpec("name", "Field", width=130),
    ColumnSpec(
        "type",
        "Type",
        "choice",
        _field_types,
        free_text=True,
        width=120,
        tooltip="A JSON type, a table name, or an SQL type such as BIGINT",
    ),
    ColumnSpec("required", "Required", "bool"),
    ColumnSpec("description", "Description"),
]


class PayloadEditor(QGroupBox):
    """One body (``request`` or ``response``) of whichever endpoint ``set_endpoint`` names."""

    def __init__(self, session: DocumentSession, side: str, parent: QWidget | None = None) -> None:
        super().__init__(f"{side.capitalize()} body", parent)
        self.session = session
        self.side = side
        self.binder = FormBinder(session, None, self)
        self.table = self.binder.combo(("table",), [], self, free_text=True)
        self.table.setToolTip("Rows of this schema table (columns become the JSON properties)")
        self.table.lineEdit().setPlaceholderText("(no table)")
        self.is_list = self.binder.check(("is_list",), "a list of them", self)
        self.fields = TableEditor(
            session, None, FIELD_COLUMNS, lambda: PayloadField(name="field"), "Ad-hoc fields", self
        )
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addWidget(self.is_list)
        form = QFormLayout()
        form.addRow(QLabel("Table", self), row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.fields, 1)
        self._fill_tables()
        session.changed.connect(self._on_changed)
        session.replaced.connect(self._fill_tables)

    def set_endpoint(self, endpoint_id: str | None) -> None:
        root = ("api", "endpoints", endpoint_id, self.side) if endpoint_id else None
        self.binder.set_root(root)
        self.fields.set_path((*root, "fields") if root else None)

    def _fill_tables(self) -> None:
        names = [""] + [t.name for t in self.session.design.document.schema.tables]
        current = self.table.currentText()
        blocked = self.table.blockSignals(True)
        self.table.clear()
        self.table.addItems(names)
        self.table.setEditText(current)
        self.table.blockSignals(blocked)
        self.binder.refresh()

    def _on_changed(self, op: Operation) -> None:
        path = op.path  # type: ignore[union-attr]
        if path[:2] == ("schema", "tables") and (len(path) == 2 or path[-1] == "name"):
            self._fill_tables()
