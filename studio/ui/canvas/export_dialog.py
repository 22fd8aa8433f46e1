"""Export the canvas, or the selection, to SVG, PNG or PDF from the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from studio.export.diagrams import RenderError, render_system
from studio.model import DesignDocument

FILTERS = "SVG image (*.svg);;PNG image (*.png);;PDF document (*.pdf)"


class ExportOptions(QDialog):
    def __init__(self, has_selection: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export diagram")
        form = QFormLayout(self)
        self.scale = QSpinBox()
        self.scale.setRange(1, 4)
        self.scale.setSuffix("x")
        self.scale.setToolTip("PNG pixel scale (1-4)")
        self.transparent = QCheckBox("Transparent background")
        self.selection_only = QCheckBox("Only the selection")
        self.selection_only.setEnabled(has_selection)
        form.addRow("Scale", self.scale)
        form.addRow(self.transparent)
        form.addRow(self.selection_only)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def export_diagram(parent: QWidget, document: DesignDocument, selection: list[str]) -> Path | None:
    """Ask for a file and options, then render; errors are shown, never raised."""
    name, chosen = QFileDialog.getSaveFileName(parent, "Export diagram", "system-diagram.svg", FILTERS)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix("." + chosen.split("*.")[1][:3])
    options = ExportOptions(bool(selection), parent)
    if options.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        render_system(
            document,
            path,
            scale=options.scale.value(),
            transparent=options.transparent.isChecked(),
            ids=selection if options.selection_only.isChecked() else None,
        )
    except (RenderError, OSError) as exc:
        QMessageBox.warning(parent, "Cannot export diagram", str(exc))
        return None
    return path
