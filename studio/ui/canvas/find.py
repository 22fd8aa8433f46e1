"""Find (Ctrl+F): a bar over the canvas that selects and centres matching components."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from studio.ui.canvas.view import CanvasView


class FindBar(QFrame):
    def __init__(self, view: CanvasView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvasFindBar")
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.field = QLineEdit()
        self.field.setObjectName("canvasFindField")
        self.field.setPlaceholderText("Find components by name, technology or tag")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(260)
        self.count = QLabel()
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setText("\u25b2")
        previous.setToolTip("Previous match (Shift+Enter)")
        following.setText("\u25bc")
        following.setToolTip("Next match (Enter)")
        close.setText("\u2715")
        close.setToolTip("Close (Esc)")
        for w in (self.field, self.count, previous, following, close):
            layout.addWidget(w)
        self.field.textChanged.connect(lambda _: self.find(0))
        self.field.returnPressed.connect(lambda: self.step(1))
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        self.matches: list[str] = []
        self.index = -1
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.step(-1)
            return
        super().keyPressEvent(event)

    def _search(self, text: str) -> list[str]:
        needle = text.strip().casefold()
        if not needle:
            return []
        return [
            c.id
            for c in self.view.canvas.session.design.document.components
            if needle in c.name.casefold()
            or needle in c.technology.casefold()
            or any(needle in t.casefold() for t in c.tags)
        ]

    def find(self, index: int) -> None:
        self.matches = self._search(self.field.text())
        self.index = -1
        if self.matches:
            self.go(index)
        else:
            self.count.setText("no match" if self.field.text().strip() else "")

    def step(self, delta: int) -> None:
        if not self.matches:
            self.find(0)
            return
        self.go((self.index + delta) % len(self.matches))

    def go(self, index: int) -> None:
        self.index = index
        component_id = self.matches[index]
        scene = self.view.canvas
        scene.select_ids([component_id])
        item = scene.components.get(component_id)
        if item is not None:
            self.view.centerOn(item.node_rect().center())
        self.count.setText(f"{index + 1} of {len(self.matches)}")
