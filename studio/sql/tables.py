"""Parsed DDL (sqlglot expressions) into one model table, for :mod:`studio.sql.importer`.

Types keep the source dialect's spelling (normalised by sqlglot: ``character varying(9)``
becomes ``VARCHAR(9)``); defaults, checks and partial-index predicates are stored in a
neutral spelling (PostgreSQL's, with plain identifiers unquoted) so that the generator
reads them back the same way for every dialect.
"""

from __future__ import annotations

import hashlib
import re

from sqlglot import exp

from studio.model import Check, Column, EnumType, FkAction, ForeignKey, Index, Table
from studio.sql.types import canonical_type

_SIMPLE = re.compile(r"^[a-z_][a-z0-9_]*$")


def model_id(prefix: str, *names: str) -> str:
    """A stable id from names; a hash keeps ids distinct when the slug loses characters."""
    joined = ".".join(names)
    slug = re.sub(r"[^a-z0-9]+", "-", joined.lower()).strip("-")
    if slug.replace("-", "_") != joined.replace(".", "_") or not slug:
        slug = f"{slug}-{hashlib.sha1(joined.encode('utf-8')).hexdigest()[:6]}".strip("-")
    return f"{prefix}-{slug}"


def neutral_sql(expression: exp.Expression) -> str:
    """An expression as model text: PostgreSQL spelling, plain lower-case names unquoted."""
    node = expression.copy()
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.Cast) and isinstance(node.this, exp.Literal):
        node = node.this  # a default: pg_dump's 'pending'::character varying
    node = node.transform(_drop_text_cast)
    for ident in node.find_all(exp.Identifier):
        if _SIMPLE.match(ident.name):
            ident.set("quoted", False)
    return node.sql("postgres")


_TEXT_TYPES = {
    exp.DType.VARCHAR,
    exp.DType.CHAR,
    exp.DType.TEXT,
    exp.DType.NVARCHAR,
    exp.DType.NCHAR,
    exp.DType.USERDEFINED,
}


def _drop_text_cast(node: exp.Expression) -> exp.Expression:
    """``'sad'::public.mood`` -> ``'sad'``: pg_dump's casts of string literals to text and enum
    types, which every dialect infers from the column compared with."""
    if isinstance(node, exp.Cast) and isinstance(node.this, exp.Literal) and node.this.is_string:
        to = node.args.get("to")
        if isinstance(to, exp.DataType) and to.this in _TEXT_TYPES:
            return node.this
    return node


def _misread_index(item: exp.ColumnDef) -> bool:
    ident = item.this
    kind = item.args.get("kind")
    return (
        isinstance(ident, exp.Identifier)
        and not ident.quoted
        and ident.name.upper() in ("INDEX", "KEY")
        and isinstance(kind, exp.DataType)
        and kind.this == exp.DType.USERDEFINED
        and isinstance(kind.args.get("kind"), exp.Identifier)
        and bool(kind.expressions)
        and all(
            isinstance(p, exp.DataTypeParam) and isinstance(p.this, (exp.Var, exp.Column, exp.Identifier))
            for p in kind.expressions
        )
    )


def _action(options: list[object], verb: str) -> FkAction:
    for option in options:
        text = " ".join(str(option).upper().split())
        if text.startswith(f"ON {verb} "):
            value = text[len(f"ON {verb} ") :]
            try:
                return FkAction(value)
            except ValueError:
                return FkAction.NO_ACTION
    return FkAction.NO_ACTION


def _names(expressions: list[exp.Expression]) -> list[str]:
    out = []
    for e in expressions:
        while isinstance(e, (exp.Ordered, exp.ColumnPrefix)):
            e = e.this
        out.append(e.name)
    return out


class TableReader:
    """Collects one table's columns, keys, indexes and checks from its statements."""

    def __init__(self, name: str, line: int, read: str, enums: dict[str, EnumType]) -> None:
        self.table = Table(id=model_id("tbl", name), name=name)
        self.line = line
        self.read = read
        self.enums = enums
        self.warnings: list[tuple[int, str]] = []

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, f"{self.table.name}: {message}"))

    def finish(self) -> list[tuple[int, str]]:
        return self.warnings

    # -- CREATE TABLE --------------------------------------------------------------
    def read_create(self, create: exp.Create) -> None:
        items = create.this.expressions
        misread = [i for i in items if isinstance(i, exp.ColumnDef) and _misread_index(i)]
        for item in items:
            if isinstance(item, exp.ColumnDef) and item not in misread:
                self.read_column(item)
        for item in items:
            if not isinstance(item, exp.ColumnDef):
                self.read_table_constraint(item, self.line)
        for item in misread:
            self.read_misread_index(item)
        properties = create.args.get("properties")
        for prop in properties.expressions if properties else []:
            if isinstance(prop, exp.SchemaCommentProperty):
                self.table.comment = prop.this.name

    def read_column(self, col: exp.ColumnDef) -> None:
        name = col.name
        column = Column(id=model_id("col", self.table.name, name), name=name, type=self.type_text(col, name))
        for constraint in col.constraints:
            kind = constraint.args.get("kind") if isinstance(constraint, exp.ColumnConstraint) else constraint
            if isinstance(kind, exp.NotNullColumnConstraint):
                column.nullable = bool(kind.args.get("allow_null"))
            elif isinstance(kind, exp.PrimaryKeyColumnConstraint):
                column.primary_key = True
                column.nullable = False
            elif isinstance(kind, exp.UniqueColumnConstraint):
                column.unique = True
            elif isinstance(kind, exp.DefaultColumnConstraint):
                if not isinstance(kind.this, exp.Null):
                    column.default = neutral_sql(kind.this)
            elif isinstance(kind, exp.CommentColumnConstraint):
                column.comment = kind.this.name
            elif isinstance(
                kind, (exp.AutoIncrementColumnConstraint, exp.GeneratedAsIdentityColumnConstraint)
            ):
                column.type = serial_type(column.type)
            elif isinstance(kind, exp.Reference):
                self.add_fk("", [name], kind, self.line)
            elif isinstance(kind, exp.CheckColumnConstraint):
                self.add_check("", kind.this)
            elif isinstance(kind, (exp.CollateColumnConstraint, exp.CharacterSetColumnConstraint)):
                continue  # storage detail: the dialect's default is used on export
            else:
                self.warn(self.line, f"column {name}: {constraint.sql(self.read)} skipped (not modelled)")
        if column.default and column.default.upper().startswith("NEXTVAL("):
            column.type = serial_type(column.type)
            column.default = None
        self.table.columns.append(column)

    def type_text(self, col: exp.ColumnDef, name: str) -> str:
        kind = col.args.get("kind")
        if not isinstance(kind, exp.DataType):
            self.warn(self.line, f"column {name} has no type; BLOB (SQLite's untyped affinity) used")
            return "BLOB"
        if kind.this == exp.DType.ENUM:
            enum_name = f"{self.table.name}_{name}"
            values = [v.name for v in kind.expressions]
            self.enums[enum_name] = EnumType(id=model_id("enum", enum_name), name=enum_name, values=values)
            return enum_name
        if kind.this == exp.DType.USERDEFINED:
            kind_arg = kind.args.get("kind")
            text = kind_arg.name if isinstance(kind_arg, exp.Expression) else str(kind_arg)
            return text.split(".")[-1] if text.split(".")[-1] in self.enums else text
        return kind.sql(self.read)

    def read_serial_default(self, action: exp.AlterColumn) -> bool:
        """``ALTER COLUMN c SET DEFAULT nextval(...)``: the column is a serial. True if it was one."""
        default = action.args.get("default")
        column = self.table.column(action.name)
        if column is None or not isinstance(default, exp.Anonymous) or default.name.upper() != "NEXTVAL":
            return False
        column.type = serial_type(column.type)
        return True

    def read_misread_index(self, item: exp.ColumnDef) -> None:
        """MySQL's inline ``INDEX name (cols)``, which sqlglot's other readers take for a
        column called INDEX of a type called ``name``: still an index, with a warning."""
        kind = item.args["kind"]
        by_upper = {c.name.upper(): c.name for c in self.table.columns}
        columns = [by_upper.get(p.this.name.upper(), p.this.name) for p in kind.expressions]
        name = kind.args["kind"].name
        self.warn(
            self.line,
            f"inline {item.name.upper()} {name} is MySQL syntax, not this dialect's; imported as an index",
        )
        self.add_index(name, columns, False, "", "", self.line)

    # -- constraints ---------------------------------------------------------------
    def read_table_constraint(self, item: exp.Expression, line: int) -> None:
        name = ""
        bodies: list[exp.Expression] = [item]
        if isinstance(item, exp.Constraint):
            name = item.name
            bodies = list(item.expressions)
        for body in bodies:
            if isinstance(body, exp.PrimaryKey):
                self.set_primary_key(_names(body.expressions), line)
            elif isinstance(body, exp.ForeignKey):
                self.add_fk(name, _names(body.expressions), body.args.get("reference"), line)
            elif isinstance(body, exp.UniqueColumnConstraint):
                schema = body.this
                cols = (
                    _names(schema.expressions) if isinstance(schema, exp.Schema) else _names(body.expressions)
                )
                index_name = name or (
                    schema.this.name if isinstance(schema, exp.Schema) and schema.this else ""
                )
                self.add_unique(index_name, cols, line)
            elif isinstance(body, exp.IndexColumnConstraint):
                self.add_index(body.name, _names(body.expressions), False, "", "", line)
            elif isinstance(body, exp.CheckColumnConstraint):
                self.add_check(name, body.this)
            elif isinstance(body, exp.PrimaryKeyColumnConstraint):
                self.set_primary_key(_names(body.expressions), line)
            else:
                self.warn(line, f"constraint {body.sql(self.read)[:60]} skipped (not modelled)")

    def set_primary_key(self, names: list[str], line: int) -> None:
        for n in names:
            column = self.table.column(n)
            if column is None:
                self.warn(line, f"primary key names the missing column {n}")
                continue
            column.primary_key = True
            column.nullable = False

    def add_fk(self, name: str, columns: list[str], reference: exp.Expression | None, line: int) -> None:
        if not isinstance(reference, exp.Reference):
            self.warn(line, "foreign key without REFERENCES skipped")
            return
        target = reference.this
        ref_table = target.this.name if isinstance(target, exp.Schema) else target.name
        ref_columns = _names(target.expressions) if isinstance(target, exp.Schema) else []
        options = reference.args.get("options") or []
        fk_id = model_id("fk", self.table.name, name or ",".join(columns))
        self.table.foreign_keys.append(
            ForeignKey(
                id=fk_id,
                name=name,
                columns=columns,
                ref_table=ref_table,
                ref_columns=ref_columns,
                on_delete=_action(options, "DELETE"),
                on_update=_action(options, "UPDATE"),
            )
        )

    def add_unique(self, name: str, columns: list[str], line: int) -> None:
        single = columns[0] if len(columns) == 1 else None
        auto_names = {"", single, f"{self.table.name}_{single}_key"}
        if single is not None and name in auto_names and self.table.column(single) is not None:
            self.table.column(single).unique = True  # type: ignore[union-attr]
            return
        self.add_index(name or f"uq_{self.table.name}_{'_'.join(columns)}", columns, True, "", "", line)

    def add_check(self, name: str, expression: exp.Expression) -> None:
        text = neutral_sql(expression)
        self.table.checks.append(
            Check(id=model_id("chk", self.table.name, name or text), name=name, expression=text)
        )

    # -- indexes -------------------------------------------------------------------
    def read_index(self, create: exp.Create, line: int) -> None:
        index = create.this
        params = index.args.get("params")
        columns = _names(params.args.get("columns") or []) if params else []
        where = params.args.get("where") if params else None
        using = params.args.get("using") if params else None
        method = using.name.lower() if isinstance(using, exp.Expression) else ""
        self.add_index(
            index.name,
            columns,
            bool(create.args.get("unique")),
            neutral_sql(where.this) if isinstance(where, exp.Where) else "",
            method,
            line,
        )

    def add_index(
        self, name: str, columns: list[str], unique: bool, where: str, method: str, line: int
    ) -> None:
        missing = [c for c in columns if self.table.column(c) is None]
        if missing:
            self.warn(line, f"index {name} names the missing column {missing[0]}; skipped")
            return
        self.table.indexes.append(
            Index(
                id=model_id("idx", self.table.name, name),
                name=name,
                columns=columns,
                unique=unique,
                where=where,
                method="" if method == "btree" else method,
            )
        )


def serial_type(type_text: str) -> str:
    """The serial type for an auto-numbered column of ``type_text`` (the model has no identity flag)."""
    integer = canonical_type(type_text)
    return {"BIGINT": "BIGSERIAL", "SMALLINT": "SMALLSERIAL", "TINYINT": "SMALLSERIAL"}.get(integer, "SERIAL")
