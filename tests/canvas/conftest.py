"""Canvas fixtures: an editor on the e-commerce design in a shown view, at 100% zoom.

Gestures go to the view's viewport as real mouse events; helpers map scene points to
viewport points so tests read in model coordinates.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.model import DesignDocument
from studio.ui.canvas.editor import CanvasEditor
from studio.ui.session import DocumentSession


#: The layout the gesture tests aim at (scene points of empty space, handles, groups), kept
#: here so that re-arranging the shipped template never moves the tests' targets.
TEST_POSITIONS = {
    "cmp-web": (0.0, 200.0), "cmp-cdn": (0.0, 20.0), "cmp-gateway": (240.0, 200.0),
    "cmp-app": (480.0, 200.0), "cmp-users": (720.0, 40.0), "cmp-products": (720.0, 200.0),
    "cmp-orders": (720.0, 360.0), "cmp-redis": (960.0, 520.0), "cmp-pg": (960.0, 120.0),
    "cmp-replicas": (1200.0, 120.0), "cmp-queue": (960.0, 680.0), "cmp-worker": (1200.0, 680.0),
}
TEST_FRAMES = {"grp-monolith": (440.0, 0.0, 480.0, 480.0), "grp-data": (920.0, 80.0, 480.0, 560.0)}


@pytest.fixture
def ecommerce(ecommerce: DesignDocument) -> DesignDocument:
    """The e-commerce template in the layout the canvas tests were written against."""
    for component in ecommerce.components:
        component.x, component.y = TEST_POSITIONS[component.id]
    for group in ecommerce.groups:
        group.x, group.y, group.width, group.height = TEST_FRAMES[group.id]
    return ecommerce


@pytest.fixture
def session(qtbot, ecommerce: DesignDocument) -> Iterator[DocumentSession]:  # type: ignore[no-untyped-def]
    s = DocumentSession()
    s.load(ecommerce, None)
    yield s
    s.close()


@pytest.fixture
def editor(qtbot, session: DocumentSession) -> Iterator[CanvasEditor]:  # type: ignore[no-untyped-def]
    ed = CanvasEditor(session)
    view = ed.view
    qtbot.addWidget(view)
    view.resize(1500, 900)
    view.show()
    qtbot.waitExposed(view)
    view.reset_zoom()
    view.centerOn(QPointF(700, 380))
    view.setFocus()
    yield ed
    ed.teardown()


def vp(editor: CanvasEditor, x: float, y: float) -> QPoint:
    """The viewport point showing scene point (x, y)."""
    return editor.view.mapFromScene(QPointF(x, y))


def _move(widget, point: QPoint, buttons: Qt.MouseButton) -> None:  # type: ignore[no-untyped-def]
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(widget.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(
    editor: CanvasEditor,
    start: tuple[float, float],
    end: tuple[float, float],
    steps: int = 6,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press at ``start``, move in steps, release at ``end`` (scene coordinates)."""
    viewport = editor.view.viewport()
    a, b = vp(editor, *start), vp(editor, *end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    for k in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * k // steps, a.y() + (b.y() - a.y()) * k // steps)
        _move(viewport, p, Qt.MouseButton.LeftButton)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def click(
    editor: CanvasEditor, x: float, y: float, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, modifier, vp(editor, x, y))


def centre(editor: CanvasEditor, component_id: str) -> tuple[float, float]:
    c = editor.scene.components[component_id].node_rect().center()
    return (c.x(), c.y())
