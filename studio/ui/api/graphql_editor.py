"""The GraphQL SDL editor: every keystroke is an (merged) edit; graphql-core checks it live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QShowEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.model import Operation
from studio.ui.session import DocumentSession

if TYPE_CHECKING:
    from studio.export.graphql import SdlProblem

SDL_PATH = ("api", "graphql_sdl")


class GraphqlEditor(QWidget):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problems: list[SdlProblem] = []
        #: Checked when first shown: graphql-core takes a while to import, the window must not wait.
        self._stale = True
        self.editor = QPlainTextEdit(self)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setPlaceholderText("type Query {\n  ...\n}")
        self.status = QLabel(self)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(110)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.validate)
        self.editor.textChanged.connect(self._typed)
        session.end_merge_on_focus_out(self.editor)  # leaving the editor ends one undo step
        session.changed.connect(self._on_changed)
        session.replaced.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        text = self.session.design.document.api.graphql_sdl
        if self.editor.toPlainText() != text:
            blocked = self.editor.blockSignals(True)
            cursor = self.editor.textCursor().position()
            self.editor.setPlainText(text)
            moved = self.editor.textCursor()
            moved.setPosition(min(cursor, len(text)))
            self.editor.setTextCursor(moved)
            self.editor.blockSignals(blocked)
        self._stale = True
        if self.isVisible():
            self.validate()

    def _typed(self) -> None:
        text = self.editor.toPlainText()
        design = self.session.design
        if design.document.api.graphql_sdl != text:
            self.session.push(design.set_op(SDL_PATH, text, "Edit GraphQL schema"), merge=True)
        self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.validate()

    def _on_changed(self, op: Operation) -> None:
        if op.path == SDL_PATH and self.editor.toPlainText() != self.session.design.document.api.graphql_sdl:  # type: ignore[union-attr]
            self.reload()

    def validate(self) -> list[SdlProblem]:
        """Check the SDL now; mark each problem's place and list it."""
        from studio.export.graphql import check_sdl

        self._timer.stop()
        self._stale = False
        text = self.editor.toPlainText()
        self.problems = check_sdl(text)
        self.list.clear()
        selections: list[QTextEdit.ExtraSelection] = []
        for problem in self.problems:
            item = QListWidgetItem(str(problem), self.list)
            item.setData(Qt.ItemDataRole.UserRole, (problem.line, problem.column))
            if problem.line:
                selections.append(self._mark(problem))
        self.editor.setExtraSelections(selections)
        if not text.strip():
            self.status.setText("No GraphQL schema (optional).")
        elif self.problems:
            n = len(self.problems)
            self.status.setText(
                f"<span style='color:#c62828'>{n} problem{'s' if n > 1 else ''} in the schema</span>"
            )
        else:
            self.status.setText("<span style='color:#2e7d32'>Valid GraphQL schema (graphql-core)</span>")
        return self.problems

    def _mark(self, problem: SdlProblem) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#d32f2f"))
        fmt.setBackground(QColor(255, 205, 210, 120))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.format = fmt
        cursor = QTextCursor(self.editor.document().findBlockByNumber(problem.line - 1))
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=max(problem.column - 1, 0))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
        if not cursor.hasSelection():
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        return selection

    def _jump(self, item: QListWidgetItem) -> None:
        line, column = item.data(Qt.ItemDataRole.UserRole)
        if not line:
            return
        cursor = QTextCursor(self.editor.document().findBlockByNumber(line - 1))
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=max(column - 1, 0))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()
