"""SQL import: DDL files (hand-written, pg_dump, mysqldump, sqlite3 .schema) into the model.

Statements are split with the dialect's tokenizer (:mod:`studio.sql.statements`) and each
one is parsed on its own, so one broken statement costs one warning, never the rest of the
file. What the model holds (tables, indexes, enums, keys, checks, comments) is imported;
everything else (SET, GO, extensions, functions, triggers, sequences, ownership) is
skipped with a warning naming its line. Ids are derived from names, so importing the same
file twice gives the same ids.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from studio.model import DesignDocument, EnumType, Schema, Table
from studio.model.names import unique_name
from studio.sql.dialects import dialect as get_dialect
from studio.sql.statements import Statement, split_statements
from studio.sql.tables import TableReader, model_id, serial_type


@dataclass(frozen=True)
class ImportWarning:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ImportResult:
    tables: list[Table] = field(default_factory=list)
    enums: list[EnumType] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)

    def schema(self) -> Schema:
        return Schema(tables=self.tables, enums=self.enums)


#: Leading keywords of statements the model does not hold -> what to call them.
_SKIPPED: list[tuple[tuple[str, ...], str]] = [
    (("SET",), "SET"),
    (("SELECT",), "SELECT"),
    (("USE",), "USE"),
    (("GO",), "GO"),
    (("CREATE", "EXTENSION"), "CREATE EXTENSION"),
    (("CREATE", "SCHEMA"), "CREATE SCHEMA"),
    (("CREATE", "SEQUENCE"), "CREATE SEQUENCE"),
    (("ALTER", "SEQUENCE"), "ALTER SEQUENCE"),
    (("CREATE", "FUNCTION"), "a function"),
    (("CREATE", "OR", "REPLACE"), "a function or view"),
    (("CREATE", "PROCEDURE"), "a procedure"),
    (("CREATE", "TRIGGER"), "a trigger"),
    (("CREATE", "VIEW"), "a view"),
    (("CREATE", "DOMAIN"), "a domain"),
    (("PRAGMA",), "PRAGMA"),
    (("BEGIN",), "BEGIN"),
    (("COMMIT",), "COMMIT"),
    (("START",), "START"),
    (("INSERT",), "INSERT"),
    (("DROP",), "DROP"),
    (("LOCK",), "LOCK"),
    (("UNLOCK",), "UNLOCK"),
    (("GRANT",), "GRANT"),
    (("REVOKE",), "REVOKE"),
    (("EXEC",), "EXEC"),
    (("EXECUTE",), "EXECUTE"),
    (("DECLARE",), "DECLARE"),
    (("PRINT",), "PRINT"),
]


log = logging.getLogger(__name__)


_ROUTINE = re.compile(r"\b(TRIGGER|FUNCTION|PROCEDURE|VIEW|EVENT|SEQUENCE)\b", re.IGNORECASE)


class _Importer:
    def __init__(self, dialect_name: str) -> None:
        self.d = get_dialect(dialect_name)
        self.read = self.d.sqlglot
        self.dialect = sqlglot.Dialect.get_or_raise(self.read)
        self.result = ImportResult()
        self.tables: dict[str, TableReader] = {}
        self.enums: dict[str, EnumType] = {}

    def warn(self, line: int, message: str) -> None:
        self.result.warnings.append(ImportWarning(line, message))

    def run(self, text: str) -> ImportResult:
        for statement in split_statements(text, self.read):
            if statement.note:
                self.warn(statement.line, f"{statement.note} skipped")
                continue
            try:
                self.statement(statement)
            except (ParseError, TokenError) as exc:
                self.warn(statement.line, f"could not parse {_describe(statement)}: {_parse_problem(exc)}")
            except _Skip as skip:
                self.warn(statement.line, str(skip))
            except Exception as exc:  # noqa: BLE001 - one odd statement must never stop the file
                log.debug("import of the statement at line %d failed", statement.line, exc_info=True)
                detail = " ".join(str(exc).split())[:120]
                self.warn(
                    statement.line, f"could not import {_describe(statement)}: {type(exc).__name__}: {detail}"
                )
        for reader in self.tables.values():
            for line, message in reader.finish():
                self.warn(line, message)
        self.result.tables = [r.table for r in self.tables.values()]
        self.result.enums = list(self.enums.values())
        return self.result

    # -- dispatch ------------------------------------------------------------------
    def statement(self, s: Statement) -> None:
        k = s.keywords
        if k[:2] in (("EXEC", "SP_ADDEXTENDEDPROPERTY"), ("EXECUTE", "SP_ADDEXTENDEDPROPERTY")):
            self.extended_property(s)
            return
        for prefix, name in _SKIPPED:
            if k[: len(prefix)] == prefix:
                raise _Skip(f"{name} statement skipped (not part of the schema model)")
        if k[:2] == ("CREATE", "TABLE") or k[:3] in (
            ("CREATE", "TEMPORARY", "TABLE"),
            ("CREATE", "UNLOGGED", "TABLE"),
        ):
            self.create_table(s)
        elif k[:2] == ("CREATE", "INDEX") or k[:3] == ("CREATE", "UNIQUE", "INDEX"):
            self.create_index(s)
        elif k[:2] == ("CREATE", "TYPE"):
            self.create_type(s)
        elif k[:2] == ("ALTER", "TABLE"):
            self.alter_table(s)
        elif k[:2] == ("COMMENT", "ON"):
            self.comment(s)
        elif k[:1] == ("CREATE",) and (routine := _ROUTINE.search(s.text[:300])):
            # CREATE DEFINER=`u`@`h` TRIGGER ... (mysqldump), CREATE OR ALTER PROCEDURE ...
            raise _Skip(f"a {routine.group(1).lower()} skipped (not part of the schema model)")
        else:
            raise _Skip(f"{_describe(s)} statement skipped (not part of the schema model)")

    def parse(self, s: Statement, fallback: str = "") -> exp.Expression:
        """One statement as an expression; ``fallback`` is a dialect to try when sqlglot's
        reader for this one does not know the syntax (DuckDB's CREATE TYPE is PostgreSQL's)."""
        for read in (self.read, fallback) if fallback else (self.read,):
            with _quiet_sqlglot():
                if read == self.read and s.tokens is not None:
                    parsed = self.dialect.parser().parse(list(s.tokens), s.source)
                else:
                    parsed = sqlglot.parse(s.text, read=read)
            if len(parsed) != 1 or parsed[0] is None:
                raise ParseError("not a single statement")
            if not isinstance(parsed[0], exp.Command):
                return parsed[0]
        raise ParseError(f"{_describe(s)} is not understood by the {self.d.label} parser")

    def reader(self, table: exp.Expression, line: int) -> TableReader:
        name = table.name
        reader = self.tables.get(name)
        if reader is None:
            raise _Skip(f"table {name} is not defined (yet) in this file; statement skipped")
        return reader

    # -- statements ----------------------------------------------------------------
    def create_table(self, s: Statement) -> None:
        create = self.parse(s)
        if not isinstance(create, exp.Create) or not isinstance(create.this, exp.Schema):
            raise _Skip("CREATE TABLE without a column list (AS SELECT, LIKE) skipped")
        name = create.this.this.name
        if name.startswith("sqlite_"):
            raise _Skip(f"SQLite's internal table {name} skipped")
        if name in self.tables:
            self.warn(s.line, f"table {name} is defined again; the later definition is kept")
        reader = TableReader(name, s.line, self.read, self.enums)
        reader.read_create(create)
        self.tables[name] = reader

    def create_index(self, s: Statement) -> None:
        create = self.parse(s)
        index = create.this
        if not isinstance(index, exp.Index) or index.args.get("table") is None:
            raise ParseError("not an index on a table")
        self.reader(index.args["table"], s.line).read_index(create, s.line)

    def create_type(self, s: Statement) -> None:
        create = self.parse(s, fallback="postgres")
        kind = create.args.get("expression")
        if not isinstance(kind, exp.DataType) or kind.this != exp.DType.ENUM:
            raise _Skip("CREATE TYPE other than AS ENUM skipped (not part of the schema model)")
        name = create.this.name
        values = [v.name for v in kind.expressions]
        self.enums[name] = EnumType(id=model_id("enum", name), name=name, values=values)

    def alter_table(self, s: Statement) -> None:
        try:
            alter = self.parse(s)
        except ParseError:
            if self.identity_column(s):
                return
            if re.search(r"\b(OWNER\s+TO|ENABLE|DISABLE|REPLICA|CLUSTER|SET\s+\()", s.text, re.IGNORECASE):
                raise _Skip(
                    f"ALTER TABLE ({_clause(s.text)}) skipped (not part of the schema model)"
                ) from None
            raise
        if not isinstance(alter, exp.Alter):
            raise _Skip(f"{_describe(s)} skipped")
        reader = self.reader(alter.this, s.line)
        for action in alter.args.get("actions") or []:
            if isinstance(action, exp.AddConstraint):
                for constraint in action.expressions:
                    reader.read_table_constraint(constraint, s.line)
            elif isinstance(action, exp.AlterColumn) and reader.read_serial_default(action):
                continue  # pg_dump's serial: ALTER COLUMN id SET DEFAULT nextval(...)
            else:
                self.warn(
                    s.line,
                    f"ALTER TABLE {reader.table.name}: {type(action).__name__} skipped "
                    "(only ADD CONSTRAINT is part of the schema model)",
                )

    def extended_property(self, s: Statement) -> None:
        """SQL Server's comments: ``EXEC sp_addextendedproperty @name = N'MS_Description', ...``."""
        call = self.parse(s)
        params: dict[str, str] = {}
        for arg in call.expressions if isinstance(call, exp.Execute) else []:
            if isinstance(arg, exp.EQ) and isinstance(arg.this, exp.Parameter):
                params[arg.this.name.lower()] = arg.expression.name
        if params.get("name") != "MS_Description" or params.get("level1type", "").upper() != "TABLE":
            raise _Skip("sp_addextendedproperty other than a table or column MS_Description skipped")
        reader = self.reader(exp.Table(this=exp.to_identifier(params.get("level1name", ""))), s.line)
        if params.get("level2type", "").upper() == "COLUMN":
            column = reader.table.column(params.get("level2name", ""))
            if column is None:
                raise _Skip(f"description of a missing column of {reader.table.name} skipped")
            column.comment = params.get("value", "")
        else:
            reader.table.comment = params.get("value", "")

    def identity_column(self, s: Statement) -> bool:
        """pg_dump's ``ALTER TABLE t ALTER COLUMN c ADD GENERATED ... AS IDENTITY (...)``,
        which sqlglot cannot parse: the column is auto-numbered (a serial in the model)."""
        words = [t.text for t in s.tokens or ()]
        upper = [w.upper() for w in words]
        for i in range(len(upper) - 4):
            if upper[i : i + 2] == ["ALTER", "COLUMN"] and upper[i + 3 : i + 5] == ["ADD", "GENERATED"]:
                start = 3 if upper[2] == "ONLY" else 2
                table_words = words[start:i]
                reader = self.reader(
                    exp.Table(this=exp.to_identifier(table_words[-1] if table_words else "")), s.line
                )
                column = reader.table.column(words[i + 2])
                if column is None:
                    raise _Skip(f"identity of a missing column {words[i + 2]} of {reader.table.name} skipped")
                column.type = serial_type(column.type)
                return True
        return False

    def comment(self, s: Statement) -> None:
        comment = self.parse(s)
        if not isinstance(comment, exp.Comment):
            raise ParseError("not a COMMENT ON statement")
        text = comment.expression.name if isinstance(comment.expression, exp.Literal) else ""
        kind = str(comment.args.get("kind") or "").upper()
        target = comment.this
        if kind == "TABLE":
            self.reader(target, s.line).table.comment = text
        elif kind == "COLUMN" and isinstance(target, exp.Column):
            table = exp.Table(this=exp.to_identifier(target.table))
            reader = self.reader(table, s.line)
            column = reader.table.column(target.name)
            if column is None:
                raise _Skip(f"COMMENT ON COLUMN: {target.table} has no column {target.name}; skipped")
            column.comment = text
        else:
            raise _Skip(f"COMMENT ON {kind} skipped (not part of the schema model)")


class _DropFallbackNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "Falling back to parsing as a 'Command'" not in record.getMessage()


@contextmanager
def _quiet_sqlglot() -> Iterator[None]:
    """sqlglot logs a warning when it gives up on a statement; the importer reports it itself."""
    logger = logging.getLogger("sqlglot")
    notice = _DropFallbackNotice()
    logger.addFilter(notice)
    try:
        yield
    finally:
        logger.removeFilter(notice)


class _Skip(Exception):
    """A statement the importer leaves out, with the reason as the warning."""


def _clause(text: str) -> str:
    """The part of an ALTER TABLE after the table name, shortened for a warning."""
    words = text.split()
    rest = " ".join(words[3:] if len(words) > 3 and words[2].upper() == "ONLY" else words[2:])
    rest = rest.split(None, 1)[1] if " " in rest else rest
    return rest[:50]


def _parse_problem(exc: Exception) -> str:
    """sqlglot's parse error in words a user reads: no ANSI codes, token dumps or class names."""
    message = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()  # sqlglot underlines with ANSI codes
    first = message.splitlines()[0] if message else "syntax error"
    first = re.sub(r"<class '(?:\w+\.)*(\w+)'>", r"\1", first)
    first = re.sub(r"\.?\s*Line \d+, Col: \d+\.?", "", first).rstrip(". ")
    first = re.sub(
        r"<Token token_type: TokenType\.\w+, text: (.*?), line: (\d+), col: (\d+),.*?>",
        lambda m: f"'{m.group(1)}' (line {m.group(2)}, column {m.group(3)})",
        first,
    )
    first = re.sub(
        r"Required keyword: '\w+' missing for (\w+?)(?:Column)?(?:Constraint)?$",
        lambda m: f"an incomplete {m.group(1).upper()} clause",
        first,
    )
    return first or "syntax error"


def _describe(s: Statement) -> str:
    words = [w for w in s.keywords if re.fullmatch(r"[A-Z_]+", w)][:2]
    return " ".join(words) or "statement"


def import_sql(text: str, dialect: str) -> ImportResult:
    """Read the schema DDL in ``text`` (written for ``dialect``) into model tables and enums."""
    return _Importer(dialect).run(text)


def merge_into(document: DesignDocument, result: ImportResult) -> DesignDocument:
    """A copy of ``document`` with the imported tables and enums added.

    A table or enum with the same name replaces the existing one but keeps its id and
    owning service, so references to it from elsewhere in the design stay valid.
    """
    doc = document.model_copy(deep=True)
    by_name = {t.name: i for i, t in enumerate(doc.schema.tables)}
    for table in result.tables:
        if table.name in by_name:
            old = doc.schema.tables[by_name[table.name]]
            doc.schema.tables[by_name[table.name]] = table.model_copy(
                update={"id": old.id, "service": old.service}
            )
        else:
            existing = {t.id for t in doc.schema.tables}
            new_id = table.id if table.id not in existing else _fresh(table.id, existing)
            doc.schema.tables.append(table.model_copy(update={"id": new_id}))
            by_name[table.name] = len(doc.schema.tables) - 1
    enums = {e.name: i for i, e in enumerate(doc.schema.enums)}
    for enum in result.enums:
        if enum.name in enums:
            old_enum = doc.schema.enums[enums[enum.name]]
            doc.schema.enums[enums[enum.name]] = enum.model_copy(update={"id": old_enum.id})
        else:
            existing = {e.id for e in doc.schema.enums}
            doc.schema.enums.append(
                enum.model_copy(
                    update={"id": enum.id if enum.id not in existing else _fresh(enum.id, existing)}
                )
            )
    return DesignDocument.model_validate(doc.model_dump())


def _fresh(base: str, taken: set[str]) -> str:
    return unique_name(base, taken, "-", keep_base=False)
