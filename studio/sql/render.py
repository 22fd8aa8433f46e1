"""One table as sqlglot expressions for one dialect, with the notes its downgrades need.

Used by :mod:`studio.sql.ddl`, which orders tables and caches what this module renders.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import sqlglot
from sqlglot import ErrorLevel, exp
from sqlglot.errors import UnsupportedError
from sqlglot.generator import Generator

from studio.model import Column, EnumType, FkAction, ForeignKey, Index, Table
from studio.sql.dialects import Dialect
from studio.sql.notes import ConversionNote
from studio.sql.types import MappedType, canonical_type, map_default, map_type, parse_expression

#: The prefix MySQL indexes on TEXT/BLOB columns get (255 utf8mb4 characters fit any key).
MYSQL_PREFIX = 255


@dataclass
class TableRender:
    table_id: str
    name: str
    create: list[str]
    foreign_keys: list[str]
    notes: list[ConversionNote]


#: (dialect, column fields...) -> (text, mapped type, notes): a column renders the same in
#: every table, and a 500-table schema repeats the same columns thousands of times.
_COLUMNS: dict[tuple[object, ...], tuple[str, MappedType, list[str]]] = {}


_local = threading.local()


def _generator(dialect_name: str, pretty: bool) -> Generator:
    """One generator per dialect, layout and thread, reused: building one costs more than a
    statement, and a generator keeps state while it works (an export may run in a thread)."""
    generators: dict[tuple[str, bool], Generator] = _local.__dict__.setdefault("generators", {})
    generator = generators.get((dialect_name, pretty))
    if generator is None:
        generator = generators[(dialect_name, pretty)] = sqlglot.Dialect.get_or_raise(dialect_name).generator(
            pretty=pretty, identify=True, unsupported_level=ErrorLevel.RAISE, comments=False
        )
    return generator


def render(expression: exp.Expression, d: Dialect, pretty: bool = False) -> str:
    """One expression in dialect ``d``, every identifier quoted."""
    return _generator(d.sqlglot, pretty).generate(expression, copy=False)


def sql(expression: exp.Expression, d: Dialect, pretty: bool = False) -> str:
    """A statement in dialect ``d`` with every identifier quoted, ending in ``;``."""
    return render(expression, d, pretty) + ";"


def _reason(exc: UnsupportedError) -> str:
    return " ".join(str(exc).split())[:80]


def rendered(text: str) -> exp.Var:
    """A part of CREATE TABLE that sqlglot already rendered on its own (one line per column)."""
    return exp.Var(this=text)


def _ident(name: str) -> exp.Identifier:
    return exp.Identifier(this=name, quoted=True)


def _table(name: str) -> exp.Table:
    return exp.Table(this=_ident(name))


class _TableWriter:
    """Builds one table's statements; collects notes as it downgrades."""

    def __init__(
        self,
        table: Table,
        enums: dict[str, EnumType],
        tables: dict[str, Table],
        dropped_fks: dict[str, str],
        d: Dialect,
    ) -> None:
        self.table, self.enums, self.tables, self.dropped, self.d = table, enums, tables, dropped_fks, d
        self.caps = d.capabilities
        self.notes: list[ConversionNote] = []
        self.types: dict[str, MappedType] = {}
        self.primary_key = table.primary_key

    def note(self, message: str) -> None:
        self.notes.append(ConversionNote(self.table.name, message))

    # -- columns -------------------------------------------------------------------
    def column(self, col: Column) -> exp.Expression:
        """The column's definition, rendered on its own; an identical column's text is reused."""
        enum = self.enums.get(col.type.strip()) if self.enums else None
        key = (
            self.d.name,
            col.name,
            col.type,
            col.nullable,
            col.default,
            col.unique,
            col.primary_key,
            col.comment,
            tuple(enum.values) if enum else None,
            self.primary_key == [col.name],
        )
        hit = _COLUMNS.get(key)
        if hit is None:
            notes: list[str] = []
            coldef, mapped = self.build_column(col, notes)
            try:
                text = render(coldef, self.d)
            except UnsupportedError as exc:  # e.g. a default the dialect cannot express
                notes.append(
                    f"column {col.name}: default {col.default!r} cannot be written in "
                    f"{self.d.label} ({_reason(exc)}); left out"
                )
                coldef, mapped = self.build_column(col.model_copy(update={"default": None}), [])
                text = render(coldef, self.d)
            hit = (text, mapped, notes)
            if len(_COLUMNS) > 100_000:
                _COLUMNS.clear()
            _COLUMNS[key] = hit
        text, mapped, notes = hit
        self.types[col.name] = mapped
        for n in notes:
            self.note(n)
        return rendered(text)

    def build_column(self, col: Column, notes: list[str]) -> tuple[exp.ColumnDef, MappedType]:
        mapped = map_type(col.type, self.d, self.enums)
        notes.extend(f"column {col.name}: {n}" for n in mapped.notes)
        constraints: list[exp.ColumnConstraint] = []
        if mapped.identity:
            if self.d.name == "mysql":
                constraints.append(exp.ColumnConstraint(kind=exp.AutoIncrementColumnConstraint()))
            elif self.d.name in ("tsql", "oracle"):
                constraints.append(
                    exp.ColumnConstraint(
                        kind=exp.GeneratedAsIdentityColumnConstraint(
                            this=False, start=exp.Literal.number(1), increment=exp.Literal.number(1)
                        )
                    )
                )
            elif self.d.name == "sqlite" and self.primary_key != [col.name]:
                notes.append(
                    f"column {col.name}: only a single INTEGER PRIMARY KEY is auto-numbered in SQLite"
                )
        if col.default is not None and col.default.strip():
            default, default_notes = map_default(col.default, self.d, mapped)
            notes.extend(f"column {col.name}: {n}" for n in default_notes)
            if default is not None:
                if self.d.name == "mysql" and mapped.is_lob and not isinstance(default, exp.Paren):
                    default = exp.Paren(this=default)
                constraints.append(exp.ColumnConstraint(kind=exp.DefaultColumnConstraint(this=default)))
        if not col.nullable:  # after DEFAULT: Oracle insists on that order
            constraints.append(exp.ColumnConstraint(kind=exp.NotNullColumnConstraint()))
        if col.unique and not col.primary_key and not (self.d.name == "mysql" and mapped.is_lob):
            constraints.append(exp.ColumnConstraint(kind=exp.UniqueColumnConstraint()))
        if col.comment and self.caps.comments == "inline":
            constraints.append(
                exp.ColumnConstraint(kind=exp.CommentColumnConstraint(this=exp.Literal.string(col.comment)))
            )
        return exp.ColumnDef(this=_ident(col.name), kind=mapped.datatype, constraints=constraints), mapped

    # -- table -------------------------------------------------------------------
    def create_table(self) -> tuple[exp.Create, list[exp.Expression]]:
        t = self.table
        items: list[exp.Expression] = [self.column(c) for c in t.columns]
        pk = self.primary_key
        if pk:
            items.append(exp.PrimaryKey(expressions=[self.key_part(n) for n in pk]))
        after: list[exp.Expression] = []
        for col in t.columns:
            if col.unique and not col.primary_key and self.d.name == "mysql" and self.types[col.name].is_lob:
                self.note(
                    f"column {col.name}: UNIQUE on a {self.types[col.name].text} column needs a prefix "
                    f"in MySQL; a unique index on its first {MYSQL_PREFIX} characters is used"
                )
                after.append(
                    self.index(
                        Index(id="", name=f"uq_{t.name}_{col.name}"[:64], columns=[col.name], unique=True)
                    )
                )
        for check in t.checks:
            expr = parse_expression(check.expression)
            if expr is None:
                self.note(f"check {check.name or check.expression!r} is not an SQL expression; left out")
                continue
            items.append(self.constraint(check.name, exp.CheckColumnConstraint(this=expr)))
        for col in t.columns:
            values = self.types[col.name].check_values
            if values is not None:
                in_ = exp.In(
                    this=exp.Column(this=_ident(col.name)),
                    expressions=[exp.Literal.string(v) for v in values],
                )
                items.append(exp.CheckColumnConstraint(this=in_))
        if not self.caps.alter_add_fk:
            for fk in t.foreign_keys:
                ref = self.foreign_key(fk)
                if ref is not None:
                    items.append(ref)
        # Each part on one line of its own, even in the pretty-printed CREATE TABLE.
        items = [i if isinstance(i, exp.Var) else self.render_part(i) for i in items]
        items = [i for i in items if i is not None]
        props: list[exp.Expression] = []
        if t.comment and self.caps.comments == "inline":
            props.append(exp.SchemaCommentProperty(this=exp.Literal.string(t.comment)))
        create = exp.Create(
            kind="TABLE",
            this=exp.Schema(this=_table(t.name), expressions=items),
            properties=exp.Properties(expressions=props) if props else None,
        )
        return create, after

    def render_part(self, item: exp.Expression) -> exp.Var | None:
        """A table-level constraint on a line of its own, or None (with a note) if the
        dialect cannot express it (sqlglot refuses rather than writing something wrong)."""
        try:
            return rendered(render(item, self.d))
        except UnsupportedError as exc:
            try:
                what = " ".join(item.sql().split())[:60]
            except Exception:  # noqa: BLE001 - only for the note's text
                what = type(item).__name__
            self.note(f"constraint {what} cannot be written in {self.d.label} ({_reason(exc)}); left out")
            return None

    def key_part(self, name: str) -> exp.Expression:
        mapped = self.types.get(name)
        if self.d.name == "mysql" and mapped is not None and mapped.is_lob:
            self.note(
                f"column {name}: a key on {mapped.text} uses its first {MYSQL_PREFIX} characters in MySQL"
            )
            return exp.ColumnPrefix(this=_ident(name), expression=exp.Literal.number(MYSQL_PREFIX))
        return _ident(name)

    def constraint(self, name: str, body: exp.Expression) -> exp.Expression:
        return exp.Constraint(this=_ident(name), expressions=[body]) if name else body

    # -- indexes -----------------------------------------------------------------
    def index(self, index: Index) -> exp.Create:
        columns: list[exp.Expression] = []
        for name in index.columns:
            part = self.key_part(name)
            columns.append(part if isinstance(part, exp.ColumnPrefix) else exp.Column(this=part))
        params: dict[str, object] = {"columns": columns}
        if index.where.strip():
            where = parse_expression(index.where)
            if where is None:
                self.note(
                    f"index {index.name}: WHERE {index.where!r} does not parse; a full index is created"
                )
            elif not self.caps.partial_indexes:
                self.note(
                    f"index {index.name}: {self.d.label} has no partial indexes; "
                    f"a full index is created (WHERE {' '.join(index.where.split())} dropped)"
                )
            else:
                params["where"] = exp.Where(this=where)
        method = index.method.strip().lower()
        if method and method in self.caps.index_methods and self.d.name == "postgres":
            params["using"] = exp.Var(this=method)
        elif method and method != "btree":
            self.note(f"index {index.name}: method {method} is not available in {self.d.label}; default used")
        return exp.Create(
            kind="INDEX",
            unique=index.unique,
            this=exp.Index(
                this=_ident(index.name), table=_table(self.table.name), params=exp.IndexParameters(**params)
            ),
        )

    # -- foreign keys --------------------------------------------------------------
    def fk_problem(self, fk: ForeignKey) -> str | None:
        if fk.id in self.dropped:
            return self.dropped[fk.id]
        target = self.tables.get(fk.ref_table)
        if target is None:
            return f"references the missing table {fk.ref_table}"
        if not fk.columns or len(fk.columns) != len(fk.ref_columns):
            return "has column lists of different lengths"
        for name in fk.columns:
            if self.table.column(name) is None:
                return f"uses the missing column {name}"
        ref_cols = [target.column(n) for n in fk.ref_columns]
        if any(c is None for c in ref_cols):
            return f"references a missing column of {fk.ref_table}"
        keys = [set(target.primary_key)] + [{c.name} for c in target.columns if c.unique]
        keys += [set(i.columns) for i in target.indexes if i.unique and not i.where]
        if set(fk.ref_columns) not in keys:
            columns = ", ".join(fk.ref_columns)
            return f"references {fk.ref_table}({columns}), which is not a primary or unique key"
        for own, ref in zip(fk.columns, ref_cols, strict=True):
            own_col = self.table.column(own)
            assert own_col is not None and ref is not None
            if canonical_type(own_col.type) != canonical_type(ref.type):
                return (
                    f"column {own} ({own_col.type}) and {fk.ref_table}.{ref.name} ({ref.type}) differ in type"
                )
        return None

    def foreign_key(self, fk: ForeignKey) -> exp.Expression | None:
        problem = self.fk_problem(fk)
        if problem is not None:
            self.note(f"foreign key {fk.name or ', '.join(fk.columns)} {problem}; left out")
            return None
        options = []
        for verb, action in (("DELETE", fk.on_delete), ("UPDATE", fk.on_update)):
            if action == FkAction.NO_ACTION:
                continue
            kept = self.fk_action(fk, verb, action)
            if kept:
                options.append(f"ON {verb} {kept}")
        reference = exp.Reference(
            this=exp.Schema(this=_table(fk.ref_table), expressions=[_ident(c) for c in fk.ref_columns]),
            options=options,
        )
        body = exp.ForeignKey(expressions=[_ident(c) for c in fk.columns], reference=reference)
        return self.constraint(fk.name, body)

    def fk_action(self, fk: ForeignKey, verb: str, action: FkAction) -> str:
        d = self.d.name
        label = fk.name or ", ".join(fk.columns)
        if d == "duckdb":
            self.note(f"foreign key {label}: DuckDB has no ON {verb} {action.value}; left out")
            return ""
        if d == "tsql" and action == FkAction.RESTRICT:
            return FkAction.NO_ACTION.value  # the same behaviour, SQL Server's spelling
        if d == "oracle" and (verb == "UPDATE" or action not in (FkAction.CASCADE, FkAction.SET_NULL)):
            self.note(f"foreign key {label}: Oracle has no ON {verb} {action.value}; left out")
            return ""
        if d == "mysql" and action == FkAction.SET_DEFAULT:
            self.note(f"foreign key {label}: InnoDB rejects ON {verb} SET DEFAULT; left out")
            return ""
        return action.value

    # -- comments ------------------------------------------------------------------
    def comments(self) -> list[exp.Expression]:
        t = self.table
        wanted = bool(t.comment) or any(c.comment for c in t.columns)
        if not wanted or self.caps.comments == "inline":
            return []
        if not self.caps.comments:
            self.note(f"{self.d.label} has no comment statements; table and column comments left out")
            return []
        if self.caps.comments == "extended_property":
            return self.extended_properties()
        out: list[exp.Expression] = []
        if t.comment:
            out.append(
                exp.Comment(this=_table(t.name), kind="TABLE", expression=exp.Literal.string(t.comment))
            )
        for c in t.columns:
            if c.comment:
                column = exp.Column(this=_ident(c.name), table=_ident(t.name))
                out.append(exp.Comment(this=column, kind="COLUMN", expression=exp.Literal.string(c.comment)))
        return out

    def extended_properties(self) -> list[exp.Expression]:
        """SQL Server keeps descriptions as MS_Description extended properties (schema dbo)."""

        def call(text: str, *levels: tuple[str, str]) -> exp.Expression:
            params = [
                ("name", "MS_Description"),
                ("value", text),
                ("level0type", "SCHEMA"),
                ("level0name", "dbo"),
                *levels,
            ]
            return exp.Execute(
                this=_table("sp_addextendedproperty"),
                expressions=[
                    exp.EQ(this=exp.Parameter(this=exp.Var(this=k)), expression=exp.National(this=v))
                    for k, v in params
                ],
            )

        t = self.table
        out = [call(t.comment, ("level1type", "TABLE"), ("level1name", t.name))] if t.comment else []
        for c in t.columns:
            if c.comment:
                out.append(
                    call(
                        c.comment,
                        ("level1type", "TABLE"),
                        ("level1name", t.name),
                        ("level2type", "COLUMN"),
                        ("level2name", c.name),
                    )
                )
        return out


def render_table(
    table: Table,
    enums: dict[str, EnumType],
    tables: dict[str, Table],
    dropped_fks: dict[str, str],
    d: Dialect,
) -> TableRender:
    """The statements of one table: CREATE TABLE, its indexes and comments, its trailing FKs."""
    w = _TableWriter(table, enums, tables, dropped_fks, d)
    create, extra = w.create_table()
    statements = [sql(create, d, pretty=True)]
    statements += [sql(e, d) for e in extra]
    for index in table.indexes:
        statement = w.index(index)
        try:
            statements.append(sql(statement, d))
        except UnsupportedError as exc:  # its WHERE: keep the index, drop the predicate
            w.note(
                f"index {index.name}: WHERE {index.where!r} cannot be written in {d.label} "
                f"({_reason(exc)}); a full index is created"
            )
            statements.append(sql(w.index(index.model_copy(update={"where": ""})), d))
    statements += [sql(c, d) for c in w.comments()]
    trailing: list[str] = []
    if d.capabilities.alter_add_fk:
        for fk in table.foreign_keys:
            ref = w.foreign_key(fk)
            if ref is not None:
                alter = exp.Alter(
                    kind="TABLE", this=_table(table.name), actions=[exp.AddConstraint(expressions=[ref])]
                )
                trailing.append(sql(alter, d))
    return TableRender(table.id, table.name, statements, trailing, w.notes)
