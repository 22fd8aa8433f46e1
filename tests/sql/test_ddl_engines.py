"""Generated DDL runs on the real engines, every statement succeeding."""

from __future__ import annotations

import pytest

from benchmarks.large_design import make_large_design
from studio.model import DesignDocument
from studio.sql.ddl import schema_ddl
from tests.sql.engines import Engine


def test_ecommerce_template_runs(engine: Engine, ecommerce: DesignDocument) -> None:
    script = schema_ddl(ecommerce.schema, engine.dialect)
    engine.run(script.statements)
    assert {t.name for t in ecommerce.schema.tables} <= engine.tables()
    for table in ecommerce.schema.tables:
        assert engine.columns(table.name) == [c.name for c in table.columns]
        names = engine.indexes(table.name)
        assert {i.name for i in table.indexes} <= names


@pytest.mark.slow
def test_large_generated_schema_runs(engine: Engine) -> None:
    schema = make_large_design().schema
    script = schema_ddl(schema, engine.dialect)
    engine.run(script.statements)
    assert engine.tables() >= {t.name for t in schema.tables}
