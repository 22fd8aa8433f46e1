"""Painting one component: a shape per kind, its icon, name, technology and badges.

The canvas items and the file renderer call the same function, so a diagram exported to
SVG, PNG or PDF looks as it does on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from studio.export.diagrams.system_style import (
    DETAIL_PX,
    ICON_SIZE,
    KIND_COLORS,
    NAME_MIN_PX,
    NAME_PX,
    Theme,
    font,
    metrics,
    mix,
)
from studio.model import Component, ComponentKind
from studio.resources import resource

#: Lint severities the canvas may mark a component with (filled in by the lint view).
QUEUE_CAP = 22.0
MARKER_COLORS = {"error": "#DC2626", "warning": "#D97706", "info": "#2563EB"}


@dataclass(frozen=True)
class ComponentLook:
    """What a component looks like: derived from the model, never edited directly."""

    kind: ComponentKind
    name: str
    technology: str
    instances: int
    markers: tuple[str, ...] = ()

    @classmethod
    def of(cls, component: Component, markers: tuple[str, ...] = ()) -> ComponentLook:
        return cls(component.kind, component.name, component.technology, component.instances, markers)


@cache
def icon_renderer(kind: ComponentKind) -> QSvgRenderer:
    """The kind's SVG icon from ``resources/icons``; shared by palette, canvas and files."""
    return QSvgRenderer(str(resource("icons", f"{kind.value}.svg")))


@cache
def icon_pixmap(kind: ComponentKind, pixels: int) -> QPixmap:
    """The kind's icon rendered once per pixel size."""
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    icon_renderer(kind).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return pixmap


def shape_path(kind: ComponentKind, rect: QRectF) -> QPainterPath:
    """The outline that makes a kind recognisable at a glance."""
    path = QPainterPath()
    l, t, r, b, w, h = rect.left(), rect.top(), rect.right(), rect.bottom(), rect.width(), rect.height()  # noqa: E741 - edges of the rect
    if kind == ComponentKind.DATABASE:  # vertical cylinder
        e = 14.0
        path.moveTo(l, t + e / 2)
        path.arcTo(QRectF(l, t, w, e), 180, -180)
        path.lineTo(r, b - e / 2)
        path.arcTo(QRectF(l, b - e, w, e), 0, -180)
        path.closeSubpath()
    elif kind == ComponentKind.QUEUE:  # horizontal pipe
        e = QUEUE_CAP
        path.moveTo(l + e / 2, t)
        path.lineTo(r - e / 2, t)
        path.arcTo(QRectF(r - e, t, e, h), 90, -180)
        path.lineTo(l + e / 2, b)
        path.arcTo(QRectF(l, t, e, h), 270, -180)
        path.closeSubpath()
    elif kind == ComponentKind.API_GATEWAY:  # hexagon, pointing along the traffic
        d = 14.0
        path.moveTo(l + d, t)
        for x, y in ((r - d, t), (r, t + h / 2), (r - d, b), (l + d, b), (l, t + h / 2)):
            path.lineTo(x, y)
        path.closeSubpath()
    elif kind == ComponentKind.CACHE:  # chamfered corners
        c = 12.0
        path.moveTo(l + c, t)
        for x, y in ((r - c, t), (r, t + c), (r, b - c), (r - c, b), (l + c, b), (l, b - c), (l, t + c)):
            path.lineTo(x, y)
        path.closeSubpath()
    elif kind == ComponentKind.LOAD_BALANCER:  # stadium
        path.addRoundedRect(rect, h / 2, h / 2)
    elif kind == ComponentKind.OBJECT_STORAGE:  # bucket, wider at the top
        d = 10.0
        path.moveTo(l, t)
        for x, y in ((r, t), (r - d, b), (l + d, b)):
            path.lineTo(x, y)
        path.closeSubpath()
    elif kind == ComponentKind.CDN:
        path.addRoundedRect(rect, 26, 26)
    else:
        path.addRoundedRect(rect, 8, 8)
    return path


def _fit_name(name: str, width: float) -> tuple[int, str]:
    """The largest name size that fits, down to a floor; then elide."""
    for px in range(NAME_PX, NAME_MIN_PX - 1, -1):
        if metrics(px, True).horizontalAdvance(name) <= width:
            return px, name
    return NAME_MIN_PX, metrics(NAME_MIN_PX, True).elidedText(name, Qt.TextElideMode.ElideRight, width)


#: On-screen pixel size below which a name is not worth drawing, and the size aimed at.
_OVERVIEW_MIN_SCREEN_PX, _OVERVIEW_SCREEN_PX = 7.0, 10.0


def _paint_overview_name(
    painter: QPainter, look: ComponentLook, rect: QRectF, theme: Theme, lod: float
) -> None:
    """The name centred in the shape, sized for the screen rather than the scene."""
    width = rect.width() - 20
    name = look.name or "(unnamed)"
    largest, smallest = round(_OVERVIEW_SCREEN_PX / lod), round(_OVERVIEW_MIN_SCREEN_PX / lod)
    sizes = range(largest, smallest - 1, -1)
    fitting = (p for p in sizes if metrics(p, True).horizontalAdvance(name) <= width)
    px = next(fitting, smallest)
    text = metrics(px, True).elidedText(name, Qt.TextElideMode.ElideRight, width)
    painter.setFont(font(px, True))
    painter.setPen(QColor(theme.text if look.name else theme.subtext))
    painter.drawText(rect.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignCenter, text)


def paint_component(
    painter: QPainter,
    look: ComponentLook,
    rect: QRectF,
    theme: Theme,
    *,
    selected: bool = False,
    hovered: bool = False,
    lod: float = 1.0,
    vector_icons: bool = True,
) -> None:
    """Paint one component into ``rect``; ``lod`` is the view's scale (less detail when small).

    Files keep icons as vectors; the canvas passes ``vector_icons=False`` for cached pixmaps.
    """
    color = KIND_COLORS.get(look.kind, "#64748B")
    path = shape_path(look.kind, rect)
    if lod < 0.25:  # a coloured block is all the eye can take in at this size
        painter.fillPath(path, QColor(color))
        return
    fill = mix(color, theme.node_fill, theme.tint)
    if look.kind == ComponentKind.WORKER:  # a second card behind: "runs as many"
        painter.setPen(QPen(QColor(color), 1.2))
        painter.setBrush(mix(color, theme.node_fill, theme.tint * 1.8))
        painter.drawPath(shape_path(look.kind, rect.translated(5, -5)))
    border = QPen(
        QColor(theme.selection if selected else color), 2.6 if selected else 1.8 if hovered else 1.4
    )
    if look.kind == ComponentKind.EXTERNAL:
        border.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(border)
    painter.setBrush(QBrush(fill))
    painter.drawPath(path)
    if look.kind == ComponentKind.DATABASE:  # the cylinder's visible rim
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(rect.left(), rect.top(), rect.width(), 14.0), 180 * 16, 180 * 16)
    elif look.kind == ComponentKind.QUEUE:  # the pipe's open end
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(
            QRectF(rect.right() - QUEUE_CAP, rect.top(), QUEUE_CAP, rect.height()), 90 * 16, 180 * 16
        )
    elif look.kind == ComponentKind.SEARCH:
        painter.setPen(QPen(QColor(color), 0.8))
        painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), 5, 5)
    elif look.kind == ComponentKind.CLIENT:  # a window's title bar
        painter.setPen(QPen(QColor(color), 0.8))
        painter.drawLine(
            QPointF(rect.left() + 1, rect.top() + 11), QPointF(rect.right() - 1, rect.top() + 11)
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        for k in range(3):
            painter.drawEllipse(QPointF(rect.left() + 10 + 7 * k, rect.top() + 5.5), 2.0, 2.0)
    if lod < 0.45:  # zoomed out: the name alone, large enough to read at this scale
        _paint_overview_name(painter, look, rect, theme, lod)
        return

    top_pad = 7.0 if look.kind in (ComponentKind.DATABASE, ComponentKind.CLIENT) else 0.0
    inset = 16.0 if look.kind in (ComponentKind.API_GATEWAY, ComponentKind.QUEUE) else 12.0
    right_inset = QUEUE_CAP / 2 + 6 if look.kind == ComponentKind.QUEUE else inset - 2
    body = rect.adjusted(inset, top_pad, -10, 0)
    icon = QRectF(body.left(), body.center().y() - ICON_SIZE / 2, ICON_SIZE, ICON_SIZE)
    if vector_icons:
        icon_renderer(look.kind).render(painter, icon)
    else:  # on screen: a pixmap at the device size, cheaper than parsing paths every frame
        scale = painter.worldTransform().m11() * (
            painter.device().devicePixelRatioF() if painter.device() else 1.0
        )
        painter.drawPixmap(icon, icon_pixmap(look.kind, max(4, round(ICON_SIZE * scale))), QRectF())
    text_left = icon.right() + 10
    text_width = rect.right() - right_inset - text_left
    px, name = _fit_name(look.name or "(unnamed)", text_width)
    name_font = font(px, True)
    detail_font = font(DETAIL_PX)
    name_h = metrics(px, True).height()
    detail_h = metrics(DETAIL_PX).height() if look.technology else 0.0
    y = body.center().y() - (name_h + detail_h) / 2
    painter.setFont(name_font)
    painter.setPen(QColor(theme.text if look.name else theme.subtext))
    painter.drawText(
        QRectF(text_left, y, text_width, name_h),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        name,
    )
    if look.technology:
        painter.setFont(detail_font)
        painter.setPen(QColor(theme.subtext))
        tech = metrics(DETAIL_PX).elidedText(look.technology, Qt.TextElideMode.ElideRight, text_width)
        painter.drawText(
            QRectF(text_left, y + name_h, text_width, detail_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tech,
        )
    if look.instances != 1:
        _paint_badge(painter, f"\u00d7{look.instances}", QPointF(rect.right() - 4, rect.top() + 4), color)
    for k, severity in enumerate(look.markers[:3]):
        painter.setPen(QPen(QColor(theme.node_fill), 1.5))
        painter.setBrush(QColor(MARKER_COLORS.get(severity, MARKER_COLORS["info"])))
        painter.drawEllipse(QPointF(rect.left() + 4 + 11 * k, rect.top() + 4), 5.0, 5.0)


def _paint_badge(painter: QPainter, text: str, top_right: QPointF, color: str) -> None:
    """The instance count, a pill on the corner so it reads as 'how many run'."""
    f = font(DETAIL_PX, True)
    width = metrics(DETAIL_PX, True).horizontalAdvance(text) + 12
    pill = QRectF(top_right.x() - width + 6, top_right.y() - 10, width, 18)
    painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(pill, 9, 9)
    painter.setFont(f)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
