"""Auto-layout of a design's system diagram: engines, groups and pinned components."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from studio.layout.graphviz import dot_positions
from studio.layout.layered import LayeredLayout, layered_positions
from studio.model import DesignDocument

#: The size of a component on the canvas; the drawing code uses the same numbers.
NODE_WIDTH = 180.0
NODE_HEIGHT = 76.0
#: Space between a group's frame and its members (the top holds the group's title).
GROUP_PAD = 24.0
GROUP_TITLE = 34.0

Engine = Literal["auto", "dot", "layered"]


@dataclass(frozen=True)
class GroupFrame:
    x: float
    y: float
    width: float
    height: float


@dataclass
class SystemLayout:
    """Top-left positions of moved components and new frames of groups."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    groups: dict[str, GroupFrame] = field(default_factory=dict)
    engine: str = "layered"


def _overlaps(a: tuple[float, float], b: tuple[float, float], margin: float) -> bool:
    return abs(a[0] - b[0]) < NODE_WIDTH + margin and abs(a[1] - b[1]) < NODE_HEIGHT + margin


def layout_system(document: DesignDocument, engine: Engine = "auto") -> SystemLayout:
    """Layered left-to-right positions; pinned components stay, groups stay together.

    The layout is anchored where the drawing already is (at the pinned components when
    there are any, else at the drawing's top-left) so the diagram does not jump away.
    """
    comps = document.components
    if not comps:
        return SystemLayout()
    ids = [c.id for c in comps]
    edges = [(c.source, c.target) for c in document.connections]
    sizes = {i: (NODE_WIDTH, NODE_HEIGHT) for i in ids}
    membership: dict[str, str] = {}
    for group in document.groups:
        for member in group.members:
            membership.setdefault(member, group.id)
    options = LayeredLayout(groups=membership)
    centres = None
    used = "layered"
    if engine in ("auto", "dot"):
        centres = dot_positions(ids, edges, sizes, options)
        used = "dot" if centres is not None else used
    if centres is None:
        centres = layered_positions(ids, edges, sizes, options)
    laid = {i: (cx - NODE_WIDTH / 2, cy - NODE_HEIGHT / 2) for i, (cx, cy) in centres.items()}

    pinned = {c.id: (c.x, c.y) for c in comps if c.pinned}
    if pinned:
        dx = sum(pinned[i][0] - laid[i][0] for i in pinned) / len(pinned)
        dy = sum(pinned[i][1] - laid[i][1] for i in pinned) / len(pinned)
    else:
        dx = min(c.x for c in comps) - min(p[0] for p in laid.values())
        dy = min(c.y for c in comps) - min(p[1] for p in laid.values())
    positions: dict[str, tuple[float, float]] = {}
    for i in ids:
        if i in pinned:
            continue
        x, y = float(round(laid[i][0] + dx)), float(round(laid[i][1] + dy))
        while any(_overlaps((x, y), p, 16.0) for p in pinned.values()):
            y += NODE_HEIGHT + 20.0
        positions[i] = (x, y)

    where = {**positions, **pinned}
    frames: dict[str, GroupFrame] = {}
    for group in document.groups:
        points = [where[m] for m in group.members if m in where]
        if not points:
            continue
        left = min(p[0] for p in points) - GROUP_PAD
        top = min(p[1] for p in points) - GROUP_TITLE
        right = max(p[0] for p in points) + NODE_WIDTH + GROUP_PAD
        bottom = max(p[1] for p in points) + NODE_HEIGHT + GROUP_PAD
        frames[group.id] = GroupFrame(left, top, right - left, bottom - top)
    return SystemLayout(positions, frames, used)
