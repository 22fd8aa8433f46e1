"""System and API rules on designs built in code and on the gallery templates."""

from __future__ import annotations

from studio.lint import Severity, lint_design
from studio.model import (
    Api,
    Architecture,
    AuthLevel,
    Component,
    ComponentKind,
    Connection,
    DesignDocument,
    Endpoint,
    ForeignKey,
    Protocol,
    RateLimit,
    Schema,
    Security,
)

from .conftest import col, table


def _components(*specs: tuple[str, ComponentKind]) -> list[Component]:
    return [Component(id=i, kind=k, name=i.title()) for i, k in specs]


def _conn(
    cid: str, a: str, b: str, protocol: Protocol = Protocol.REST, asynchronous: bool = False
) -> Connection:
    return Connection(id=cid, source=a, target=b, protocol=protocol, asynchronous=asynchronous)


def rule_findings(document: DesignDocument, rule_id: str):  # type: ignore[no-untyped-def]
    return [f for f in lint_design(document) if f.rule_id == rule_id]


def test_shared_database_in_microservices() -> None:
    comps = _components(
        ("users", ComponentKind.SERVICE), ("orders", ComponentKind.SERVICE), ("db", ComponentKind.DATABASE)
    )
    conns = [_conn("c1", "users", "db", Protocol.DB_WRITE), _conn("c2", "orders", "db", Protocol.DB_READ)]
    doc = DesignDocument(
        architecture=Architecture(style="microservices"), components=comps, connections=conns
    )
    [finding] = rule_findings(doc, "system.shared-database")
    assert finding.element_path == ("components", "db")
    assert "Orders, Users" in finding.message
    doc.architecture.style = "modular-monolith"
    assert rule_findings(doc, "system.shared-database") == []


def test_foreign_key_across_services_in_microservices() -> None:
    comps = _components(("users", ComponentKind.SERVICE), ("orders", ComponentKind.SERVICE))
    users = table("users", col("id", primary_key=True), service="users")
    orders = table(
        "orders",
        col("id", primary_key=True),
        col("user_id"),
        service="orders",
        fks=[ForeignKey(id="fk", columns=["user_id"], ref_table="users", ref_columns=["id"])],
    )
    doc = DesignDocument(
        architecture=Architecture(style="microservices"),
        components=comps,
        schema=Schema(tables=[users, orders]),
    )
    [finding] = rule_findings(doc, "system.shared-database")
    assert finding.element_path == ("schema", "tables", "tbl-orders", "foreign_keys", "fk")


def test_cycle_of_synchronous_calls() -> None:
    comps = _components(
        ("a", ComponentKind.SERVICE), ("b", ComponentKind.SERVICE), ("c", ComponentKind.SERVICE)
    )
    conns = [_conn("ab", "a", "b"), _conn("bc", "b", "c", Protocol.GRPC), _conn("ca", "c", "a")]
    doc = DesignDocument(components=comps, connections=conns)
    [finding] = rule_findings(doc, "system.sync-cycle")
    assert finding.element_path[0] == "connections"
    assert finding.element_label.count("->") == 3
    doc.connections[2] = _conn("ca", "c", "a", Protocol.ASYNC_MESSAGE, asynchronous=True)
    assert rule_findings(doc, "system.sync-cycle") == []


def test_asynchronous_flag_breaks_a_cycle() -> None:
    comps = _components(("a", ComponentKind.SERVICE), ("b", ComponentKind.SERVICE))
    doc = DesignDocument(
        components=comps, connections=[_conn("ab", "a", "b"), _conn("ba", "b", "a", asynchronous=True)]
    )
    assert rule_findings(doc, "system.sync-cycle") == []


def test_gateway_without_rate_limits() -> None:
    doc = DesignDocument(components=_components(("gw", ComponentKind.API_GATEWAY)))
    [finding] = rule_findings(doc, "system.gateway-no-rate-limit")
    assert finding.element_label == "Gw"
    doc.security = Security(rate_limits=[RateLimit(id="r", role="anonymous", requests=100)])
    assert rule_findings(doc, "system.gateway-no-rate-limit") == []


def test_admin_endpoint_without_authentication() -> None:
    doc = DesignDocument(
        components=_components(("svc", ComponentKind.SERVICE)),
        api=Api(
            endpoints=[
                Endpoint(id="e1", path="/admin/users", auth=AuthLevel.PUBLIC, service="svc"),
                Endpoint(id="e2", path="/admin/users", auth=AuthLevel.ADMIN, service="svc"),
                Endpoint(id="e3", path="/products", auth=AuthLevel.PUBLIC, service="svc"),
                Endpoint(id="e4", path="/reports", auth=AuthLevel.PUBLIC, service="svc", tags=["admin"]),
            ]
        ),
    )
    found = rule_findings(doc, "api.admin-without-auth")
    assert [f.element_path[-1] for f in found] == ["e1", "e4"]
    assert found[0].element_label == "GET /admin/users"
    assert all(f.is_error for f in found)


def test_endpoint_owners() -> None:
    doc = DesignDocument(
        components=_components(("svc", ComponentKind.SERVICE), ("db", ComponentKind.DATABASE)),
        api=Api(
            endpoints=[
                Endpoint(id="none", path="/a"),
                Endpoint(id="ghost", path="/b", service="cmp-gone"),
                Endpoint(id="db", path="/c", service="db"),
                Endpoint(id="ok", path="/d", service="svc"),
            ]
        ),
    )
    assert [f.element_path[-1] for f in rule_findings(doc, "api.endpoint-no-service")] == ["none"]
    unknown = {f.element_path[-1]: f.severity for f in rule_findings(doc, "api.unknown-service")}
    assert unknown == {"ghost": Severity.ERROR, "db": Severity.WARNING}


def test_ecommerce_template_has_no_errors(ecommerce: DesignDocument) -> None:
    """The template's two findings are real and documented: users.email is UNIQUE, so
    idx_email duplicates its index; idx_user_id is the prefix of idx_orders_user_status
    (both indexes come from the reference document's DDL)."""
    findings = lint_design(ecommerce, "postgres")
    assert not any(f.is_error for f in findings)
    assert sorted((f.rule_id, f.element_label) for f in findings) == [
        ("schema.redundant-index", "orders.idx_user_id"),
        ("schema.redundant-index", "users.idx_email"),
    ]


def test_migration_template_findings() -> None:
    from studio.io.gallery import load_template

    findings = lint_design(load_template("migration"), "postgres")
    assert not any(f.is_error for f in findings)
    # The migration template keeps a database per service, so no shared-database finding.
    assert "system.shared-database" not in {f.rule_id for f in findings}


def test_cycle_report_is_stable_and_short() -> None:
    """The cycle starts at its first component in document order, and long ones are cut."""
    ids = [f"s{n}" for n in range(9)]
    comps = _components(*((i, ComponentKind.SERVICE) for i in ids))
    conns = [_conn(f"c{n}", ids[n], ids[(n + 1) % 9]) for n in range(9)]
    [finding] = rule_findings(DesignDocument(components=comps, connections=conns[::-1]), "system.sync-cycle")
    assert finding.element_label == "S0 -> S1 -> S2 -> S3 -> S4 -> \u2026 -> S0"
    assert finding.element_path == ("connections", "c0")
