"""The Preferences dialog: every user setting in one form, applied when the user presses OK."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.ui.i18n import language_labels
from studio.ui.settings import Settings, StudioSettings
from studio.ui.themes import theme_labels


def _bounds(name: str) -> tuple[float, float]:
    """The ge/le bounds the settings model declares, so the form cannot drift from it."""
    low, high = 0.0, 1e9
    for meta in StudioSettings.model_fields[name].metadata:
        low = float(getattr(meta, "ge", low))
        high = float(getattr(meta, "le", high))
    return low, high


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)

        appearance = QGroupBox(self.tr("Appearance"), self)
        form = QFormLayout(appearance)
        self.theme = self._combo(theme_labels(), settings.get("theme"), appearance)
        form.addRow(self.tr("&Theme:"), self.theme)
        self.language = self._combo(language_labels(), settings.get("language"), appearance)
        form.addRow(self.tr("&Language:"), self.language)
        self.font_scale = QDoubleSpinBox(appearance)
        self.font_scale.setRange(*_bounds("workshop_font_scale"))
        self.font_scale.setSingleStep(0.1)
        self.font_scale.setSuffix(" ×")
        self.font_scale.setValue(settings.get("workshop_font_scale"))
        form.addRow(self.tr("&Workshop text size:"), self.font_scale)
        layout.addWidget(appearance)

        editing = QGroupBox(self.tr("Editing"), self)
        form = QFormLayout(editing)
        self.snap = QCheckBox(self.tr("Snap to the grid"), editing)
        self.snap.setChecked(settings.get("snap_to_grid"))
        form.addRow("", self.snap)
        layout.addWidget(editing)

        files = QGroupBox(self.tr("Files"), self)
        form = QFormLayout(files)
        self.autosave = QSpinBox(files)
        self.autosave.setRange(*(int(b) for b in _bounds("autosave_interval_s")))
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(settings.get("autosave_interval_s"))
        form.addRow(self.tr("&Autosave every:"), self.autosave)
        row = QHBoxLayout()
        self.export_folder = QLineEdit(settings.get("default_export_folder"), files)
        self.export_folder.setPlaceholderText(self.tr("Beside the design file"))
        browse = QPushButton(self.tr("&Browse..."), files)
        browse.clicked.connect(self._browse)
        row.addWidget(self.export_folder)
        row.addWidget(browse)
        form.addRow(self.tr("&Export to:"), row)
        layout.addWidget(files)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _combo(self, labels: dict[str, str], current: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        for value, label in labels.items():
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Default export folder"), self.export_folder.text()
        )
        if folder:
            self.export_folder.setText(folder)

    def chosen(self) -> dict[str, Any]:
        return {
            "theme": self.theme.currentData(),
            "language": self.language.currentData(),
            "workshop_font_scale": round(self.font_scale.value(), 2),
            "snap_to_grid": self.snap.isChecked(),
            "autosave_interval_s": self.autosave.value(),
            "default_export_folder": self.export_folder.text().strip(),
        }

    def accept(self) -> None:
        values = self.chosen()
        folder = values["default_export_folder"]
        if folder and not Path(folder).expanduser().is_dir():
            QMessageBox.warning(
                self, self.tr("Preferences"), self.tr("The export folder %s does not exist.") % folder
            )
            return
        language_before = self.settings.get("language")
        for name, value in values.items():
            self.settings.set(name, value)
        if values["language"] != language_before:
            QMessageBox.information(
                self,
                self.tr("Preferences"),
                self.tr("The new language is used from the next start of the studio."),
            )
        super().accept()


def show_preferences(settings: Settings, parent: QWidget | None = None) -> int:
    dialog = PreferencesDialog(settings, parent)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
