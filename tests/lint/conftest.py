"""Small designs built in code, each breaking one rule."""

from __future__ import annotations

import pytest

from studio.model import Column, DesignDocument, ForeignKey, Index, Schema, Table


def table(
    name: str,
    *columns: Column,
    indexes: list[Index] | None = None,
    fks: list[ForeignKey] | None = None,
    service: str = "",
) -> Table:
    return Table(
        id=f"tbl-{name}",
        name=name,
        columns=list(columns),
        indexes=indexes or [],
        foreign_keys=fks or [],
        service=service,
    )


def col(name: str, type_: str = "INTEGER", **kw: object) -> Column:
    return Column(id=f"col-{name}", name=name, type=type_, **kw)  # type: ignore[arg-type]


@pytest.fixture
def shop() -> DesignDocument:
    """Two clean tables: customers and orders referencing them through an indexed FK."""
    customers = table(
        "customers",
        col("id", "BIGINT", primary_key=True, nullable=False),
        col("email", "VARCHAR(255)", unique=True),
    )
    orders = table(
        "orders",
        col("id", "BIGINT", primary_key=True, nullable=False),
        col("customer_id", "BIGINT"),
        indexes=[Index(id="idx-orders-customer", name="idx_orders_customer", columns=["customer_id"])],
        fks=[
            ForeignKey(
                id="fk-orders-customer",
                name="fk_orders_customer",
                columns=["customer_id"],
                ref_table="customers",
                ref_columns=["id"],
            )
        ],
    )
    return DesignDocument(schema=Schema(tables=[customers, orders]))
