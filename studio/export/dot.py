"""``system.dot``: the system diagram for Graphviz, boundaries as clusters.

DOT's quoted strings take ``\\"`` and ``\\\\``; a user's newline becomes the centred
line break ``\\n``. Node names are generated, so no user string is ever an identifier.
Each node carries its canvas position (``pos``, points, y up) for ``neato -n``.
"""

from __future__ import annotations

from studio.export.membership import members_by_group
from studio.export.text import numbered_ids, strip_controls
from studio.model import PROTOCOL_LABELS, Component, ComponentKind, DesignDocument

FONT = "Noto Sans, Noto Sans CJK JP, Noto Color Emoji, sans-serif"


def quoted(value: str) -> str:
    """A DOT double-quoted string (escString): backslashes, quotes, line breaks escaped."""
    body = strip_controls(value).replace("\\", "\\\\").replace('"', '\\"')
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n").replace("\t", " ")
    return f'"{body}"'


_SHAPES: dict[ComponentKind, str] = {
    ComponentKind.DATABASE: "cylinder",
    ComponentKind.CACHE: "cylinder",
    ComponentKind.OBJECT_STORAGE: "folder",
    ComponentKind.SEARCH: "cylinder",
    ComponentKind.QUEUE: "cds",
    ComponentKind.CLIENT: "oval",
    ComponentKind.EXTERNAL: "box3d",
    ComponentKind.CDN: "hexagon",
    ComponentKind.LOAD_BALANCER: "trapezium",
    ComponentKind.API_GATEWAY: "trapezium",
}


def _node(component: Component, name: str, indent: str) -> str:
    label = component.name or "unnamed"
    if component.technology.strip():
        label += f"\n[{component.technology}]"
    attrs = [
        f"label={quoted(label)}",
        f"shape={_SHAPES.get(component.kind, 'box')}",
        f'pos="{component.x:.0f},{-component.y:.0f}"',
    ]
    if component.description:
        attrs.append(f"tooltip={quoted(component.description)}")
    return f"{indent}{name} [{', '.join(attrs)}];"


def system_dot(document: DesignDocument) -> str:
    node = numbered_ids("c", [c.id for c in document.components])
    inside, loose = members_by_group(document)
    lines = [
        "digraph system {",
        f"  graph [label={quoted(document.overview.title)}, labelloc=t, rankdir=LR, "
        f"fontname={quoted(FONT)}];",
        f'  node [style="rounded,filled", fillcolor="#f7fafc", color="#4a5568", fontname={quoted(FONT)}];',
        f'  edge [color="#4a5568", fontname={quoted(FONT)}, fontsize=10];',
    ]
    for n, group in enumerate(document.groups, start=1):
        if not inside[group.id]:
            continue
        style = "dashed" if group.kind.value == "zone" else "rounded"
        lines.append(f"  subgraph cluster_{n} {{")
        lines.append(f'    label={quoted(group.name or "Group")}; style="{style}";')
        lines.extend(_node(c, node[c.id], "    ") for c in inside[group.id])
        lines.append("  }")
    lines.extend(_node(c, node[c.id], "  ") for c in loose)
    for connection in document.connections:
        if connection.source not in node or connection.target not in node:
            continue
        label = connection.label.strip() or PROTOCOL_LABELS[connection.protocol]
        attrs = [f"label={quoted(label)}"]
        if connection.asynchronous or connection.protocol.value == "async_message":
            attrs.append("style=dashed")
        lines.append(f"  {node[connection.source]} -> {node[connection.target]} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
