"""Column types and defaults: from the model's text to what each dialect really accepts.

The model keeps types as the user (or the imported file) wrote them. A type the target
dialect has natively is emitted as written; otherwise it is mapped through the table below
and the mapping is reported as a conversion note. sqlglot's own type transpiling is not
used for this because it silently produces types engines reject (``UUID`` in MySQL) or
loses information (MySQL ``BLOB`` becomes an unsized ``VARBINARY``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from studio.model import EnumType
from studio.sql.dialects import Dialect, is_known_type

_TYPE = re.compile(
    r"^\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)*?)\s*"
    r"(?:\(\s*(?P<args>(?:\d+|MAX)(?:\s*,\s*\d+)?)\s*\))?"
    r"(?P<unsigned>\s+UNSIGNED)?(?P<array>(?:\s*\[\s*\])*)\s*$",
    re.IGNORECASE,
)

#: Spellings -> one canonical name, so ``character varying`` and ``NVARCHAR2`` map alike.
_CANONICAL: dict[str, str] = {
    "INT": "INTEGER",
    "INT4": "INTEGER",
    "MEDIUMINT": "INTEGER",
    "INT8": "BIGINT",
    "INT2": "SMALLINT",
    "CHARACTER VARYING": "VARCHAR",
    "NVARCHAR": "VARCHAR",
    "VARCHAR2": "VARCHAR",
    "NVARCHAR2": "VARCHAR",
    "STRING": "TEXT",
    "CHARACTER": "CHAR",
    "NCHAR": "CHAR",
    "BPCHAR": "CHAR",
    "CLOB": "TEXT",
    "NCLOB": "TEXT",
    "NTEXT": "TEXT",
    "TINYTEXT": "TEXT",
    "MEDIUMTEXT": "TEXT",
    "LONGTEXT": "TEXT",
    "BOOL": "BOOLEAN",
    "BIT": "BOOLEAN",
    "UNIQUEIDENTIFIER": "UUID",
    "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP",
    "DATETIME": "TIMESTAMP",
    "DATETIME2": "TIMESTAMP",
    "SMALLDATETIME": "TIMESTAMP",
    "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ",
    "DATETIMEOFFSET": "TIMESTAMPTZ",
    "NUMERIC": "DECIMAL",
    "DEC": "DECIMAL",
    "NUMBER": "DECIMAL",
    "MONEY": "DECIMAL",
    "DOUBLE PRECISION": "DOUBLE",
    "FLOAT8": "DOUBLE",
    "BINARY_DOUBLE": "DOUBLE",
    "FLOAT4": "REAL",
    "BINARY_FLOAT": "REAL",
    "FLOAT": "DOUBLE",
    "BYTEA": "BLOB",
    "VARBINARY": "BLOB",
    "LONGBLOB": "BLOB",
    "MEDIUMBLOB": "BLOB",
    "TINYBLOB": "BLOB",
    "BINARY": "BLOB",
    "RAW": "BLOB",
    "IMAGE": "BLOB",
    "JSONB": "JSON",
}

#: canonical name -> dialect -> replacement type text ("{args}" keeps the user's size).
_REPLACEMENTS: dict[str, dict[str, str]] = {
    "UUID": {
        "postgres": "UUID",
        "mysql": "CHAR(36)",
        "sqlite": "TEXT",
        "tsql": "UNIQUEIDENTIFIER",
        "duckdb": "UUID",
        "oracle": "CHAR(36)",
    },
    "JSON": {
        "postgres": "JSONB",
        "mysql": "JSON",
        "sqlite": "TEXT",
        "tsql": "NVARCHAR(MAX)",
        "duckdb": "JSON",
        "oracle": "CLOB",
    },
    "TIMESTAMP": {
        "postgres": "TIMESTAMP",
        "mysql": "DATETIME",
        "sqlite": "TIMESTAMP",
        "tsql": "DATETIME2",
        "duckdb": "TIMESTAMP",
        "oracle": "TIMESTAMP",
    },
    "TIMESTAMPTZ": {
        "postgres": "TIMESTAMPTZ",
        "mysql": "TIMESTAMP",
        "sqlite": "TIMESTAMP",
        "tsql": "DATETIMEOFFSET",
        "duckdb": "TIMESTAMPTZ",
        "oracle": "TIMESTAMP WITH TIME ZONE",
    },
    "TEXT": {
        "postgres": "TEXT",
        "mysql": "LONGTEXT",
        "sqlite": "TEXT",
        "tsql": "NVARCHAR(MAX)",
        "duckdb": "TEXT",
        "oracle": "CLOB",
    },
    "VARCHAR": {
        "postgres": "VARCHAR{args}",
        "mysql": "VARCHAR{args}",
        "sqlite": "VARCHAR{args}",
        "tsql": "NVARCHAR{args}",
        "duckdb": "VARCHAR",
        "oracle": "VARCHAR2{args}",
    },
    "CHAR": {
        "postgres": "CHAR{args}",
        "mysql": "CHAR{args}",
        "sqlite": "CHAR{args}",
        "tsql": "NCHAR{args}",
        "duckdb": "VARCHAR",
        "oracle": "CHAR{args}",
    },
    "BOOLEAN": {
        "postgres": "BOOLEAN",
        "mysql": "BOOLEAN",
        "sqlite": "BOOLEAN",
        "tsql": "BIT",
        "duckdb": "BOOLEAN",
        "oracle": "NUMBER(1)",
    },
    "TINYINT": {
        "postgres": "SMALLINT",
        "mysql": "TINYINT",
        "sqlite": "INTEGER",
        "tsql": "TINYINT",
        "duckdb": "TINYINT",
        "oracle": "NUMBER(3)",
    },
    "INTEGER": {
        "postgres": "INTEGER",
        "mysql": "INT",
        "sqlite": "INTEGER",
        "tsql": "INT",
        "duckdb": "INTEGER",
        "oracle": "NUMBER(10)",
    },
    "BIGINT": {
        "postgres": "BIGINT",
        "mysql": "BIGINT",
        "sqlite": "BIGINT",
        "tsql": "BIGINT",
        "duckdb": "BIGINT",
        "oracle": "NUMBER(19)",
    },
    "SMALLINT": {
        "postgres": "SMALLINT",
        "mysql": "SMALLINT",
        "sqlite": "SMALLINT",
        "tsql": "SMALLINT",
        "duckdb": "SMALLINT",
        "oracle": "NUMBER(5)",
    },
    "DECIMAL": {
        "postgres": "DECIMAL{args}",
        "mysql": "DECIMAL{args}",
        "sqlite": "DECIMAL{args}",
        "tsql": "DECIMAL{args}",
        "duckdb": "DECIMAL{args}",
        "oracle": "NUMBER{args}",
    },
    "DOUBLE": {
        "postgres": "DOUBLE PRECISION",
        "mysql": "DOUBLE",
        "sqlite": "REAL",
        "tsql": "FLOAT",
        "duckdb": "DOUBLE",
        "oracle": "BINARY_DOUBLE",
    },
    "REAL": {
        "postgres": "REAL",
        "mysql": "FLOAT",
        "sqlite": "REAL",
        "tsql": "REAL",
        "duckdb": "REAL",
        "oracle": "BINARY_FLOAT",
    },
    "BLOB": {
        "postgres": "BYTEA",
        "mysql": "LONGBLOB",
        "sqlite": "BLOB",
        "tsql": "VARBINARY(MAX)",
        "duckdb": "BLOB",
        "oracle": "BLOB",
    },
    "DATE": {"tsql": "DATE", "oracle": "DATE"},
    "TIME": {"oracle": "TIMESTAMP"},
    "INTERVAL": {"mysql": "VARCHAR(64)", "sqlite": "TEXT", "tsql": "NVARCHAR(64)", "oracle": "VARCHAR2(64)"},
}

#: serial types -> (integer type canonical name)
_SERIALS = {"SERIAL": "INTEGER", "SMALLSERIAL": "SMALLINT", "BIGSERIAL": "BIGINT"}

#: Types a VARCHAR without a length becomes where the length is mandatory.
_UNSIZED = {"mysql": "VARCHAR(255)", "oracle": "VARCHAR2(4000)", "tsql": "NVARCHAR(MAX)"}


@dataclass
class MappedType:
    """A column type for one dialect, plus what the mapping had to change."""

    datatype: exp.DataType
    text: str
    notes: list[str] = field(default_factory=list)
    #: The column is auto-numbered (a serial type): the generator adds the identity clause.
    identity: bool = False
    #: Enum values to enforce with a CHECK (dialects without enum types).
    check_values: list[str] | None = None
    #: A large text/blob type: MySQL needs a prefix length to index it.
    is_lob: bool = False


def _udt(text: str) -> exp.DataType:
    return exp.DataType(this=exp.DType.USERDEFINED, kind=text)


@lru_cache(maxsize=4096)
def parse_type(type_text: str) -> tuple[str, str, bool, bool] | None:
    """Split ``VARCHAR(255)`` into (upper name, args, unsigned, array); None if malformed."""
    match = _TYPE.match(type_text or "")
    if not match:
        return None
    name = " ".join(match.group("name").upper().split())
    args = (match.group("args") or "").upper().replace(" ", "")
    return name, args, bool(match.group("unsigned")), bool(match.group("array"))


@lru_cache(maxsize=4096)
def canonical_type(type_text: str) -> str:
    """The canonical base name (``character varying(9)`` -> ``VARCHAR``), for type comparisons.

    Serial types compare as the integers they are; ``UNSIGNED`` is kept, since MySQL
    refuses a foreign key between a signed and an unsigned column.
    """
    parsed = parse_type(type_text)
    if parsed is None:
        return type_text.strip().upper()
    name = _SERIALS.get(parsed[0], parsed[0])
    if name == "NUMBER" and parsed[1].isdigit():  # Oracle's integers
        digits = int(parsed[1])
        name = (
            "SMALLINT" if digits <= 5 else "INTEGER" if digits <= 10 else "BIGINT" if digits <= 19 else name
        )
    return _CANONICAL.get(name, name) + (" UNSIGNED" if parsed[2] else "")


def map_type(type_text: str, d: Dialect, enums: dict[str, EnumType]) -> MappedType:
    """The type to emit for ``type_text`` in dialect ``d`` (``enums`` by name)."""
    enum = enums.get(type_text.strip())
    if enum is not None:
        return _map_enum(enum, d)
    parsed = parse_type(type_text)
    if parsed is None:
        return MappedType(_udt("TEXT"), "TEXT", [f"type {type_text!r} is not a type; TEXT used"])
    name, args, unsigned, array = parsed
    if array and not d.capabilities.array_types:
        target = _REPLACEMENTS["JSON"][d.name]
        return _mapped(target, [f"array type {type_text} has no {d.label} equivalent; {target} used"])
    if name in _SERIALS:
        return _map_serial(type_text, name, d)
    canon = _CANONICAL.get(name, name)
    lob = d.name == "mysql" and canon in ("TEXT", "BLOB", "JSON")
    if is_known_type(type_text, d.name) and not (name in ("VARCHAR", "VARCHAR2", "NVARCHAR") and not args):
        text = " ".join(type_text.split())
        if d.name == "tsql" and name == "TIMESTAMP":  # rowversion in SQL Server
            text = "DATETIME2"
        return MappedType(_udt(text), text, is_lob=lob or (d.name == "mysql" and "TEXT" in name))
    if canon in ("VARCHAR",) and not args and d.name in _UNSIZED:
        target = _UNSIZED[d.name]
        return _mapped(target, [f"{type_text} without a length needs one in {d.label}; {target} used"])
    replacement = _REPLACEMENTS.get(canon, {}).get(d.name)
    if replacement is None:
        return MappedType(
            _udt(" ".join(type_text.split())),
            type_text,
            [f"type {type_text} is not known to {d.label}; emitted as written"],
        )
    target = replacement.format(args=f"({args})" if args else "")
    mapped = _mapped(target, [] if _same(type_text, target, canon) else [f"{type_text} -> {target}"])
    mapped.is_lob = lob or target in ("LONGTEXT", "LONGBLOB", "JSON") and d.name == "mysql"
    return mapped


def _same(original: str, target: str, canon: str) -> bool:
    """A rename that changes no meaning needs no note (INT -> INTEGER, UUID -> UNIQUEIDENTIFIER)."""
    return (
        canon
        in (
            "INTEGER",
            "BIGINT",
            "SMALLINT",
            "DECIMAL",
            "VARCHAR",
            "CHAR",
            "DOUBLE",
            "REAL",
            "BOOLEAN",
            "BLOB",
            "TEXT",
            "TIMESTAMP",
        )
        and "JSON" not in original.upper()
        or (canon == "UUID" and target == "UNIQUEIDENTIFIER")
    )


def _mapped(target: str, notes: list[str]) -> MappedType:
    return MappedType(_udt(target), target, notes)


def _map_serial(type_text: str, name: str, d: Dialect) -> MappedType:
    if d.name == "postgres":
        return _mapped(name, [])
    base = _REPLACEMENTS[_SERIALS[name]][d.name]
    if d.name == "duckdb":
        return _mapped(base, [f"{type_text}: {d.label} has no auto-numbered columns; {base} used"])
    mapped = _mapped(base, [])
    mapped.identity = True
    return mapped


def _map_enum(enum: EnumType, d: Dialect) -> MappedType:
    style = d.capabilities.enums
    if style == "type":
        return MappedType(
            exp.DataType(this=exp.DType.USERDEFINED, kind=exp.to_identifier(enum.name, quoted=True)),
            enum.name,
        )
    if style == "inline":
        values = [exp.Literal.string(v) for v in enum.values]
        return MappedType(exp.DataType(this=exp.DType.ENUM, expressions=values), f"ENUM({enum.name})")
    width = max([len(v) for v in enum.values] + [1])
    target = {"tsql": f"NVARCHAR({width})", "oracle": f"VARCHAR2({width})"}.get(d.name, f"VARCHAR({width})")
    mapped = _mapped(target, [f"enum {enum.name} -> {target} with a CHECK of its values"])
    mapped.check_values = list(enum.values)
    return mapped


# -- defaults ------------------------------------------------------------------------
_UUID_FUNCTIONS = {"GEN_RANDOM_UUID", "UUID_GENERATE_V4", "UUID", "NEWID", "SYS_GUID", "UUIDV4"}


#: Statements are never expressions: a default or a WHERE must not smuggle one in.
_STATEMENTS = (exp.Query, exp.DDL, exp.DML, exp.Command, exp.Block, exp.Drop, exp.Alter, exp.Set, exp.Use)


def parse_expression(text: str, read: str = "postgres") -> exp.Expression | None:
    """One SQL expression (not a statement) from model text, or None."""
    for dialect_name in dict.fromkeys((read, "postgres", "mysql")):
        try:
            parsed = [e for e in sqlglot.parse(text, read=dialect_name) if e is not None]
        except (ParseError, TokenError, ValueError):
            continue
        if len(parsed) != 1 or any(isinstance(n, _STATEMENTS) for n in parsed[0].walk()):
            return None
        return parsed[0]
    return None


def default_kind(expression: exp.Expression) -> str:
    """``now``, ``uuid``, ``literal`` or ``expression``: how a default maps across dialects."""
    node = expression.unnest() if isinstance(expression, exp.Paren) else expression
    if isinstance(node, (exp.CurrentTimestamp, exp.CurrentDate)) or (
        isinstance(node, exp.Anonymous) and node.name.upper() in ("GETDATE", "SYSDATE", "SYSDATETIME")
    ):
        return "now"
    if isinstance(node, exp.Uuid) or (
        isinstance(node, exp.Anonymous) and node.name.upper() in _UUID_FUNCTIONS
    ):
        return "uuid"
    if isinstance(node, (exp.Literal, exp.Boolean, exp.Null)) or (
        isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal)
    ):
        return "literal"
    return "expression"


def map_default(text: str, d: Dialect, column_type: MappedType) -> tuple[exp.Expression | None, list[str]]:
    """The DEFAULT expression for dialect ``d``, or None with a note when it cannot be kept."""
    parsed = parse_expression(text)
    if parsed is None:
        return None, [f"default {text!r} is not an SQL expression; left out"]
    kind = default_kind(parsed)
    caps = d.capabilities
    if kind == "now":
        node = parsed.unnest() if isinstance(parsed, exp.Paren) else parsed
        if isinstance(node, exp.CurrentDate):
            if d.name in ("mysql", "sqlite"):
                return exp.Paren(this=exp.CurrentDate()), []
            return exp.CurrentDate(), []
        if d.name == "tsql":
            return exp.Anonymous(this="SYSDATETIME", expressions=[]), []
        return exp.CurrentTimestamp(), []
    if kind == "uuid":
        if not caps.uuid_default:
            return None, [f"default {text}: {d.label} cannot generate UUIDs; left out"]
        function = {"postgres": "gen_random_uuid", "duckdb": "gen_random_uuid", "tsql": "NEWID"}.get(
            d.name, "UUID"
        )
        call: exp.Expression = exp.Anonymous(this=function, expressions=[])
        return (exp.Paren(this=call) if d.name == "mysql" else call), []
    if kind == "literal":
        if isinstance(parsed, exp.Boolean) and d.name in ("tsql", "oracle"):
            return exp.Literal.number(1 if parsed.this else 0), []
        if isinstance(parsed, exp.Boolean) and d.name == "sqlite":
            return exp.Literal.number(1 if parsed.this else 0), []
        return parsed, []
    if d.name in ("mysql", "sqlite") and not isinstance(parsed, exp.Paren):
        return exp.Paren(this=parsed), []
    return parsed, []
