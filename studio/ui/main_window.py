"""The main window shell: File and Edit behaviour, title, outline, status bar, installed views.

Views install themselves (``studio/ui/views.py``) and use this small surface:
``session``, ``file_menu``/``edit_menu``/``view_menu``, ``add_dock``, ``register_section``
and ``show_section``, ``show_message``, and the document methods ``open_path``,
``new_from_template``, ``save``, ``maybe_save`` and ``load_document``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu, QMessageBox, QUndoView, QWidget

from studio.io.design_file import DesignFileError, load_design, save_design
from studio.io.gallery import TEMPLATE_TITLES, load_template
from studio.model import DesignDocument, document_problems
from studio.ui.outline import SECTION_LABELS, OutlineDock
from studio.ui.recent import RecentFiles, RecentMenu
from studio.ui.session import DocumentSession
from studio.ui.status import DocumentStats
from studio.ui.views import VIEW_INSTALLERS

APP_NAME = "Backend Architect Studio"
FILE_FILTER = "Design files (*.json);;All files (*)"
MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    #: A section of the document was activated (from the outline or ``show_section``).
    section_activated = Signal(str)
    #: The design was written to this path.
    document_saved = Signal(object)

    def __init__(self, parent: QWidget | None = None, recent: RecentFiles | None = None) -> None:
        super().__init__(parent)
        self.session = DocumentSession(self)
        self.recent = recent if recent is not None else RecentFiles(parent=self)
        self._section_handlers: dict[str, list[Callable[[], object]]] = {}
        self.setDockNestingEnabled(True)
        self.resize(1400, 900)
        self.file_menu = self.menuBar().addMenu("&File")
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.view_menu = self.menuBar().addMenu("&View")
        self._build_file_menu()
        self._build_edit_menu()
        self.stats = DocumentStats(self.session, self)
        self.statusBar().addPermanentWidget(self.stats)
        self.outline = OutlineDock(self.session, self)
        self.outline.section_activated.connect(self.show_section)
        self.add_dock(self.outline, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_history_dock()
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self.session.path_changed.connect(self._update_title)
        self.session.replaced.connect(self._update_title)
        self.session.edit_refused.connect(lambda reason: self.show_message(f"Edit refused: {reason}", 10_000))
        for spec in VIEW_INSTALLERS:
            module_name, func = spec.split(":")
            getattr(importlib.import_module(module_name), func)(self)
        self._update_title()

    # -- building ----------------------------------------------------------------------
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_file_menu(self) -> None:
        menu = self.file_menu
        self.new_menu = menu.addMenu("&New from Template")
        for name, title in TEMPLATE_TITLES.items():
            shortcut = QKeySequence.StandardKey.New if name == "blank" else None
            self._action(self.new_menu, title, lambda n=name: self.new_from_template(n), shortcut)
        self._action(menu, "&Open...", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = RecentMenu(self.recent, self.open_path, self)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        self._action(menu, "&Save", self.save, QKeySequence.StandardKey.Save)
        self._action(menu, "Save &As...", self.save_as, QKeySequence.StandardKey.SaveAs)
        self._action(menu, "&Close", self.close_design, QKeySequence.StandardKey.Close)
        menu.addSeparator()
        self.quit_action = self._action(menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _build_edit_menu(self) -> None:
        stack = self.session.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)

    def _add_history_dock(self) -> None:
        dock = QDockWidget("Undo History", self)
        dock.setObjectName("UndoHistoryDock")
        view = QUndoView(self.session.undo_stack, dock)
        view.setEmptyLabel("<opened>")
        dock.setWidget(view)
        self.add_dock(dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        dock.hide()

    def add_dock(
        self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> None:
        """Add a view's dock and list it in the View menu."""
        if not dock.objectName():
            dock.setObjectName(dock.windowTitle().replace(" ", "") + "Dock")
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())

    # -- sections and messages -----------------------------------------------------------
    def register_section(self, name: str, callback: Callable[[], object]) -> None:
        """Let ``show_section(name)`` bring up a view (``name`` from ``outline.SECTIONS``)."""
        self._section_handlers.setdefault(name, []).append(callback)

    def show_section(self, name: str) -> bool:
        """Show the view(s) registered for ``name``; False (and a status message) if none."""
        self.section_activated.emit(name)
        handlers = self._section_handlers.get(name, [])
        for handler in handlers:
            handler()
        if not handlers:
            self.show_message(f"No view shows {SECTION_LABELS.get(name, name).lower()} yet")
        return bool(handlers)

    def show_message(self, text: str, timeout_ms: int = MESSAGE_MS) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # -- documents -----------------------------------------------------------------------
    def load_document(self, document: DesignDocument, path: Path | None, *, modified: bool = False) -> bool:
        """Make ``document`` the open design (undo history starts afresh); False if refused."""
        problems = document_problems(document)  # checked first: the open design stays intact
        if problems:
            where, what = problems[0]
            self._warn("Cannot open design", f"{path.name if path else 'design'}: {where}: {what}")
            return False
        self.session.load(document, path)
        if modified:
            self.session.undo_stack.resetClean()
        return True

    def open_initial(self, path: Path | None) -> None:
        """Start-up: ``path``, else the most recent design, else the e-commerce example."""
        if path is not None:
            try:
                document = load_design(path)
            except DesignFileError as exc:
                QTimer.singleShot(0, lambda message=str(exc): self._warn("Cannot open design", message))
            else:
                if self.load_document(document, path):
                    self.recent.add(path)
                    return
        elif (last := self.recent.last()) is not None:
            try:
                if self.load_document(load_design(last), last):
                    return
            except DesignFileError as exc:
                self.show_message(f"Could not reopen the last design: {exc}", 15_000)
        self.load_document(load_template("ecommerce"), None)

    def new_from_template(self, name: str) -> bool:
        if not self.maybe_save():
            return False
        return self.load_document(load_template(name), None)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.session.path.parent) if self.session.path else ""
        name, _ = QFileDialog.getOpenFileName(self, "Open design", start, FILE_FILTER)
        if name:
            self.open_path(Path(name), ask=False)

    def open_path(self, path: Path, *, ask: bool = True) -> bool:
        """Open a design file; errors show as a one-line dialog, the current design stays."""
        if ask and not self.maybe_save():
            return False
        try:
            document = load_design(path)
        except DesignFileError as exc:
            self._warn("Cannot open design", str(exc))
            if not path.is_file():
                self.recent.remove(path)
            return False
        if not self.load_document(document, path):
            return False
        self.recent.add(path)
        self.show_message(f"Opened {path}")
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        start = (
            str(self.session.path)
            if self.session.path
            else f"{self.session.design.document.overview.title}.json"
        )
        name, _ = QFileDialog.getSaveFileName(self, "Save design", start, FILE_FILTER)
        return bool(name) and self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        try:
            save_design(self.session.design.document, path)
        except OSError as exc:
            self._warn("Cannot save design", f"{path}: {exc.strerror or exc}")
            return False
        self.session.set_path(path)
        self.session.undo_stack.setClean()
        self.recent.add(path)
        self.show_message(f"Saved {path}")
        self.document_saved.emit(path)
        return True

    def close_design(self) -> bool:
        """File > Close: back to a blank, unsaved design."""
        return self.new_from_template("blank")

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False if the user cancels."""
        if self.session.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.document_name()}?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def document_name(self) -> str:
        return self.session.path.name if self.session.path else "Untitled"

    def _update_title(self, *_: object) -> None:
        self.setWindowTitle(f"{self.document_name()}[*] — {APP_NAME}")
        self.setWindowModified(not self.session.undo_stack.isClean())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()
