"""The offer of recovered designs: each with its file, time and changes; restore or discard.

Shown once the window is up when the recovery store holds copies left by a studio that
did not close cleanly, and on demand from File > Recover Unsaved Designs. Restoring
loads the copy into the window as an unsaved design with its original file name, so the
next Save writes where the user was working; discarding deletes the copy.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.io.design_file import DesignFileError
from studio.io.recovery import RecoveryEntry
from studio.ui.autosave import Autosaver

translate = QCoreApplication.translate  # the name lupdate looks for


def entry_summary(entry: RecoveryEntry, now: datetime | None = None) -> str:
    """Two lines for the list: the design and its file, then when and what changed."""
    where = str(entry.original_path) if entry.original_path else translate("RecoveryDialog", "never saved")
    local = QDateTime.fromSecsSinceEpoch(int(entry.saved_at.timestamp()))
    when = QLocale().toString(local, QLocale.FormatType.ShortFormat)
    minutes = int(((now or datetime.now(UTC)) - entry.saved_at).total_seconds() // 60)
    ago = (
        translate("RecoveryDialog", "just now")
        if minutes < 1
        else translate("RecoveryDialog", "%n minute(s) ago", None, minutes)
    )
    title = entry.title or translate("RecoveryDialog", "Untitled design")
    return f"{title} ({where})\n{when}, {ago}: {entry.describe_changes()}"


class RecoveryDialog(QDialog):
    """Lists recovery entries; ``chosen`` is the entry to restore after ``accept()``."""

    def __init__(
        self, entries: list[RecoveryEntry], autosaver: Autosaver, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover unsaved designs"))
        self.autosaver = autosaver
        self.chosen: RecoveryEntry | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The studio did not close cleanly last time. These designs have changes "
                "that were not saved. Restore one to keep working on it, or discard it."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumSize(560, 200)
        for entry in entries:
            item = QListWidgetItem(entry_summary(entry), self.list)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(str(entry.file))
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.discard_button = QPushButton(self.tr("&Discard"), self)
        later = QPushButton(self.tr("Decide &later"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        later.clicked.connect(self.reject)
        self.restore_button.setDefault(True)
        layout.addWidget(buttons)

    def _current(self) -> RecoveryEntry | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _restore(self) -> None:
        self.chosen = self._current()
        if self.chosen is not None:
            self.accept()

    def _discard(self) -> None:
        entry = self._current()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard recovered changes"),
            self.tr("Discard the unsaved changes to %s? This cannot be undone.")
            % (entry.title or entry.entry_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.autosaver.store.discard(entry.entry_id)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()


def offer_recovery(
    window: QMainWindow, autosaver: Autosaver, *, answer: str = "", on_demand: bool = False
) -> None:
    """Offer what the store holds; ``answer`` (restore/discard/keep) skips the dialog."""
    listing = autosaver.store.list()
    for problem in listing.problems:
        window.statusBar().showMessage(
            translate("RecoveryDialog", "A recovery file could not be read: %s") % problem, 15_000
        )
    entries = listing.entries
    if not entries:
        if on_demand:
            QMessageBox.information(
                window,
                translate("RecoveryDialog", "Recover unsaved designs"),
                translate("RecoveryDialog", "There are no unsaved designs to recover."),
            )
        return
    answer = answer.strip().lower()
    if answer:
        _answer_without_dialog(window, autosaver, entries, answer)
        return
    dialog = RecoveryDialog(entries, autosaver, window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
        restore(window, autosaver, dialog.chosen)
    dialog.deleteLater()


def _answer_without_dialog(
    window: QMainWindow, autosaver: Autosaver, entries: list[RecoveryEntry], answer: str
) -> None:
    """The documented automation path: report the offer on stdout and act on it."""
    for entry in entries:
        print(f"recovery offered: {entry_summary(entry)}".replace("\n", " | "), flush=True)
    if answer == "restore":
        ok = restore(window, autosaver, entries[0])
        print(f"recovery restored: {entries[0].entry_id}" if ok else "recovery failed", flush=True)
    elif answer == "discard":
        for entry in entries:
            autosaver.store.discard(entry.entry_id)
        print(f"recovery discarded: {len(entries)}", flush=True)


def restore(window: QMainWindow, autosaver: Autosaver, entry: RecoveryEntry) -> bool:
    """Load the copy into the window as unsaved work; the copy stays until it is rewritten."""
    if not window.maybe_save():  # type: ignore[attr-defined]
        return False
    try:
        document = autosaver.store.load(entry)
    except (OSError, DesignFileError) as exc:
        QMessageBox.warning(window, translate("RecoveryDialog", "Cannot restore design"), str(exc))
        return False
    window.session.load(document, entry.original_path)  # type: ignore[attr-defined]
    autosaver.mark_restored(entry)
    window.statusBar().showMessage(
        translate("RecoveryDialog", "Restored unsaved changes from %s")
        % entry.saved_at.astimezone().strftime("%H:%M"),
        10_000,
    )
    return True
