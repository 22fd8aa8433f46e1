"""The ERD dock: the canvas with its small toolbar (fit, zoom, collapse, grouping, export)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.export.diagrams.image_file import RenderError
from studio.ui.erd.canvas import ErdCanvas
from studio.ui.schema.fields import plain_tooltip
from studio.ui.session import DocumentSession


class ErdDock(QDockWidget):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__("ERD", parent)
        self.setObjectName("ErdDock")
        self.session = session
        body = QWidget(self)
        self.canvas = ErdCanvas(session, body)
        fit = QPushButton("Fit", body)
        fit.setToolTip("Fit the diagram in the view (F)")
        fit.clicked.connect(self.canvas.fit)
        self.keys_only = QCheckBox("Key columns only", body)
        self.keys_only.setToolTip("Show only primary and foreign key columns (automatic above 40 tables)")
        self.keys_only.setTristate(False)
        self.keys_only.toggled.connect(lambda on: self.canvas.set_collapsed(True if on else False))
        self.grouped = QCheckBox("Group by service", body)
        self.grouped.setChecked(True)
        self.grouped.toggled.connect(self.canvas.set_grouped)
        export = QPushButton("Export...", body)
        export.setToolTip("Save the ERD as SVG, PNG or PDF")
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (fit, self.keys_only, self.grouped):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(export)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.setWidget(body)
        session.replaced.connect(self._sync_collapse_box)
        self._sync_collapse_box()

    def _sync_collapse_box(self) -> None:
        """The checkbox starts at the automatic choice for the design's size."""
        from studio.export.diagrams.erd_layout import AUTO_COLLAPSE_TABLES

        automatic = len(self.session.design.document.schema.tables) > AUTO_COLLAPSE_TABLES
        self.keys_only.blockSignals(True)
        self.keys_only.setChecked(automatic)
        self.keys_only.blockSignals(False)
        self.canvas.set_collapsed(None)

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export ERD", "erd.svg", "SVG (*.svg);;PNG (*.png);;PDF (*.pdf)"
        )
        if not name:
            return
        from studio.export.diagrams.erd_render import render_erd

        try:
            render_erd(self.session.design.document, Path(name), options=self.canvas.options)
        except (RenderError, OSError) as exc:
            QMessageBox.warning(self, "Cannot export the ERD", plain_tooltip(str(exc)))

    def teardown(self) -> None:
        self.canvas.teardown()
        self.session.replaced.disconnect(self._sync_collapse_box)
