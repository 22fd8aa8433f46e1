"""Painting the ERD with QPainter: tables, service frames and crow's-foot relations.

One function draws the whole diagram so the ERD view and the headless SVG/PNG/PDF files
share every pixel decision.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from studio.export.diagrams.erd_layout import (
    BADGE_W,
    HEADER_H,
    NAME_PX,
    PAD_X,
    ROW_H,
    ROW_PX,
    ErdLayout,
    Relation,
    TableBox,
)
from studio.export.diagrams.system_style import Theme, font, mix

PK_COLOR = "#B45309"
FK_COLOR = "#2563EB"
EDGE_COLOR = "#64748B"


def _side_points(parent: TableBox, child: TableBox, rel: Relation) -> tuple[QPointF, float, QPointF, float]:
    """End points on the facing sides and each side's outward direction (+1 right, -1 left)."""
    py, cy = parent.row_y(rel.parent_column), child.row_y(rel.child_column)
    p, c = parent.rect, child.rect
    if p.right() + 16 <= c.left():
        return QPointF(p.right(), py), 1.0, QPointF(c.left(), cy), -1.0
    if c.right() + 16 <= p.left():
        return QPointF(p.left(), py), -1.0, QPointF(c.right(), cy), 1.0
    # Stacked or the same table: both ends on the right, looping outwards.
    return QPointF(p.right(), py), 1.0, QPointF(c.right(), cy), 1.0


def relation_path(layout: ErdLayout, rel: Relation) -> tuple[QPainterPath, QPointF, float, QPointF, float]:
    parent, child = layout.tables[rel.parent], layout.tables[rel.child]
    a, sa, b, sb = _side_points(parent, child, rel)
    reach = max(48.0, abs(b.x() - a.x()) / 2)
    if sa == sb:
        reach = 56.0 + abs(b.y() - a.y()) / 5
        if rel.parent == rel.child and abs(b.y() - a.y()) < 4:
            b = QPointF(b.x(), b.y() + ROW_H / 2)
            a = QPointF(a.x(), a.y() - ROW_H / 2)
    path = QPainterPath(a)
    path.cubicTo(QPointF(a.x() + sa * reach, a.y()), QPointF(b.x() + sb * reach, b.y()), b)
    return path, a, sa, b, sb


def _bar(painter: QPainter, p: QPointF, s: float, at: float) -> None:
    x = p.x() + s * at
    painter.drawLine(QPointF(x, p.y() - 6), QPointF(x, p.y() + 6))


def _circle(painter: QPainter, p: QPointF, s: float, at: float, background: QColor) -> None:
    painter.save()
    painter.setBrush(background)
    painter.drawEllipse(QPointF(p.x() + s * at, p.y()), 4.0, 4.0)
    painter.restore()


def _crow(painter: QPainter, p: QPointF, s: float) -> None:
    tip = QPointF(p.x() + s * 13, p.y())
    for dy in (-7.0, 0.0, 7.0):
        painter.drawLine(tip, QPointF(p.x(), p.y() + dy))


def paint_relation(
    painter: QPainter, layout: ErdLayout, rel: Relation, theme: Theme, highlighted: bool = False
) -> None:
    path, a, sa, b, sb = relation_path(layout, rel)
    color = QColor(theme.selection if highlighted else EDGE_COLOR)
    pen = QPen(color, 2.0 if highlighted else 1.3)
    if rel.optional:
        pen.setDashPattern([5.0, 3.0])
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(QPen(color, 1.4))
    background = QColor(theme.background)
    # Parent end: exactly one (two bars), or zero-or-one when the key may be NULL.
    _bar(painter, a, sa, 8)
    if rel.optional:
        _circle(painter, a, sa, 17, background)
    else:
        _bar(painter, a, sa, 14)
    # Child end: zero-or-many (crow's foot), or zero-or-one for a unique key.
    if rel.one_to_one:
        _bar(painter, b, sb, 8)
    else:
        _crow(painter, b, sb)
    _circle(painter, b, sb, 19 if not rel.one_to_one else 17, background)


def _badge(painter: QPainter, rect: QRectF, text: str, color: str) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(mix(color, "#FFFFFF", 0.16))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(QColor(color))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def paint_table(
    painter: QPainter, box: TableBox, theme: Theme, selected: bool = False, lod: float = 1.0
) -> None:
    rect = box.rect
    color = QColor(box.color)
    painter.setPen(
        QPen(QColor(theme.selection), 2.6) if selected else QPen(mix(box.color, theme.node_fill, 0.55), 1.2)
    )
    painter.setBrush(QColor(theme.node_fill))
    painter.drawRoundedRect(rect, 6, 6)
    header = QPainterPath()
    header.addRoundedRect(QRectF(rect.left(), rect.top(), rect.width(), HEADER_H + 6), 6, 6)
    clip = QPainterPath()
    clip.addRect(QRectF(rect.left(), rect.top(), rect.width(), HEADER_H))
    painter.fillPath(header.intersected(clip), QBrush(color))
    if lod < 0.25:
        return
    name_font = font(NAME_PX, True)
    painter.setFont(name_font)
    painter.setPen(QColor("#FFFFFF"))
    name_rect = QRectF(rect.left() + PAD_X, rect.top(), rect.width() - 2 * PAD_X, HEADER_H)
    painter.drawText(
        name_rect,
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
        QFontMetricsF(name_font).elidedText(box.name, Qt.TextElideMode.ElideRight, name_rect.width()),
    )
    row_font, badge_font = font(ROW_PX), font(9, True)
    key_font = font(ROW_PX, True)
    metrics = QFontMetricsF(row_font)
    for n, row in enumerate(box.rows):
        top = rect.top() + HEADER_H + n * ROW_H
        if n % 2:
            painter.fillRect(
                QRectF(rect.left() + 1, top, rect.width() - 2, ROW_H), mix(box.color, theme.node_fill, 0.04)
            )
        x = rect.left() + PAD_X
        if row.summary:
            painter.setFont(font(ROW_PX - 1))
            painter.setPen(QColor(theme.subtext))
            painter.drawText(
                QRectF(x, top, rect.width() - 2 * PAD_X, ROW_H), Qt.AlignmentFlag.AlignVCenter, row.name
            )
            continue
        painter.setFont(badge_font)
        if row.pk:
            _badge(painter, QRectF(x, top + 4, BADGE_W - 4, ROW_H - 8), "PK", PK_COLOR)
        elif row.fk:
            _badge(painter, QRectF(x, top + 4, BADGE_W - 4, ROW_H - 8), "FK", FK_COLOR)
        type_w = min(metrics.horizontalAdvance(row.type) + 2, rect.width() * 0.45)
        type_rect = QRectF(rect.right() - PAD_X - type_w, top, type_w, ROW_H)
        name_rect = QRectF(x + BADGE_W, top, type_rect.left() - x - BADGE_W - 6, ROW_H)
        painter.setFont(key_font if row.pk else row_font)
        painter.setPen(QColor(theme.text))
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, name_rect.width()),
        )
        painter.setFont(row_font)
        painter.setPen(QColor(theme.subtext))
        painter.drawText(
            type_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            metrics.elidedText(row.type, Qt.TextElideMode.ElideRight, type_rect.width()),
        )


def paint_legend(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """The notation key: badges, relation ends and the dashed optional line."""
    painter.setPen(QPen(QColor(theme.grid), 1.0))
    painter.setBrush(QColor(theme.node_fill))
    painter.drawRoundedRect(rect, 6, 6)
    text_font = font(11)
    metrics = QFontMetricsF(text_font)
    x, mid = rect.left() + 12, rect.center().y()
    background = QColor(theme.node_fill)

    def label(text: str) -> None:
        nonlocal x
        painter.setFont(text_font)
        painter.setPen(QColor(theme.subtext))
        width = metrics.horizontalAdvance(text) + 2
        painter.drawText(QRectF(x, rect.top(), width, rect.height()), Qt.AlignmentFlag.AlignVCenter, text)
        x += width + 18

    for badge, color, text in (("PK", PK_COLOR, "primary key"), ("FK", FK_COLOR, "foreign key")):
        painter.setFont(font(9, True))
        _badge(painter, QRectF(x, mid - 6.5, BADGE_W - 4, 13), badge, color)
        x += BADGE_W + 2
        label(text)
    line = QPen(QColor(EDGE_COLOR), 1.4)
    for kind, text in (("one", "exactly one"), ("zero-one", "zero or one"), ("many", "zero or many")):
        end = QPointF(x + 34, mid)
        painter.setPen(line)
        painter.drawLine(QPointF(x, mid), end)
        if kind == "one":
            _bar(painter, end, -1, 8)
            _bar(painter, end, -1, 14)
        elif kind == "zero-one":
            _bar(painter, end, -1, 8)
            _circle(painter, end, -1, 17, background)
        else:
            _crow(painter, end, -1)
            _circle(painter, end, -1, 19, background)
        x += 42
        label(text)
    dashed = QPen(QColor(EDGE_COLOR), 1.3)
    dashed.setDashPattern([5.0, 3.0])
    painter.setPen(dashed)
    painter.drawLine(QPointF(x, mid), QPointF(x + 30, mid))
    x += 38
    label("nullable key")


def paint_erd(
    painter: QPainter,
    layout: ErdLayout,
    theme: Theme,
    *,
    selected: Collection[str] = (),
    clip: QRectF | None = None,
    lod: float = 1.0,
) -> None:
    """The whole ERD; ``clip`` skips what lies outside, ``lod`` below 0.25 drops the text."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for group in layout.groups:
        if clip is not None and not clip.intersects(group.rect):
            continue
        fill = QColor(group.color)
        fill.setAlpha(16)
        painter.setPen(QPen(mix(group.color, theme.background, 0.6), 1.2))
        painter.setBrush(fill)
        painter.drawRoundedRect(group.rect, 12, 12)
        if lod >= 0.25:
            painter.setFont(font(9, True))
            painter.setPen(QColor(group.color))
            painter.drawText(
                QRectF(group.rect.left() + 14, group.rect.top() + 8, 70, 16),
                Qt.AlignmentFlag.AlignVCenter,
                "SERVICE",
            )
            painter.setFont(font(13, True))
            painter.setPen(QColor(theme.text))
            title_rect = QRectF(group.rect.left() + 74, group.rect.top() + 6, group.rect.width() - 88, 20)
            painter.drawText(
                title_rect,
                Qt.AlignmentFlag.AlignVCenter,
                QFontMetricsF(font(13, True)).elidedText(
                    group.label, Qt.TextElideMode.ElideRight, title_rect.width()
                ),
            )
    chosen = set(selected)
    for rel in layout.relations:
        if clip is not None:
            parent, child = layout.tables[rel.parent].rect, layout.tables[rel.child].rect
            if not clip.intersects(parent.united(child).adjusted(-60, -20, 60, 20)):
                continue
        paint_relation(painter, layout, rel, theme, highlighted=bool(chosen & {rel.parent, rel.child}))
    for table_id, box in layout.tables.items():
        if clip is None or clip.intersects(box.rect):
            paint_table(painter, box, theme, selected=table_id in chosen, lod=lod)
    if not layout.legend.isNull() and lod >= 0.25 and (clip is None or clip.intersects(layout.legend)):
        paint_legend(painter, layout.legend, theme)
