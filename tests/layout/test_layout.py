"""The layered auto-layout: left to right, no overlaps, groups together, pinned kept."""

from __future__ import annotations

import random
import shutil
from collections import defaultdict

import pytest

from studio.layout import LayeredLayout, count_crossings, layered_positions, layout_system
from studio.layout import graphviz as gv
from studio.layout.system import NODE_HEIGHT, NODE_WIDTH
from studio.model import Component, Connection, DesignDocument, Group

SIZE = (NODE_WIDTH, NODE_HEIGHT)


def _random_graph(n: int, extra: int, seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(n)]
    edges = [(nodes[rng.randrange(max(0, i - 8), i)], nodes[i]) for i in range(1, n)]
    edges += [tuple(rng.sample(nodes, 2)) for _ in range(extra)]  # type: ignore[misc]
    return nodes, edges


def _no_overlap(centres: dict[str, tuple[float, float]]) -> bool:
    items = list(centres.values())
    return all(
        abs(a[0] - b[0]) >= NODE_WIDTH or abs(a[1] - b[1]) >= NODE_HEIGHT
        for i, a in enumerate(items)
        for b in items[i + 1 :]
    )


def test_count_crossings() -> None:
    square = {"a": (0.0, 0.0), "b": (10.0, 10.0), "c": (0.0, 10.0), "d": (10.0, 0.0)}
    assert count_crossings(square, [("a", "b"), ("c", "d")]) == 1
    assert count_crossings(square, [("a", "b"), ("a", "d")]) == 0  # shared end
    assert count_crossings(square, [("a", "d"), ("c", "b")]) == 0  # parallel


def test_chain_runs_left_to_right_on_one_line() -> None:
    pos = layered_positions(["a", "b", "c"], [("a", "b"), ("b", "c")], {k: SIZE for k in "abc"})
    assert pos["a"][0] < pos["b"][0] < pos["c"][0]
    assert pos["a"][1] == pos["b"][1] == pos["c"][1]


def test_acyclic_edges_point_right_and_nodes_never_overlap() -> None:
    nodes, edges = _random_graph(60, 0, seed=4)
    pos = layered_positions(nodes, edges, {n: SIZE for n in nodes})
    assert all(pos[b][0] > pos[a][0] for a, b in edges)
    assert _no_overlap(pos)
    assert pos == layered_positions(nodes, edges, {n: SIZE for n in nodes})  # deterministic


def test_cycles_and_self_loops_are_laid_out() -> None:
    nodes = ["a", "b", "c", "d"]
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "d"), ("a", "b")]
    pos = layered_positions(nodes, edges, {n: SIZE for n in nodes})
    assert set(pos) == set(nodes) and _no_overlap(pos)


def test_group_members_stay_together_in_each_layer() -> None:
    nodes, edges = _random_graph(40, 10, seed=9)
    groups = {n: ("g1" if i % 3 == 0 else "g2") for i, n in enumerate(nodes) if i % 3 != 2}
    pos = layered_positions(nodes, edges, {n: SIZE for n in nodes}, LayeredLayout(groups=groups))
    columns: dict[float, list[str]] = defaultdict(list)
    for n, (x, _y) in sorted(pos.items(), key=lambda kv: kv[1][1]):
        columns[x].append(groups.get(n, f"free-{n}"))
    for labels in columns.values():
        runs = [g for k, g in enumerate(labels) if k == 0 or labels[k - 1] != g]
        assert len(runs) == len(set(runs)), labels


def _document() -> DesignDocument:
    comps = [Component(id=f"c{i}", name=f"C{i}", x=1000.0 + 37 * i, y=500.0) for i in range(8)]
    comps[3] = comps[3].model_copy(update={"pinned": True, "x": 40.0, "y": 40.0})
    conns = [Connection(id=f"e{i}", source=f"c{i}", target=f"c{i + 1}") for i in range(7)]
    conns.append(Connection(id="e9", source="c0", target="c5"))
    return DesignDocument(
        components=comps, connections=conns, groups=[Group(id="g", name="G", members=["c1", "c2"])]
    )


@pytest.mark.parametrize("engine", ["layered", "dot"])
def test_layout_system_keeps_pinned_and_frames_groups(engine: str) -> None:
    if engine == "dot" and shutil.which("dot") is None:
        pytest.skip("Graphviz dot is not installed")
    doc = _document()
    result = layout_system(doc, engine=engine)  # type: ignore[arg-type]
    assert result.engine == engine
    assert "c3" not in result.positions  # pinned: left where it is
    where = {**result.positions, "c3": (40.0, 40.0)}
    assert _no_overlap({k: (x + NODE_WIDTH / 2, y + NODE_HEIGHT / 2) for k, (x, y) in where.items()})
    frame = result.groups["g"]
    for member in ("c1", "c2"):
        x, y = where[member]
        assert frame.x < x and x + NODE_WIDTH < frame.x + frame.width
        assert frame.y < y and y + NODE_HEIGHT < frame.y + frame.height
    assert where["c0"][0] < where["c1"][0] < where["c2"][0]


def test_layout_falls_back_without_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gv.shutil, "which", lambda name: None)
    result = layout_system(_document(), engine="auto")
    assert result.engine == "layered" and len(result.positions) == 7


def test_dot_source_never_holds_user_text() -> None:
    nodes = ['x"; evil -> owned; "', "b"]
    source, order = gv.dot_source(
        nodes, [(nodes[0], "b")], {n: SIZE for n in nodes}, LayeredLayout(groups={"b": 'g"'})
    )
    assert "evil" not in source and 'g"' not in source
    assert order == nodes and "n0 -> n1;" in source


def test_empty_design() -> None:
    assert layout_system(DesignDocument()).positions == {}
