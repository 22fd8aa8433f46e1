"""``schema.dbml``: the schema in DBML (dbdiagram.io, dbdocs, pydbml).

DBML's quoted identifiers (``"name"``) have no escape, so a double quote in a name is
written as the fullwidth quotation mark and a line break as a space; notes and settings
are single-quoted strings, which take ``\\'``, ``\\\\`` and ``\\n``.
"""

from __future__ import annotations

from studio.export.text import strip_controls
from studio.model import DesignDocument, FkAction, Table

_DB_TYPES = {
    "postgres": "PostgreSQL",
    "mysql": "MySQL",
    "sqlite": "SQLite",
    "tsql": "SQL Server",
    "oracle": "Oracle",
}


def ident(name: str) -> str:
    clean = " ".join(strip_controls(name).split()).replace('"', "\uff02")
    return f'"{clean or "unnamed"}"'


def note(value: str) -> str:
    body = strip_controls(value).replace("\\", "\\\\").replace("'", "\\'")
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n").replace("\t", " ")
    return f"'{body}'"


def _column(table: Table, index: int) -> str:
    column = table.columns[index]
    settings = []
    if column.primary_key and len(table.primary_key) == 1:
        settings.append("pk")
    if not column.nullable and not column.primary_key:
        settings.append("not null")
    if column.unique:
        settings.append("unique")
    if column.default not in (None, ""):
        settings.append(f"default: `{column.default.replace('`', '')}`")
    if column.comment:
        settings.append(f"note: {note(column.comment)}")
    tail = f" [{', '.join(settings)}]" if settings else ""
    return f"  {ident(column.name)} {ident(column.type)}{tail}"


_ACTIONS = {a: a.value.lower() for a in FkAction}


def schema_dbml(document: DesignDocument, database_type: str = "postgres") -> str:
    schema = document.schema
    lines = [f"Project {ident(document.overview.title or 'design')} {{"]
    lines.append(f"  database_type: {note(_DB_TYPES.get(database_type, database_type))}")
    if document.overview.summary:
        lines.append(f"  Note: {note(document.overview.summary)}")
    lines += ["}", ""]
    for enum in schema.enums:
        lines.append(f"Enum {ident(enum.name)} {{")
        lines.extend(f"  {ident(value)}" for value in dict.fromkeys(enum.values))
        lines += ["}", ""]
    names = {t.name for t in schema.tables}
    for table in schema.tables:
        head = f"Table {ident(table.name)}"
        lines.append(head + (f" [note: {note(table.comment)}]" if table.comment else "") + " {")
        lines.extend(_column(table, i) for i in range(len(table.columns)))
        known = {c.name for c in table.columns}
        index_lines = []
        if len(table.primary_key) > 1:
            index_lines.append(f"    ({', '.join(ident(c) for c in table.primary_key)}) [pk]")
        for index in table.indexes:
            cols = [c for c in index.columns if c in known]
            if not cols:
                continue
            settings = [f"name: {note(index.name)}"] if index.name else []
            if index.unique:
                settings.append("unique")
            if index.method in ("btree", "hash", "gin", "gist", "brin"):
                settings.append(f"type: {index.method}")
            if index.where:
                settings.append(f"note: {note('WHERE ' + index.where)}")
            target = ident(cols[0]) if len(cols) == 1 else f"({', '.join(ident(c) for c in cols)})"
            index_lines.append(f"    {target}" + (f" [{', '.join(settings)}]" if settings else ""))
        if index_lines:
            lines += ["", "  indexes {", *index_lines, "  }"]
        lines += ["}", ""]
    for table in schema.tables:
        for fk in table.foreign_keys:
            if fk.ref_table not in names or not fk.columns or len(fk.columns) != len(fk.ref_columns):
                continue
            parent = schema.table(fk.ref_table)
            assert parent is not None
            if any(table.column(c) is None for c in fk.columns) or any(
                parent.column(c) is None for c in fk.ref_columns
            ):
                continue
            src = _endpoint(table.name, fk.columns)
            dst = _endpoint(fk.ref_table, fk.ref_columns)
            settings = []
            if fk.on_delete is not FkAction.NO_ACTION:
                settings.append(f"delete: {_ACTIONS[fk.on_delete]}")
            if fk.on_update is not FkAction.NO_ACTION:
                settings.append(f"update: {_ACTIONS[fk.on_update]}")
            name = f"{ident(fk.name)}: " if fk.name else ": "
            lines.append(f"Ref {name}{src} > {dst}" + (f" [{', '.join(settings)}]" if settings else ""))
    return "\n".join(lines).rstrip("\n") + "\n"


def _endpoint(table: str, columns: list[str]) -> str:
    if len(columns) == 1:
        return f"{ident(table)}.{ident(columns[0])}"
    return f"{ident(table)}.({', '.join(ident(c) for c in columns)})"
