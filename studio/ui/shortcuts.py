"""The shortcut reference (F1 or ?): built from the window's real actions, so it cannot go stale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from studio.ui.command_palette import action_paths, fuzzy_score

translate = QCoreApplication.translate  # the name lupdate looks for


def _keys(sequences: list[QKeySequence]) -> str:
    texts = (s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())
    return ", ".join(dict.fromkeys(texts))  # an action may list the same key twice


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(group, action, keys) for every action and shortcut of the window that has keys."""
    rows: list[tuple[str, str, str]] = []
    for action, path in action_paths(window).items():
        keys = _keys(action.shortcuts())
        if keys:
            group, _, name = path.rpartition(" › ")
            rows.append((group or translate("ShortcutReference", "Window"), name, keys))
    for shortcut in window.findChildren(QShortcut):
        keys = _keys(shortcut.keys())
        if keys and shortcut.isEnabled():
            rows.append(
                (
                    translate("ShortcutReference", "Window"),
                    shortcut.whatsThis() or shortcut.objectName() or keys,
                    keys,
                )
            )
    return sorted(set(rows))


class ShortcutReference(QDialog):
    """A searchable table of shortcuts grouped by menu."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("ShortcutReference")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 620)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.rows = shortcut_rows(window)
        self.filter.textChanged.connect(self.refresh)
        self.refresh("")

    def refresh(self, text: str) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for group, name, keys in self.rows:
            if text and fuzzy_score(text, f"{group} {name} {keys}") is None:
                continue
            parent = groups.get(group)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [group])
                parent.setFirstColumnSpanned(True)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[group] = parent
            QTreeWidgetItem(parent, [name, keys])
        self.tree.expandAll()


def show_shortcuts(window: QMainWindow) -> ShortcutReference:
    dialog = ShortcutReference(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
