"""Mermaid text: the system flowchart, a C4 container diagram and the ER diagram.

Mermaid decodes ``#code;`` entities in every diagram type before it parses, so every
ASCII character that could mean something to Mermaid, to HTML (labels are HTML) or to the
Markdown a ``.mmd`` block is embedded in becomes ``#<decimal>;``. Identifiers are
generated (``c1``, ``g1``, ``t1``), never taken from the design.
"""

from __future__ import annotations

import re

from studio.export.membership import members_by_group
from studio.export.text import numbered_ids, one_line, strip_controls
from studio.model import (
    PROTOCOL_LABELS,
    ComponentKind,
    Connection,
    DesignDocument,
    Table,
)

_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:-_/'()+=?!@*")


def text(value: str) -> str:
    """A Mermaid string body (inside double quotes): one line, entity-encoded."""
    out = []
    for ch in one_line(strip_controls(value)):
        out.append(ch if ch in _SAFE_ASCII or ord(ch) > 127 else f"#{ord(ch)};")
    return "".join(out)


def quoted(value: str) -> str:
    return f'"{text(value)}"'


_SHAPES: dict[ComponentKind, tuple[str, str]] = {
    ComponentKind.CLIENT: ("([", "])"),
    ComponentKind.CDN: ("{{", "}}"),
    ComponentKind.LOAD_BALANCER: ("[/", "\\]"),
    ComponentKind.API_GATEWAY: ("[/", "\\]"),
    ComponentKind.DATABASE: ("[(", ")]"),
    ComponentKind.CACHE: ("[(", ")]"),
    ComponentKind.OBJECT_STORAGE: ("[(", ")]"),
    ComponentKind.SEARCH: ("[(", ")]"),
    ComponentKind.QUEUE: ("[[", "]]"),
    ComponentKind.EXTERNAL: ("{{", "}}"),
}


def _node_label(name: str, technology: str) -> str:
    label = text(name) or "unnamed"
    return f"{label}<br/><i>{text(technology)}</i>" if technology.strip() else label


def _edge_label(connection: Connection) -> str:
    parts = [connection.label.strip() or "", PROTOCOL_LABELS[connection.protocol]]
    return " · ".join(p for p in parts if p)


def _is_async(connection: Connection) -> bool:
    return connection.asynchronous or connection.protocol.value == "async_message"


def system_flowchart(document: DesignDocument) -> str:
    """``system.mmd``: components as shaped nodes, boundaries as subgraphs."""
    node = numbered_ids("c", [c.id for c in document.components])
    group_ids = numbered_ids("g", [g.id for g in document.groups])
    inside, loose = members_by_group(document)
    lines = ["---", f"title: {quoted(document.overview.title)}", "---", "flowchart LR"]

    def node_line(component, indent: str) -> str:  # type: ignore[no-untyped-def]
        left, right = _SHAPES.get(component.kind, ("[", "]"))
        label = _node_label(component.name, component.technology)
        return f'{indent}{node[component.id]}{left}"{label}"{right}:::{component.kind.value}'

    for group in document.groups:
        members = inside[group.id]
        if not members:
            continue
        lines.append(f"    subgraph {group_ids[group.id]}[{quoted(group.name or 'Group')}]")
        lines.extend(node_line(c, "        ") for c in members)
        lines.append("    end")
    lines.extend(node_line(c, "    ") for c in loose)
    for connection in document.connections:
        if connection.source not in node or connection.target not in node:
            continue
        arrow = "-.->" if _is_async(connection) else "-->"
        label = _edge_label(connection)
        middle = f"{arrow}|{quoted(label)}|" if label else arrow
        lines.append(f"    {node[connection.source]} {middle} {node[connection.target]}")
    lines.extend(
        [
            "    classDef database fill:#e8f1fb,stroke:#2b6cb0",
            "    classDef cache fill:#fdeeee,stroke:#c53030",
            "    classDef queue fill:#fdf5e6,stroke:#b7791f",
            "    classDef client fill:#eef7ee,stroke:#2f855a",
            "    classDef external fill:#f2f2f2,stroke:#718096,stroke-dasharray:4 3",
        ]
    )
    used = {c.kind.value for c in document.components}
    lines = [ln for ln in lines if not ln.startswith("    classDef ") or ln.split()[1] in used]
    return "\n".join(lines) + "\n"


_C4_MACROS: dict[ComponentKind, str] = {
    ComponentKind.CLIENT: "Person",
    ComponentKind.EXTERNAL: "System_Ext",
    ComponentKind.DATABASE: "ContainerDb",
    ComponentKind.CACHE: "ContainerDb",
    ComponentKind.OBJECT_STORAGE: "ContainerDb",
    ComponentKind.SEARCH: "ContainerDb",
    ComponentKind.QUEUE: "ContainerQueue",
}


def c4_container(document: DesignDocument) -> str:
    """``c4-container.mmd``: Mermaid's C4 container diagram with boundaries."""
    node = numbered_ids("c", [c.id for c in document.components])
    group_ids = numbered_ids("g", [g.id for g in document.groups])
    inside, loose = members_by_group(document)
    lines = ["C4Container", f"    title {text(document.overview.title) or 'System'}"]

    def element(component, indent: str) -> str:  # type: ignore[no-untyped-def]
        macro = _C4_MACROS.get(component.kind, "Container")
        args = [node[component.id], quoted(component.name or "unnamed")]
        if macro.startswith("Container"):
            args.append(quoted(component.technology))
        args.append(quoted(component.description))
        return f"{indent}{macro}({', '.join(args)})"

    for group in document.groups:
        if not inside[group.id]:
            continue
        lines.append(f"    Container_Boundary({group_ids[group.id]}, {quoted(group.name or 'Group')}) {{")
        lines.extend(element(c, "        ") for c in inside[group.id])
        lines.append("    }")
    lines.extend(element(c, "    ") for c in loose)
    for connection in document.connections:
        if connection.source in node and connection.target in node:
            label = connection.label.strip() or PROTOCOL_LABELS[connection.protocol]
            lines.append(
                f"    Rel({node[connection.source]}, {node[connection.target]}, {quoted(label)}, "
                f"{quoted(PROTOCOL_LABELS[connection.protocol])})"
            )
    return "\n".join(lines) + "\n"


_ER_WORD = re.compile(r"[^A-Za-z0-9_]+")


def er_word(value: str, fallback: str) -> str:
    """An erDiagram attribute type or name: Mermaid allows only identifier characters there."""
    word = _ER_WORD.sub("_", value.strip()).strip("_")
    if not word or not (word[0].isalpha() or word[0] == "_"):
        word = f"{fallback}_{word}" if word else fallback
    return word


def _cardinality(child: Table, columns: list[str]) -> str:
    cols = [child.column(name) for name in columns]
    optional = any(c is None or c.nullable for c in cols)
    unique = len(columns) == 1 and cols[0] is not None and (cols[0].unique or cols[0].primary_key)
    parent_side = "|o" if optional else "||"
    return f"{parent_side}--{'o|' if unique else 'o{'}"


def erd(document: DesignDocument) -> str:
    """``erd.mmd``: tables with typed, keyed columns and their foreign keys."""
    tables = document.schema.tables
    entity = numbered_ids("t", [t.id for t in tables])
    by_name = {t.name: t for t in tables}
    lines = ["erDiagram"]
    for table in tables:
        fk_columns = {name for fk in table.foreign_keys for name in fk.columns}
        lines.append(f"    {entity[table.id]}[{quoted(table.name)}] {{")
        for column in table.columns:
            keys = [
                k
                for k, on in (
                    ("PK", column.primary_key),
                    ("FK", column.name in fk_columns),
                    ("UK", column.unique),
                )
                if on
            ]
            note_parts = []
            if er_word(column.name, "column") != column.name:
                note_parts.append(column.name)
            if column.comment:
                note_parts.append(column.comment)
            if not column.nullable and not column.primary_key:
                note_parts.append("not null")
            line = f"        {er_word(column.type, 'type')} {er_word(column.name, 'column')}"
            if keys:
                line += " " + ", ".join(keys)
            if note_parts:
                line += " " + quoted(" · ".join(note_parts))
            lines.append(line)
        lines.append("    }")
    for table in tables:
        for fk in table.foreign_keys:
            parent = by_name.get(fk.ref_table)
            if parent is None:
                continue
            label = fk.name or ", ".join(fk.columns)
            lines.append(
                f"    {entity[parent.id]} {_cardinality(table, fk.columns)} {entity[table.id]} "
                f": {quoted(label)}"
            )
    return "\n".join(lines) + "\n"
