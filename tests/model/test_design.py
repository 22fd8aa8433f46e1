"""The live model's guarantees, one at a time: exact inverses, atomic batches, a consistent graph."""

from __future__ import annotations

import math

import pytest

from studio.model import (
    Batch,
    Column,
    Component,
    Connection,
    Design,
    DesignDocument,
    InsertItem,
    ModelError,
    MoveItem,
    Operation,
    RemoveItem,
    SetField,
    Table,
    describe,
)


def dump(design: Design) -> str:
    return design.document.model_dump_json(by_alias=True)


def test_removing_a_component_takes_connections_and_references_and_undo_restores_them(
    ecommerce_design: Design,
) -> None:
    design = ecommerce_design
    before = dump(design)
    doomed = {"cmp-app", "cmp-orders"}  # in groups and phases; owners of tables and endpoints
    doc = design.document
    assert any(t.service in doomed for t in doc.schema_.tables) and any(
        e.service in doomed for e in doc.api.endpoints
    )
    assert any(doomed & set(p.adds_components) for p in doc.scaling_phases)
    op = design.remove_components_op(doomed)
    design.apply(op)
    assert not doomed & set(design.graph) and not doomed & {c.id for c in doc.components}
    assert not any({c.source, c.target} & doomed for c in doc.connections)
    assert not any(doomed & set(g.members) for g in doc.groups)
    assert not any(doomed & set(p.adds_components) for p in doc.scaling_phases)
    assert not any(t.service in doomed for t in doc.schema_.tables)
    assert not any(e.service in doomed for e in doc.api.endpoints)
    design.apply(op.inverse())
    assert dump(design) == before
    assert sorted(design.graph.edges(keys=True)) == sorted(
        (c.source, c.target, c.id) for c in doc.connections
    )


def test_a_failing_batch_changes_nothing_and_emits_nothing(ecommerce_design: Design) -> None:
    design = ecommerce_design
    events: list[Operation] = []
    design.subscribe(events.append)
    before, revision, edges = dump(design), design.revision, sorted(design.graph.edges(keys=True))
    good = design.insert_op(("components",), Component(id="cmp-new", name="New"))
    title = design.set_op(("overview", "title"), "Changed")
    bad = InsertItem(("connections",), 0, Connection(id="con-x", source="cmp-new", target="cmp-missing"))
    with pytest.raises(ModelError, match="cmp-missing"):
        design.apply(Batch((title, good, bad)))
    assert dump(design) == before
    assert design.revision == revision and events == []
    assert sorted(design.graph.edges(keys=True)) == edges and "cmp-new" not in design.graph


def test_reconnecting_moves_the_graph_edge_and_refuses_a_missing_component(ecommerce_design: Design) -> None:
    design = ecommerce_design
    conn = design.document.connections[0]
    other = next(c.id for c in design.document.components if c.id not in (conn.source, conn.target))
    op = design.set_op(("connections", conn.id, "target"), other)
    design.apply(op)
    assert design.graph.has_edge(conn.source, other, key=conn.id)
    assert not design.graph.has_edge(conn.source, conn.target, key=conn.id) or conn.target == other
    with pytest.raises(ModelError, match="no component"):
        design.apply(design.set_op(("connections", conn.id, "source"), "cmp-nowhere"))
    assert design.connection(conn.id).source == conn.source
    design.apply(op.inverse())
    assert design.graph.has_edge(conn.source, conn.target, key=conn.id)


def test_ids_never_change(ecommerce_design: Design) -> None:
    with pytest.raises(ModelError, match="ids never change"):
        ecommerce_design.apply(SetField(("components", "cmp-app", "id"), "cmp-app", "cmp-other"))
    assert "cmp-app" in ecommerce_design.graph


def test_a_stale_removal_is_refused_instead_of_undoing_to_the_wrong_place(ecommerce_design: Design) -> None:
    design = ecommerce_design
    tables = design.document.schema_.tables
    first, third = (
        design.remove_op(("schema", "tables", tables[0].id)),
        design.remove_op(("schema", "tables", tables[2].id)),
    )
    # Both were built before either was applied: after the first, the third table moved up.
    with pytest.raises(ModelError, match="stale edit"):
        design.apply(Batch((first, third)))
    ids = [tables[0].id, tables[2].id]
    before = dump(design)
    op = design.remove_items_op(("schema", "tables"), ids)
    design.apply(op)
    assert not {t.id for t in design.document.schema_.tables} & set(ids)
    design.apply(op.inverse())
    assert dump(design) == before


def test_inserted_items_are_validated_and_copied(ecommerce_design: Design) -> None:
    design = ecommerce_design
    table = design.document.schema_.tables[0]
    path = ("schema", "tables", table.id, "columns")
    op = design.insert_op(path, {"id": "col-new", "name": "note", "type": "TEXT"}, 1)
    assert isinstance(op.item, Column)
    design.apply(op)
    assert design.get((*path, "col-new")).type == "TEXT"
    op.item.type = "INT"  # the op's value is private: changing it later must not reach the document
    assert design.get((*path, "col-new")).type == "TEXT"
    with pytest.raises(ModelError):
        design.apply(InsertItem(path, 0, Component(id="cmp-z")))
    with pytest.raises(ModelError, match="type"):  # built without complaint, refused when applied
        design.apply(design.insert_op(path, {"id": "col-bad", "name": "x"}))
    with pytest.raises(ModelError, match="duplicate id"):
        design.apply(InsertItem(path, 0, Column(id="col-new", name="x", type="INT")))
    with pytest.raises(ModelError, match="duplicate id"):
        twin = Table(id="tbl-twin", name="twin", columns=[Column(id="c", name="a", type="INT")] * 2)
        design.apply(design.insert_op(("schema", "tables"), twin))


def test_replacing_the_component_list_keeps_the_graph_or_is_refused(ecommerce_design: Design) -> None:
    design = ecommerce_design
    before = dump(design)
    with pytest.raises(ModelError, match="no component"):
        design.apply(design.set_op(("components",), []))
    assert dump(design) == before and len(design.graph) == len(design.document.components)
    connections = design.document.connections
    design.apply(design.set_op(("connections",), []))
    assert design.graph.number_of_edges() == 0
    design.apply(SetField(("connections",), [], connections))
    assert dump(design) == before


def test_wrong_values_are_refused_and_change_nothing(ecommerce_design: Design) -> None:
    design = ecommerce_design
    before = dump(design)
    for path, value in [
        (("components", "cmp-app", "x"), math.nan),
        (("components", "cmp-app", "instances"), -1),
        (("components", "cmp-app", "kind"), "spaceship"),
        (("overview", "nope"), 1),
        (("components", "cmp-nope", "name"), "x"),
    ]:
        with pytest.raises(ModelError):
            design.apply(SetField(path, None, value))
    with pytest.raises(ModelError, match="out of range"):
        design.apply(MoveItem(("components",), 0, 99))
    with pytest.raises(ModelError):
        design.apply(RemoveItem(("components",), 0, design.document.components[0]))  # still connected
    assert dump(design) == before


def test_a_document_with_a_dangling_connection_or_duplicate_ids_is_refused() -> None:
    comps = [Component(id="a"), Component(id="b")]
    with pytest.raises(ModelError, match=r"connections\[0\].target: no component 'c'"):
        Design(DesignDocument(components=comps, connections=[Connection(id="x", source="a", target="c")]))
    with pytest.raises(ModelError, match=r"components\[1\].id: duplicate id 'a'"):
        Design(DesignDocument(components=[Component(id="a"), Component(id="a")]))


def test_move_and_its_inverse_keep_order(ecommerce_design: Design) -> None:
    design = ecommerce_design
    before = [c.id for c in design.document.components]
    op = design.move_op(("components",), 0, len(before) - 1)
    design.apply(op)
    assert [c.id for c in design.document.components] == before[1:] + before[:1]
    design.apply(op.inverse())
    assert [c.id for c in design.document.components] == before


def test_listeners_hear_each_leaf_and_a_broken_listener_does_not_break_the_model(
    ecommerce_design: Design,
) -> None:
    design = ecommerce_design
    heard: list[Operation] = []

    def broken(op: Operation) -> None:
        raise RuntimeError("view bug")

    design.subscribe(broken)
    unsubscribe = design.subscribe(heard.append)
    op = design.remove_op(("components", "cmp-app"))
    design.apply(op)
    assert heard == list(op.ops)
    unsubscribe()
    design.apply(op.inverse())
    assert len(heard) == len(op.ops)


def test_describe_gives_undo_history_text(ecommerce_design: Design) -> None:
    design = ecommerce_design
    assert describe(design.set_op(("components", "cmp-app", "name"), "x")) == "Change name"
    assert describe(design.remove_op(("components", "cmp-app"))) == "Delete component"
    assert describe(design.insert_op(("decisions",), {"id": "d", "title": "t"})) == "Add decision"
