"""``system.puml``: a C4-PlantUML container diagram.

It includes ``<C4/C4_Container>`` from PlantUML's bundled standard library, so it renders
offline (Debian's plantuml ships C4-PlantUML 1.0.0) and uses only the macros that every
C4-PlantUML release since 1.0 has: ``Person``, ``System_Ext``, ``Container``,
``ContainerDb``, ``Container_Boundary``, ``Rel``, ``LAYOUT_LEFT_RIGHT``.

PlantUML strings have no backslash escape for a quote, its preprocessor runs ``%date()``
and ``$variables`` inside them, and Creole markup (``**``, ``//``, ``<tag>``) applies to
labels; ``<U+XXXX>`` is the one form that survives all of that, so every ASCII character
other than letters, digits, spaces and lone ``-/_`` becomes ``<U+XXXX>``. (``&#NN;`` crashes PlantUML
1.2020 for ``$`` and ``\\``.)
"""

from __future__ import annotations

from studio.export.membership import members_by_group
from studio.export.text import numbered_ids, one_line, strip_controls
from studio.model import PROTOCOL_LABELS, Component, ComponentKind, DesignDocument

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:")
#: Creole markup needs these doubled (``--strike--``, ``//italic//``, ``__under__``).
_SINGLE_OK = frozenset("-/_")


def text(value: str) -> str:
    """A PlantUML string body: one line, every meaningful ASCII character as ``<U+XXXX>``."""
    line = one_line(strip_controls(value))
    out = []
    for i, ch in enumerate(line):
        doubled = line[i - 1 : i] == ch or line[i + 1 : i + 2] == ch
        if ch in _PLAIN or ord(ch) > 127 or (ch in _SINGLE_OK and not doubled):
            out.append(ch)
        else:
            out.append(f"<U+{ord(ch):04X}>")
    return "".join(out)


def quoted(value: str) -> str:
    return f'"{text(value)}"'


_MACROS: dict[ComponentKind, str] = {
    ComponentKind.CLIENT: "Person",
    ComponentKind.EXTERNAL: "System_Ext",
    ComponentKind.DATABASE: "ContainerDb",
    ComponentKind.CACHE: "ContainerDb",
    ComponentKind.OBJECT_STORAGE: "ContainerDb",
    ComponentKind.SEARCH: "ContainerDb",
}


def _element(component: Component, alias: str, indent: str) -> str:
    macro = _MACROS.get(component.kind, "Container")
    args = [alias, quoted(component.name or "unnamed")]
    if macro.startswith("Container"):
        args.append(quoted(component.technology))
    args.append(quoted(component.description))
    return f"{indent}{macro}({', '.join(args)})"


def system_puml(document: DesignDocument) -> str:
    alias = numbered_ids("c", [c.id for c in document.components])
    group_alias = numbered_ids("g", [g.id for g in document.groups])
    inside, loose = members_by_group(document)
    lines = [
        "@startuml",
        "!include <C4/C4_Container>",
        "LAYOUT_LEFT_RIGHT",
        f"title {text(document.overview.title) or 'System'}",
        "",
    ]
    for group in document.groups:
        if not inside[group.id]:
            continue
        lines.append(f"Container_Boundary({group_alias[group.id]}, {quoted(group.name or 'Group')}) {{")
        lines.extend(_element(c, alias[c.id], "  ") for c in inside[group.id])
        lines.append("}")
    lines.extend(_element(c, alias[c.id], "") for c in loose)
    lines.append("")
    for connection in document.connections:
        if connection.source in alias and connection.target in alias:
            protocol = PROTOCOL_LABELS[connection.protocol]
            label = connection.label.strip() or protocol
            lines.append(
                f"Rel({alias[connection.source]}, {alias[connection.target]}, "
                f"{quoted(label)}, {quoted(protocol)})"
            )
    lines.append("@enduml")
    return "\n".join(lines) + "\n"
