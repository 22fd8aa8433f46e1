"""System and API rules: database sharing, synchronous call cycles, gateways and endpoints."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from studio.lint.findings import Severity
from studio.lint.registry import Hit, LintContext, rule
from studio.model import AuthLevel, ComponentKind, Endpoint, Path, Protocol

#: Calls whose caller waits for the answer (unless the connection is marked asynchronous).
SYNC_PROTOCOLS = frozenset({Protocol.REST, Protocol.GRAPHQL, Protocol.GRPC})
DB_PROTOCOLS = frozenset({Protocol.DB_READ, Protocol.DB_WRITE})
#: Components that run code of their own and so own data.
CODE_KINDS = frozenset({ComponentKind.SERVICE, ComponentKind.WORKER})
#: A cycle's label names at most this many components.
MAX_CYCLE_NAMES = 6
#: Components that may own an endpoint.
ENDPOINT_OWNER_KINDS = CODE_KINDS | {ComponentKind.API_GATEWAY, ComponentKind.EXTERNAL}


def _component_path(component_id: str) -> Path:
    return ("components", component_id)


def _endpoint_path(endpoint: Endpoint) -> Path:
    return ("api", "endpoints", endpoint.id)


def endpoint_label(endpoint: Endpoint) -> str:
    return f"{endpoint.method.value} {endpoint.path}"


def is_microservices(ctx: LintContext) -> bool:
    styles = (ctx.document.architecture.style, ctx.document.agent_config.architecture_style)
    return any("microservice" in s.lower() for s in styles)


@rule("system.shared-database", Severity.WARNING, "services sharing one database in a microservices design")
def shared_database(ctx: LintContext) -> Iterator[Hit]:
    if not is_microservices(ctx):
        return
    doc = ctx.document
    kinds = {c.id: c.kind for c in doc.components}
    users: dict[str, set[str]] = defaultdict(set)
    for conn in doc.connections:
        if conn.protocol not in DB_PROTOCOLS:
            continue
        for code, store in ((conn.source, conn.target), (conn.target, conn.source)):
            if kinds.get(code) in CODE_KINDS and kinds.get(store) == ComponentKind.DATABASE:
                users[store].add(code)
    for database in doc.components:
        sharing = sorted(users.get(database.id, ()), key=ctx.component_label)
        if len(sharing) > 1:
            names = ", ".join(ctx.component_label(s) for s in sharing)
            yield Hit(
                _component_path(database.id),
                database.name or database.id,
                f"shared by {len(sharing)} services ({names}); give each service its own database",
            )
    owner = {t.name: t.service for t in doc.schema.tables}
    for table in doc.schema.tables:
        for fk in table.foreign_keys:
            theirs = owner.get(fk.ref_table, "")
            if table.service and theirs and theirs != table.service:
                yield Hit(
                    ("schema", "tables", table.id, "foreign_keys", fk.id),
                    f"{table.name}.{fk.name or fk.id}",
                    f"{table.name!r} ({ctx.component_label(table.service)}) references {fk.ref_table!r} "
                    f"owned by {ctx.component_label(theirs)}: "
                    "a foreign key across services needs one shared database",
                )


@rule("system.sync-cycle", Severity.WARNING, "a cycle of synchronous calls between components")
def sync_cycles(ctx: LintContext) -> Iterator[Hit]:
    import networkx as nx  # here: importing the lint rules stays cheap for the window

    graph = nx.DiGraph()
    for conn in ctx.document.connections:
        if (
            conn.protocol in SYNC_PROTOCOLS
            and not conn.asynchronous
            and not graph.has_edge(conn.source, conn.target)
        ):
            graph.add_edge(conn.source, conn.target, connection=conn.id)
    # One finding per strongly connected component keeps this linear on large designs;
    # each starts at its first component in document order, so the output is stable.
    order = {c.id: n for n, c in enumerate(ctx.document.components)}
    cyclic = [
        sorted(members, key=lambda m: order.get(m, len(order)))
        for members in nx.strongly_connected_components(graph)
        if len(members) > 1 or any(graph.has_edge(m, m) for m in members)
    ]
    for members in sorted(cyclic, key=lambda ms: order.get(ms[0], len(order))):
        cycle = nx.find_cycle(graph.subgraph(members), source=members[0])
        names = [ctx.component_label(u) for u, _ in cycle]
        if len(names) > MAX_CYCLE_NAMES:  # the label names the element; the count says the rest
            names = [*names[: MAX_CYCLE_NAMES - 1], "\u2026"]
        names.append(ctx.component_label(cycle[0][0]))
        first = graph.edges[cycle[0]]["connection"]
        extra = f" ({len(members)} components call each other)" if len(members) > len(cycle) else ""
        yield Hit(
            ("connections", first),
            " -> ".join(names),
            f"synchronous call cycle{extra}: one slow service stalls all of them; make one call asynchronous",
        )


@rule("system.gateway-no-rate-limit", Severity.WARNING, "an API gateway with no rate limits defined")
def gateway_without_rate_limit(ctx: LintContext) -> Iterator[Hit]:
    if ctx.document.security.rate_limits:
        return
    for component in ctx.document.components:
        if component.kind == ComponentKind.API_GATEWAY:
            yield Hit(
                _component_path(component.id),
                component.name or component.id,
                "no rate limits in the security section; the gateway passes every burst to the services",
            )


def _looks_admin(endpoint: Endpoint) -> bool:
    segments = [s.lower() for s in endpoint.path.split("/") if s]
    return (
        any(s == "admin" or s.startswith("admin") for s in segments)
        or any(t.lower() == "admin" for t in endpoint.tags)
        or endpoint.rate_limit_class.lower() == "admin"
    )


@rule("api.admin-without-auth", Severity.ERROR, "an administrative endpoint open without authentication")
def admin_without_auth(ctx: LintContext) -> Iterator[Hit]:
    for endpoint in ctx.document.api.endpoints:
        if endpoint.auth == AuthLevel.PUBLIC and _looks_admin(endpoint):
            yield Hit(
                _endpoint_path(endpoint),
                endpoint_label(endpoint),
                "administrative endpoint is public; require admin authentication",
            )


@rule("api.endpoint-no-service", Severity.WARNING, "an endpoint that no service owns")
def endpoint_without_service(ctx: LintContext) -> Iterator[Hit]:
    for endpoint in ctx.document.api.endpoints:
        if not endpoint.service:
            yield Hit(_endpoint_path(endpoint), endpoint_label(endpoint), "no service owns this endpoint")


@rule(
    "api.unknown-service",
    Severity.ERROR,
    "an endpoint owned by a component that is missing or cannot serve it",
)
def endpoint_unknown_service(ctx: LintContext) -> Iterator[Hit]:
    for endpoint in ctx.document.api.endpoints:
        if not endpoint.service:
            continue
        owner = ctx.components.get(endpoint.service)
        if owner is None:
            yield Hit(
                _endpoint_path(endpoint),
                endpoint_label(endpoint),
                f"owning service {endpoint.service!r} is not in the design",
            )
        elif owner.kind not in ENDPOINT_OWNER_KINDS:
            yield Hit(
                _endpoint_path(endpoint),
                endpoint_label(endpoint),
                f"owned by {owner.name or owner.id!r}, a {owner.kind.value.replace('_', ' ')}, "
                "which serves no endpoints",
                Severity.WARNING,
            )


@rule(
    "api.unknown-rate-limit-class",
    Severity.WARNING,
    "an endpoint rate-limit class with no matching rate limit",
)
def unknown_rate_limit_class(ctx: LintContext) -> Iterator[Hit]:
    roles = {r.role.lower() for r in ctx.document.security.rate_limits}
    if not roles:
        return
    for endpoint in ctx.document.api.endpoints:
        wanted = endpoint.rate_limit_class.strip()
        if wanted and wanted.lower() not in roles:
            yield Hit(
                _endpoint_path(endpoint),
                endpoint_label(endpoint),
                f"rate-limit class {wanted!r} matches no rate limit (known: {', '.join(sorted(roles))})",
            )
