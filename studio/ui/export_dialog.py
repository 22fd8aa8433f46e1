"""File > Export Design Pack: choose a folder or a zip and the kinds, then a cancellable
progress dialog while the pack is produced (in the GUI thread, between writers)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio.export.pack import ExportCancelled, ExportError, PackResult, export_pack, writers


class ExportDialog(QDialog):
    """Where and what to export; holds no design state, only the user's choices."""

    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Design Pack")
        layout = QVBoxLayout(self)
        self.folder_choice = QRadioButton("Folder", self)
        self.zip_choice = QRadioButton("Zip file", self)
        self.folder_choice.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.folder_choice)
        row.addWidget(self.zip_choice)
        row.addStretch(1)
        layout.addLayout(row)
        target_row = QHBoxLayout()
        self.target = QLineEdit(str(suggested), self)
        browse = QPushButton("Browse...", self)
        browse.clicked.connect(self._browse)
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        layout.addLayout(target_row)
        box = QGroupBox("Include", self)
        grid = QGridLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for n, writer in enumerate(writers()):
            check = QCheckBox(writer.description.split(":")[0], box)
            check.setToolTip(writer.description)
            check.setChecked(True)
            self.checks[writer.kind] = check
            grid.addWidget(check, n // 2, n % 2)
        layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        if self.zip_choice.isChecked():
            name, _ = QFileDialog.getSaveFileName(
                self, "Export to zip", self.target.text(), "Zip files (*.zip)"
            )
        else:
            name = QFileDialog.getExistingDirectory(self, "Export to folder", self.target.text())
        if name:
            self.target.setText(name)

    def kinds(self) -> list[str]:
        return [kind for kind, check in self.checks.items() if check.isChecked()]


def run_export(window, target: Path, as_zip: bool, kinds: list[str]) -> PackResult | None:  # type: ignore[no-untyped-def]
    """Export with a cancellable progress dialog; messages instead of tracebacks."""
    progress = QProgressDialog("Exporting the design pack...", "Cancel", 0, len(kinds), window)
    progress.setWindowTitle("Export Design Pack")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)

    def step(done: int, total: int, kind: str) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        if kind:
            progress.setLabelText(f"Writing {kind}...")
        QApplication.processEvents()
        return not progress.wasCanceled()

    source = window.session.path
    try:
        result = export_pack(
            window.session.design.document,
            target,
            as_zip=as_zip,
            only=kinds,
            progress=step,
            design_name=source.name if source else "design.json",
        )
    except ExportCancelled:
        return None
    except ExportError as exc:
        QMessageBox.warning(window, "Export failed", str(exc))
        return None
    finally:
        progress.close()
    if result.failures:
        lines = "\n".join(f"{f.kind}: {f.message}" for f in result.failures)
        QMessageBox.warning(
            window, "Export incomplete", f"Wrote {len(result.files)} files to {target}, but:\n{lines}"
        )
    return result


def open_export_dialog(window) -> None:  # type: ignore[no-untyped-def]
    source = window.session.path
    suggested = (source.parent if source else Path.home()) / "design-pack"
    dialog = ExportDialog(suggested, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.target.text().strip():
        return
    target = Path(dialog.target.text().strip())
    as_zip = dialog.zip_choice.isChecked()
    if as_zip and target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    run_export(window, target, as_zip, dialog.kinds())


def install(window) -> None:  # type: ignore[no-untyped-def]
    """Add File > Export Design Pack... (before Quit)."""
    action = QAction("&Export Design Pack...", window)
    action.setShortcut("Ctrl+Shift+E")
    action.triggered.connect(lambda: open_export_dialog(window))
    actions = window.file_menu.actions()
    quit_action = next((a for a in actions if a.text().replace("&", "") == "Quit"), None)
    window.file_menu.insertAction(quit_action, action) if quit_action else window.file_menu.addAction(action)
    window.export_pack_action = action
