"""Canvas edits as model operations: each function returns one operation (one undo step).

No Qt here: gestures and menu actions collect ids and positions, these functions turn them
into ``SetField``/``InsertItem``/``RemoveItem`` batches that the session pushes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from studio.export.diagrams import NODE_HEIGHT, NODE_WIDTH
from studio.layout import SystemLayout
from studio.model import (
    ASYNC_PROTOCOLS,
    COMPONENT_KIND_LABELS,
    Batch,
    Component,
    ComponentKind,
    Connection,
    Design,
    Group,
    Operation,
    Protocol,
    SetField,
    names,
    new_id,
)

Point = tuple[float, float]


def unique_name(design: Design, base: str) -> str:
    """A component name not yet used in the design."""
    return names.unique_name(base, {c.name for c in design.document.components})


def default_name(kind: ComponentKind) -> str:
    return COMPONENT_KIND_LABELS[kind].split(" /")[0]


Frame = tuple[float, float, float, float]


def groups_at(design: Design, centre: Point, frames: Mapping[str, Frame] | None = None) -> set[str]:
    """Every group whose frame holds ``centre`` (a zone may hold a bounded context)."""
    found = set()
    for g in design.document.groups:
        x, y, w, h = frames[g.id] if frames and g.id in frames else (g.x, g.y, g.width, g.height)
        if x <= centre[0] <= x + w and y <= centre[1] <= y + h:
            found.add(g.id)
    return found


def membership_ops(design: Design, placed: Mapping[str, set[str]]) -> list[Operation]:
    """Make each component a member of exactly the groups it was dropped in."""
    members = {g.id: list(g.members) for g in design.document.groups}
    for component_id, targets in placed.items():
        for group_id, ids in members.items():
            if component_id in ids and group_id not in targets:
                ids.remove(component_id)
            elif component_id not in ids and group_id in targets:
                ids.append(component_id)
    return [
        SetField(("groups", g.id, "members"), list(g.members), members[g.id])
        for g in design.document.groups
        if members[g.id] != g.members
    ]


def add_component_op(
    design: Design, kind: ComponentKind, centre: Point, component_id: str | None = None
) -> Batch:
    """A new component centred on ``centre``; it joins the group it lands in."""
    component = Component(
        id=component_id or new_id("cmp"),
        kind=kind,
        name=unique_name(design, default_name(kind)),
        x=round(centre[0] - NODE_WIDTH / 2),
        y=round(centre[1] - NODE_HEIGHT / 2),
    )
    ops: list[Operation] = [design.insert_op(("components",), component)]
    ops += membership_ops(design, {component.id: groups_at(design, centre)})
    return Batch(tuple(ops), f"Add {default_name(kind).lower()}")


def default_protocol(design: Design, source: str, target: str) -> Protocol:
    """The protocol a new connection most likely uses, from the kinds it joins."""
    kinds = {c.id: c.kind for c in design.document.components if c.id in (source, target)}
    if kinds.get(source) == ComponentKind.QUEUE:
        return Protocol.ASYNC_MESSAGE
    return {
        ComponentKind.DATABASE: Protocol.DB_WRITE,
        ComponentKind.CACHE: Protocol.CACHE,
        ComponentKind.QUEUE: Protocol.ASYNC_MESSAGE,
    }.get(kinds.get(target, ComponentKind.SERVICE), Protocol.REST)


def connect_op(design: Design, source: str, target: str, protocol: Protocol | None = None) -> Batch:
    proto = protocol or default_protocol(design, source, target)
    conn = Connection(
        id=new_id("con"), source=source, target=target, protocol=proto, asynchronous=proto in ASYNC_PROTOCOLS
    )
    return Batch((design.insert_op(("connections",), conn),), "Connect")


def protocol_op(design: Design, connection_id: str, protocol: Protocol) -> Batch:
    ops: list[Operation] = [design.set_op(("connections", connection_id, "protocol"), protocol)]
    asynchronous = protocol in ASYNC_PROTOCOLS
    if design.connection(connection_id).asynchronous != asynchronous:
        ops.append(design.set_op(("connections", connection_id, "asynchronous"), asynchronous))
    return Batch(tuple(ops), "Change protocol")


def move_op(
    design: Design,
    components: Mapping[str, Point],
    groups: Mapping[str, Point],
    dropped: Iterable[str] = (),
    frames: Mapping[str, Frame] | None = None,
) -> Batch:
    """New positions, and new group membership for components ``dropped`` by the user."""
    ops: list[Operation] = []
    for group_id, (x, y) in groups.items():
        g = design.document.groups
        group = next(item for item in g if item.id == group_id)
        if (group.x, group.y) != (x, y):
            ops += [design.set_op(("groups", group_id, "x"), x), design.set_op(("groups", group_id, "y"), y)]
    for component_id, (x, y) in components.items():
        c = design.component(component_id)
        if c.x != x:
            ops.append(design.set_op(("components", component_id, "x"), x))
        if c.y != y:
            ops.append(design.set_op(("components", component_id, "y"), y))
    moves = {
        cid: groups_at(
            design, (components[cid][0] + NODE_WIDTH / 2, components[cid][1] + NODE_HEIGHT / 2), frames
        )
        for cid in dropped
        if cid in components
    }
    ops += membership_ops(design, moves)
    n = len(components) + len(groups)
    return Batch(tuple(ops), "Move" if n == 1 else f"Move {n} items")


def delete_op(
    design: Design, components: Iterable[str], connections: Iterable[str], groups: Iterable[str]
) -> Batch:
    """Delete a selection; connections of deleted components go with them."""
    doomed = set(components)
    ops: list[Operation] = []
    for conn_id in connections:
        conn = design.connection(conn_id)
        if conn.source not in doomed and conn.target not in doomed:
            ops.append(design.remove_op(("connections", conn_id)))
    if doomed:
        ops.extend(design.remove_components_op(doomed).ops)
    for group_id in groups:
        ops.append(design.remove_op(("groups", group_id)))
    return Batch(tuple(ops), "Delete")


def align_op(design: Design, ids: list[str], edge: str) -> Batch:
    """Align on ``left``, ``right``, ``top``, ``bottom``, ``hcenter`` or ``vcenter``."""
    comps = [design.component(i) for i in ids]
    ops: list[Operation] = []
    if len(comps) < 2:
        return Batch((), "Align")
    axis = "x" if edge in ("left", "right", "hcenter") else "y"
    values = [getattr(c, axis) for c in comps]
    target = {
        "left": min(values),
        "top": min(values),
        "right": max(values),
        "bottom": max(values),
        "hcenter": sum(values) / len(values),
        "vcenter": sum(values) / len(values),
    }[edge]
    for c in comps:
        if getattr(c, axis) != target:
            ops.append(design.set_op(("components", c.id, axis), float(round(target))))
    return Batch(tuple(ops), f"Align {edge}")


def distribute_op(design: Design, ids: list[str], axis: str) -> Batch:
    """Even spacing between the first and last component along ``x`` or ``y``."""
    comps = sorted((design.component(i) for i in ids), key=lambda c: getattr(c, axis))
    if len(comps) < 3:
        return Batch((), "Distribute")
    first, last = getattr(comps[0], axis), getattr(comps[-1], axis)
    step = (last - first) / (len(comps) - 1)
    ops: list[Operation] = []
    for k, c in enumerate(comps[1:-1], start=1):
        value = float(round(first + k * step))
        if getattr(c, axis) != value:
            ops.append(design.set_op(("components", c.id, axis), value))
    return Batch(tuple(ops), "Distribute")


def nudge_op(design: Design, components: Iterable[str], groups: Iterable[str], dx: float, dy: float) -> Batch:
    """Arrow-key nudge; a nudged group carries its members."""
    moved = set(components)
    ops: list[Operation] = []
    for group_id in groups:
        g: Group = next(item for item in design.document.groups if item.id == group_id)
        ops += [
            design.set_op(("groups", g.id, "x"), g.x + dx),
            design.set_op(("groups", g.id, "y"), g.y + dy),
        ]
        moved |= set(g.members)
    for cid in moved:
        c = design.component(cid)
        ops += [
            design.set_op(("components", cid, "x"), c.x + dx),
            design.set_op(("components", cid, "y"), c.y + dy),
        ]
    return Batch(tuple(ops), "Nudge")


def layout_op(design: Design, layout: SystemLayout) -> Batch:
    ops: list[Operation] = []
    for cid, (x, y) in layout.positions.items():
        c = design.component(cid)
        if c.x != x:
            ops.append(design.set_op(("components", cid, "x"), x))
        if c.y != y:
            ops.append(design.set_op(("components", cid, "y"), y))
    for gid, frame in layout.groups.items():
        for name in ("x", "y", "width", "height"):
            value = float(getattr(frame, name))
            if design.get(("groups", gid, name)) != value:
                ops.append(design.set_op(("groups", gid, name), value))
    return Batch(tuple(ops), "Auto-layout")
