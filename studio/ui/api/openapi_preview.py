"""A live, read-only OpenAPI 3.1 YAML preview that follows every edit (debounced).

The exporter (and PyYAML with it) is imported at the first refresh, when the preview is
first shown: the window's start-up does not pay for a tab it does not show.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QShowEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from studio.model import Operation
from studio.ui.session import DocumentSession

if TYPE_CHECKING:
    from studio.export.openapi import YamlFragments

#: Parts of the document the OpenAPI description is built from.
_SOURCES = {"api", "schema", "security", "overview", "components"}


class YamlHighlighter(QSyntaxHighlighter):
    """Keys, quoted strings and comments of block YAML, enough to read a long spec at a glance."""

    _KEY = re.compile(r"^(\s*(?:- )?)('[^']*'|\"[^\"]*\"|[^\s'\"#][^:#]*?):(?=\s|$)")
    _QUOTED = re.compile(r"(?<=: )('(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\")")

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.key = QTextCharFormat()
        self.key.setForeground(QColor("#1a5fb4"))
        self.key.setFontWeight(QFont.Weight.DemiBold)
        self.string = QTextCharFormat()
        self.string.setForeground(QColor("#26734d"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        match = self._KEY.match(text)
        if match:
            self.setFormat(len(match.group(1)), len(match.group(2)), self.key)
        for quoted in self._QUOTED.finditer(text):
            self.setFormat(quoted.start(), quoted.end() - quoted.start(), self.string)


class OpenApiPreview(QWidget):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status = QLabel(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.highlighter = YamlHighlighter(self.text.document())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.text, 1)
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self._invalidate)
        self.last_ms = 0.0
        self._fragments: YamlFragments | None = None  # made at the first refresh

    def _on_changed(self, op: Operation) -> None:
        if op.path[:1] and op.path[0] in _SOURCES:  # type: ignore[union-attr]
            if op.path[0] == "components" and len(op.path) == 3 and op.path[2] in ("x", "y"):  # type: ignore[union-attr]
                return  # dragging on the canvas changes nothing here
            if op.path == ("api", "graphql_sdl"):  # type: ignore[union-attr]
                return  # typed in the GraphQL editor: not part of the OpenAPI description
            self._invalidate()

    def _invalidate(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def reveal_path(self, path: str) -> bool:
        """Scroll to the path item of ``path`` (following the endpoint selected above)."""
        if self._dirty:
            self.refresh()
        for candidate in (f"  {path}:", f"  '{path}':"):
            found = self.text.document().find(candidate)
            while not found.isNull() and found.positionInBlock() != len(candidate):
                found = self.text.document().find(candidate, found)
            if not found.isNull():
                found.clearSelection()
                self.text.setTextCursor(found)
                self.text.centerCursor()
                return True
        return False

    def refresh(self) -> str:
        """Rebuild the YAML now (also called by tests)."""
        self._timer.stop()
        from studio.export.openapi import YamlFragments, build_openapi

        if self._fragments is None:
            self._fragments = YamlFragments()
        start = time.perf_counter()
        document = self.session.design.document
        spec = build_openapi(document)
        text = self._fragments.render(spec)
        self.last_ms = (time.perf_counter() - start) * 1000
        if text != self.text.toPlainText():
            bar = self.text.verticalScrollBar()
            position = bar.value()
            self.text.setPlainText(text)
            bar.setValue(position)
        skipped = spec.get("x-skipped-endpoints", [])
        paths = len(document.api.endpoints)
        note = f" - {len(skipped)} left out until fixed (see Problems)" if skipped else ""
        self.status.setText(f"OpenAPI 3.1 from {paths} endpoints{note}")
        self._dirty = False
        # A big design waits for a longer pause in typing before the next rebuild.
        self._timer.setInterval(int(min(1000, max(120, 2 * self.last_ms))))
        return text
