"""``workspace.dsl``: a Structurizr DSL workspace with a container view.

Structurizr's tokenizer knows two escapes in quoted strings, ``\\"`` and ``\\n``, and does
not collapse ``\\\\``; so a quote is escaped, a newline joins the line, and a backslash
(which could pair with the next character) is written as the fullwidth reverse solidus.
``${`` would start a constant substitution, so its dollar is written fullwidth too.
Identifiers are generated (``c1``, ``g1``), never taken from the design.
"""

from __future__ import annotations

from studio.export.membership import members_by_group
from studio.export.text import numbered_ids, one_line, strip_controls
from studio.model import PROTOCOL_LABELS, Component, ComponentKind, DesignDocument


def quoted(value: str) -> str:
    body = (
        one_line(strip_controls(value)).replace("\\", "\uff3c").replace("${", "\uff04{").replace('"', '\\"')
    )
    return f'"{body}"'


_DATA_KINDS = {
    ComponentKind.DATABASE,
    ComponentKind.CACHE,
    ComponentKind.OBJECT_STORAGE,
    ComponentKind.SEARCH,
}


def _tag(component: Component) -> str:
    if component.kind in _DATA_KINDS:
        return "Database"
    if component.kind is ComponentKind.QUEUE:
        return "Queue"
    return component.kind.value.replace("_", " ").title()


def _container(component: Component, name: str, indent: str) -> str:
    return (
        f"{indent}{name} = container {quoted(component.name or 'unnamed')} {quoted(component.description)} "
        f"{quoted(component.technology)} {quoted(_tag(component))}"
    )


def workspace_dsl(document: DesignDocument) -> str:
    title = document.overview.title or "System"
    ident = numbered_ids("c", [c.id for c in document.components])
    group_ident = numbered_ids("g", [g.id for g in document.groups])
    inside, loose = members_by_group(document)
    outside = {ComponentKind.CLIENT, ComponentKind.EXTERNAL}
    lines = [f"workspace {quoted(title)} {quoted(document.overview.summary)} {{", "", "    model {"]
    for component in document.components:
        if component.kind is ComponentKind.CLIENT:
            lines.append(
                f"        {ident[component.id]} = person {quoted(component.name or 'unnamed')} "
                f"{quoted(component.description)}"
            )
        elif component.kind is ComponentKind.EXTERNAL:
            lines.append(
                f"        {ident[component.id]} = softwareSystem {quoted(component.name or 'unnamed')} "
                f"{quoted(component.description)} {quoted('External')}"
            )
    lines.append(f"        system = softwareSystem {quoted(title)} {quoted(document.overview.summary)} {{")
    for group in document.groups:
        members = [c for c in inside[group.id] if c.kind not in outside]
        if not members:
            continue
        lines.append(f"            {group_ident[group.id]} = group {quoted(group.name or 'Group')} {{")
        lines.extend(_container(c, ident[c.id], "                ") for c in members)
        lines.append("            }")
    for group in document.groups:  # clients or externals listed in a group stay outside it
        loose = loose + [c for c in inside[group.id] if c.kind in outside]
    lines.extend(_container(c, ident[c.id], "            ") for c in loose if c.kind not in outside)
    lines.append("        }")
    lines.append("")
    seen: set[tuple[str, str, str]] = set()
    for connection in document.connections:
        if (
            connection.source in ident
            and connection.target in ident
            and connection.source != connection.target
        ):
            protocol = PROTOCOL_LABELS[connection.protocol]
            label = connection.label.strip() or protocol
            key = (connection.source, connection.target, quoted(label))
            if key in seen:  # Structurizr refuses a second relationship with the same description
                continue
            seen.add(key)
            lines.append(
                f"        {ident[connection.source]} -> {ident[connection.target]} "
                f"{quoted(label)} {quoted(protocol)}"
            )
    lines += [
        "    }",
        "",
        "    views {",
        f"        container system {quoted('containers')} {{",
        "            include *",
        "            autolayout lr",
        "        }",
        "        styles {",
        '            element "Database" {',
        "                shape cylinder",
        "            }",
        '            element "Queue" {',
        "                shape pipe",
        "            }",
        '            element "Person" {',
        "                shape person",
        "            }",
        '            element "External" {',
        "                background #999999",
        "            }",
        "        }",
        "    }",
        "}",
    ]
    return "\n".join(lines) + "\n"
