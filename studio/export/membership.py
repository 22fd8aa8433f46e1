"""Which boundary draws each component: formats that nest (Mermaid subgraphs, C4
boundaries, draw.io containers, Structurizr groups) allow one parent per element."""

from __future__ import annotations

from studio.model import Component, DesignDocument, Group


def home_groups(document: DesignDocument) -> dict[str, str]:
    """Component id -> id of the first group that lists it (later memberships are dropped)."""
    known = {c.id for c in document.components}
    home: dict[str, str] = {}
    for group in document.groups:
        for member in group.members:
            if member in known and member not in home:
                home[member] = group.id
    return home


def members_by_group(document: DesignDocument) -> tuple[dict[str, list[Component]], list[Component]]:
    """(group id -> its components in document order, components in no group)."""
    home = home_groups(document)
    inside: dict[str, list[Component]] = {g.id: [] for g in document.groups}
    loose: list[Component] = []
    for component in document.components:
        group_id = home.get(component.id)
        if group_id is None:
            loose.append(component)
        else:
            inside[group_id].append(component)
    return inside, loose


def groups_with_members(document: DesignDocument) -> list[Group]:
    """Groups that draw at least one component (empty boundaries are not drawn by most tools)."""
    inside, _ = members_by_group(document)
    return [g for g in document.groups if inside[g.id]]
