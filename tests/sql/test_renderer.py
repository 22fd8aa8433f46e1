"""The live preview's renderer: same text as a full render, re-rendering only what an edit touches."""

from __future__ import annotations

from studio.model import Column, Design, DesignDocument
from studio.sql import render as render_module
from studio.sql.ddl import DdlRenderer, schema_ddl, touched_tables


def _count_renders(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    rendered: list[str] = []
    original = render_module.render_table

    def counting(table, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(table.name)
        return original(table, *args, **kwargs)

    monkeypatch.setattr("studio.sql.ddl.render_table", counting)
    return rendered


def test_edit_rerenders_only_the_touched_table_and_its_referrers(
    monkeypatch, ecommerce: DesignDocument
) -> None:  # type: ignore[no-untyped-def]
    design = Design(ecommerce)
    renderer = DdlRenderer(lambda: design.document.schema, "postgres")
    design.subscribe(renderer.apply)
    rendered = _count_renders(monkeypatch)
    renderer.full_script()
    assert len(rendered) == len(ecommerce.schema.tables)
    rendered.clear()
    design.apply(
        design.set_op(
            ("schema", "tables", "tbl-orders", "columns", "col-orders-status", "type"), "VARCHAR(80)"
        )
    )
    text = renderer.full_script()
    assert rendered == ["orders"]
    assert '"status" VARCHAR(80)' in text
    assert text == schema_ddl(design.document.schema, "postgres").text
    rendered.clear()
    # users is referenced by orders: renaming its key column changes whether orders' FK holds
    design.apply(
        design.set_op(("schema", "tables", "tbl-users", "columns", "col-users-id", "name"), "user_id")
    )
    text = renderer.full_script()
    assert sorted(rendered) == ["orders", "users"]
    assert "fk_orders_user" not in text.split("-- Conversion notes")[-1].split("\n\n", 1)[1]
    assert text == schema_ddl(design.document.schema, "postgres").text


def test_dialect_switch_and_back_reuses_the_cache(monkeypatch, ecommerce: DesignDocument) -> None:  # type: ignore[no-untyped-def]
    design = Design(ecommerce)
    renderer = DdlRenderer(lambda: design.document.schema, "postgres")
    expected = {d: schema_ddl(ecommerce.schema, d).text for d in ("postgres", "mysql")}
    rendered = _count_renders(monkeypatch)
    renderer.full_script()
    renderer.dialect = "mysql"
    assert renderer.full_script() == expected["mysql"]
    rendered.clear()
    renderer.dialect = "postgres"
    assert renderer.full_script() == expected["postgres"]
    assert rendered == []


def test_added_table_and_undo(ecommerce: DesignDocument) -> None:
    design = Design(ecommerce)
    renderer = DdlRenderer(lambda: design.document.schema, "sqlite")
    design.subscribe(renderer.apply)
    renderer.full_script()
    table = ecommerce.schema.tables[0].model_copy(
        update={"id": "tbl-new", "name": "new_table", "foreign_keys": [], "indexes": []}
    )
    op = design.insert_op(("schema", "tables"), table)
    design.apply(op)
    assert 'CREATE TABLE "new_table"' in renderer.full_script()
    design.apply(op.inverse())
    assert "new_table" not in renderer.full_script()
    assert renderer.table_statements("tbl-users")[0].startswith('CREATE TABLE "users"')
    assert renderer.table_statements("missing") == []


def test_touched_tables() -> None:
    design = Design(DesignDocument())
    op = design.insert_op(
        ("schema", "tables"),
        {"id": "t", "name": "t", "columns": [Column(id="c", name="c", type="INT").model_dump()]},
    )
    assert touched_tables(op) == set()
    assert touched_tables(design.set_op(("overview", "title"), "x")) == set()
