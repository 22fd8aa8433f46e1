"""Graphviz ``dot`` as a layout engine, where the binary is installed.

Nodes are passed to dot as ``n0, n1, ...`` so no user text ever reaches the DOT source;
groups become clusters. Any failure (no binary, timeout, bad output) returns None and the
caller falls back to the pure-Python engine.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence

from studio.layout.layered import LayeredLayout, Size

TIMEOUT_S = 20.0


def dot_available() -> bool:
    return shutil.which("dot") is not None


def dot_source(
    nodes: Sequence[str], edges: Sequence[tuple[str, str]], sizes: Mapping[str, Size], options: LayeredLayout
) -> tuple[str, list[str]]:
    """The DOT text of the graph, and the node order that maps ``n<i>`` back to ids."""
    order = list(dict.fromkeys(nodes))
    index = {n: i for i, n in enumerate(order)}
    lines = [
        "digraph G {",
        f"  rankdir=LR; ranksep={options.layer_gap / 72:.3f}; nodesep={options.node_gap / 72:.3f};",
        "  node [shape=box, fixedsize=true];",
    ]
    clusters: dict[str, list[str]] = {}
    for n in order:
        group = options.groups.get(n)
        if group is not None:
            clusters.setdefault(group, []).append(n)
    for k, members in enumerate(clusters.values()):
        lines.append(f"  subgraph cluster_{k} {{ " + " ".join(f"n{index[m]};" for m in members) + " }")
    for n in order:
        w, h = sizes.get(n, (1.0, 1.0))
        lines.append(f"  n{index[n]} [width={w / 72:.3f}, height={h / 72:.3f}];")
    for a, b in dict.fromkeys(edges):
        if a in index and b in index and a != b:
            lines.append(f"  n{index[a]} -> n{index[b]};")
    lines.append("}")
    return "\n".join(lines), order


def dot_positions(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    options: LayeredLayout | None = None,
) -> dict[str, tuple[float, float]] | None:
    """Node centres from ``dot`` (y pointing down), or None where dot cannot run."""
    exe = shutil.which("dot")
    if exe is None or not nodes:
        return None
    source, order = dot_source(nodes, edges, sizes, options or LayeredLayout())
    try:
        done = subprocess.run(
            [exe, "-Tjson0"], input=source.encode(), capture_output=True, timeout=TIMEOUT_S, check=True
        )
        data = json.loads(done.stdout)
        top = float(data["bb"].split(",")[3])
        centres: dict[str, tuple[float, float]] = {}
        for obj in data.get("objects", []):
            name = obj.get("name", "")
            if name.startswith("n") and name[1:].isdigit() and "pos" in obj:
                x, y = (float(v) for v in obj["pos"].split(","))
                centres[order[int(name[1:])]] = (x, top - y)
    except (OSError, subprocess.SubprocessError, ValueError, KeyError, IndexError):
        return None
    return centres if len(centres) == len(order) else None
