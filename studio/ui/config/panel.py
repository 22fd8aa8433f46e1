"""The config panel: the ``backend-architect`` section of ``.agentconfig.json`` as a form.

The form edits ``document.agent_config`` (and the design fields it drives) through
operations; the preview shows exactly the text that saving would write: the open file
with only the changed values replaced, or a new file. The path of the open config file
is display state of this panel, not part of the design.
"""

from __future__ import annotations

import difflib
import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.io.agent_config_file import (
    AgentConfigFileError,
    merged_config_text,
    new_config_text,
    read_agent_config,
    write_agent_config,
)
from studio.model import KNOWN_VALUES, Operation
from studio.model.config_defaults import (
    config_ops,
    config_value_ops,
    dialect_for_database,
    leading_api_description,
)
from studio.ui.session import DocumentSession

FILE_FILTER = "Agent config (.agentconfig.json *.json);;All files (*)"
LABELS = {
    "preferredFramework": "Preferred framework",
    "database": "Database",
    "caching": "Caching",
    "authentication": "Authentication",
    "documentation": "Documentation",
    "architectureStyle": "Architecture style",
}


class ConfigPanel(QWidget):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.changed_lines: list[int] = []
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for key, values in KNOWN_VALUES.items():
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(list(values))
            combo.setToolTip(f'"{key}": known values are listed; any other value can be typed')
            combo.activated.connect(lambda _i, key=key: self._commit(key))
            combo.lineEdit().editingFinished.connect(lambda key=key: self._commit(key))
            self.combos[key] = combo
            form.addRow(LABELS[key], combo)
        self.effects = QLabel(self)
        self.effects.setWordWrap(True)
        self.effects.setTextFormat(Qt.TextFormat.RichText)
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton("Open .agentconfig.json...", self)
        self.open_button.clicked.connect(self.open_dialog)
        self.save_button = QPushButton("Save (merge)", self)
        self.save_button.setToolTip("Merge the section into the open file: only changed values are rewritten")
        self.save_button.clicked.connect(self.save)
        self.save_as_button = QPushButton("Save into...", self)
        self.save_as_button.clicked.connect(self.save_as_dialog)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.save_button, self.save_as_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.file_label)
        left_layout.addLayout(form)
        left_layout.addWidget(self.effects)
        left_layout.addWidget(self.message)
        left_layout.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_label = QLabel(right)
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.refresh_preview)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self.refresh)
        self.refresh()

    # -- model -> form ------------------------------------------------------------------------
    def refresh(self) -> None:
        section = self.session.design.document.agent_config.section()
        for key, combo in self.combos.items():
            value = str(section.get(key, ""))
            if combo.currentText() != value:
                blocked = combo.blockSignals(True)
                found = combo.findText(value)
                if found >= 0:
                    combo.setCurrentIndex(found)
                else:
                    combo.setEditText(value)
                combo.blockSignals(blocked)
        config = self.session.design.document.agent_config
        dialect = dialect_for_database(config.database)
        dialect_text = (
            f"DDL dialect <b>{html.escape(dialect)}</b>" if dialect else "no SQL dialect (not a SQL database)"
        )
        lead = "GraphQL SDL" if leading_api_description(config) == "graphql" else "OpenAPI"
        self.effects.setText(
            f"Drives the design: {dialect_text}; "
            f"architecture style <b>{html.escape(config.architecture_style)}</b>; "
            f"auth kind <b>{html.escape(config.authentication)}</b>; leading API description <b>{lead}</b>."
        )
        self.file_label.setText(
            f"File: {html.escape(str(self.path))}"
            if self.path
            else "File: none open (Save into... creates one)"
        )
        self.save_button.setEnabled(self.path is not None)
        self.refresh_preview()

    def refresh_preview(self) -> str:
        """Show what saving would write, with the lines that differ from the file marked."""
        self._timer.stop()
        section = self.session.design.document.agent_config.section()
        text = new_config_text(section)
        on_disk = ""
        if self.path is not None:
            try:
                text = merged_config_text(self.path, section)
                on_disk = self.path.read_text("utf-8") if self.path.is_file() else ""
            except (AgentConfigFileError, OSError, UnicodeDecodeError) as exc:
                self._say(str(exc), error=True)
        if self.preview.toPlainText() != text:
            self.preview.setPlainText(text)
        self._mark_changes(on_disk, text)
        return text

    def _mark_changes(self, old: str, new: str) -> None:
        changed: list[int] = []
        if self.path is not None:
            matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
            for tag, _a0, _a1, b0, b1 in matcher.get_opcodes():
                if tag in ("replace", "insert"):
                    changed.extend(range(b0, b1))
        selections = []
        for line in changed:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(200, 230, 201))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(self.preview.document().findBlockByNumber(line))
            selections.append(selection)
        self.preview.setExtraSelections(selections)
        self.changed_lines = changed
        if self.path is not None:
            n = len(changed)
            self.preview_label.setText(
                f"Preview of {self.path.name} as it will be saved: "
                + (f"{n} line{'s' if n != 1 else ''} change (marked)" if n else "no change")
            )
        else:
            self.preview_label.setText("Preview of a new .agentconfig.json")

    def _on_changed(self, op: Operation) -> None:
        if op.path[:1] == ("agent_config",):  # type: ignore[union-attr]
            self.refresh()

    # -- form -> model ------------------------------------------------------------------------
    def _commit(self, key: str) -> None:
        value = self.combos[key].currentText().strip()
        if not value:
            self.refresh()  # an empty value is not a choice: show the model's again
            return
        self.session.push(config_value_ops(self.session.design, key, value))

    # -- files -----------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        colour = "#c62828" if error else "#2e7d32"
        self.message.setText(f"<span style='color:{colour}'>{html.escape(text)}</span>")

    def open_file(self, path: Path) -> bool:
        """Read ``path`` and apply its section as one undoable edit; a bad file changes nothing."""
        try:
            parsed = read_agent_config(path)
        except AgentConfigFileError as exc:
            self._say(f"Cannot open: {exc}. Nothing was changed.", error=True)
            return False
        self.path = path
        if parsed.section is None:
            self._say(f'{path.name} has no "backend-architect" section; saving will add it.')
        else:
            op = config_ops(self.session.design, parsed.section.section(), f"Open {path.name}")
            if op.ops:
                self.session.push(op)
            self._say(
                f"Opened {path.name}: {len(op.ops)} change{'s' if len(op.ops) != 1 else ''} to the design."
            )
        self.refresh()
        return True

    def save_to(self, path: Path) -> bool:
        """Merge the section into ``path``; a malformed file is reported and left untouched."""
        try:
            changed = write_agent_config(path, self.session.design.document.agent_config.section())
        except AgentConfigFileError as exc:
            self._say(f"Not saved: {exc}. The file was not changed.", error=True)
            return False
        except OSError as exc:
            self._say(f"Not saved: {path}: {exc.strerror or exc}", error=True)
            return False
        self.path = path
        self._say(f"Saved {path.name}." if changed else f"{path.name} is already up to date.")
        self.refresh()
        return True

    def save(self) -> bool:
        return self.save_to(self.path) if self.path is not None else self.save_as_dialog()

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open .agentconfig.json", "", FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def save_as_dialog(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save into .agentconfig.json",
            ".agentconfig.json",
            FILE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return bool(name) and self.save_to(Path(name))


def install(window) -> None:  # type: ignore[no-untyped-def]
    dock = QDockWidget("Agent config", window)
    dock.setObjectName("AgentConfigDock")
    panel = ConfigPanel(window.session, dock)
    dock.setWidget(panel)
    window.add_dock(dock, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.config_panel = panel
    api = window.findChild(QDockWidget, "ApiDock")
    if api is not None:  # share the API dock's place; the API stays in front
        window.tabifyDockWidget(api, dock)
        api.raise_()
    register = getattr(window, "register_section", None)
    if callable(register):
        register("agent_config", lambda: (dock.show(), dock.raise_()))
