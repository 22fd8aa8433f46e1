"""The palette: one entry per component kind; drag onto the canvas, or double-click to add."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from studio.export.diagrams import icon_renderer
from studio.model import COMPONENT_KIND_LABELS, ComponentKind
from studio.ui.canvas.view import KIND_MIME

ICON_PX = 28


def kind_icon(kind: ComponentKind, size: int = ICON_PX) -> QIcon:
    """The kind's SVG icon as a crisp pixmap at 1x and 2x."""
    icon = QIcon()
    for ratio in (1, 2):
        pixmap = QPixmap(size * ratio, size * ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        icon_renderer(kind).render(painter, QRectF(0, 0, size * ratio, size * ratio))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        icon.addPixmap(pixmap)
    return icon


def kind_mime(kind: ComponentKind) -> QMimeData:
    mime = QMimeData()
    mime.setData(KIND_MIME, kind.value.encode("ascii"))
    mime.setText(COMPONENT_KIND_LABELS[kind])
    return mime


class Palette(QListWidget):
    """Component kinds to drag onto the canvas."""

    add_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvasPalette")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setIconSize(QSize(ICON_PX, ICON_PX))
        self.setSpacing(2)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        for kind in ComponentKind:
            item = QListWidgetItem(kind_icon(kind), COMPONENT_KIND_LABELS[kind])
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            item.setToolTip(
                f"Drag onto the canvas, or double-click to add a {COMPONENT_KIND_LABELS[kind].lower()}"
            )
            self.addItem(item)
        self.itemDoubleClicked.connect(self._add)

    def kind_at(self, row: int) -> ComponentKind:
        return ComponentKind(self.item(row).data(Qt.ItemDataRole.UserRole))

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [KIND_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        return kind_mime(ComponentKind(items[0].data(Qt.ItemDataRole.UserRole)))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def _add(self, item: QListWidgetItem) -> None:
        self.add_requested.emit(ComponentKind(item.data(Qt.ItemDataRole.UserRole)))
