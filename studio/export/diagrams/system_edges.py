"""Painting connections: straight arrows between component borders, sync solid, async dashed."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from studio.export.diagrams.system_style import LABEL_PX, PROTOCOL_COLORS, Theme, font, metrics
from studio.model import PROTOCOL_LABELS, Connection, Protocol

ARROW = 10.0
#: Below this view scale labels are too small to read and are not drawn.
LABEL_LOD = 0.55


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
    return _clip(source.adjusted(-gap, -gap, gap, gap), a, b), _clip(
        target.adjusted(-gap, -gap, gap, gap), b, a
    )


MIN_LABEL = 40.0


@lru_cache(maxsize=4096)
def text_width(text: str) -> float:
    """Label widths: labels repeat (protocol names), and measuring is the costly part."""
    return metrics(LABEL_PX).horizontalAdvance(text)


def label_text(look: ConnectionLook, p1: QPointF, p2: QPointF) -> str:
    """The label as it fits along the visible line: elided, or empty when there is no room."""
    room = QLineF(p1, p2).length() - 2 * ARROW - 14
    if room < MIN_LABEL:
        return ""
    text = look.text
    if text_width(text) <= room:
        return text
    return metrics(LABEL_PX).elidedText(text, Qt.TextElideMode.ElideRight, room)


def label_rect(look: ConnectionLook, p1: QPointF, p2: QPointF) -> QRectF:
    return label_box(label_text(look, p1, p2), p1, p2)


LABEL_STOPS = (0.5, 0.38, 0.62, 0.28, 0.72)


def place_label(text: str, p1: QPointF, p2: QPointF, blocked: Callable[[QRectF], bool]) -> QRectF:
    """The label's box at the first point along the line where it covers no component."""
    if not text:
        return QRectF()
    for t in LABEL_STOPS:
        box = label_box(text, p1, p2, t)
        if not blocked(box):
            return box
    return label_box(text, p1, p2)


def label_box(text: str, p1: QPointF, p2: QPointF, t: float = 0.5) -> QRectF:
    """The pill a label is drawn in, centred on the point ``t`` of the way along the line."""
    if not text:
        return QRectF()
    width = text_width(text) + 14
    height = metrics(LABEL_PX).height() + 6
    mid = p1 + (p2 - p1) * t
    return QRectF(mid.x() - width / 2, mid.y() - height / 2, width, height)


def edge_shape(p1: QPointF, p2: QPointF) -> QPainterPath:
    path = QPainterPath(p1)
    path.lineTo(p2)
    return path


def clip_segment(p1: QPointF, p2: QPointF, rect: QRectF) -> tuple[float, float] | None:
    """Liang-Barsky: the part (t0, t1) of p1->p2 inside ``rect``, or None if it misses."""
    dx, dy = p2.x() - p1.x(), p2.y() - p1.y()
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, p1.x() - rect.left()),
        (dx, rect.right() - p1.x()),
        (-dy, p1.y() - rect.top()),
        (dy, rect.bottom() - p1.y()),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return t0, t1


_PENS: dict[tuple[str, bool, bool], QPen] = {}


def _pen(color: str, selected: bool, dashed: bool) -> QPen:
    key = (color, selected, dashed)
    pen = _PENS.get(key)
    if pen is None:
        pen = QPen(QColor(color), 2.4 if selected else 1.5)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dashed:
            pen.setDashPattern([5.0, 3.5])
        _PENS[key] = pen
    return pen


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
    clip: QRectF | None = None,
    label: tuple[str, QRectF] | None = None,
) -> None:
    """Paint one connection; ``clip`` (the exposed area) keeps long lines cheap to stroke,
    ``label`` is the precomputed (text, box) that canvas items cache between moves."""
    color_name = theme.selection if selected else PROTOCOL_COLORS.get(look.protocol, "#475569")
    if theme.name == "dark" and not selected:  # the mid-tone hues need lifting on a dark canvas
        color_name = QColor(color_name).lighter(165).name()
    length = math.hypot(p2.x() - p1.x(), p2.y() - p1.y())
    if length < 1.0:
        return
    pen = _pen(color_name, selected, look.asynchronous)
    ux, uy = (p2.x() - p1.x()) / length, (p2.y() - p1.y()) / length
    # Stop the line at the arrow's base so the dash pattern never pokes through the tip.
    end = QPointF(p2.x() - ux * ARROW * 0.8, p2.y() - uy * ARROW * 0.8) if lod >= 0.3 else p2
    start = p1
    if clip is not None:
        part = clip_segment(p1, end, clip.adjusted(-4, -4, 4, 4))
        if part is not None:
            t0, t1 = part
            span = QPointF(end.x() - p1.x(), end.y() - p1.y())
            start, end = p1 + span * t0, p1 + span * t1
            if t0 > 0 and look.asynchronous:  # keep the dashes still while the line is clipped
                pen = QPen(pen)
                pen.setDashOffset(t0 * length / pen.widthF())
        elif lod < 0.3 or not clip.adjusted(-ARROW, -ARROW, ARROW, ARROW).contains(p2):
            start = end = None  # type: ignore[assignment]
    if start is not None:
        painter.setPen(pen)
        painter.drawLine(QLineF(start, end))
    if lod < 0.3:
        return
    color = pen.color()
    left = QPointF(p2.x() - ARROW * (ux * COS - uy * -SIN), p2.y() - ARROW * (uy * COS + ux * -SIN))
    right = QPointF(p2.x() - ARROW * (ux * COS - uy * SIN), p2.y() - ARROW * (uy * COS + ux * SIN))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([p2, left, right]))
    if not show_label or lod < LABEL_LOD:
        return
    text, box = label if label is not None else (label_text(look, p1, p2), label_rect(look, p1, p2))
    if not text or (clip is not None and not clip.intersects(box)):
        return
    painter.setPen(QPen(color, 1.0))
    painter.setBrush(QColor(theme.label_fill))
    painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
    painter.setFont(font(LABEL_PX))
    painter.setPen(QColor(theme.text))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


COS, SIN = math.cos(0.42), math.sin(0.42)
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
