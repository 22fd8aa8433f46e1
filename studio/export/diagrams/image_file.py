"""Writing one painted diagram to an SVG, PNG or PDF file: the part every diagram shares.

A diagram supplies its bounds and a paint function; this module opens the paint device
the file's suffix asks for, fills the background, scales, and writes the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from studio.export.diagrams.png import save_png

FORMATS = (".svg", ".png", ".pdf")
MAX_PIXELS = 400_000_000


class RenderError(ValueError):
    """A drawing that cannot be written as asked (unknown format, too large)."""


def check_request(out: Path, scale: float) -> str:
    """The file's format (its suffix), once the request is known to be one we can write."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise RenderError(f"{out}: unknown image format {suffix or '(none)'!r}; use .svg, .png or .pdf")
    if not 1 <= scale <= 4:
        raise RenderError(f"scale {scale:g} is out of range 1-4")
    return suffix


def paint_to_file(
    out: Path,
    bounds: QRectF,
    paint: Callable[[QPainter], None],
    *,
    scale: float,
    transparent: bool,
    background: QColor,
    title: str,
    description: str,
) -> QSize:
    """Paint the scene rectangle ``bounds`` into ``out``; returns the pixel size.

    PNG honours ``scale``; SVG and PDF are vectors, and a PDF page is the drawing's size in points.
    """
    suffix = check_request(out, scale)
    size = QSize(round(bounds.width() * scale), round(bounds.height() * scale))
    fill = QColor(0, 0, 0, 0) if transparent else background
    device: QSvgGenerator | QImage | QPdfWriter
    if suffix == ".svg":
        device = QSvgGenerator()
        device.setFileName(str(out))
        device.setSize(size)
        device.setViewBox(QRectF(0, 0, size.width(), size.height()))
        device.setTitle(title)
        device.setDescription(description)
    elif suffix == ".png":
        if size.width() * size.height() > MAX_PIXELS:
            raise RenderError(f"{out}: {size.width()}x{size.height()} pixels is too large; lower --scale")
        device = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        device.fill(fill)
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
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError(f"{out}: cannot write the file")
    try:
        if suffix != ".png" and not transparent:
            painter.fillRect(QRectF(0, 0, bounds.width() * scale, bounds.height() * scale), fill)
        painter.scale(scale, scale)
        painter.translate(-bounds.topLeft())
        paint(painter)
    finally:
        painter.end()
    if isinstance(device, QImage) and not save_png(device, out, alpha=transparent):
        raise RenderError(f"{out}: cannot write the file")
    return size
