"""Which SQL dialect the dialect-specific rules use: the one asked for or the design's."""

from __future__ import annotations

from studio.model import DesignDocument


class DialectError(ValueError):
    """A dialect name no rule can use."""


def resolve_dialect(name: str | None, document: DesignDocument) -> str | None:
    """The sqlglot dialect for ``name``, or for the design's ``agent_config.database`` when None.

    A configured database that is not SQL (``mongodb``) lints without dialect rules.
    """
    from studio.sql.dialects import dialect_for_database, normalize_dialect

    if name is None:
        return dialect_for_database(document.agent_config.database)
    dialect = normalize_dialect(name)
    if dialect is None:
        raise DialectError(f"unknown SQL dialect {name!r}")
    return dialect
