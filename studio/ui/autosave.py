"""Autosave: a recovery copy of unsaved work, written on a timer and when the studio loses focus.

While the open design has unsaved changes the ``Autosaver`` writes it to the recovery
store (``studio.io.recovery``) every ``autosave_interval_s`` seconds and whenever the
application stops being the active one; it never writes over the design file. Saving,
discarding or closing the window cleanly removes the copy. After a crash or a kill the
next start offers what the store holds (``studio.ui.recovery_dialog``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMainWindow

from studio.io.recovery import RecoveryEntry, RecoveryStore
from studio.ui.settings import Settings

translate = QCoreApplication.translate  # the name lupdate looks for

#: Tests and automation answer the start-up recovery offer without a dialog:
#: ``restore`` (the newest entry), ``discard`` (all) or ``keep``. See the README.
ANSWER_ENV = "STUDIO_RECOVERY_ANSWER"
#: Set on the QApplication by the studio's start-up: the first window offers recovered work.
OFFER_PROPERTY = "studioOfferRecovery"


def recovery_folder() -> Path:
    """Where recovery copies live: the studio's folder of the user's local data."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".local" / "share" / "backend-architect-studio") / "recovery"


def pending_changes(stack: QUndoStack) -> list[str]:
    """What changed since the last save, from the undo history (oldest first)."""
    clean, index = stack.cleanIndex(), stack.index()
    if clean < 0:
        return [stack.text(i) for i in range(index)]
    if index >= clean:
        return [stack.text(i) for i in range(clean, index)]
    return [translate("Autosave", "Undo %s") % stack.text(i) for i in range(clean - 1, index - 1, -1)]


class Autosaver(QObject):
    """Keeps one recovery entry for one window's session up to date."""

    def __init__(self, window: QMainWindow, store: RecoveryStore, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session  # type: ignore[attr-defined]
        self.store = store
        self.settings = settings
        self.entry_id = RecoveryStore.new_entry_id()
        #: Changes carried over from a restored recovery copy (its undo history is gone).
        self.inherited_changes: list[str] = []
        self._written_revision: int | None = None
        self._closing = False
        self._reported_failure = False
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.write_now)
        self._apply_interval()
        settings.changed.connect(self._on_setting)
        self.session.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.session.replaced.connect(self._on_replaced)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)
        window.installEventFilter(self)

    # -- state -----------------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.session.undo_stack.isClean()

    def changes(self) -> list[str]:
        return self.inherited_changes + pending_changes(self.session.undo_stack)

    def write_now(self) -> bool:
        """Write the recovery copy if there is something new to keep; False on failure."""
        if not self.is_modified():
            return True
        if self._written_revision == self.session.design.revision:
            return True
        try:
            self.store.write(self.entry_id, self.session.design.document, self.session.path, self.changes())
        except OSError as exc:
            if not self._reported_failure:  # once per session: a full disk must not nag
                self._reported_failure = True
                self._status(translate("Autosave", "Autosave failed: %s") % (exc.strerror or exc))
            return False
        self._written_revision = self.session.design.revision
        self._reported_failure = False
        return True

    def discard(self) -> None:
        self.timer.stop()
        self.store.discard(self.entry_id)
        self._written_revision = None

    # -- reactions -------------------------------------------------------------------
    def _apply_interval(self) -> None:
        self.timer.setInterval(int(self.settings.get("autosave_interval_s")) * 1000)

    def _on_setting(self, name: str) -> None:
        if name == "autosave_interval_s":
            self._apply_interval()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to the saved state
            self.inherited_changes = []
            self.discard()
        elif not self.timer.isActive():
            self.timer.start()

    def _on_replaced(self) -> None:
        self.inherited_changes = []
        self.discard()

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self.is_modified():
            self.write_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A close that the window accepts hides it: that is a clean close."""
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self._closing = True
                QTimer.singleShot(0, self._close_refused)
            elif event.type() == QEvent.Type.Hide and self._closing and not event.spontaneous():
                self._closing = False
                self.discard()
        return False

    def _close_refused(self) -> None:
        self._closing = False

    def mark_restored(self, entry: RecoveryEntry) -> None:
        """The session now holds a restored copy: keep it modified and safe right away."""
        self.inherited_changes = list(entry.changes) or [
            translate("Autosave", "Restored from a recovery copy")
        ]
        self.session.undo_stack.resetClean()
        self._written_revision = None
        if self.write_now():
            self.store.discard(entry.entry_id)
        self.timer.start()

    def _status(self, text: str) -> None:
        bar = self.window.statusBar()
        bar.showMessage(text, 10_000)
        print(f"studio: {text}", file=sys.stderr)


def install_autosave(window: QMainWindow, settings: Settings) -> Autosaver:
    """Attach autosave to the window and offer recovered designs once it is shown."""
    autosaver = Autosaver(window, RecoveryStore(recovery_folder()), settings)
    window.autosaver = autosaver  # type: ignore[attr-defined]
    app = QCoreApplication.instance()
    # Only a real start offers recovery (see desktop.prepare_application): a window built by
    # a test or a script must never stop on a modal dialog about some other session's work.
    if app is not None and app.property(OFFER_PROPERTY):
        app.setProperty(OFFER_PROPERTY, False)  # the first window of the process offers, once
        QTimer.singleShot(0, lambda: _offer_at_start(window, autosaver))
    return autosaver


def _offer_at_start(window: QMainWindow, autosaver: Autosaver) -> None:
    from studio.ui.recovery_dialog import offer_recovery

    offer_recovery(window, autosaver, answer=os.environ.get(ANSWER_ENV, ""))
