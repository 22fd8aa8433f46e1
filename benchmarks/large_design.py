"""A large, deterministic design for benchmarks: the size DESIGN.md's targets are set for.

1,000 components, 3,000 connections, 500 tables of about 10 columns with 2 indexes and
1 foreign key each, and 300 endpoints. The same seed always gives the same design.
"""

from __future__ import annotations

import random

from studio.model import (
    Api,
    AuthLevel,
    Column,
    Component,
    ComponentKind,
    Connection,
    DesignDocument,
    Endpoint,
    ForeignKey,
    HttpMethod,
    Index,
    Overview,
    Payload,
    Protocol,
    Schema,
    Table,
)

TYPES = ["INTEGER", "BIGINT", "VARCHAR(255)", "TEXT", "BOOLEAN", "TIMESTAMP", "DECIMAL(12, 2)", "UUID", "DATE"]


def make_large_design(
    components: int = 1000, connections: int = 3000, tables: int = 500, endpoints: int = 300, seed: int = 7
) -> DesignDocument:
    rng = random.Random(seed)
    kinds = list(ComponentKind)
    comps = [
        Component(
            id=f"cmp-{i:04d}",
            kind=kinds[i % len(kinds)],
            name=f"{kinds[i % len(kinds)].value.replace('_', ' ').title()} {i}",
            technology=rng.choice(["Go", "Java", "Node.js", "PostgreSQL", "Redis", "Kafka", "Python"]),
            x=float((i % 40) * 220),
            y=float((i // 40) * 140),
        )
        for i in range(components)
    ]
    protocols = list(Protocol)
    conns = []
    for j in range(connections):
        a = rng.randrange(components)
        b = (a + 1 + rng.randrange(components - 1)) % components
        conns.append(
            Connection(
                id=f"con-{j:04d}", source=comps[a].id, target=comps[b].id,
                protocol=protocols[j % len(protocols)], label=f"call {j}" if j % 3 == 0 else "",
            )
        )
    services = [c.id for c in comps if c.kind == ComponentKind.SERVICE]
    tbls = []
    for t in range(tables):
        name = f"table_{t:03d}"
        cols = [Column(id=f"col-{t}-0", name="id", type="BIGINT", nullable=False, primary_key=True)]
        cols += [
            Column(id=f"col-{t}-{k}", name=f"field_{k}", type=rng.choice(TYPES), nullable=bool(k % 2))
            for k in range(1, 9)
        ]
        cols.append(Column(id=f"col-{t}-9", name="parent_id", type="BIGINT"))
        parent = f"table_{(t * 7 + 3) % tables:03d}"
        tbls.append(
            Table(
                id=f"tbl-{t:03d}", name=name, service=services[t % len(services)],
                columns=cols,
                indexes=[
                    Index(id=f"idx-{t}-a", name=f"idx_{name}_parent", columns=["parent_id"]),
                    Index(id=f"idx-{t}-b", name=f"idx_{name}_f1_f2", columns=["field_1", "field_2"]),
                ],
                foreign_keys=[
                    ForeignKey(id=f"fk-{t}", name=f"fk_{name}_parent", columns=["parent_id"], ref_table=parent, ref_columns=["id"])
                ],
            )
        )
    methods = [HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE]
    eps = [
        Endpoint(
            id=f"ep-{e:03d}", method=methods[e % 4], path=f"/resource-{e // 4}" + ("/{id}" if e % 4 else ""),
            summary=f"Operation {e}", service=services[e % len(services)],
            auth=AuthLevel.ADMIN if e % 4 == 3 else AuthLevel.USER,
            response=Payload(table=tbls[e % tables].name),
        )
        for e in range(endpoints)
    ]
    return DesignDocument(
        overview=Overview(title="Large generated design", summary="Benchmark design.", users_at_launch=1_000_000, users_target=10_000_000),
        components=comps, connections=conns, schema=Schema(tables=tbls), api=Api(endpoints=eps),
    )
