"""Generated DDL runs on the real engines, every statement succeeding, and creates what it says."""

from __future__ import annotations

import pytest

from benchmarks.large_design import make_large_design
from studio.model import DesignDocument, Schema
from studio.sql.ddl import schema_ddl
from tests.sql.engines import Engine
from tests.sql.schemas import HOSTILE_NAMES, hostile_schema, rich_schema


def _check_catalog(engine: Engine, schema: Schema) -> None:
    assert engine.tables() == {t.name for t in schema.tables}
    for table in schema.tables:
        assert engine.columns(table.name) == [c.name for c in table.columns], table.name
        assert {i.name for i in table.indexes} <= engine.indexes(table.name), table.name


def test_ecommerce_template_runs(engine: Engine, ecommerce: DesignDocument) -> None:
    script = schema_ddl(ecommerce.schema, engine.dialect)
    engine.run(script.statements)
    _check_catalog(engine, ecommerce.schema)


def test_every_feature_runs(engine: Engine) -> None:
    schema = rich_schema()
    script = schema_ddl(schema, engine.dialect)
    engine.run(script.statements)
    _check_catalog(engine, schema)


def test_hostile_names_create_exactly_those_identifiers(engine: Engine) -> None:
    """Quotes, semicolons, comment markers, unicode and reserved words are names, never SQL."""
    schema = hostile_schema()
    script = schema_ddl(schema, engine.dialect)
    engine.run(script.statements)
    assert engine.tables() == set(HOSTILE_NAMES)
    _check_catalog(engine, schema)


@pytest.mark.slow
def test_large_generated_schema_runs(engine: Engine) -> None:
    schema = make_large_design().schema
    script = schema_ddl(schema, engine.dialect)
    engine.run(script.statements)
    assert engine.tables() == {t.name for t in schema.tables}
