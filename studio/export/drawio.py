"""``system.drawio``: the system diagram as a diagrams.net file, with positions and groups.

Built with ElementTree, so XML escaping is the library's. Labels are plain text (no
``html=1`` in any style), so a name like ``<b>`` shows as typed instead of as markup.
Boundaries are containers: members are their children, at coordinates relative to them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from studio.export.membership import home_groups
from studio.export.text import strip_controls
from studio.layout.system import NODE_HEIGHT, NODE_WIDTH  # the canvas's node size
from studio.model import PROTOCOL_LABELS, ComponentKind, DesignDocument

FONT = "Noto Sans"

_STYLES: dict[ComponentKind, str] = {
    ComponentKind.DATABASE: "shape=cylinder3;boundedLbl=1;size=12;fillColor=#dae8fc;strokeColor=#6c8ebf;",
    ComponentKind.CACHE: "shape=cylinder3;boundedLbl=1;size=12;fillColor=#f8cecc;strokeColor=#b85450;",
    ComponentKind.SEARCH: "shape=cylinder3;boundedLbl=1;size=12;fillColor=#e1d5e7;strokeColor=#9673a6;",
    ComponentKind.OBJECT_STORAGE: "shape=folder;fillColor=#f5f5f5;strokeColor=#666666;",
    ComponentKind.QUEUE: "shape=process;fillColor=#fff2cc;strokeColor=#d6b656;",
    ComponentKind.CLIENT: "shape=ellipse;fillColor=#d5e8d4;strokeColor=#82b366;",
    ComponentKind.EXTERNAL: "rounded=1;dashed=1;fillColor=#f5f5f5;strokeColor=#666666;",
    ComponentKind.CDN: "shape=hexagon;perimeter=hexagonPerimeter2;fillColor=#f5f5f5;strokeColor=#666666;",
}
_DEFAULT_STYLE = "rounded=1;fillColor=#ffffff;strokeColor=#4a5568;"
_GROUP_STYLE = "swimlane;startSize=24;rounded=1;container=1;collapsible=0;fillColor=none;"


def _label(name: str, detail: str) -> str:
    name = strip_controls(name)
    detail = strip_controls(detail).strip()
    return f"{name}\n[{detail}]" if detail else name


def system_drawio(document: DesignDocument) -> str:
    root = ET.Element("mxfile", host="backend-architect-studio", type="device")
    diagram = ET.SubElement(root, "diagram", id="system", name="System")
    model = ET.SubElement(diagram, "mxGraphModel", grid="1", gridSize="10", guides="1", page="0")
    cells = ET.SubElement(model, "root")
    ET.SubElement(cells, "mxCell", id="0")
    ET.SubElement(cells, "mxCell", id="1", parent="0")
    group_cell = {g.id: f"g{n}" for n, g in enumerate(document.groups, start=1)}
    groups = {g.id: g for g in document.groups}
    for group in document.groups:
        style = _GROUP_STYLE + ("dashed=1;" if group.kind.value == "zone" else "") + f"fontFamily={FONT};"
        cell = ET.SubElement(
            cells,
            "mxCell",
            id=group_cell[group.id],
            value=strip_controls(group.name),
            style=style,
            vertex="1",
            parent="1",
        )
        ET.SubElement(
            cell,
            "mxGeometry",
            x=f"{group.x:g}",
            y=f"{group.y:g}",
            width=f"{max(group.width, 40):g}",
            height=f"{max(group.height, 40):g}",
            **{"as": "geometry"},
        )
    home = home_groups(document)
    node_cell = {c.id: f"c{n}" for n, c in enumerate(document.components, start=1)}
    for component in document.components:
        group_id = home.get(component.id)
        parent, dx, dy = "1", 0.0, 0.0
        if group_id is not None:
            parent, dx, dy = group_cell[group_id], groups[group_id].x, groups[group_id].y
        style = _STYLES.get(component.kind, _DEFAULT_STYLE) + f"whiteSpace=wrap;fontFamily={FONT};"
        cell = ET.SubElement(
            cells,
            "mxCell",
            id=node_cell[component.id],
            value=_label(component.name, component.technology),
            style=style,
            vertex="1",
            parent=parent,
        )
        if component.description:
            cell.set("tooltip", strip_controls(component.description))
        ET.SubElement(
            cell,
            "mxGeometry",
            x=f"{component.x - dx:g}",
            y=f"{component.y - dy:g}",
            width=f"{NODE_WIDTH:g}",
            height=f"{NODE_HEIGHT:g}",
            **{"as": "geometry"},
        )
    for n, connection in enumerate(document.connections, start=1):
        if connection.source not in node_cell or connection.target not in node_cell:
            continue
        dashed = connection.asynchronous or connection.protocol.value == "async_message"
        style = "endArrow=classic;html=0;rounded=1;" + ("dashed=1;" if dashed else "") + f"fontFamily={FONT};"
        label = connection.label.strip() or PROTOCOL_LABELS[connection.protocol]
        cell = ET.SubElement(
            cells,
            "mxCell",
            id=f"e{n}",
            value=strip_controls(label),
            style=style,
            edge="1",
            parent="1",
            source=node_cell[connection.source],
            target=node_cell[connection.target],
        )
        ET.SubElement(cell, "mxGeometry", relative="1", **{"as": "geometry"})
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
