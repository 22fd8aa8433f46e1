"""Rendering the ERD to SVG, PNG or PDF without a window (``studio render --view erd``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from studio.export.diagrams.erd_layout import ErdOptions, layout_erd
from studio.export.diagrams.erd_paint import paint_erd
from studio.export.diagrams.png import save_png
from studio.export.diagrams.system_render import FORMATS, MAX_PIXELS, RenderError
from studio.export.diagrams.system_style import LIGHT, Theme
from studio.model import DesignDocument


def render_erd(
    document: DesignDocument,
    out: Path,
    *,
    scale: float = 1.0,
    transparent: bool = False,
    theme: Theme = LIGHT,
    options: ErdOptions | None = None,
) -> QSize:
    """Write the schema's ERD to ``out`` (format from the suffix); returns its pixel size.

    Needs a QGuiApplication (``studio.export.diagrams.ensure_gui``).
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise RenderError(f"{out}: unknown image format {suffix or '(none)'!r}; use .svg, .png or .pdf")
    if not 1 <= scale <= 4:
        raise RenderError(f"scale {scale:g} is out of range 1-4")
    layout = layout_erd(document, options)
    bounds = layout.bounds()
    size = QSize(round(bounds.width() * scale), round(bounds.height() * scale))
    title = f"{document.overview.title or 'Design'}: entity-relationship diagram"
    painter = QPainter()
    device: QSvgGenerator | QImage | QPdfWriter
    if suffix == ".svg":
        device = QSvgGenerator()
        device.setFileName(str(out))
        device.setSize(size)
        device.setViewBox(QRectF(0, 0, size.width(), size.height()))
        device.setTitle(title)
        device.setDescription("Entity-relationship diagram exported by Backend Architect Studio")
    elif suffix == ".png":
        if size.width() * size.height() > MAX_PIXELS:
            raise RenderError(f"{out}: {size.width()}x{size.height()} pixels is too large; lower --scale")
        device = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        device.fill(QColor(0, 0, 0, 0) if transparent else QColor(theme.background))
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
        device.setTitle(title)
        device.setCreator("Backend Architect Studio")
        scale = 1.0
    if not painter.begin(device):
        raise RenderError(f"{out}: cannot write the file")
    try:
        if suffix != ".png" and not transparent:
            painter.fillRect(
                QRectF(0, 0, bounds.width() * scale, bounds.height() * scale), QColor(theme.background)
            )
        painter.scale(scale, scale)
        painter.translate(-bounds.topLeft())
        paint_erd(painter, layout, theme)
    finally:
        painter.end()
    if isinstance(device, QImage) and not save_png(device, out, alpha=transparent):
        raise RenderError(f"{out}: cannot write the file")
    return size
