"""Painting a boundary (bounded context or zone): a tinted frame with its title."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from studio.export.diagrams.system_style import GROUP_CAPTIONS, GROUP_COLORS, Theme, font
from studio.model import Group, GroupKind

TITLE_HEIGHT = 30.0


@dataclass(frozen=True)
class GroupLook:
    kind: GroupKind
    name: str

    @classmethod
    def of(cls, group: Group) -> GroupLook:
        return cls(group.kind, group.name)


def paint_group(
    painter: QPainter,
    look: GroupLook,
    rect: QRectF,
    theme: Theme,
    *,
    selected: bool = False,
    lod: float = 1.0,
) -> None:
    color = QColor(GROUP_COLORS.get(look.kind, "#64748B"))
    fill = QColor(color)
    fill.setAlpha(
        theme.group_fill_alpha if look.kind == GroupKind.BOUNDED_CONTEXT else theme.group_fill_alpha - 4
    )
    pen = QPen(QColor(theme.selection) if selected else color, 2.4 if selected else 1.3)
    if look.kind == GroupKind.ZONE:
        pen.setDashPattern([6.0, 4.0])
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 14, 14)
    if lod < 0.3:
        return
    caption = GROUP_CAPTIONS.get(look.kind, "")
    caption_font, title_font = font(9, True), font(13, True)
    x = rect.left() + 14
    painter.setFont(caption_font)
    painter.setPen(color)
    caption_w = QFontMetricsF(caption_font).horizontalAdvance(caption)
    painter.drawText(QRectF(x, rect.top() + 8, caption_w + 2, 16), Qt.AlignmentFlag.AlignVCenter, caption)
    painter.setFont(title_font)
    painter.setPen(QColor(theme.text))
    width = max(10.0, rect.width() - caption_w - 40)
    title = QFontMetricsF(title_font).elidedText(look.name, Qt.TextElideMode.ElideRight, width)
    painter.drawText(
        QRectF(x + caption_w + 8, rect.top() + 6, width, 20), Qt.AlignmentFlag.AlignVCenter, title
    )
