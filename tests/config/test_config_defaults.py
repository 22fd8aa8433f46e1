"""The config drives the design: dialect, architecture style, auth kind, leading API description."""

from __future__ import annotations

import pytest

from studio.model import AgentConfig, Design
from studio.model.config_defaults import (
    config_ops,
    config_value_ops,
    dialect_for_database,
    leading_api_description,
)


@pytest.mark.parametrize(
    ("name", "dialect"),
    [
        ("postgresql", "postgres"),
        ("PostgreSQL 15", "postgres"),
        ("mariadb", "mysql"),
        ("sqlserver", "tsql"),
        (" SQLite ", "sqlite"),
        ("mongodb", None),
        ("", None),
    ],
)
def test_dialect_for_database(name: str, dialect: str | None) -> None:
    assert dialect_for_database(name) == dialect


def test_opening_a_config_is_one_batch_and_undoes(ecommerce_design: Design) -> None:
    before = ecommerce_design.document.model_copy(deep=True)
    op = config_ops(
        ecommerce_design,
        {
            "architectureStyle": "microservices",
            "authentication": "oauth2",
            "database": "mysql",
            "x-extra": {"a": [1]},
        },
    )
    ecommerce_design.apply(op)
    doc = ecommerce_design.document
    assert doc.architecture.style == "microservices" and doc.security.auth_kind == "oauth2"
    assert doc.agent_config.database == "mysql" and doc.agent_config.section()["x-extra"] == {"a": [1]}
    ecommerce_design.apply(op.inverse())
    assert ecommerce_design.document == before


def test_single_key_and_documentation(ecommerce_design: Design) -> None:
    op = config_value_ops(ecommerce_design, "documentation", "graphql")
    assert len(op.ops) == 1
    ecommerce_design.apply(op)
    assert leading_api_description(ecommerce_design.document.agent_config) == "graphql"
    assert leading_api_description(AgentConfig()) == "openapi"
    assert not config_value_ops(ecommerce_design, "documentation", "graphql").ops
