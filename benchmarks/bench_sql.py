"""DDL generation and SQL import on the large design (500 tables, 1,000 indexes, 500 FKs).

``ddl_full_vs_sqlalchemy`` divides the full PostgreSQL DDL time by the time SQLAlchemy's
``CreateTable`` + ``CreateIndex`` compile takes for the same schema, built in the same run
(target below 1). ``ddl_renderer_edit_large_ms`` is the domain half of the preview's
budget: one column edit, then the renderer's full script (the dock adds its widget update).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from benchmarks import SkipBenchmark
from benchmarks.large_design import make_large_design


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _cold_ddl(schema: object, dialect: str) -> object:
    """The full script with the process-wide column cache emptied first: a cold render."""
    from studio.sql import render
    from studio.sql.ddl import schema_ddl

    render._COLUMNS.clear()  # noqa: SLF001 - the benchmark measures the cold path on purpose
    return schema_ddl(schema, dialect)  # type: ignore[arg-type]


def ddl_full_large_ms() -> float:
    """Median ms for the complete PostgreSQL script of the 500 tables, from a cold cache."""
    schema = make_large_design().schema
    return _median_ms(lambda: _cold_ddl(schema, "postgres"), repeat=7)


def _sqlalchemy_compile(schema: object) -> Callable[[], list[str]]:
    """The same schema as SQLAlchemy tables; returns the compile step to time."""
    try:
        import sqlalchemy as sa
        from sqlalchemy.dialects import postgresql
        from sqlalchemy.schema import AddConstraint, CreateIndex, CreateTable
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise SkipBenchmark(f"sqlalchemy is not installed ({exc})") from exc
    from studio.model import Schema

    assert isinstance(schema, Schema)
    types: dict[str, Callable[[], object]] = {
        "INTEGER": sa.Integer,
        "BIGINT": sa.BigInteger,
        "VARCHAR(255)": lambda: sa.String(255),
        "TEXT": sa.Text,
        "BOOLEAN": sa.Boolean,
        "TIMESTAMP": sa.DateTime,
        "DECIMAL(12, 2)": lambda: sa.Numeric(12, 2),
        "UUID": sa.Uuid,
        "DATE": sa.Date,
    }
    metadata = sa.MetaData()
    tables = []
    for t in schema.tables:
        columns = [
            sa.Column(
                c.name,
                types[c.type](),
                primary_key=c.primary_key,
                nullable=c.nullable,  # type: ignore[call-overload]
                autoincrement=False,
            )
            for c in t.columns
        ]
        fks = [
            sa.ForeignKeyConstraint(
                fk.columns, [f"{fk.ref_table}.{r}" for r in fk.ref_columns], name=fk.name, use_alter=True
            )
            for fk in t.foreign_keys
        ]
        table = sa.Table(t.name, metadata, *columns, *fks)
        for index in t.indexes:
            sa.Index(index.name, *[table.c[name] for name in index.columns])
        tables.append(table)
    dialect = postgresql.dialect()

    def compile_all() -> list[str]:
        out = []
        for table in tables:
            out.append(str(CreateTable(table).compile(dialect=dialect)))
            out.extend(str(CreateIndex(i).compile(dialect=dialect)) for i in table.indexes)
        for table in tables:
            out.extend(
                str(AddConstraint(fk).compile(dialect=dialect)) for fk in table.foreign_key_constraints
            )
        return out

    return compile_all


def ddl_full_vs_sqlalchemy() -> float:
    """Our full PostgreSQL DDL time / SQLAlchemy's compile time of the same schema (target < 1)."""
    schema = make_large_design().schema
    compile_all = _sqlalchemy_compile(schema)
    ratios = []
    for _ in range(7):  # interleaved, so a busy moment of the machine hits both sides alike
        start = time.perf_counter()
        _cold_ddl(schema, "postgres")
        ours = time.perf_counter() - start
        start = time.perf_counter()
        compile_all()
        theirs = time.perf_counter() - start
        ratios.append(ours / theirs)
    return statistics.median(ratios)


def ddl_renderer_edit_large_ms() -> float:
    """Median ms from one column edit to the renderer's updated full script (PostgreSQL)."""
    from studio.model import Design
    from studio.sql.ddl import DdlRenderer

    design = Design(make_large_design())
    renderer = DdlRenderer(lambda: design.document.schema, "postgres")
    renderer.full_script()
    design.subscribe(renderer.apply)
    counter = iter(range(10**6))

    def edit() -> None:
        n = next(counter)
        t = (n * 37) % 500
        design.apply(
            design.set_op(
                ("schema", "tables", f"tbl-{t:03d}", "columns", f"col-{t}-3", "type"),
                f"VARCHAR({20 + n % 200})",
            )
        )
        renderer.full_script()

    return _median_ms(edit, repeat=40)


def sql_import_large_ms() -> float:
    """Median ms to import the large schema's PostgreSQL DDL (2,000 statements)."""
    from studio.sql.ddl import schema_ddl
    from studio.sql.importer import import_sql

    text = schema_ddl(make_large_design().schema, "postgres").text
    return _median_ms(lambda: import_sql(text, "postgres"), repeat=5)


BENCHMARKS: dict[str, Callable[[], float]] = {
    "ddl_full_large_ms": ddl_full_large_ms,
    "ddl_full_vs_sqlalchemy": ddl_full_vs_sqlalchemy,
    "ddl_renderer_edit_large_ms": ddl_renderer_edit_large_ms,
    "sql_import_large_ms": sql_import_large_ms,
}
