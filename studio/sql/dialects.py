"""The SQL dialects the studio writes and reads, and what each one can express.

The capability table drives every downgrade in :mod:`studio.sql.ddl`: when the model uses
something a dialect lacks (a partial index in MySQL, a UUID type in SQL Server's sense,
``COMMENT ON`` in SQLite), the generator consults :data:`DIALECTS` and writes a conversion
note instead of emitting SQL the engine would reject. The lint rules and the schema dock
use :func:`known_types` and :func:`is_reserved` so that suggestions and warnings agree
with what the generator does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True)
class Capabilities:
    """What a dialect accepts natively; ``False`` means the generator downgrades with a note."""

    partial_indexes: bool
    #: ``"type"``: CREATE TYPE ... AS ENUM; ``"inline"``: ENUM('a', ...) column type;
    #: ``"check"``: a text column with a CHECK constraint.
    enums: str
    #: ``"comment_on"``: COMMENT ON statements; ``"inline"``: COMMENT clauses in CREATE
    #: TABLE; ``"extended_property"``: sp_addextendedproperty (SQL Server); ``""``: no
    #: comments (a note says they were left out).
    comments: str
    identity: bool
    uuid_type: bool
    json_type: bool
    now_default: bool
    uuid_default: bool
    #: FKs can be added after all tables exist, which makes forward references and cycles
    #: work. Without it FKs go inline (SQLite resolves them lazily; DuckDB needs order).
    alter_add_fk: bool
    index_methods: tuple[str, ...] = ()
    array_types: bool = False


@dataclass(frozen=True)
class Dialect:
    name: str
    label: str
    #: The sqlglot dialect name used to parse and generate.
    sqlglot: str
    capabilities: Capabilities


DIALECTS: dict[str, Dialect] = {
    d.name: d
    for d in (
        Dialect(
            "postgres",
            "PostgreSQL",
            "postgres",
            Capabilities(
                partial_indexes=True,
                enums="type",
                comments="comment_on",
                identity=True,
                uuid_type=True,
                json_type=True,
                now_default=True,
                uuid_default=True,
                alter_add_fk=True,
                index_methods=("btree", "hash", "gin", "gist", "brin", "spgist"),
                array_types=True,
            ),
        ),
        Dialect(
            "mysql",
            "MySQL / MariaDB",
            "mysql",
            Capabilities(
                partial_indexes=False,
                enums="inline",
                comments="inline",
                identity=True,
                uuid_type=False,
                json_type=True,
                now_default=True,
                uuid_default=True,
                alter_add_fk=True,
                index_methods=("btree", "hash"),
            ),
        ),
        Dialect(
            "sqlite",
            "SQLite",
            "sqlite",
            Capabilities(
                partial_indexes=True,
                enums="check",
                comments="",
                identity=True,
                uuid_type=False,
                json_type=False,
                now_default=True,
                uuid_default=False,
                alter_add_fk=False,
            ),
        ),
        Dialect(
            "tsql",
            "SQL Server",
            "tsql",
            Capabilities(
                partial_indexes=True,
                enums="check",
                comments="extended_property",
                identity=True,
                uuid_type=True,
                json_type=False,
                now_default=True,
                uuid_default=True,
                alter_add_fk=True,
            ),
        ),
        Dialect(
            "duckdb",
            "DuckDB",
            "duckdb",
            Capabilities(
                partial_indexes=False,
                enums="type",
                comments="comment_on",
                identity=False,
                uuid_type=True,
                json_type=True,
                now_default=True,
                uuid_default=True,
                alter_add_fk=False,
                array_types=True,
            ),
        ),
        Dialect(
            "oracle",
            "Oracle",
            "oracle",
            Capabilities(
                partial_indexes=False,
                enums="check",
                comments="comment_on",
                identity=True,
                uuid_type=False,
                json_type=False,
                now_default=True,
                uuid_default=False,
                alter_add_fk=True,
            ),
        ),
    )
}

DEFAULT_DIALECT = "postgres"

#: ``.agentconfig.json`` "database" values (lower-cased) -> dialect name.
CONFIG_DATABASES: dict[str, str] = {
    "postgresql": "postgres",
    "postgres": "postgres",
    "mysql": "mysql",
    "mariadb": "mysql",
    "sqlite": "sqlite",
    "sqlserver": "tsql",
    "sql server": "tsql",
    "mssql": "tsql",
    "duckdb": "duckdb",
    "oracle": "oracle",
}


class UnknownDialect(ValueError):
    """A dialect name that is not in :data:`DIALECTS`."""


def dialect(name: str) -> Dialect:
    """The dialect called ``name`` (also accepts labels and config database names)."""
    key = name.strip().lower()
    if key in DIALECTS:
        return DIALECTS[key]
    if key in CONFIG_DATABASES:
        return DIALECTS[CONFIG_DATABASES[key]]
    for d in DIALECTS.values():
        if d.label.lower() == key:
            return d
    raise UnknownDialect(f"unknown SQL dialect {name!r} (known: {', '.join(DIALECTS)})")


# Types each dialect has natively, as a user would type them. The first entries are the
# common ones, so the dock can show them first.
_TYPES: dict[str, tuple[str, ...]] = {
    "postgres": (
        "INTEGER",
        "BIGINT",
        "SMALLINT",
        "SERIAL",
        "BIGSERIAL",
        "VARCHAR(255)",
        "TEXT",
        "BOOLEAN",
        "UUID",
        "TIMESTAMP",
        "TIMESTAMPTZ",
        "DATE",
        "TIME",
        "INTERVAL",
        "DECIMAL(10, 2)",
        "NUMERIC",
        "REAL",
        "DOUBLE PRECISION",
        "JSON",
        "JSONB",
        "BYTEA",
        "CHAR(1)",
        "INET",
        "CIDR",
        "MONEY",
        "TEXT[]",
        "INTEGER[]",
    ),
    "mysql": (
        "INT",
        "BIGINT",
        "SMALLINT",
        "TINYINT",
        "MEDIUMINT",
        "VARCHAR(255)",
        "TEXT",
        "MEDIUMTEXT",
        "LONGTEXT",
        "BOOLEAN",
        "CHAR(36)",
        "DATETIME",
        "TIMESTAMP",
        "DATE",
        "TIME",
        "YEAR",
        "DECIMAL(10, 2)",
        "FLOAT",
        "DOUBLE",
        "JSON",
        "BLOB",
        "LONGBLOB",
        "VARBINARY(255)",
        "BINARY(16)",
        "BIT",
    ),
    "sqlite": (
        "INTEGER",
        "TEXT",
        "REAL",
        "BLOB",
        "NUMERIC",
        "BOOLEAN",
        "VARCHAR(255)",
        "DECIMAL(10, 2)",
        "DATE",
        "TIMESTAMP",
        "BIGINT",
    ),
    "tsql": (
        "INT",
        "BIGINT",
        "SMALLINT",
        "TINYINT",
        "NVARCHAR(255)",
        "NVARCHAR(MAX)",
        "VARCHAR(255)",
        "BIT",
        "UNIQUEIDENTIFIER",
        "DATETIME2",
        "DATETIMEOFFSET",
        "DATETIME",
        "DATE",
        "TIME",
        "DECIMAL(10, 2)",
        "NUMERIC",
        "FLOAT",
        "REAL",
        "MONEY",
        "VARBINARY(MAX)",
        "CHAR(1)",
        "NCHAR(1)",
    ),
    "duckdb": (
        "INTEGER",
        "BIGINT",
        "SMALLINT",
        "VARCHAR",
        "TEXT",
        "BOOLEAN",
        "UUID",
        "TIMESTAMP",
        "TIMESTAMPTZ",
        "DATE",
        "TIME",
        "INTERVAL",
        "DECIMAL(10, 2)",
        "DOUBLE",
        "REAL",
        "JSON",
        "BLOB",
        "HUGEINT",
        "TEXT[]",
        "INTEGER[]",
    ),
    "oracle": (
        "NUMBER",
        "NUMBER(10)",
        "NUMBER(19)",
        "VARCHAR2(255)",
        "NVARCHAR2(255)",
        "CLOB",
        "NCLOB",
        "CHAR(1)",
        "DATE",
        "TIMESTAMP",
        "TIMESTAMP WITH TIME ZONE",
        "RAW(16)",
        "BLOB",
        "BINARY_FLOAT",
        "BINARY_DOUBLE",
        "INTEGER",
        "SMALLINT",
        "DECIMAL(10, 2)",
        "FLOAT",
    ),
}

# Extra spellings each dialect accepts beyond the suggestions (aliases, engine synonyms).
_ALIASES: dict[str, tuple[str, ...]] = {
    "postgres": (
        "INT",
        "INT2",
        "INT4",
        "INT8",
        "SMALLSERIAL",
        "VARCHAR",
        "CHARACTER VARYING",
        "CHAR",
        "CHARACTER",
        "BOOL",
        "TIMESTAMP WITHOUT TIME ZONE",
        "TIMESTAMP WITH TIME ZONE",
        "TIMETZ",
        "DECIMAL",
        "FLOAT",
        "FLOAT4",
        "FLOAT8",
        "DOUBLE",
        "BIT",
        "VARBIT",
        "XML",
        "MACADDR",
        "TSVECTOR",
        "POINT",
    ),
    "mysql": (
        "INTEGER",
        "BOOL",
        "VARCHAR",
        "CHAR",
        "TINYTEXT",
        "NUMERIC",
        "DEC",
        "REAL",
        "DOUBLE PRECISION",
        "BINARY",
        "VARBINARY",
        "TINYBLOB",
        "MEDIUMBLOB",
        "ENUM",
        "SET",
    ),
    "sqlite": (
        "INT",
        "SMALLINT",
        "TINYINT",
        "CHAR",
        "VARCHAR",
        "CLOB",
        "DOUBLE",
        "FLOAT",
        "DATETIME",
        "DOUBLE PRECISION",
    ),
    # TEXT, NTEXT and IMAGE still parse but are deprecated: the generator maps them.
    "tsql": (
        "INTEGER",
        "NVARCHAR",
        "VARCHAR",
        "CHAR",
        "NCHAR",
        "SMALLDATETIME",
        "SMALLMONEY",
        "BINARY",
        "VARBINARY",
        "XML",
        "DEC",
        "ROWVERSION",
    ),
    "duckdb": (
        "INT",
        "INT4",
        "INT8",
        "TINYINT",
        "UBIGINT",
        "UINTEGER",
        "BOOL",
        "FLOAT",
        "DECIMAL",
        "NUMERIC",
        "DOUBLE PRECISION",
        "BYTEA",
        "CHAR",
        "BPCHAR",
        "STRING",
        "ENUM",
    ),
    "oracle": (
        "VARCHAR2",
        "NVARCHAR2",
        "NUMBER",
        "RAW",
        "LONG",
        "NCHAR",
        "CHAR",
        "INT",
        "DOUBLE PRECISION",
        "REAL",
        "DECIMAL",
        "NUMERIC",
        "VARCHAR",
    ),
}

_TYPE_TEXT = re.compile(
    r"^\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)*?)\s*"
    r"(?:\((?P<args>[^()]*)\))?\s*(?P<suffix>(?:\s+UNSIGNED)?(?:\s*\[\s*\])*)\s*$",
    re.IGNORECASE,
)


def known_types(dialect_name: str) -> list[str]:
    """Type suggestions for the schema dock's type column, most common first."""
    return list(_TYPES[dialect(dialect_name).name])


@lru_cache(maxsize=4096)
def is_known_type(type_text: str, dialect_name: str) -> bool:
    """True when ``type_text`` names a type the dialect has natively.

    A type the generator must downgrade (UUID in MySQL, JSONB in SQLite) is *not* known:
    the lint rule reports it so the user sees the conversion coming. Enum names defined in
    the schema are the caller's business.
    """
    d = dialect(dialect_name)
    match = _TYPE_TEXT.match(type_text or "")
    if not match:
        return False
    name = " ".join(match.group("name").upper().split())
    if "[" in (match.group("suffix") or "") and not d.capabilities.array_types:
        return False
    if "UNSIGNED" in (match.group("suffix") or "").upper() and d.name != "mysql":
        return False
    names = {_base(t) for t in _TYPES[d.name]} | set(_ALIASES[d.name])
    return name in names


def _base(type_text: str) -> str:
    match = _TYPE_TEXT.match(type_text)
    return " ".join(match.group("name").upper().split()) if match else type_text.upper()


# Reserved words of the dialects for which sqlglot carries no list of its own. From each
# engine's documentation: PostgreSQL appendix C ("reserved"), SQLite's keyword list (the
# ones that cannot be bare identifiers), SQL Server's reserved keywords, Oracle's
# V$RESERVED_WORDS with RESERVED = 'Y'.
_RESERVED: dict[str, frozenset[str]] = {
    "postgres": frozenset(
        """
        all analyse analyze and any array as asc asymmetric authorization binary both case cast
        check collate collation column concurrently constraint create cross current_catalog
        current_date current_role current_schema current_time current_timestamp current_user
        default deferrable desc distinct do else end except false fetch for foreign freeze from
        full grant group having ilike in initially inner intersect into is isnull join lateral
        leading left like limit localtime localtimestamp natural not notnull null offset on only
        or order outer overlaps placing primary references returning right select session_user
        similar some symmetric system_user table tablesample then to trailing true union unique
        user using variadic verbose when where window with""".split()
    ),
    "sqlite": frozenset(
        """
        abort action add after all alter always analyze and as asc attach autoincrement before
        begin between by cascade case cast check collate column commit conflict constraint create
        cross current current_date current_time current_timestamp database default deferrable
        deferred delete desc detach distinct do drop each else end escape except exclude
        exclusive exists explain fail filter first following for foreign from full generated glob
        group groups having if ignore immediate in index indexed initially inner insert instead
        intersect into is isnull join key last left like limit match materialized natural no not
        nothing notnull null nulls of offset on or order others outer over partition plan pragma
        preceding primary query raise range recursive references regexp reindex release rename
        replace restrict returning right rollback row rows savepoint select set table temp
        temporary then ties to transaction trigger unbounded union unique update using vacuum
        values view virtual when where window with without""".split()
    ),
    "tsql": frozenset(
        """
        add all alter and any as asc authorization backup begin between break browse bulk by
        cascade case check checkpoint close clustered coalesce collate column commit compute
        constraint contains containstable continue convert create cross current current_date
        current_time current_timestamp current_user cursor database dbcc deallocate declare
        default delete deny desc disk distinct distributed double drop dump else end errlvl
        escape except exec execute exists exit external fetch file fillfactor for foreign
        freetext freetexttable from full function goto grant group having holdlock identity
        identity_insert identitycol if in index inner insert intersect into is join key kill left
        like lineno load merge national nocheck nonclustered not null nullif of off offsets on
        open opendatasource openquery openrowset openxml option or order outer over percent pivot
        plan precision primary print proc procedure public raiserror read readtext reconfigure
        references replication restore restrict return revert revoke right rollback rowcount
        rowguidcol rule save schema securityaudit select semantickeyphrasetable
        semanticsimilaritydetailstable semanticsimilaritytable session_user set setuser shutdown
        some statistics system_user table tablesample textsize then to top tran transaction
        trigger truncate try_convert tsequal union unique unpivot update updatetext use user
        values varying view waitfor when where while with within writetext""".split()
    ),
    "oracle": frozenset(
        """
        access add all alter and any as asc audit between by char check cluster column comment
        compress connect create current date decimal default delete desc distinct drop else
        exclusive exists file float for from grant group having identified immediate in
        increment index initial insert integer intersect into is level like lock long maxextents
        minus mlslabel mode modify noaudit nocompress not nowait null number of offline on online
        option or order pctfree prior privileges public raw rename resource revoke row rowid
        rownum rows select session set share size smallint start successful synonym sysdate table
        then to trigger uid union unique update user validate values varchar varchar2 view
        whenever where with""".split()
    ),
}


@cache
def reserved_words(dialect_name: str) -> frozenset[str]:
    """Lower-case reserved words of the dialect (sqlglot's list where it has one)."""
    import sqlglot  # here: the window reads the dialect table before it needs sqlglot

    d = dialect(dialect_name)
    generator = sqlglot.Dialect.get_or_raise(d.sqlglot).generator_class
    words = {w.lower() for w in getattr(generator, "RESERVED_KEYWORDS", set())}
    return frozenset(words | _RESERVED.get(d.name, frozenset()))


def is_reserved(name: str, dialect_name: str) -> bool:
    """True when ``name`` is a reserved word that only works quoted in the dialect."""
    return name.strip().lower() in reserved_words(dialect_name)


def parses(sql_text: str, dialect_name: str) -> bool:
    """True when ``sql_text`` is one SQL expression (not a statement) in the dialect.

    For the schema dock's as-you-type check of a partial index's WHERE or a default.
    """
    from studio.sql.types import parse_expression

    return parse_expression(sql_text, dialect(dialect_name).sqlglot) is not None
