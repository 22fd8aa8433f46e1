"""Painting connections: straight arrows between component borders, sync solid, async dashed."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from studio.export.diagrams.system_style import LABEL_PX, PROTOCOL_COLORS, Theme, font
from studio.model import PROTOCOL_LABELS, Connection, Protocol

ARROW = 10.0


@dataclass(frozen=True)
class ConnectionLook:
    protocol: Protocol
    asynchronous: bool
    label: str

    @classmethod
    def of(cls, connection: Connection) -> ConnectionLook:
        return cls(connection.protocol, connection.asynchronous, connection.label)

    @property
    def text(self) -> str:
        """What the edge says: the user's label, else its protocol (colour and dash say the rest)."""
        return self.label or PROTOCOL_LABELS.get(self.protocol, str(self.protocol))


def _clip(rect: QRectF, inside: QPointF, outside: QPointF) -> QPointF:
    """Where the segment from the rect's inside point towards ``outside`` leaves the rect."""
    dx, dy = outside.x() - inside.x(), outside.y() - inside.y()
    t = 1.0
    if dx:
        t = min(t, ((rect.right() if dx > 0 else rect.left()) - inside.x()) / dx)
    if dy:
        t = min(t, ((rect.bottom() if dy > 0 else rect.top()) - inside.y()) / dy)
    t = max(0.0, t)
    return QPointF(inside.x() + dx * t, inside.y() + dy * t)


def edge_points(source: QRectF, target: QRectF, offset: float = 0.0) -> tuple[QPointF, QPointF]:
    """End points on the two borders; ``offset`` shifts parallel edges apart."""
    a, b = source.center(), target.center()
    if offset:
        length = math.hypot(b.x() - a.x(), b.y() - a.y()) or 1.0
        nx, ny = -(b.y() - a.y()) / length * offset, (b.x() - a.x()) / length * offset
        a, b = QPointF(a.x() + nx, a.y() + ny), QPointF(b.x() + nx, b.y() + ny)
    gap = 3.0
    return _clip(source.adjusted(-gap, -gap, gap, gap), a, b), _clip(target.adjusted(-gap, -gap, gap, gap), b, a)


MIN_LABEL = 40.0


def label_text(look: ConnectionLook, p1: QPointF, p2: QPointF) -> str:
    """The label as it fits along the visible line: elided, or empty when there is no room."""
    room = QLineF(p1, p2).length() - 2 * ARROW - 14
    if room < MIN_LABEL:
        return ""
    return QFontMetricsF(font(LABEL_PX)).elidedText(look.text, Qt.TextElideMode.ElideRight, room)


def label_rect(look: ConnectionLook, p1: QPointF, p2: QPointF) -> QRectF:
    text = label_text(look, p1, p2)
    if not text:
        return QRectF()
    metrics = QFontMetricsF(font(LABEL_PX))
    width = metrics.horizontalAdvance(text) + 14
    height = metrics.height() + 6
    mid = (p1 + p2) / 2
    return QRectF(mid.x() - width / 2, mid.y() - height / 2, width, height)


def edge_shape(p1: QPointF, p2: QPointF) -> QPainterPath:
    path = QPainterPath(p1)
    path.lineTo(p2)
    return path


def paint_connection(
    painter: QPainter,
    look: ConnectionLook,
    p1: QPointF,
    p2: QPointF,
    theme: Theme,
    *,
    selected: bool = False,
    lod: float = 1.0,
    show_label: bool = True,
) -> None:
    color = QColor(theme.selection if selected else PROTOCOL_COLORS.get(look.protocol, "#475569"))
    pen = QPen(color, 2.4 if selected else 1.5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if look.asynchronous:
        pen.setDashPattern([5.0, 3.5])
    painter.setPen(pen)
    line = QLineF(p1, p2)
    if line.length() < 1.0:
        return
    if lod < 0.3:
        painter.drawLine(line)
        return
    # Stop the line at the arrow's base so the dash pattern never pokes through the tip.
    angle = math.atan2(p2.y() - p1.y(), p2.x() - p1.x())
    base = QPointF(p2.x() - math.cos(angle) * ARROW * 0.8, p2.y() - math.sin(angle) * ARROW * 0.8)
    painter.drawLine(QLineF(p1, base))
    left = QPointF(p2.x() - ARROW * math.cos(angle - 0.42), p2.y() - ARROW * math.sin(angle - 0.42))
    right = QPointF(p2.x() - ARROW * math.cos(angle + 0.42), p2.y() - ARROW * math.sin(angle + 0.42))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([p2, left, right]))
    if not show_label or lod < 0.55:
        return
    text = label_text(look, p1, p2)
    if not text:
        return
    box = label_rect(look, p1, p2)
    painter.setPen(QPen(color, 1.0))
    painter.setBrush(QColor(theme.label_fill))
    painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
    painter.setFont(font(LABEL_PX))
    painter.setPen(QColor(theme.text))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


PARALLEL_GAP = 16.0


def parallel_offset(connection_id: str, source: str, target: str, pair_ids: list[str]) -> float:
    """Offset of one of several connections joining the same two components.

    ``pair_ids`` are the ids of all connections between the pair in either direction.
    Offsets are measured along the normal of the canonical (smaller id first) direction,
    so edges of opposite directions land on opposite sides instead of on top of each other.
    """
    if len(pair_ids) < 2:
        return 0.0
    ordered = sorted(pair_ids)
    offset = (ordered.index(connection_id) - (len(ordered) - 1) / 2) * PARALLEL_GAP
    return -offset if source > target else offset
