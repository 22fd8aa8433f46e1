"""Rendering the system diagram to SVG, PNG or PDF without a window.

Paints with QPainter straight onto the file's paint device, through the very functions
the canvas items use, so the file looks as the canvas does (light theme).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize
from PySide6.QtGui import QColor, QPainter

from studio.export.diagrams.image_file import check_request, paint_to_file
from studio.export.diagrams.system_edges import (
    ConnectionLook,
    edge_points,
    label_text,
    paint_connection,
    parallel_offset,
    place_label,
)
from studio.export.diagrams.system_groups import GroupLook, paint_group
from studio.export.diagrams.system_nodes import ComponentLook, paint_component
from studio.export.diagrams.system_style import LIGHT, NODE_HEIGHT, NODE_WIDTH, Theme
from studio.model import DesignDocument

MARGIN = 32.0


CELL = 400.0


def component_rect(x: float, y: float) -> QRectF:
    return QRectF(x, y, NODE_WIDTH, NODE_HEIGHT)


def _cells(rect: QRectF) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i in range(int(rect.left() // CELL), int(rect.right() // CELL) + 1)
        for j in range(int(rect.top() // CELL), int(rect.bottom() // CELL) + 1)
    ]


class SystemDrawing:
    """The parts of a document to draw (all, or a selection of ids), placed once: the design
    pack paints one drawing to both SVG and PNG."""

    def __init__(self, document: DesignDocument, ids: Collection[str] | None) -> None:
        keep = None if ids is None else set(ids)
        self.components = [c for c in document.components if keep is None or c.id in keep]
        shown = {c.id: c for c in self.components}
        self.connections = [c for c in document.connections if c.source in shown and c.target in shown]
        self.groups = [g for g in document.groups if keep is None or g.id in keep]
        pairs: dict[frozenset[str], list[str]] = defaultdict(list)
        for c in self.connections:
            pairs[frozenset((c.source, c.target))].append(c.id)
        cells: dict[tuple[int, int], list[QRectF]] = defaultdict(list)  # a coarse index of nodes
        for c in self.components:
            rect = component_rect(c.x, c.y)
            for cell in _cells(rect):
                cells[cell].append(rect)

        def blocked(box: QRectF) -> bool:
            return any(r.intersects(box) for cell in _cells(box) for r in cells.get(cell, ()))

        self.edges = []
        for c in self.connections:
            offset = parallel_offset(c.id, c.source, c.target, pairs[frozenset((c.source, c.target))])
            a, b = shown[c.source], shown[c.target]
            p1, p2 = edge_points(component_rect(a.x, a.y), component_rect(b.x, b.y), offset)
            look = ConnectionLook.of(c)
            text = label_text(look, p1, p2)
            self.edges.append((look, p1, p2, (text, place_label(text, p1, p2, blocked))))

    def bounds(self) -> QRectF:
        rect = QRectF()
        for c in self.components:
            rect = rect.united(component_rect(c.x, c.y).adjusted(-8, -14, 14, 8))
        for g in self.groups:
            rect = rect.united(QRectF(g.x, g.y, g.width, g.height))
        for _, _, _, (text, box) in self.edges:
            if text:
                rect = rect.united(box)
        if rect.isNull():
            rect = QRectF(0, 0, 200, 100)
        return rect.marginsAdded(QMarginsF(MARGIN, MARGIN, MARGIN, MARGIN))

    def paint(self, painter: QPainter, theme: Theme) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for g in self.groups:
            paint_group(painter, GroupLook.of(g), QRectF(g.x, g.y, g.width, g.height), theme)
        for look, p1, p2, label in self.edges:
            paint_connection(painter, look, p1, p2, theme, show_label=False, label=label)
        for look, p1, p2, label in self.edges:  # labels over every line
            paint_connection(painter, look, p1, p2, theme, label=label)
        for c in self.components:
            paint_component(painter, ComponentLook.of(c), component_rect(c.x, c.y), theme)


def render_system(
    document: DesignDocument,
    out: Path,
    *,
    scale: float = 1.0,
    transparent: bool = False,
    ids: Collection[str] | None = None,
    theme: Theme = LIGHT,
    drawing: SystemDrawing | None = None,
) -> QSize:
    """Write the diagram (or the components in ``ids``) to ``out``; returns its pixel size.

    The format comes from the suffix. Needs a QGuiApplication (see ``ensure_gui``).
    ``drawing``, if given, is this document's already placed drawing (``ids`` is then unused).
    """
    check_request(out, scale)
    if drawing is None:
        drawing = SystemDrawing(document, ids)
    placed = drawing
    return paint_to_file(
        out,
        placed.bounds(),
        lambda painter: placed.paint(painter, theme),
        scale=scale,
        transparent=transparent,
        background=QColor("#FFFFFF"),
        title=document.overview.title or "System diagram",
        description="System diagram exported by Backend Architect Studio",
    )


def ensure_gui() -> object:
    """A QGuiApplication for painting text and SVG icons headless (offscreen if no display)."""
    import os

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["studio"])
    return app
