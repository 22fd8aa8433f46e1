"""Import, then DDL, then import again gives the same model, for each dialect."""

from __future__ import annotations

import pytest

from benchmarks.large_design import make_large_design
from studio.model import Schema
from studio.sql.ddl import schema_ddl
from studio.sql.dialects import DIALECTS
from studio.sql.importer import import_sql
from tests.sql.schemas import hostile_schema, rich_schema


def _round_trip(schema: Schema, dialect: str) -> None:
    first = import_sql(schema_ddl(schema, dialect).text, dialect)
    assert first.warnings == []
    second = import_sql(schema_ddl(first.schema(), dialect).text, dialect)
    assert second.warnings == []
    assert second.schema() == first.schema()


@pytest.mark.parametrize("dialect", list(DIALECTS))
def test_round_trip_of_every_feature(dialect: str) -> None:
    _round_trip(rich_schema(), dialect)


@pytest.mark.parametrize("dialect", list(DIALECTS))
def test_round_trip_of_hostile_names(dialect: str) -> None:
    _round_trip(hostile_schema(), dialect)


@pytest.mark.parametrize("dialect", list(DIALECTS))
def test_round_trip_of_ecommerce(dialect: str, ecommerce) -> None:  # type: ignore[no-untyped-def]
    _round_trip(ecommerce.schema, dialect)


@pytest.mark.slow
@pytest.mark.parametrize("dialect", ["postgres", "mysql", "sqlite"])
def test_round_trip_of_the_large_schema(dialect: str) -> None:
    _round_trip(make_large_design().schema, dialect)


def test_postgres_import_reproduces_the_model_exactly() -> None:
    """PostgreSQL has every feature: the import of its DDL is the model itself, ids aside."""
    schema = rich_schema()
    imported = import_sql(schema_ddl(schema, "postgres").text, "postgres").schema()

    def shape(s: Schema) -> list[object]:
        return [
            (
                t.name,
                t.comment,
                [(c.name, c.type.upper(), c.nullable, c.primary_key, c.unique, c.comment) for c in t.columns],
                sorted((i.name, tuple(i.columns), i.unique, i.method) for i in t.indexes),
                sorted(
                    (f.name, tuple(f.columns), f.ref_table, tuple(f.ref_columns), f.on_delete)
                    for f in t.foreign_keys
                ),
                [k.name for k in t.checks],
            )
            for t in s.tables
        ]

    assert shape(imported) == shape(schema)
    assert [(e.name, e.values) for e in imported.enums] == [(e.name, e.values) for e in schema.enums]
