"""Where each table of the ERD goes: boxes sized to their columns, grouped by owning service.

Each service's tables are laid out with the layered engine of :mod:`studio.layout`
(referenced tables left of the tables that reference them); the service frames are then
packed in rows. Big schemas collapse each table to its key columns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from studio.export.diagrams.system_style import font
from studio.layout import LayeredLayout, layered_positions
from studio.model import DesignDocument, ForeignKey, Table

HEADER_H = 30.0
ROW_H = 21.0
PAD_X = 10.0
BADGE_W = 24.0
MIN_W, MAX_W = 170.0, 340.0
GROUP_PAD = 22.0
GROUP_TITLE_H = 30.0
GROUP_GAP = 48.0
#: Above this many tables, tables show only their key columns unless told otherwise.
AUTO_COLLAPSE_TABLES = 40
NAME_PX, ROW_PX = 13, 12
#: Palette for service frames and table headers, in order of first appearance.
SERVICE_COLORS = [
    "#2563EB",
    "#16A34A",
    "#7C3AED",
    "#EA580C",
    "#0D9488",
    "#DB2777",
    "#CA8A04",
    "#4F46E5",
    "#DC2626",
]
UNOWNED_COLOR = "#64748B"


@dataclass(frozen=True)
class ErdOptions:
    #: None: collapse automatically for schemas above AUTO_COLLAPSE_TABLES tables.
    collapse: bool | None = None
    group_by_service: bool = True


@dataclass
class Row:
    name: str
    type: str
    pk: bool
    fk: bool
    nullable: bool
    #: A line such as "+ 7 more columns" rather than a column.
    summary: bool = False


@dataclass
class TableBox:
    table_id: str
    name: str
    color: str
    rows: list[Row]
    rect: QRectF = field(default_factory=QRectF)

    def row_y(self, column: str) -> float:
        """Vertical centre of a column's row, or of the header when the row is collapsed."""
        for n, row in enumerate(self.rows):
            if not row.summary and row.name == column:
                return self.rect.top() + HEADER_H + ROW_H * (n + 0.5)
        return self.rect.top() + HEADER_H / 2


@dataclass
class GroupBox:
    service_id: str
    label: str
    color: str
    rect: QRectF


@dataclass
class Relation:
    """A foreign key drawn from the referencing (child) table to the referenced (parent)."""

    fk_id: str
    child: str
    parent: str
    child_column: str
    parent_column: str
    #: The child side holds at most one row per parent (the FK columns are unique).
    one_to_one: bool
    #: The FK columns may be NULL: a child need not have a parent.
    optional: bool


LEGEND_W, LEGEND_H = 690.0, 34.0


@dataclass
class ErdLayout:
    tables: dict[str, TableBox]
    groups: list[GroupBox]
    relations: list[Relation]
    collapsed: bool
    #: Where the notation key goes (below the drawing); empty without tables.
    legend: QRectF = field(default_factory=QRectF)

    def content(self) -> QRectF:
        rect = QRectF()
        for box in self.tables.values():
            rect = rect.united(box.rect)
        for group in self.groups:
            rect = rect.united(group.rect)
        return rect

    def bounds(self, margin: float = 32.0) -> QRectF:
        rect = self.content()
        if not self.legend.isNull():
            rect = rect.united(self.legend)
        if rect.isNull():
            rect = QRectF(0, 0, 240, 120)
        return rect.adjusted(-margin, -margin, margin, margin)

    def table_at(self, point: QPointF) -> str | None:
        return next((tid for tid, box in self.tables.items() if box.rect.contains(point)), None)


def _rows(table: Table, collapsed: bool) -> list[Row]:
    fk_columns = {c for fk in table.foreign_keys for c in fk.columns}
    rows = [Row(c.name, c.type, c.primary_key, c.name in fk_columns, c.nullable) for c in table.columns]
    if collapsed:
        keys = [r for r in rows if r.pk or r.fk]
        hidden = len(rows) - len(keys)
        rows = keys + (
            [Row(f"+ {hidden} more column{'s' if hidden != 1 else ''}", "", False, False, True, True)]
            if hidden
            else []
        )
    return rows


@lru_cache(maxsize=8192)
def _advance(text: str, pixel_size: int, bold: bool = False) -> float:
    """Text width in scene units (names and types repeat across tables, so it is cached)."""
    return QFontMetricsF(font(pixel_size, bold)).horizontalAdvance(text)


def _size(name: str, rows: list[Row]) -> tuple[float, float]:
    width = _advance(name, NAME_PX, True) + 2 * PAD_X + 8
    for row in rows:
        width = max(width, BADGE_W + _advance(row.name, ROW_PX) + _advance(row.type, ROW_PX) + 3 * PAD_X + 12)
    # Rounded up so that a small edit does not change the size (and so the layout).
    width = min(MAX_W, max(MIN_W, math.ceil(width / 20) * 20))
    return width, HEADER_H + ROW_H * max(1, len(rows)) + 4


@lru_cache(maxsize=2048)
def _group_centres(
    sizes: tuple[tuple[str, tuple[float, float]], ...], edges: tuple[tuple[str, str], ...]
) -> dict[str, tuple[float, float]]:
    """One service's layered layout; cached, so an edit re-lays out only the groups it changed."""
    size_of = dict(sizes)
    return layered_positions(
        list(size_of), list(edges), size_of, LayeredLayout(layer_gap=90.0, node_gap=36.0)
    )


def _relation(table: Table, fk: ForeignKey, target: Table) -> Relation:
    columns = {c.name: c for c in table.columns}
    unique_sets = [{c.name} for c in table.columns if c.unique]
    if table.primary_key:
        unique_sets.append(set(table.primary_key))
    unique_sets += [set(i.columns) for i in table.indexes if i.unique and not i.where.strip()]
    one_to_one = set(fk.columns) in unique_sets
    optional = any(columns[c].nullable for c in fk.columns if c in columns)
    return Relation(
        fk.id,
        table.id,
        target.id,
        fk.columns[0] if fk.columns else "",
        fk.ref_columns[0] if fk.ref_columns else "",
        one_to_one,
        optional,
    )


def layout_erd(document: DesignDocument, options: ErdOptions | None = None) -> ErdLayout:
    """Boxes, service frames and relations of the schema's ERD. Needs a QGuiApplication (fonts)."""
    opts = options or ErdOptions()
    tables = document.schema.tables
    collapsed = opts.collapse if opts.collapse is not None else len(tables) > AUTO_COLLAPSE_TABLES
    by_name = {t.name: t for t in tables}
    relations = [
        _relation(t, fk, by_name[fk.ref_table])
        for t in tables
        for fk in t.foreign_keys
        if fk.ref_table in by_name
    ]
    # Groups in order of first appearance: each owning service, then the unowned tables.
    members: dict[str, list[Table]] = {}
    for table in tables:
        key = table.service if opts.group_by_service else ""
        members.setdefault(key, []).append(table)
    if "" in members:
        members[""] = members.pop("")
    names = {c.id: c.name or c.id for c in document.components}
    boxes: dict[str, TableBox] = {}
    placed_groups: list[tuple[str, str, str, QRectF, list[TableBox]]] = []
    color_index = 0
    for service, group_tables in members.items():
        if service:
            color = SERVICE_COLORS[color_index % len(SERVICE_COLORS)]
            color_index += 1
        else:
            color = UNOWNED_COLOR
        group_boxes = [TableBox(t.id, t.name, color, _rows(t, collapsed)) for t in group_tables]
        sizes = {b.table_id: _size(b.name, b.rows) for b in group_boxes}
        ids = set(sizes)
        edges = [
            (r.parent, r.child)
            for r in relations
            if r.parent in ids and r.child in ids and r.parent != r.child
        ]
        centres = _group_centres(tuple(sizes.items()), tuple(edges))
        inner = QRectF()
        for box in group_boxes:
            w, h = sizes[box.table_id]
            cx, cy = centres[box.table_id]
            box.rect = QRectF(cx - w / 2, cy - h / 2, w, h)
            inner = inner.united(box.rect)
        label = names.get(service, f"missing service {service}") if service else "No owning service"
        frame = inner.adjusted(-GROUP_PAD, -GROUP_PAD - GROUP_TITLE_H, GROUP_PAD, GROUP_PAD)
        placed_groups.append((service, label, color, frame, group_boxes))
    groups = _pack(placed_groups, boxes, framed=opts.group_by_service)
    result = ErdLayout(boxes, groups, relations, collapsed)
    if boxes:
        content = result.content()
        result.legend = QRectF(content.left(), content.bottom() + 24, LEGEND_W, LEGEND_H)
    return result


def _pack(
    placed: list[tuple[str, str, str, QRectF, list[TableBox]]], boxes: dict[str, TableBox], framed: bool
) -> list[GroupBox]:
    """Shelf-pack the group frames in rows about as wide as the drawing is tall (landscape)."""
    area = sum(frame.width() * frame.height() for _, _, _, frame, _ in placed)
    widest = max((frame.width() for _, _, _, frame, _ in placed), default=0.0)
    row_width = max(widest, math.sqrt(area) * 1.6)
    x = y = row_height = 0.0
    groups: list[GroupBox] = []
    for service, label, color, frame, members in placed:
        if x > 0 and x + frame.width() > row_width:
            x, y, row_height = 0.0, y + row_height + GROUP_GAP, 0.0
        dx, dy = x - frame.left(), y - frame.top()
        for box in members:
            box.rect.translate(dx, dy)
            boxes[box.table_id] = box
        moved = frame.translated(dx, dy)
        if framed:
            groups.append(GroupBox(service, label, color, moved))
        x += frame.width() + GROUP_GAP
        row_height = max(row_height, frame.height())
    return groups
