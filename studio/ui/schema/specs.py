"""The grid columns of each schema list: what the user sees and how each edit becomes an op."""

from __future__ import annotations

from collections.abc import Callable

from studio.model import FkAction
from studio.ui.schema.edits import key_targets, rename_column_op, set_fk_target_op, single_fk_of, table_path
from studio.ui.schema.fields import FieldKind, FieldSpec
from studio.ui.session import DocumentSession

FK_ACTIONS = [a.value for a in FkAction]
INDEX_METHODS = ["", "btree", "hash", "gin", "gist", "brin", "spgist"]


def _non_empty(what: str) -> Callable[[str], str | None]:
    return lambda text: None if text.strip() else f"a {what} needs a name"


def column_fields(
    session: DocumentSession, table_id: Callable[[], str], type_choices: Callable[[], list[str]]
) -> list[FieldSpec]:
    design = lambda: session.design  # noqa: E731 - the session may load another design

    def fk_target(column: object) -> str:
        table = design().get(table_path(table_id()))
        fk = single_fk_of(table, column.name)  # type: ignore[attr-defined]
        return f"{fk.ref_table}.{fk.ref_columns[0]}" if fk and fk.ref_columns else ""

    return [
        FieldSpec(
            "name",
            "Name",
            width=150,
            validate=_non_empty("column"),
            write=lambda cid, v: rename_column_op(design(), table_id(), cid, v),
        ),
        FieldSpec(
            "type",
            "Type",
            FieldKind.CHOICE,
            "Type: pick a suggestion for the dialect or type any SQL type",
            width=140,
            choices=type_choices,
            validate=lambda t: None if t.strip() else "a column needs a type",
        ),
        FieldSpec("nullable", "Null", FieldKind.BOOL, "Nullable", width=44),
        FieldSpec(
            "default",
            "Default",
            FieldKind.SQL,
            width=130,
            empty_is_none=True,
            tooltip="Default expression, e.g. NOW() or 'pending'; checked as you type",
        ),
        FieldSpec("primary_key", "PK", FieldKind.BOOL, "Primary key", width=36),
        FieldSpec("unique", "Uniq", FieldKind.BOOL, "Unique", width=44),
        FieldSpec(
            "fk",
            "References",
            FieldKind.CHOICE,
            "Foreign key target (table.column); empty for none",
            width=170,
            choices=lambda: ["", *key_targets(design())],
            read=fk_target,
            write=lambda cid, v: set_fk_target_op(design(), table_id(), cid, v),
        ),
        FieldSpec("comment", "Comment"),
    ]


def index_fields(dialect_methods: Callable[[], list[str]]) -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name", width=180, validate=_non_empty("index")),
        FieldSpec(
            "columns", "Columns", FieldKind.LIST, "Indexed columns in order, comma separated", width=180
        ),
        FieldSpec("unique", "Uniq", FieldKind.BOOL, "Unique index", width=44),
        FieldSpec(
            "method",
            "Method",
            FieldKind.CHOICE,
            "Access method; empty for the dialect's default",
            width=80,
            choices=dialect_methods,
            editable=False,
        ),
        FieldSpec("where", "Where (partial)", FieldKind.SQL, "Partial index predicate, checked as you type"),
    ]


def fk_fields(session: DocumentSession) -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name", width=170),
        FieldSpec("columns", "Columns", FieldKind.LIST, "Referencing columns, comma separated", width=130),
        FieldSpec(
            "ref_table",
            "Table",
            FieldKind.CHOICE,
            "Referenced table",
            width=130,
            choices=lambda: [t.name for t in session.design.document.schema.tables],
        ),
        FieldSpec(
            "ref_columns", "Ref columns", FieldKind.LIST, "Referenced columns, comma separated", width=110
        ),
        FieldSpec(
            "on_delete", "On delete", FieldKind.CHOICE, width=100, choices=lambda: FK_ACTIONS, editable=False
        ),
        FieldSpec("on_update", "On update", FieldKind.CHOICE, choices=lambda: FK_ACTIONS, editable=False),
    ]


def check_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name", width=180),
        FieldSpec("expression", "Expression", FieldKind.SQL, "Boolean SQL expression, checked as you type"),
    ]


def enum_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name", width=180, validate=_non_empty("enum")),
        FieldSpec("values", "Values", FieldKind.LIST, "Allowed values in order, comma separated"),
    ]
