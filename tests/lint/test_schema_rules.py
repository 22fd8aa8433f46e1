"""Each schema rule fires on the design that breaks it and stays quiet on a clean one."""

from __future__ import annotations

from studio.lint import Severity, lint_design
from studio.model import DesignDocument, EnumType, Index


def ids(document: DesignDocument, dialect: str | None = "postgres") -> list[str]:
    return [f.rule_id for f in lint_design(document, dialect)]


def orders(doc: DesignDocument):  # type: ignore[no-untyped-def]
    return doc.schema.tables[1]


def test_clean_schema_has_no_findings(shop: DesignDocument) -> None:
    assert lint_design(shop, "postgres") == []


def test_table_without_primary_key(shop: DesignDocument) -> None:
    shop.schema.tables[0].columns[0].primary_key = False
    [finding] = [f for f in lint_design(shop, None) if f.rule_id == "schema.no-primary-key"]
    assert finding.element_path == ("schema", "tables", "tbl-customers")
    assert finding.element_label == "customers"
    assert finding.severity is Severity.WARNING


def test_fk_to_missing_table_is_an_error(shop: DesignDocument) -> None:
    orders(shop).foreign_keys[0].ref_table = "clients"
    [finding] = [f for f in lint_design(shop) if f.rule_id == "schema.fk-missing-table"]
    assert finding.is_error
    assert "'clients'" in finding.message
    assert finding.element_path == ("schema", "tables", "tbl-orders", "foreign_keys", "fk-orders-customer")


def test_fk_to_missing_column(shop: DesignDocument) -> None:
    orders(shop).foreign_keys[0].ref_columns = ["uuid"]
    found = [f for f in lint_design(shop) if f.rule_id == "schema.fk-missing-column"]
    assert [f.message for f in found] == ["references customers.uuid, which does not exist"]


def test_fk_column_count_mismatch(shop: DesignDocument) -> None:
    orders(shop).foreign_keys[0].ref_columns = ["id", "email"]
    assert "schema.fk-missing-column" in ids(shop)


def test_fk_type_differs_from_referenced_key(shop: DesignDocument) -> None:
    orders(shop).columns[1].type = "UUID"
    [finding] = [f for f in lint_design(shop) if f.rule_id == "schema.fk-type-mismatch"]
    assert finding.is_error
    assert finding.element_label == "orders.customer_id"
    assert "UUID" in finding.message and "BIGINT" in finding.message


def test_fk_type_spellings_of_the_same_type_agree(shop: DesignDocument) -> None:
    shop.schema.tables[0].columns[0].type = "bigserial"
    orders(shop).columns[1].type = "int8"
    assert "schema.fk-type-mismatch" not in ids(shop)


def test_fk_type_length_difference_is_only_a_warning(shop: DesignDocument) -> None:
    shop.schema.tables[0].columns[1].type = "VARCHAR(100)"
    orders(shop).columns[1].type = "VARCHAR(255)"
    orders(shop).foreign_keys[0].ref_columns = ["email"]
    [finding] = [f for f in lint_design(shop) if f.rule_id == "schema.fk-type-mismatch"]
    assert finding.severity is Severity.WARNING


def test_fk_target_must_be_a_key(shop: DesignDocument) -> None:
    shop.schema.tables[0].columns[1].unique = False
    orders(shop).columns[1].type = "VARCHAR(255)"
    orders(shop).foreign_keys[0].ref_columns = ["email"]
    assert "schema.fk-target-not-key" in ids(shop)


def test_fk_not_leading_any_index(shop: DesignDocument) -> None:
    orders(shop).indexes = [Index(id="i", name="idx_mixed", columns=["id", "customer_id"])]
    [finding] = [f for f in lint_design(shop) if f.rule_id == "schema.fk-not-indexed"]
    assert "(customer_id)" in finding.message


def test_partial_index_does_not_cover_a_fk(shop: DesignDocument) -> None:
    orders(shop).indexes[0].where = "customer_id IS NOT NULL"
    assert "schema.fk-not-indexed" in ids(shop)


def test_duplicate_and_redundant_indexes(shop: DesignDocument) -> None:
    orders(shop).indexes += [
        Index(id="dup", name="idx_dup", columns=["customer_id"]),
        Index(id="wide", name="idx_wide", columns=["customer_id", "id"]),
        Index(id="pk", name="idx_pk", columns=["id"]),
    ]
    found = {f.element_label: f.message for f in lint_design(shop) if f.rule_id == "schema.redundant-index"}
    assert set(found) == {"orders.idx_dup", "orders.idx_orders_customer", "orders.idx_pk"}
    assert "same columns as index 'idx_orders_customer'" in found["orders.idx_dup"]
    assert "the primary key" in found["orders.idx_pk"]


def test_partial_index_is_not_redundant(shop: DesignDocument) -> None:
    orders(shop).indexes.append(Index(id="p", name="idx_partial", columns=["customer_id"], where="id > 0"))
    assert "schema.redundant-index" not in ids(shop)


def test_index_on_missing_column(shop: DesignDocument) -> None:
    orders(shop).indexes[0].columns = ["customer"]
    assert "schema.unknown-column" in ids(shop)


def test_reserved_name_depends_on_dialect(shop: DesignDocument) -> None:
    shop.schema.tables[0].name = "user"
    orders(shop).foreign_keys[0].ref_table = "user"
    assert "schema.reserved-name" in ids(shop, "postgres")
    assert "schema.reserved-name" not in ids(shop, None)


def test_type_the_dialect_lacks(shop: DesignDocument) -> None:
    shop.schema.tables[0].columns[1].type = "JSONB"
    found = [f for f in lint_design(shop, "sqlite") if f.rule_id == "schema.unknown-type"]
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "schema.unknown-type" not in ids(shop, "postgres")


def test_type_no_dialect_has_is_an_error(shop: DesignDocument) -> None:
    shop.schema.tables[0].columns[1].type = "STRINGY"
    [finding] = [f for f in lint_design(shop, "postgres") if f.rule_id == "schema.unknown-type"]
    assert finding.is_error


def test_enum_names_are_known_types(shop: DesignDocument) -> None:
    shop.schema.enums.append(EnumType(id="e", name="order_status", values=["new", "paid"]))
    shop.schema.tables[0].columns[1].type = "order_status"
    assert "schema.unknown-type" not in ids(shop)


def test_duplicate_names(shop: DesignDocument) -> None:
    orders(shop).columns[1].name = "ID"
    shop.schema.tables[0].indexes.append(Index(id="x", name="idx_orders_customer", columns=["email"]))
    messages = [f.message for f in lint_design(shop) if f.rule_id == "schema.duplicate-name"]
    assert any("column name used twice" in m for m in messages)
    assert any("index name also used" in m for m in messages)


def test_errors_come_first(shop: DesignDocument) -> None:
    shop.schema.tables[0].columns[0].primary_key = False
    orders(shop).foreign_keys[0].ref_table = "nowhere"
    severities = [f.severity.rank for f in lint_design(shop)]
    assert severities == sorted(severities)
