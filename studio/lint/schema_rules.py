"""Schema rules: keys, foreign keys, indexes and names, as an architect reviews a schema."""

from __future__ import annotations

from collections.abc import Iterator

from studio.lint.findings import Severity
from studio.lint.registry import Hit, LintContext, rule
from studio.lint.types import base_type, same_type
from studio.model import ForeignKey, Index, Path, Table
from studio.sql.dialects import DIALECTS, dialect, is_known_type, is_reserved


def table_path(table: Table) -> Path:
    return ("schema", "tables", table.id)


def _item_path(table: Table, field: str, item_id: str) -> Path:
    return (*table_path(table), field, item_id)


def _index_label(table: Table, index: Index) -> str:
    return f"{table.name}.{index.name or index.id}"


def _fk_label(table: Table, fk: ForeignKey) -> str:
    return f"{table.name}.{fk.name or '(' + ', '.join(fk.columns) + ')'}"


def _names(columns: list[str]) -> str:
    return ", ".join(columns)


@rule("schema.no-primary-key", Severity.WARNING, "a table without a primary key")
def no_primary_key(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        if not table.primary_key:
            yield Hit(
                table_path(table),
                table.name,
                "table has no primary key; rows cannot be addressed or replicated safely",
            )


@rule("schema.duplicate-name", Severity.ERROR, "two tables, columns or indexes with the same name")
def duplicate_names(ctx: LintContext) -> Iterator[Hit]:
    seen_tables: dict[str, Table] = {}
    index_owner: dict[str, Table] = {}
    for table in ctx.document.schema.tables:
        key = table.name.lower()
        if key in seen_tables:
            yield Hit(
                table_path(table), table.name, f"another table is already named {seen_tables[key].name!r}"
            )
        seen_tables.setdefault(key, table)
        columns: set[str] = set()
        for column in table.columns:
            if column.name.lower() in columns:
                yield Hit(
                    _item_path(table, "columns", column.id),
                    f"{table.name}.{column.name}",
                    "column name used twice in the table",
                )
            columns.add(column.name.lower())
        for index in table.indexes:
            name = index.name.lower()
            if name and name in index_owner:
                other = index_owner[name].name
                yield Hit(
                    _item_path(table, "indexes", index.id),
                    _index_label(table, index),
                    f"index name also used on table {other!r}; "
                    "PostgreSQL and SQLite need index names unique per schema",
                )
            index_owner.setdefault(name, table)


@rule(
    "schema.empty-name", Severity.ERROR, "a table, column or index without a name or a column without a type"
)
def empty_names(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        if not table.name.strip():
            yield Hit(table_path(table), table.id, "table has no name")
        if not table.columns:
            yield Hit(table_path(table), table.name or table.id, "table has no columns")
        for column in table.columns:
            path = _item_path(table, "columns", column.id)
            if not column.name.strip():
                yield Hit(path, f"{table.name}.{column.id}", "column has no name")
            elif not column.type.strip():
                yield Hit(path, f"{table.name}.{column.name}", "column has no type")
        for index in table.indexes:
            if not index.columns:
                yield Hit(
                    _item_path(table, "indexes", index.id), _index_label(table, index), "index has no columns"
                )


@rule("schema.unknown-column", Severity.ERROR, "an index or foreign key naming a column the table lacks")
def unknown_columns(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        have = {c.name for c in table.columns}
        for index in table.indexes:
            for name in index.columns:
                if name not in have:
                    yield Hit(
                        _item_path(table, "indexes", index.id),
                        _index_label(table, index),
                        f"no column {name!r} in table {table.name!r}",
                    )
        for fk in table.foreign_keys:
            for name in fk.columns:
                if name not in have:
                    yield Hit(
                        _item_path(table, "foreign_keys", fk.id),
                        _fk_label(table, fk),
                        f"no column {name!r} in table {table.name!r}",
                    )


@rule("schema.fk-missing-table", Severity.ERROR, "a foreign key to a table that does not exist")
def fk_missing_table(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        for fk in table.foreign_keys:
            if fk.ref_table not in ctx.tables_by_name:
                yield Hit(
                    _item_path(table, "foreign_keys", fk.id),
                    _fk_label(table, fk),
                    f"references table {fk.ref_table!r}, which is not in the schema",
                )


@rule("schema.fk-missing-column", Severity.ERROR, "a foreign key to a column that does not exist")
def fk_missing_column(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        for fk in table.foreign_keys:
            target = ctx.tables_by_name.get(fk.ref_table)
            path, label = _item_path(table, "foreign_keys", fk.id), _fk_label(table, fk)
            if target is None:
                continue
            if len(fk.columns) != len(fk.ref_columns) or not fk.columns:
                yield Hit(
                    path,
                    label,
                    f"{len(fk.columns)} column(s) reference "
                    f"{len(fk.ref_columns)} column(s) of {fk.ref_table!r}",
                )
            for name in fk.ref_columns:
                if target.column(name) is None:
                    yield Hit(path, label, f"references {fk.ref_table}.{name}, which does not exist")


@rule(
    "schema.fk-target-not-key",
    Severity.ERROR,
    "a foreign key to columns that are neither the primary key nor unique",
)
def fk_target_not_key(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        for fk in table.foreign_keys:
            target = ctx.tables_by_name.get(fk.ref_table)
            if target is None or any(target.column(n) is None for n in fk.ref_columns) or not fk.ref_columns:
                continue
            if frozenset(fk.ref_columns) not in unique_keys(target):
                yield Hit(
                    _item_path(table, "foreign_keys", fk.id),
                    _fk_label(table, fk),
                    f"references ({_names(fk.ref_columns)}) of {fk.ref_table!r}, "
                    "which is not its primary key "
                    "or a unique key; the database will refuse the constraint",
                )


def unique_keys(table: Table) -> set[frozenset[str]]:
    """Column sets that are guaranteed unique: the primary key, unique columns, unique indexes."""
    keys = {frozenset([c.name]) for c in table.columns if c.unique}
    if table.primary_key:
        keys.add(frozenset(table.primary_key))
    keys |= {frozenset(i.columns) for i in table.indexes if i.unique and not i.where.strip() and i.columns}
    return keys


@rule(
    "schema.fk-type-mismatch",
    Severity.ERROR,
    "a foreign key column whose type differs from the key it references",
)
def fk_type_mismatch(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        for fk in table.foreign_keys:
            target = ctx.tables_by_name.get(fk.ref_table)
            if target is None:
                continue
            for mine, theirs in zip(fk.columns, fk.ref_columns, strict=False):
                local, remote = table.column(mine), target.column(theirs)
                if local is None or remote is None or not local.type.strip() or not remote.type.strip():
                    continue
                if same_type(local.type, remote.type, ctx.dialect):
                    continue
                major = base_type(local.type, ctx.dialect) != base_type(remote.type, ctx.dialect)
                yield Hit(
                    _item_path(table, "columns", local.id),
                    f"{table.name}.{mine}",
                    f"type {local.type} differs from {fk.ref_table}.{theirs} ({remote.type})",
                    None if major else Severity.WARNING,
                )


def _leads(index_columns: list[str], fk_columns: list[str]) -> bool:
    return len(index_columns) >= len(fk_columns) and set(index_columns[: len(fk_columns)]) == set(fk_columns)


@rule("schema.fk-not-indexed", Severity.WARNING, "foreign key columns that do not lead any index")
def fk_not_indexed(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        leading = [i.columns for i in table.indexes if not i.where.strip()]
        if table.primary_key:
            leading.append([c.name for c in table.columns if c.primary_key])
        leading += [[c.name] for c in table.columns if c.unique]
        for fk in table.foreign_keys:
            if fk.columns and not any(_leads(cols, fk.columns) for cols in leading):
                yield Hit(
                    _item_path(table, "foreign_keys", fk.id),
                    _fk_label(table, fk),
                    f"no index starts with ({_names(fk.columns)}); "
                    f"joins and deletes in {fk.ref_table!r} scan the table",
                )


@rule(
    "schema.redundant-index",
    Severity.WARNING,
    "an index that duplicates or is covered by another index or key",
)
def redundant_indexes(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        implicit: list[tuple[str, list[str]]] = []
        if table.primary_key:
            implicit.append(("the primary key", table.primary_key))
        implicit += [(f"the unique constraint on {c.name!r}", [c.name]) for c in table.columns if c.unique]
        by_shape: dict[tuple[str, str, tuple[str, ...]], Index] = {}
        plain = [i for i in table.indexes if not i.where.strip() and i.columns]
        for index in table.indexes:
            path, label = _item_path(table, "indexes", index.id), _index_label(table, index)
            shape = (index.method.lower(), index.where.strip().lower(), tuple(index.columns))
            if shape in by_shape:
                yield Hit(path, label, f"same columns as index {by_shape[shape].name!r}")
                continue
            by_shape[shape] = index
            if index.where.strip() or index.method.lower() not in ("", "btree") or not index.columns:
                continue
            covered = next((what for what, cols in implicit if cols == index.columns), None)
            if covered and not index.unique:
                yield Hit(path, label, f"{covered} already indexes ({_names(index.columns)})")
                continue
            if index.unique:
                continue
            wider = next(
                (
                    o
                    for o in plain
                    if o is not index
                    and o.method.lower() in ("", "btree")
                    and len(o.columns) > len(index.columns)
                    and o.columns[: len(index.columns)] == index.columns
                ),
                None,
            )
            if wider is not None:
                yield Hit(
                    path,
                    label,
                    f"its columns lead index {wider.name!r} ({_names(wider.columns)}), "
                    "which serves the same lookups",
                )


@rule(
    "schema.reserved-name",
    Severity.WARNING,
    "a table or column name reserved in the dialect",
    needs_dialect=True,
)
def reserved_names(ctx: LintContext) -> Iterator[Hit]:
    assert ctx.dialect is not None
    label = dialect(ctx.dialect).label
    for table in ctx.document.schema.tables:
        if table.name and is_reserved(table.name, ctx.dialect):
            yield Hit(
                table_path(table),
                table.name,
                f"{table.name!r} is reserved in {label}; every query must quote it",
            )
        for column in table.columns:
            if column.name and is_reserved(column.name, ctx.dialect):
                yield Hit(
                    _item_path(table, "columns", column.id),
                    f"{table.name}.{column.name}",
                    f"{column.name!r} is reserved in {label}; every query must quote it",
                )


@rule("schema.unknown-type", Severity.ERROR, "a column type the dialect does not have", needs_dialect=True)
def unknown_types(ctx: LintContext) -> Iterator[Hit]:
    """A type another dialect has is converted by the DDL generator (a warning); one that no
    dialect has would reach the database as written and fail (an error)."""
    assert ctx.dialect is not None
    label = dialect(ctx.dialect).label
    enums = {e.name.lower() for e in ctx.document.schema.enums}
    for table in ctx.document.schema.tables:
        for column in table.columns:
            kind = column.type.strip()
            if not kind or kind.lower() in enums or is_known_type(kind, ctx.dialect):
                continue
            path, where = _item_path(table, "columns", column.id), f"{table.name}.{column.name}"
            if any(is_known_type(kind, other) for other in DIALECTS):
                yield Hit(
                    path,
                    where,
                    f"{label} has no type {kind}; the DDL converts it (see the notes)",
                    Severity.WARNING,
                )
            else:
                yield Hit(path, where, f"{kind} is not a {label} type (nor of any dialect the studio knows)")


@rule("schema.unknown-owner", Severity.WARNING, "a table owned by a component that is not in the design")
def unknown_table_owner(ctx: LintContext) -> Iterator[Hit]:
    for table in ctx.document.schema.tables:
        if table.service and table.service not in ctx.component_ids:
            yield Hit(table_path(table), table.name, f"owning service {table.service!r} is not in the design")
