"""What makes the window a desktop application: settings, theme, autosave, workshop mode,
the command palette, the shortcut reference and Preferences.

Registered in ``studio/ui/views.py`` as one installer. Dialogs are imported when first
opened so that the first window appears quickly.

Automation (documented in the README, used by the tests and the screenshots):
``STUDIO_PALETTE_RUN="db Orders; svc Payments"`` runs each ``;``-separated line through the
command palette once the window is shown, exactly as if typed and confirmed with Enter.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from studio.ui.autosave import install_autosave
from studio.ui.i18n import LANGUAGE_PROPERTY, translate_window
from studio.ui.settings import Settings, app_settings
from studio.ui.themes import ThemeManager
from studio.ui.workshop import WorkshopMode

translate = QCoreApplication.translate  # the name lupdate looks for

PALETTE_RUN_ENV = "STUDIO_PALETTE_RUN"


class WindowLayoutKeeper(QObject):
    """Restores the saved geometry and dock layout on first show; saves them on a clean close."""

    def __init__(self, window: QMainWindow, settings: Settings, workshop: WorkshopMode) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.workshop = workshop
        self._shown = False
        self._closing = False
        geometry = settings.window_geometry()
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.window:
            return False
        kind = event.type()
        if kind == QEvent.Type.Show and not self._shown:
            self._shown = True  # every view's dock exists by now
            _follow_snap_setting(self.window, self.settings)
            app = QCoreApplication.instance()
            if app is not None and app.property(LANGUAGE_PROPERTY) not in (None, "en"):
                translate_window(self.window)
            state = self.settings.window_state()
            if state is not None:
                self.window.restoreState(state)
        elif kind == QEvent.Type.Close:
            self._closing = True
            QTimer.singleShot(0, self._close_refused)
        elif kind == QEvent.Type.Hide and self._closing and not event.spontaneous():
            self._closing = False
            self.settings.save_window(*self.workshop.normal_layout())
        return False

    def _close_refused(self) -> None:
        self._closing = False


def prepare_application(app: QApplication) -> None:
    """Start-up work before the first window: language, icon, and the recovery offer."""
    from PySide6.QtGui import QIcon

    from studio.resources import resource
    from studio.ui.autosave import OFFER_PROPERTY
    from studio.ui.i18n import install_for_settings

    install_for_settings(app)
    icon = resource("icons", "app.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName("backend-architect-studio")
    app.setProperty(OFFER_PROPERTY, True)


def _menu(window: QMainWindow, title: str) -> QMenu:
    """The window's menu with this title (ignoring &), created at the end if missing."""
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title.replace("&", ""):
            return action.menu()
    return window.menuBar().addMenu(title)


def _action(window: QMainWindow, menu: QMenu, text: str, slot, *keys: QKeySequence | str) -> QAction:  # type: ignore[no-untyped-def]
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def install(window: QMainWindow) -> None:
    """The VIEW_INSTALLERS entry."""
    settings = app_settings()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    themes = app.findChild(QObject, "studio-theme-holder")
    if themes is None:
        holder = QObject(app)
        holder.setObjectName("studio-theme-holder")
        holder.manager = ThemeManager(app)  # type: ignore[attr-defined]
        themes = holder
    manager: ThemeManager = themes.manager  # type: ignore[attr-defined]
    manager.apply(str(settings.get("theme")))
    settings.changed.connect(
        lambda name: manager.apply(str(settings.get("theme"))) if name == "theme" else None
    )

    workshop = WorkshopMode(window, settings)
    window.workshop = workshop  # type: ignore[attr-defined]
    window.layout_keeper = WindowLayoutKeeper(window, settings, workshop)  # type: ignore[attr-defined]
    autosaver = install_autosave(window, settings)

    file_menu = window.file_menu  # type: ignore[attr-defined]
    edit_menu = window.edit_menu  # type: ignore[attr-defined]
    view_menu = window.view_menu  # type: ignore[attr-defined]

    def recover() -> None:
        from studio.ui.recovery_dialog import offer_recovery

        offer_recovery(window, autosaver, on_demand=True)

    def preferences() -> None:
        from studio.ui.preferences import show_preferences

        show_preferences(settings, window)

    def palette() -> None:
        from studio.ui.command_palette import show_palette

        show_palette(window)

    def shortcuts() -> None:
        from studio.ui.shortcuts import show_shortcuts

        show_shortcuts(window)

    recover_action = QAction(translate("Desktop", "Recover Unsaved Designs..."), window)
    recover_action.triggered.connect(recover)
    quit_action = next(
        (a for a in file_menu.actions() if a.text().replace("&", "") in ("Quit", "Exit")), None
    )
    file_menu.insertAction(quit_action, recover_action) if quit_action else file_menu.addAction(
        recover_action
    )
    edit_menu.addSeparator()
    _action(
        window,
        edit_menu,
        translate("Desktop", "&Preferences..."),
        preferences,
        QKeySequence.StandardKey.Preferences,
        "Ctrl+,",
    )
    view_menu.addSeparator()
    palette_action = _action(
        window, view_menu, translate("Desktop", "&Command Palette..."), palette, "Ctrl+K", "Ctrl+Shift+P"
    )
    workshop_action = _action(
        window, view_menu, translate("Desktop", "&Workshop Mode"), workshop.toggle, "F11"
    )
    workshop_action.setCheckable(True)
    workshop_action.triggered.connect(lambda: workshop_action.setChecked(workshop.active))
    help_menu = _menu(window, translate("Desktop", "&Help"))
    _action(window, help_menu, translate("Desktop", "&Keyboard Shortcuts"), shortcuts, "F1")
    question = QShortcut(QKeySequence("?"), window)
    question.setWhatsThis(translate("Desktop", "Keyboard Shortcuts"))
    question.activated.connect(shortcuts)
    palette_action.setStatusTip(
        translate("Desktop", "Find any command, or add a component by typing: db Orders")
    )

    _remember_templates(window, settings)
    QTimer.singleShot(0, lambda: _after_show(window, settings))


def _follow_snap_setting(window: QMainWindow, settings: Settings) -> None:
    """Start the canvas's Snap to Grid as the user left it, and remember each change."""
    candidates = [
        a for a in window.findChildren(QAction) if a.isCheckable() and _plain(a.text()) == "Snap to Grid"
    ]
    if not candidates:
        return
    action = candidates[0]

    def follow(name: str = "snap_to_grid") -> None:
        if name == "snap_to_grid" and action.isChecked() != bool(settings.get("snap_to_grid")):
            action.trigger()  # through the canvas's own slot, so its scene follows

    follow()
    action.toggled.connect(lambda on: settings.set("snap_to_grid", bool(on)))
    settings.changed.connect(follow)  # Preferences changed it


def _plain(text: str) -> str:
    return text.replace("&", "").replace("...", "").strip()


def _remember_templates(window: QMainWindow, settings: Settings) -> None:
    """Record the template a new design was started from (the shell's New from Template menu)."""
    from studio.io.gallery import TEMPLATE_TITLES

    menu = getattr(window, "new_menu", None)
    if not isinstance(menu, QMenu):
        return
    by_title = {title: name for name, title in TEMPLATE_TITLES.items()}
    for action in menu.actions():
        name = by_title.get(action.text())
        if name is not None:
            action.triggered.connect(lambda _checked=False, n=name: settings.set("last_template", n))


def _after_show(window: QMainWindow, settings: Settings) -> None:
    """Report settings that fell back to defaults, then run the automation lines if any."""
    if settings.problems:
        text = "\n".join(settings.problems)
        print("studio: " + text.replace("\n", "\nstudio: "), file=sys.stderr, flush=True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("Desktop", "Settings reset"),
            translate("Desktop", "Some settings could not be used:"),
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setInformativeText(text)
        box.open()  # not modal to the event loop: the window stays usable
        settings.problems.clear()
    script = os.environ.get(PALETTE_RUN_ENV, "")
    if script:
        from studio.ui.command_palette import run_palette_text

        for line in filter(None, (part.strip() for part in script.split(";"))):
            print(f"palette: {run_palette_text(window, line)}", flush=True)
