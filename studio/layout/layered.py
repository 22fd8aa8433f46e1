"""A pure-Python layered layout, left to right, for when Graphviz is not installed.

The classic Sugiyama steps, each the simple well-studied variant that gets close to
``dot`` on architecture diagrams: cycles broken by reversing DFS back edges; longest-path
layering tightened by moving each node to the layer that shortens its edges (what dot's
network simplex optimises); long edges split by virtual nodes; median/barycentre sweeps
with adjacent transposition for the order, keeping each group contiguous in a layer; and
coordinates from an isotonic (order-preserving, least-squares) fit to neighbour positions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from studio.layout.crossings import count_crossings

Size = tuple[float, float]


@dataclass
class LayeredLayout:
    """Spacing of the drawing, in scene units."""

    layer_gap: float = 110.0
    node_gap: float = 44.0
    sweeps: int = 16
    #: node -> group key; members of one group stay next to each other within a layer.
    groups: Mapping[str, str] = field(default_factory=dict)


def _break_cycles(nodes: Sequence[str], succ: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Edges to reverse so the graph becomes acyclic (back edges of an iterative DFS)."""
    state: dict[str, int] = {}
    reversed_edges: set[tuple[str, str]] = set()
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                mark = state.get(child)
                if mark is None:
                    state[child] = 1
                    stack.append((child, iter(succ[child])))
                    break
                if mark == 1:
                    reversed_edges.add((node, child))
            else:
                state[node] = 2
                stack.pop()
    return reversed_edges


def _assign_layers(nodes: Sequence[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Layers of least total edge length (dot's objective), from the dual min-cost flow.

    The layering LP ``min sum(l[v] - l[u]) s.t. l[v] - l[u] >= 1`` is the dual of an
    uncapacitated min-cost flow, which networkx's network simplex solves; the layers are
    then the potentials that keep every edge with flow tight (Bellman-Ford).
    """
    import networkx as nx  # here: the window imports this module and may never lay out

    flow_graph = nx.DiGraph()
    flow_graph.add_nodes_from(nodes, demand=0)
    for a, b in edges:
        flow_graph.nodes[a]["demand"] -= 1
        flow_graph.nodes[b]["demand"] += 1
        flow_graph.add_edge(a, b, weight=-1)
    try:
        _, flow = nx.network_simplex(flow_graph)
    except (nx.NetworkXUnfeasible, nx.NetworkXUnbounded):
        return _longest_path_layers(nodes, edges)
    constraints = nx.DiGraph()
    constraints.add_nodes_from(nodes)
    source = object()
    constraints.add_edges_from((source, n, {"weight": 0}) for n in nodes)
    for a, b in edges:
        constraints.add_edge(b, a, weight=-1)
        if flow[a][b] > 0:
            constraints.add_edge(a, b, weight=1)
    try:
        dist = nx.single_source_bellman_ford_path_length(constraints, source)
    except nx.NetworkXUnbounded:
        return _longest_path_layers(nodes, edges)
    base = min(dist[n] for n in nodes)
    return {n: int(dist[n] - base) for n in nodes}


def _longest_path_layers(nodes: Sequence[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    import networkx as nx

    layer = {n: 0 for n in nodes}
    graph = nx.DiGraph(edges)
    graph.add_nodes_from(nodes)
    for node in nx.topological_sort(graph):
        for nxt in graph.successors(node):
            layer[nxt] = max(layer[nxt], layer[node] + 1)
    return layer


def _layer_crossings(upper: list[str], lower_pos: dict[str, int], down: dict[str, list[str]]) -> int:
    """Crossings between two adjacent layers: inversions of the lower ends (Fenwick tree)."""
    ends: list[int] = []
    for node in upper:
        targets = down[node]
        if len(targets) == 1:
            ends.append(lower_pos[targets[0]])
        elif targets:
            ends.extend(sorted(lower_pos[t] for t in targets))
    size = len(lower_pos) + 1
    tree = [0] * (size + 1)
    count = 0
    for seen, end in enumerate(ends):
        i, below = end + 1, 0  # how many earlier ends are <= this one
        while i > 0:
            below += tree[i]
            i -= i & -i
        count += seen - below
        i = end + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def _total_crossings(ranks: list[list[str]], down: dict[str, list[str]]) -> int:
    total = 0
    for upper, lower in zip(ranks, ranks[1:], strict=False):
        pos = {n: i for i, n in enumerate(lower)}
        total += _layer_crossings(upper, pos, down)
    return total


def _sort_layer(
    layer: list[str],
    fixed_pos: dict[str, int],
    nbrs: dict[str, list[str]],
    groups: Mapping[str, str],
    median: bool,
) -> list[str]:
    def bary(node: str, index: int) -> float:
        ps = sorted(fixed_pos[n] for n in nbrs[node] if n in fixed_pos)
        if not ps:
            return float(index)
        if not median:
            return sum(ps) / len(ps)
        mid = len(ps) // 2
        return float(ps[mid]) if len(ps) % 2 else (ps[mid - 1] + ps[mid]) / 2.0

    keys = {n: bary(n, i) for i, n in enumerate(layer)}
    group_key: dict[str, list[float]] = defaultdict(list)
    for n in layer:
        if n in groups:
            group_key[groups[n]].append(keys[n])

    def key(n: str) -> tuple[float, str, float]:
        # Members share (group mean, group name), so no other node can sort between them.
        g = groups.get(n)
        return (sum(group_key[g]) / len(group_key[g]), "g:" + g, keys[n]) if g else (keys[n], "", keys[n])

    return sorted(layer, key=key)


def _transpose(
    ranks: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]], groups: Mapping[str, str]
) -> None:
    """Swap neighbours in a layer while that removes crossings with both adjacent layers."""

    def pairs(xs: list[int], ys: list[int]) -> int:
        if len(xs) == 1 and len(ys) == 1:
            return 1 if xs[0] > ys[0] else 0
        return sum(1 for u in xs for v in ys if u > v)

    for _ in range(6):
        improved = False
        for r, layer in enumerate(ranks):
            pos_up = {n: i for i, n in enumerate(ranks[r - 1])} if r > 0 else {}
            pos_dn = {n: i for i, n in enumerate(ranks[r + 1])} if r + 1 < len(ranks) else {}
            ups = {n: [pos_up[m] for m in up[n]] for n in layer}
            dns = {n: [pos_dn[m] for m in down[n]] for n in layer}
            for i in range(len(layer) - 1):
                a, b = layer[i], layer[i + 1]
                if groups.get(a) != groups.get(b):
                    continue
                keep = pairs(ups[a], ups[b]) + pairs(dns[a], dns[b])
                swap = pairs(ups[b], ups[a]) + pairs(dns[b], dns[a])
                if swap < keep:
                    layer[i], layer[i + 1] = b, a
                    improved = True
        if not improved:
            return


def _isotonic(desired: list[float], sizes: list[float], gap: float) -> list[float]:
    """Centres closest (least squares) to ``desired`` that keep order and separation."""
    offsets = [0.0]
    for i in range(1, len(sizes)):
        offsets.append(offsets[-1] + (sizes[i - 1] + sizes[i]) / 2 + gap)
    z = [d - o for d, o in zip(desired, offsets, strict=True)]
    blocks: list[list[float]] = []  # [mean, weight, count]
    for value in z:
        blocks.append([value, 1.0, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2, c2 = blocks.pop()
            m1, w1, c1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    fitted: list[float] = []
    for mean, _, count in blocks:
        fitted.extend([mean] * int(count))
    return [f + o for f, o in zip(fitted, offsets, strict=True)]


def layered_positions(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    options: LayeredLayout | None = None,
) -> dict[str, tuple[float, float]]:
    """Centres of ``nodes`` laid out in layers from left to right."""
    opts = options or LayeredLayout()
    nodes = list(dict.fromkeys(nodes))
    unique = list(dict.fromkeys((a, b) for a, b in edges if a != b and a in sizes and b in sizes))
    succ: dict[str, list[str]] = defaultdict(list)
    for a, b in unique:
        succ[a].append(b)
    flipped = _break_cycles(nodes, succ)
    dag = list(dict.fromkeys((b, a) if (a, b) in flipped else (a, b) for a, b in unique))
    layer = _assign_layers(nodes, dag)

    # Virtual nodes split long edges so every edge joins adjacent layers.
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    all_layer = dict(layer)
    groups = dict(opts.groups)
    for k, (a, b) in enumerate(dag):
        prev = a
        for step in range(layer[a] + 1, layer[b]):
            virtual = f"\0{k}:{step}"
            all_layer[virtual] = step
            down[prev].append(virtual)
            up[virtual].append(prev)
            prev = virtual
        down[prev].append(b)
        up[b].append(prev)

    depth = max(all_layer.values(), default=-1) + 1
    size = {n: sizes.get(n, (0.0, 8.0)) for n in all_layer}
    edge_list = [(a, b) for a, b in unique]
    best: dict[str, tuple[float, float]] = {}
    best_cost = -1
    # Restarts, as dot does: two initial orders times two sort keys; the drawing with the
    # fewest crossings of the straight edges wins.
    for from_sinks in (False, True):
        initial = _initial_order(
            nodes[::-1] if from_sinks else nodes, all_layer, up if from_sinks else down, depth
        )
        for median in (True, False):
            ranks = _order([list(r) for r in initial], up, down, groups, opts.sweeps, median)
            centres = _coordinates(ranks, up, down, size, opts)
            placed = {n: centres[n] for n in nodes}
            cost = count_crossings(placed, edge_list)
            if best_cost < 0 or cost < best_cost:
                best, best_cost = placed, cost
            if best_cost == 0:
                return best
    return best


def _initial_order(
    nodes: Sequence[str], layer: dict[str, int], nbrs: dict[str, list[str]], depth: int
) -> list[list[str]]:
    """Depth-first from each node in document order, so chains start out together."""
    ranks: list[list[str]] = [[] for _ in range(depth)]
    seen: set[str] = set()
    for root in nodes:
        stack = [root]
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            ranks[layer[n]].append(n)
            stack.extend(reversed(nbrs[n]))
    for n in layer:  # virtual nodes not reached from a real one
        if n not in seen:
            ranks[layer[n]].append(n)
    return ranks


def _order(
    ranks: list[list[str]],
    up: dict[str, list[str]],
    down: dict[str, list[str]],
    groups: Mapping[str, str],
    sweeps: int,
    median: bool,
) -> list[list[str]]:
    # Only sorted orders compete: they are the ones that keep groups together.
    ranks = [_sort_layer(r, {}, up, groups, median) for r in ranks]
    best: list[list[str]] = []
    best_cost = -1
    for sweep in range(max(1, sweeps)):
        if sweep % 2 == 0:
            for r in range(1, len(ranks)):
                ranks[r] = _sort_layer(
                    ranks[r], {n: i for i, n in enumerate(ranks[r - 1])}, up, groups, median
                )
        else:
            for r in range(len(ranks) - 2, -1, -1):
                ranks[r] = _sort_layer(
                    ranks[r], {n: i for i, n in enumerate(ranks[r + 1])}, down, groups, median
                )
        cost = _total_crossings(ranks, down)
        if best_cost < 0 or cost < best_cost:
            best, best_cost = [list(r) for r in ranks], cost
        if best_cost == 0:
            break
    _transpose(best, up, down, groups)
    return best


def _coordinates(
    ranks: list[list[str]],
    up: dict[str, list[str]],
    down: dict[str, list[str]],
    size: Mapping[str, Size],
    opts: LayeredLayout,
) -> dict[str, tuple[float, float]]:
    """x: one column per layer as wide as its widest node; y: pulled towards neighbours."""
    xs: list[float] = []
    x = 0.0
    for rank in ranks:
        width = max((size[n][0] for n in rank), default=0.0)
        xs.append(x + width / 2)
        x += width + opts.layer_gap
    y: dict[str, float] = {}
    for rank in ranks:
        heights = [max(size[n][1], 8.0) for n in rank]
        y.update(zip(rank, _isotonic([0.0] * len(rank), heights, opts.node_gap), strict=True))
    for sweep in range(8):
        order = range(1, len(ranks)) if sweep % 2 == 0 else range(len(ranks) - 2, -1, -1)
        for r in order:
            rank = ranks[r]
            desired = []
            for n in rank:
                # dot's weights: a chain of virtual nodes pulls hardest, so long edges run straight.
                total = weight = 0.0
                for m in up[n] + down[n]:
                    w = 8.0 if n[0] == "\0" and m[0] == "\0" else 2.0 if n[0] == "\0" or m[0] == "\0" else 1.0
                    total += w * y[m]
                    weight += w
                desired.append(total / weight if weight else y[n])
            heights = [max(size[n][1], 8.0) for n in rank]
            y.update(zip(rank, _isotonic(desired, heights, opts.node_gap), strict=True))
    real = [n for n in y if n[0] != "\0"]
    top = min((y[n] - size[n][1] / 2 for n in real), default=0.0)
    return {n: (xs[r], y[n] - top) for r, rank in enumerate(ranks) for n in rank}
