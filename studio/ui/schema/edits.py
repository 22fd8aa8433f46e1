"""Schema edits as model operations: each user gesture becomes one operation (one undo step).

Columns are referenced by name from indexes and foreign keys, and tables by name from
foreign keys, so renaming or deleting one is a batch that keeps those references right.
"""

from __future__ import annotations

from studio.model import (
    Batch,
    Column,
    Design,
    ForeignKey,
    Index,
    Operation,
    Path,
    SetField,
    Table,
    names,
    new_id,
)

TABLES: Path = ("schema", "tables")


def table_path(table_id: str) -> Path:
    return (*TABLES, table_id)


def unique_name(base: str, taken: set[str]) -> str:
    """``base``, or ``base_2``, ``base_3``... whichever is free (SQL names take no spaces)."""
    return names.unique_name(base, taken, "_")


def add_table_op(
    design: Design, name: str = "new_table", service: str = "", index: int | None = None
) -> tuple[Operation, str]:
    """A new table with an ``id`` primary key, ready to edit; returns the op and the table id."""
    taken = {t.name for t in design.document.schema.tables}
    table = Table(
        id=new_id("tbl"),
        name=unique_name(name, taken),
        service=service,
        columns=[Column(id=new_id("col"), name="id", type="BIGINT", nullable=False, primary_key=True)],
    )
    return design.insert_op(TABLES, table, index, label=f"Add table {table.name}"), table.id


def add_column_op(
    design: Design, table_id: str, index: int | None = None, type_: str = "TEXT"
) -> tuple[Operation, str]:
    table: Table = design.get(table_path(table_id))
    column = Column(id=new_id("col"), name=unique_name("column", {c.name for c in table.columns}), type=type_)
    return design.insert_op((*table_path(table_id), "columns"), column, index, label="Add column"), column.id


def rename_table_op(design: Design, table_id: str, new_name: str) -> Operation:
    """Rename a table and every foreign key that references it by its old name."""
    table: Table = design.get(table_path(table_id))
    old = table.name
    ops: list[Operation] = [design.set_op((*table_path(table_id), "name"), new_name)]
    for other in design.document.schema.tables:
        for fk in other.foreign_keys:
            if fk.ref_table == old:
                ops.append(
                    design.set_op((*table_path(other.id), "foreign_keys", fk.id, "ref_table"), new_name)
                )
    return Batch(tuple(ops), f"Rename table {old} to {new_name}")


def _renamed(names: list[str], old: str, new: str) -> list[str]:
    return [new if n == old else n for n in names]


def rename_column_op(design: Design, table_id: str, column_id: str, new_name: str) -> Operation:
    """Rename a column with the indexes and foreign keys (here and elsewhere) that name it."""
    table: Table = design.get(table_path(table_id))
    base = table_path(table_id)
    old = design.get((*base, "columns", column_id, "name"))
    if any(c.name == new_name and c.id != column_id for c in table.columns):
        raise ValueError(f"table {table.name!r} already has a column named {new_name!r}")
    ops: list[Operation] = [design.set_op((*base, "columns", column_id, "name"), new_name)]
    for index in table.indexes:
        if old in index.columns:
            ops.append(
                design.set_op((*base, "indexes", index.id, "columns"), _renamed(index.columns, old, new_name))
            )
    for fk in table.foreign_keys:
        if old in fk.columns:
            ops.append(
                design.set_op((*base, "foreign_keys", fk.id, "columns"), _renamed(fk.columns, old, new_name))
            )
    for other in design.document.schema.tables:
        for fk in other.foreign_keys:
            if fk.ref_table == table.name and old in fk.ref_columns:
                path = (*table_path(other.id), "foreign_keys", fk.id, "ref_columns")
                ops.append(design.set_op(path, _renamed(fk.ref_columns, old, new_name)))
    return Batch(tuple(ops), f"Rename column {old} to {new_name}")


def remove_column_op(design: Design, table_id: str, column_id: str) -> Operation:
    """Delete a column; indexes lose it (and go when empty), foreign keys using it go."""
    table: Table = design.get(table_path(table_id))
    base = table_path(table_id)
    name = design.get((*base, "columns", column_id, "name"))
    ops: list[Operation] = []
    for index in table.indexes:
        if name in index.columns:
            kept = [c for c in index.columns if c != name]
            if kept:
                ops.append(design.set_op((*base, "indexes", index.id, "columns"), kept))
            else:
                ops.append(design.remove_op((*base, "indexes", index.id)))
    for fk in table.foreign_keys:
        if name in fk.columns:
            ops.append(design.remove_op((*base, "foreign_keys", fk.id)))
    ops.append(design.remove_op((*base, "columns", column_id)))
    return Batch(tuple(ops), f"Delete column {name}")


def single_fk_of(table: Table, column_name: str) -> ForeignKey | None:
    """The one-column foreign key of ``column_name``, which the column grid edits inline."""
    return next((fk for fk in table.foreign_keys if fk.columns == [column_name]), None)


def set_fk_target_op(design: Design, table_id: str, column_id: str, target: str) -> Operation | None:
    """Point the column at ``"table.column"`` (or nowhere for ``""``) as a one-column FK."""
    table: Table = design.get(table_path(table_id))
    base = table_path(table_id)
    column: Column = design.get((*base, "columns", column_id))
    current = single_fk_of(table, column.name)
    target = target.strip()
    if not target:
        return (
            design.remove_op(
                (*base, "foreign_keys", current.id), label=f"Remove foreign key of {column.name}"
            )
            if current
            else None
        )
    ref_table, _, ref_column = target.rpartition(".")
    if not ref_table or not ref_column:
        raise ValueError(f"foreign key target {target!r} is not table.column")
    if current is not None:
        fk_path = (*base, "foreign_keys", current.id)
        return Batch(
            (
                design.set_op((*fk_path, "ref_table"), ref_table),
                design.set_op((*fk_path, "ref_columns"), [ref_column]),
            ),
            f"Point {column.name} at {target}",
        )
    fk = ForeignKey(
        id=new_id("fk"),
        name=f"fk_{table.name}_{column.name}",
        columns=[column.name],
        ref_table=ref_table,
        ref_columns=[ref_column],
    )
    return design.insert_op((*base, "foreign_keys"), fk, label=f"Point {column.name} at {target}")


def add_index_op(design: Design, table_id: str, columns: list[str]) -> tuple[Operation, str]:
    table: Table = design.get(table_path(table_id))
    taken = {i.name for t in design.document.schema.tables for i in t.indexes}
    suffix = "_".join(columns) if columns else "new"
    index = Index(id=new_id("idx"), name=unique_name(f"idx_{table.name}_{suffix}", taken), columns=columns)
    return design.insert_op((*table_path(table_id), "indexes"), index, label="Add index"), index.id


def key_targets(design: Design) -> list[str]:
    """``table.column`` for every primary-key or unique column: what a foreign key may point at."""
    out: list[str] = []
    for table in design.document.schema.tables:
        pk = table.primary_key
        for column in table.columns:
            if (column.primary_key and len(pk) == 1) or column.unique:
                out.append(f"{table.name}.{column.name}")
    return out


def is_noop(op: Operation) -> bool:
    return isinstance(op, SetField) and op.old == op.new
