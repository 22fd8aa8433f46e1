"""DDL generation: the schema model as statements one dialect really accepts.

Every statement is a sqlglot expression tree (``exp.Create``, ``exp.ColumnDef``,
``exp.Alter``...) rendered with every identifier quoted, never text glued together. The
dialect's :class:`~studio.sql.dialects.Capabilities` decide each downgrade; each one
becomes a :class:`~studio.sql.notes.ConversionNote` at the top of the script. Foreign keys
go last as ``ALTER TABLE ... ADD CONSTRAINT`` where the dialect has it (forward references
and cycles then just work), inline elsewhere: SQLite resolves them lazily, DuckDB needs the
referenced table first, so its tables are ordered and a key closing a cycle is left out
with a note. :class:`DdlRenderer` caches each table's statements for the live preview.
"""

from __future__ import annotations

import heapq

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlglot import exp

from studio.model import EnumType, Operation, Schema, Table, leaves
from studio.sql.dialects import Dialect
from studio.sql.dialects import dialect as get_dialect
from studio.sql.notes import ConversionNote, comment_block
from studio.sql.render import TableRender, render_table, sql


@dataclass
class DdlScript:
    """A whole schema's DDL: the statements in order and the notes about downgrades."""

    dialect: str
    statements: list[str]
    notes: list[ConversionNote]
    text: str


@dataclass
class SchemaContext:
    """What a table's DDL depends on outside the table itself."""

    enums: dict[str, EnumType]
    tables: dict[str, Table]
    #: FK id -> why it is left out (DuckDB: it would close a cycle).
    dropped_fks: dict[str, str] = field(default_factory=dict)


def schema_context(schema: Schema, d: Dialect) -> tuple[SchemaContext, list[Table]]:
    """The context of every table and the order to create them in."""
    ctx = SchemaContext({e.name: e for e in schema.enums}, {t.name: t for t in schema.tables})
    if d.capabilities.alter_add_fk or d.name == "sqlite":
        return ctx, list(schema.tables)
    return ctx, _dependency_order(schema.tables, ctx)


def _dependency_order(tables: list[Table], ctx: SchemaContext) -> list[Table]:
    """Referenced tables first; an FK whose target cannot come first is dropped with a note.

    Kahn's algorithm in document order: of the tables whose targets are all created, the
    earliest in the schema comes next; when none is ready (a cycle), the earliest pending
    table comes next and its foreign keys to tables not yet created are dropped.
    """
    index = {t.name: i for i, t in enumerate(tables)}
    waiting_on: dict[str, set[str]] = {}
    dependents: dict[str, list[str]] = {}
    for table in tables:
        targets = {
            fk.ref_table
            for fk in table.foreign_keys
            if fk.id not in ctx.dropped_fks and fk.ref_table != table.name and fk.ref_table in ctx.tables
        }
        waiting_on[table.name] = targets
        for target in targets:
            dependents.setdefault(target, []).append(table.name)
    ready = [i for i, t in enumerate(tables) if not waiting_on[t.name]]
    heapq.heapify(ready)
    pending = set(range(len(tables)))
    order: list[Table] = []
    while pending:
        if ready:
            i = heapq.heappop(ready)
            if i not in pending:
                continue
        else:  # a cycle: break it at the earliest pending table
            i = min(pending)
            table = tables[i]
            for fk in table.foreign_keys:
                if fk.ref_table in waiting_on[table.name]:
                    ctx.dropped_fks[fk.id] = f"references {fk.ref_table}, which is created later (a cycle)"
            waiting_on[table.name] = set()
        table = tables[i]
        pending.discard(i)
        order.append(table)
        for name in dependents.get(table.name, ()):
            left = waiting_on[name]
            left.discard(table.name)
            if not left and index[name] in pending:
                heapq.heappush(ready, index[name])
    return order


def _enum_statements(schema: Schema, d: Dialect) -> list[str]:
    if d.capabilities.enums != "type":
        return []
    out = []
    for enum in schema.enums:
        create = exp.Create(
            kind="TYPE",
            this=exp.Table(this=exp.to_identifier(enum.name, quoted=True)),
            expression=exp.DataType(
                this=exp.DType.ENUM, expressions=[exp.Literal.string(v) for v in enum.values]
            ),
        )
        out.append(sql(create, d))
    return out


def _assemble(
    d: Dialect, enum_sql: list[str], renders: list[TableRender], extra_notes: list[ConversionNote]
) -> DdlScript:
    notes = list(extra_notes)
    create: list[str] = list(enum_sql)
    trailing: list[str] = []
    for r in renders:
        notes.extend(r.notes)
        create.extend(r.create)
        trailing.extend(r.foreign_keys)
    statements = create + trailing
    header = comment_block(notes, d.label)
    body = "\n\n".join(statements)
    text = f"{header}\n\n{body}\n" if header else f"{body}\n" if body else ""
    return DdlScript(d.name, statements, notes, text)


def schema_ddl(schema: Schema, dialect_name: str) -> DdlScript:
    """The complete DDL of ``schema`` for the dialect."""
    d = get_dialect(dialect_name)
    ctx, order = schema_context(schema, d)
    renders = [render_table(t, ctx.enums, ctx.tables, ctx.dropped_fks, d) for t in order]
    return _assemble(d, _enum_statements(schema, d), renders, [])


def table_ddl(table: Table, schema: Schema, dialect_name: str) -> str:
    """One table's statements (CREATE TABLE, indexes, comments, its FKs) as a script."""
    d = get_dialect(dialect_name)
    ctx, _ = schema_context(schema, d)
    r = render_table(table, ctx.enums, ctx.tables, ctx.dropped_fks, d)
    header = comment_block(r.notes, d.label)
    body = "\n\n".join(r.create + r.foreign_keys)
    return f"{header}\n\n{body}\n" if header else f"{body}\n"


def touched_tables(op: Operation) -> set[str] | None:
    """Ids of the tables an operation changes; None when it may change every table's DDL."""
    touched: set[str] = set()
    for leaf in leaves(op):
        path = leaf.path
        if not path or path[0] != "schema":
            continue
        if len(path) >= 3 and path[1] == "tables":
            touched.add(path[2])
        elif len(path) >= 2 and path[1] == "tables":
            continue  # a table added, removed or moved: new ids render on demand
        else:
            return None  # enums or the whole schema
    return touched


class DdlRenderer:
    """Per-table DDL cache for the live preview, keyed by (table content, dialect).

    ``apply(op)`` bumps the version of the tables an operation touches; the next
    ``full_script()`` re-renders a table only when its own version changed or a table its
    foreign keys point at changed (renamed, removed, key column edited). Everything else
    is reused, so one column edit in a 500-table schema renders one table.
    """

    def __init__(self, schema_source: Callable[[], Schema], dialect: str = "postgres") -> None:
        self._source = schema_source
        self._dialect = get_dialect(dialect)
        #: (table id, dialect) -> (dependency key, rendered)
        self._cache: dict[tuple[str, str], tuple[tuple[object, ...], TableRender]] = {}
        #: table id -> version, bumped by every edit of the table
        self._versions: dict[str, int] = {}
        self._clock = 0
        self._epoch = 0  # bumped when anything may have changed (enums, a replaced schema)
        self._last: DdlScript | None = None

    @property
    def dialect(self) -> str:
        return self._dialect.name

    @dialect.setter
    def dialect(self, name: str) -> None:
        self._dialect = get_dialect(name)
        self._last = None

    def apply(self, op: Operation) -> None:
        """Call on every model change (cheap)."""
        self.invalidate(touched_tables(op))

    def invalidate(self, table_ids: set[str] | str | None = None) -> None:
        """Forget these tables' DDL (None: all of them, e.g. after a new document is loaded)."""
        self._last = None
        if table_ids is None:
            self._epoch += 1
            return
        for table_id in {table_ids} if isinstance(table_ids, str) else table_ids:
            self._clock += 1
            self._versions[table_id] = self._clock

    def _key(self, table: Table, ctx: SchemaContext) -> tuple[object, ...]:
        versions = self._versions
        parts: list[object] = [self._epoch, versions.get(table.id, 0)]
        for fk in table.foreign_keys:
            target = ctx.tables.get(fk.ref_table)
            parts.append(
                (
                    fk.ref_table,
                    target.id if target else None,
                    versions.get(target.id, 0) if target else 0,
                    ctx.dropped_fks.get(fk.id),
                )
            )
        return tuple(parts)

    def _render(self, table: Table, ctx: SchemaContext) -> TableRender:
        key = self._key(table, ctx)
        cached = self._cache.get((table.id, self._dialect.name))
        if cached is not None and cached[0] == key:
            return cached[1]
        rendered = render_table(table, ctx.enums, ctx.tables, ctx.dropped_fks, self._dialect)
        self._cache[(table.id, self._dialect.name)] = (key, rendered)
        return rendered

    def script(self) -> DdlScript:
        """The whole script, re-rendering only what changed since the last call."""
        if self._last is not None:
            return self._last
        schema = self._source()
        d = self._dialect
        ctx, order = schema_context(schema, d)
        renders = [self._render(t, ctx) for t in order]
        self._last = _assemble(d, _enum_statements(schema, d), renders, [])
        return self._last

    def full_script(self) -> str:
        return self.script().text

    def notes(self) -> list[ConversionNote]:
        return self.script().notes

    def table_statements(self, table_id: str) -> list[str]:
        """One table's statements (for "copy table" and following the selection)."""
        schema = self._source()
        table = next((t for t in schema.tables if t.id == table_id), None)
        if table is None:
            return []
        ctx, _ = schema_context(schema, self._dialect)
        r = self._render(table, ctx)
        return r.create + r.foreign_keys

    def table_text(self, table_id: str) -> str:
        statements = self.table_statements(table_id)
        return "\n\n".join(statements) + "\n" if statements else ""
