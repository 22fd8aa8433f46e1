"""Rendering the system diagram to SVG, PNG or PDF without a window.

Paints with QPainter straight onto the file's paint device, through the very functions
the canvas items use, so the file looks as the canvas does (light theme).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from studio.export.diagrams.png import save_png
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
FORMATS = (".svg", ".png", ".pdf")
MAX_PIXELS = 400_000_000


class RenderError(ValueError):
    """A drawing that cannot be written as asked (unknown format, too large)."""


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
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise RenderError(f"{out}: unknown image format {suffix or '(none)'!r}; use .svg, .png or .pdf")
    if not 1 <= scale <= 4:
        raise RenderError(f"scale {scale:g} is out of range 1-4")
    if drawing is None:
        drawing = SystemDrawing(document, ids)
    bounds = drawing.bounds()
    size = QSize(round(bounds.width() * scale), round(bounds.height() * scale))
    background = QColor(0, 0, 0, 0) if transparent else QColor("#FFFFFF")
    painter = QPainter()
    if suffix == ".svg":
        device = QSvgGenerator()
        device.setFileName(str(out))
        device.setSize(size)
        device.setViewBox(QRectF(0, 0, size.width(), size.height()))
        device.setTitle(document.overview.title or "System diagram")
        device.setDescription("System diagram exported by Backend Architect Studio")
        painter.begin(device)
    elif suffix == ".png":
        if size.width() * size.height() > MAX_PIXELS:
            raise RenderError(f"{out}: {size.width()}x{size.height()} pixels is too large; lower --scale")
        device = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        device.fill(background)
        painter.begin(device)
    else:
        device = QPdfWriter(str(out))
        device.setResolution(72)
        device.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(bounds.width(), bounds.height()), QPageSize.Unit.Point),
                QPageLayout.Orientation.Portrait,
                QMarginsF(),
            )
        )
        device.setTitle(document.overview.title or "System diagram")
        device.setCreator("Backend Architect Studio")
        painter.begin(device)
        scale = 1.0
    if not painter.isActive():
        raise RenderError(f"{out}: cannot write the file")
    try:
        if suffix != ".png" and not transparent:
            painter.fillRect(QRectF(0, 0, bounds.width() * scale, bounds.height() * scale), background)
        painter.scale(scale, scale)
        painter.translate(-bounds.topLeft() + QPointF(0, 0))
        drawing.paint(painter, theme)
    finally:
        painter.end()
    if suffix == ".png" and not save_png(device, out, alpha=transparent):
        raise RenderError(f"{out}: cannot write the file")
    return size


def ensure_gui() -> object:
    """A QGuiApplication for painting text and SVG icons headless (offscreen if no display)."""
    import os

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["studio"])
    return app
