"""SQL column types, as users write them, to JSON Schema (for OpenAPI 3.1 bodies).

Types are matched by name whatever the dialect (``VARCHAR(255)``, ``int8``, ``DATETIME2``,
``TEXT[]``); enum names of the schema become string enums; anything unknown stays a string
that says which SQL type it came from, so the description is never wrong, only vaguer.
"""

from __future__ import annotations

import re
from typing import Any

_TYPE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_ ]*?)\s*(?:\(\s*([^)]*)\))?\s*(\[\s*\])?\s*$")
_INTEGER = {"int", "integer", "int4", "mediumint", "serial", "serial4", "tinyint"}
_BIG_INTEGER = {"bigint", "int8", "bigserial", "serial8"}
_SMALL_INTEGER = {"smallint", "int2", "smallserial"}
_NUMBER = {"decimal", "numeric", "money", "smallmoney", "number"}
_FLOAT = {"real", "float4", "float", "double", "double precision", "float8"}
_STRING = {
    "varchar",
    "character varying",
    "char",
    "character",
    "nvarchar",
    "nchar",
    "text",
    "tinytext",
    "mediumtext",
    "longtext",
    "clob",
    "string",
    "citext",
    "ntext",
    "varchar2",
    "nvarchar2",
}
_BINARY = {"bytea", "blob", "binary", "varbinary", "longblob", "mediumblob", "image", "raw"}
_DATETIME = {
    "timestamp",
    "timestamptz",
    "datetime",
    "datetime2",
    "smalldatetime",
    "datetimeoffset",
    "timestamp with time zone",
    "timestamp without time zone",
}
JSON_TYPES = {"string", "integer", "number", "boolean", "object", "array"}


def sql_type_schema(sql_type: str, enums: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The JSON Schema of a column type as the user wrote it (``VARCHAR(255)``, ``UUID``)."""
    match = _TYPE.match(sql_type or "")
    if not match:
        return {"type": "string", "description": f"SQL type {sql_type}"}
    name, args, array = match.group(1).strip().lower(), match.group(2), match.group(3)
    name = " ".join(name.split())
    schema = _scalar_schema(name, args, enums or {})
    return {"type": "array", "items": schema} if array else schema


def _scalar_schema(name: str, args: str | None, enums: dict[str, list[str]]) -> dict[str, Any]:
    first = args.split(",")[0].strip() if args else ""
    if name in enums:
        return {"type": "string", "enum": list(enums[name])}
    if name == "uuid" or name == "uniqueidentifier":
        return {"type": "string", "format": "uuid"}
    if name in _STRING:
        schema: dict[str, Any] = {"type": "string"}
        if first.isdigit():
            schema["maxLength"] = int(first)
        return schema
    if name in _INTEGER:
        return {"type": "integer", "format": "int32"}
    if name in _BIG_INTEGER:
        return {"type": "integer", "format": "int64"}
    if name in _SMALL_INTEGER:
        return {"type": "integer", "minimum": -32768, "maximum": 32767}
    if name in _NUMBER:
        return {"type": "number"}
    if name in _FLOAT:
        return {"type": "number", "format": "double" if "double" in name or name == "float8" else "float"}
    if name in {"boolean", "bool", "bit"}:
        return {"type": "boolean"}
    if name in _DATETIME:
        return {"type": "string", "format": "date-time"}
    if name == "date":
        return {"type": "string", "format": "date"}
    if name in {"time", "timetz", "time with time zone"}:
        return {"type": "string", "format": "time"}
    if name == "interval":
        return {"type": "string", "format": "duration"}
    if name in {"json", "jsonb"}:
        return {}
    if name in _BINARY:
        return {"type": "string", "contentEncoding": "base64"}
    if name in {"inet", "cidr"}:
        return {"type": "string"}
    return {"type": "string", "description": f"SQL type {name.upper()}"}
