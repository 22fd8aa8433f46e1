"""Rendering the ERD to SVG, PNG or PDF without a window (``studio render --view erd``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from studio.export.diagrams.erd_layout import ErdOptions, layout_erd
from studio.export.diagrams.erd_paint import paint_erd
from studio.export.diagrams.image_file import check_request, paint_to_file
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
    check_request(out, scale)
    layout = layout_erd(document, options)
    return paint_to_file(
        out,
        layout.bounds(),
        lambda painter: paint_erd(painter, layout, theme),
        scale=scale,
        transparent=transparent,
        background=QColor(theme.background),
        title=f"{document.overview.title or 'Design'}: entity-relationship diagram",
        description="Entity-relationship diagram exported by Backend Architect Studio",
    )
