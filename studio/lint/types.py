"""Comparing column types the way a database does, through sqlglot's type parser."""

from __future__ import annotations

from functools import lru_cache

from sqlglot import exp
from sqlglot.errors import ParseError

from studio.sql.dialects import DIALECTS

#: An auto-increment type stores the plain integer type it is built on.
_SERIAL_BASE = {
    exp.DataType.Type.SERIAL: exp.DataType.Type.INT,
    exp.DataType.Type.BIGSERIAL: exp.DataType.Type.BIGINT,
    exp.DataType.Type.SMALLSERIAL: exp.DataType.Type.SMALLINT,
}


@lru_cache(maxsize=4096)
def _parsed(type_text: str, dialect: str | None) -> tuple[str, str]:
    """(base type, full canonical type) of ``type_text``; unparseable text compares as written."""
    text = " ".join(type_text.split())
    try:
        data_type = exp.DataType.build(
            text, dialect=DIALECTS[dialect].sqlglot if dialect in DIALECTS else None
        )
    except (ParseError, ValueError, TypeError):
        return text.upper(), text.upper()
    kind = _SERIAL_BASE.get(data_type.this, data_type.this)
    params = ", ".join(e.sql() for e in data_type.expressions)
    return kind.name, f"{kind.name}({params})" if params else kind.name


def base_type(type_text: str, dialect: str | None = None) -> str:
    """``VARCHAR`` for ``character varying(255)``: the type without its length or precision."""
    return _parsed(type_text, dialect)[0]


def same_type(a: str, b: str, dialect: str | None = None) -> bool:
    """True when both spellings name the same type (``INT`` and ``integer``, ``serial`` and ``int``)."""
    return _parsed(a, dialect)[1] == _parsed(b, dialect)[1]
