"""Random sequences of edits: undo all gives back the original, redo all the end state.

Each step draws an edit kind, builds the operation from the design as it is at that moment
(as the window does) and applies it; after every step the networkx graph must mirror the
document. Starting from the e-commerce template gives every section something to edit.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.io.gallery import load_template
from studio.model import (
    AuthLevel,
    Batch,
    CacheLayer,
    Column,
    Component,
    ComponentKind,
    Connection,
    Decision,
    Design,
    Endpoint,
    Group,
    HttpMethod,
    Index,
    Milestone,
    Operation,
    PerformanceTarget,
    Protocol,
    RateLimit,
    ScalingPhase,
    Table,
    Task,
    leaves,
)

TEXT = st.text(max_size=12)
COORD = st.floats(min_value=-5000, max_value=5000, allow_nan=False, width=32)
Builder = Callable[[Design, st.DataObject, Callable[[str], str]], Operation | None]


def dump(design: Design) -> dict[str, Any]:
    return design.document.model_dump(mode="json", by_alias=True)


def assert_graph_consistent(design: Design) -> None:
    doc = design.document
    assert set(design.graph.nodes) == {c.id for c in doc.components}
    assert len(design.graph.nodes) == len(doc.components)
    edges = sorted(design.graph.edges(keys=True))
    assert edges == sorted((c.source, c.target, c.id) for c in doc.connections)


def assert_references_valid(design: Design) -> None:
    """Removing a component leaves no id of it anywhere (groups, phases, owners)."""
    doc = design.document
    ids = {c.id for c in doc.components} | {""}
    assert all(m in ids for g in doc.groups for m in g.members)
    assert all(m in ids for p in doc.scaling_phases for m in p.adds_components)
    assert all(t.service in ids for t in doc.schema_.tables)
    assert all(e.service in ids for e in doc.api.endpoints)


def _pick(data: st.DataObject, items: list[Any]) -> Any:
    return data.draw(st.sampled_from(items)) if items else None


def _index(data: st.DataObject, n: int) -> int:
    return data.draw(st.integers(0, n))


# -- builders: each returns an operation for the design as it is now, or None ---------------
def set_title(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation:
    return d.set_op(("overview", "title"), data.draw(TEXT))


def add_component(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation:
    comp = Component(
        id=new_id("cmp"),
        kind=data.draw(st.sampled_from(list(ComponentKind))),
        name=data.draw(TEXT),
        x=data.draw(COORD),
        y=data.draw(COORD),
    )
    return d.insert_op(("components",), comp, _index(data, len(d.document.components)))


def remove_components(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    ids = [c.id for c in d.document.components]
    if not ids:
        return None
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
    return d.remove_components_op(chosen)


def set_component_field(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    comp = _pick(data, d.document.components)
    if comp is None:
        return None
    field, value = data.draw(
        st.sampled_from(
            [
                ("name", TEXT),
                ("x", COORD),
                ("instances", st.integers(0, 50)),
                ("kind", st.sampled_from(list(ComponentKind))),
                ("tags", st.lists(TEXT, max_size=3)),
            ]
        ).flatmap(lambda fv: st.tuples(st.just(fv[0]), fv[1]))
    )
    return d.set_op(("components", comp.id, field), value)


def add_connection(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    ids = [c.id for c in d.document.components]
    if not ids:
        return None
    conn = Connection(
        id=new_id("con"),
        source=_pick(data, ids),
        target=_pick(data, ids),
        protocol=data.draw(st.sampled_from(list(Protocol))),
        label=data.draw(TEXT),
    )
    return d.insert_op(("connections",), conn, _index(data, len(d.document.connections)))


def reconnect(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    conn = _pick(data, d.document.connections)
    if conn is None:
        return None
    end = data.draw(st.sampled_from(["source", "target"]))
    return d.set_op(("connections", conn.id, end), _pick(data, [c.id for c in d.document.components]))


def remove_connection(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    conn = _pick(data, d.document.connections)
    return None if conn is None else d.remove_op(("connections", conn.id))


def move_item(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    lists: list[tuple[str, ...]] = [
        ("components",),
        ("connections",),
        ("groups",),
        ("schema", "tables"),
        ("api", "endpoints"),
        ("decisions",),
    ]
    lists += [("schema", "tables", t.id, "columns") for t in d.document.schema_.tables[:3]]
    path = data.draw(st.sampled_from(lists))
    n = len(d.get(path))
    if n == 0:
        return None
    return d.move_op(path, _index(data, n - 1), _index(data, n - 1))


def add_group(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation:
    ids = [c.id for c in d.document.components]
    members = data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True)) if ids else []
    return d.insert_op(("groups",), Group(id=new_id("grp"), name=data.draw(TEXT), members=members))


def set_group_members(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    group = _pick(data, d.document.groups)
    ids = [c.id for c in d.document.components]
    if group is None or not ids:
        return None
    return d.set_op(
        ("groups", group.id, "members"), data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
    )


def add_table(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation:
    cols = [
        Column(
            id=new_id("col"),
            name=data.draw(TEXT) or "c",
            type=data.draw(st.sampled_from(["INT", "TEXT", "UUID"])),
        )
        for _ in range(data.draw(st.integers(0, 3)))
    ]
    service = _pick(data, [c.id for c in d.document.components]) or ""
    table = Table(id=new_id("tbl"), name=data.draw(TEXT) or "t", service=service, columns=cols)
    return d.insert_op(("schema", "tables"), table, _index(data, len(d.document.schema_.tables)))


def remove_table(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    table = _pick(data, d.document.schema_.tables)
    return None if table is None else d.remove_op(("schema", "tables", table.id))


def edit_columns(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    table = _pick(data, d.document.schema_.tables)
    if table is None:
        return None
    path = ("schema", "tables", table.id, "columns")
    choice = data.draw(st.sampled_from(["add", "remove", "remove_many", "type", "nullable", "index"]))
    if choice == "add":
        column = {"id": new_id("col"), "name": data.draw(TEXT) or "c", "type": "TEXT"}  # a dict is validated
        return d.insert_op(path, column, _index(data, len(table.columns)))
    if choice == "index":
        names = [c.name for c in table.columns] or ["id"]
        index = Index(
            id=new_id("idx"),
            name=data.draw(TEXT) or "i",
            columns=[_pick(data, names)],
            unique=data.draw(st.booleans()),
        )
        return d.insert_op(("schema", "tables", table.id, "indexes"), index)
    column = _pick(data, table.columns)
    if column is None:
        return None
    if choice == "remove":
        return d.remove_op((*path, column.id))
    if choice == "remove_many":
        ids = data.draw(st.lists(st.sampled_from([c.id for c in table.columns]), min_size=1, unique=True))
        return d.remove_items_op(path, ids)
    if choice == "type":
        return d.set_op(
            (*path, column.id, "type"), data.draw(st.sampled_from(["BIGINT", "VARCHAR(80)", "JSONB"]))
        )
    return d.set_op((*path, column.id, "nullable"), data.draw(st.booleans()))


def edit_endpoints(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    services = [c.id for c in d.document.components] + [""]
    endpoint = _pick(data, d.document.api.endpoints)
    if endpoint is None or data.draw(st.booleans()):
        ep = Endpoint(
            id=new_id("ep"),
            method=data.draw(st.sampled_from(list(HttpMethod))),
            path="/" + data.draw(TEXT),
            service=_pick(data, services),
            auth=data.draw(st.sampled_from(list(AuthLevel))),
        )
        return d.insert_op(("api", "endpoints"), ep, _index(data, len(d.document.api.endpoints)))
    if data.draw(st.booleans()):
        return d.remove_op(("api", "endpoints", endpoint.id))
    return d.set_op(("api", "endpoints", endpoint.id, "service"), _pick(data, services))


def add_section_item(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation:
    kind = data.draw(st.sampled_from(["cache", "phase", "rate", "milestone", "decision", "target"]))
    ids = [c.id for c in d.document.components]
    if kind == "cache":
        return d.insert_op(("caching", "layers"), CacheLayer(id=new_id("cache"), name=data.draw(TEXT)))
    if kind == "phase":
        adds = data.draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else []
        return d.insert_op(
            ("scaling_phases",), ScalingPhase(id=new_id("ph"), name=data.draw(TEXT), adds_components=adds)
        )
    if kind == "rate":
        return d.insert_op(
            ("security", "rate_limits"), RateLimit(id=new_id("rl"), role=data.draw(TEXT), requests=10)
        )
    if kind == "milestone":
        tasks = [Task(id=new_id("task"), title=data.draw(TEXT))]
        return d.insert_op(("roadmap",), Milestone(id=new_id("ms"), name=data.draw(TEXT), tasks=tasks), 0)
    if kind == "decision":
        return d.insert_op(("decisions",), Decision(id=new_id("dec"), title=data.draw(TEXT)))
    return d.insert_op(
        ("performance_targets",), PerformanceTarget(id=new_id("pt"), metric=data.draw(TEXT), target="1")
    )


#: Builders whose operations never disturb each other, so several built now form one batch.
INDEPENDENT: list[Builder] = [set_title, add_component, set_component_field, add_table, add_section_item]


def batch(d: Design, data: st.DataObject, new_id: Callable[[str], str]) -> Operation | None:
    builders = data.draw(st.lists(st.sampled_from(INDEPENDENT), min_size=1, max_size=3))
    ops = [op for b in builders if (op := b(d, data, new_id)) is not None]
    # Two edits of one field in a batch would each record the same old value.
    paths = [op.path for op in ops if hasattr(op, "old")]
    if len(paths) != len(set(paths)):
        return None
    return Batch(tuple(ops), "Several edits")


BUILDERS: list[Builder] = [
    set_title,
    add_component,
    remove_components,
    set_component_field,
    add_connection,
    reconnect,
    remove_connection,
    move_item,
    add_group,
    set_group_members,
    add_table,
    remove_table,
    edit_columns,
    edit_endpoints,
    add_section_item,
    batch,
]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.data())
def test_undo_all_restores_the_original_and_redo_all_the_end_state(data: st.DataObject) -> None:
    design = Design(load_template("ecommerce"))
    counter = itertools.count()

    def new_id(prefix: str) -> str:
        return f"{prefix}-h{next(counter)}"

    events: list[Operation] = []
    design.subscribe(events.append)
    original = dump(design)
    applied: list[Operation] = []
    for _ in range(data.draw(st.integers(1, 20), label="steps")):
        builder = data.draw(st.sampled_from(BUILDERS), label="edit")
        op = builder(design, data, new_id)
        if op is None:
            continue
        before = len(events)
        design.apply(op)
        assert events[before:] == leaves(op)
        applied.append(op)
        assert_graph_consistent(design)
        assert_references_valid(design)
    end = dump(design)

    for op in reversed(applied):
        design.apply(op.inverse())
        assert_graph_consistent(design)
    assert dump(design) == original

    for op in applied:
        design.apply(op)
    assert dump(design) == end
    assert_graph_consistent(design)
    # The live graph equals the one a freshly loaded copy of the document builds.
    fresh = Design(design.document.model_copy(deep=True))
    assert sorted(fresh.graph.edges(keys=True)) == sorted(design.graph.edges(keys=True))
