"""The main window shell: File and Edit behaviour, title, docks installed by the views."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QWidget

from studio.io.design_file import DesignFileError, load_design, save_design
from studio.io.gallery import load_template
from studio.ui.session import DocumentSession
from studio.ui.views import VIEW_INSTALLERS

FILE_FILTER = "Design files (*.json *.bas.json);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = DocumentSession(self)
        self.setDockNestingEnabled(True)
        self.resize(1400, 900)
        self.file_menu = self.menuBar().addMenu("&File")
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.view_menu = self.menuBar().addMenu("&View")
        self._build_file_menu()
        self._build_edit_menu()
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self.session.path_changed.connect(self._update_title)
        for spec in VIEW_INSTALLERS:
            module_name, func = spec.split(":")
            getattr(importlib.import_module(module_name), func)(self)
        self._update_title()

    # -- building ----------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_file_menu(self) -> None:
        self._action(self.file_menu, "&New", lambda: self.new_from_template("blank"), QKeySequence.StandardKey.New)
        self._action(self.file_menu, "&Open...", self.open_dialog, QKeySequence.StandardKey.Open)
        self.file_menu.addSeparator()
        self._action(self.file_menu, "&Save", self.save, QKeySequence.StandardKey.Save)
        self._action(self.file_menu, "Save &As...", self.save_as, QKeySequence.StandardKey.SaveAs)
        self.file_menu.addSeparator()
        self._action(self.file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

    def _build_edit_menu(self) -> None:
        undo = self.session.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> None:
        """Add a view's dock and list it in the View menu."""
        if not dock.objectName():
            dock.setObjectName(dock.windowTitle().replace(" ", "") + "Dock")
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())

    # -- documents -----------------------------------------------------------------------
    def open_initial(self, path: Path | None) -> None:
        if path is not None:
            self.open_path(path)
        else:
            self.session.load(load_template("ecommerce"), None)

    def new_from_template(self, name: str) -> None:
        if self.maybe_save():
            self.session.load(load_template(name), None)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(self, "Open design", "", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        try:
            document = load_design(path)
        except DesignFileError as exc:
            QMessageBox.warning(self, "Cannot open design", str(exc))
            return False
        self.session.load(document, path)
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, "Save design", "", FILE_FILTER)
        return bool(name) and self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        try:
            save_design(self.session.design.document, path)
        except OSError as exc:
            QMessageBox.warning(self, "Cannot save design", f"{path}: {exc.strerror or exc}")
            return False
        self.session.set_path(path)
        self.session.undo_stack.setClean()
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False if the user cancels."""
        if self.session.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self._document_name()}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _document_name(self) -> str:
        return self.session.path.name if self.session.path else "Untitled"

    def _update_title(self, *_: object) -> None:
        self.setWindowTitle(f"{self._document_name()}[*] - Backend Architect Studio")
        self.setWindowModified(not self.session.undo_stack.isClean())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()
