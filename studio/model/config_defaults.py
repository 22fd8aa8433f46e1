"""How the ``.agentconfig.json`` section drives the design's defaults.

``database`` picks the default DDL dialect, ``architectureStyle`` the architecture style,
``authentication`` the security section's auth kind and ``documentation`` which API
description leads. The ops built here are applied as ONE batch so a single undo restores
the design as it was before the config was changed or opened.
"""

from __future__ import annotations

from typing import Any

from studio.model.agent_config import KNOWN_VALUES, AgentConfig
from studio.model.design import Design
from studio.model.operations import Batch, Operation

#: ``database`` values -> sqlglot dialect names (what ``studio.sql`` generates DDL for).
_DIALECTS: dict[str, str] = {
    "postgresql": "postgres",
    "postgres": "postgres",
    "pg": "postgres",
    "mysql": "mysql",
    "mariadb": "mysql",
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    "sqlserver": "tsql",
    "mssql": "tsql",
    "sql-server": "tsql",
    "sql server": "tsql",
    "tsql": "tsql",
    "duckdb": "duckdb",
    "oracle": "oracle",
}

DEFAULT_DIALECT = "postgres"

#: Which key of the config drives which field of the document.
DRIVEN_FIELDS: dict[str, tuple[str, ...]] = {
    "architectureStyle": ("architecture", "style"),
    "authentication": ("security", "auth_kind"),
}


def dialect_for_database(name: str) -> str | None:
    """The sqlglot dialect for a config ``database`` value, or None if it has no SQL DDL.

    Case and surrounding spaces are ignored and a version suffix is allowed
    (``"PostgreSQL 15"`` -> ``"postgres"``); ``mongodb`` and unknown names give None.
    """
    key = name.strip().lower()
    if key in _DIALECTS:
        return _DIALECTS[key]
    first = key.split()[0] if key.split() else ""
    return _DIALECTS.get(first)


def leading_api_description(config: AgentConfig) -> str:
    """``"graphql"`` when the config says GraphQL documents the API, else ``"openapi"``."""
    return "graphql" if config.documentation.strip().lower() == "graphql" else "openapi"


def config_ops(design: Design, section: dict[str, Any], label: str = "Apply .agentconfig.json") -> Batch:
    """One batch that sets the design's config to ``section`` and the fields it drives.

    ``section`` is the ``backend-architect`` object (camelCase keys, unknown keys kept).
    Fields already equal are left out so that undo history shows only real changes.
    """
    document = design.document
    merged = {**document.agent_config.section(), **section}
    config = AgentConfig.model_validate(merged)
    ops: list[Operation] = []
    if config.section() != document.agent_config.section():
        ops.append(design.set_op(("agent_config",), config))
    for key, path in DRIVEN_FIELDS.items():
        value = str(merged.get(key, ""))
        if value and design.get(path) != value:
            ops.append(design.set_op(path, value))
    return Batch(tuple(ops), label)


def config_value_ops(design: Design, key: str, value: str) -> Batch:
    """One batch for a single key changed in the config form (a known key or an extra)."""
    label = f"Set {key} to {value}"
    if key not in KNOWN_VALUES:
        return config_ops(design, {key: value}, label)
    ops: list[Operation] = []
    if design.get(("agent_config", key)) != value:
        ops.append(design.set_op(("agent_config", key), value))
    path = DRIVEN_FIELDS.get(key)
    if path is not None and value and design.get(path) != value:
        ops.append(design.set_op(path, value))
    return Batch(tuple(ops), label)
