"""Which SQL dialect the dialect-specific rules use: the one asked for or the design's."""

from __future__ import annotations

from studio.model import DesignDocument
from studio.sql.dialects import CONFIG_DATABASES, UnknownDialect, dialect


class DialectError(ValueError):
    """A dialect name no rule can use."""


def resolve_dialect(name: str | None, document: DesignDocument) -> str | None:
    """The dialect name for ``name``, or for the design's ``agent_config.database`` when None.

    A configured database that is not SQL (``mongodb``) lints without dialect rules.
    """
    if name is None:
        return CONFIG_DATABASES.get(document.agent_config.database.strip().lower())
    try:
        return dialect(name).name
    except UnknownDialect as exc:
        raise DialectError(str(exc)) from exc


def dialect_label(name: str) -> str:
    return dialect(name).label
