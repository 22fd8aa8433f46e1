"""The canvas fits the drawing when first shown and on resize, until the user zooms or pans."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QAbstractSlider
from pytestqt.qtbot import QtBot

from studio.io.gallery import load_template
from studio.ui.canvas.editor import CanvasEditor
from studio.ui.session import DocumentSession


@pytest.fixture
def fresh(qtbot: QtBot, session: DocumentSession) -> Iterator[CanvasEditor]:
    """An editor whose view is shown small, with no zoom set by the test."""
    ed = CanvasEditor(session)
    qtbot.addWidget(ed.view)
    ed.view.resize(420, 300)
    ed.view.show()
    qtbot.waitExposed(ed.view)
    yield ed
    ed.teardown()


def _drawing_in_view(editor: CanvasEditor) -> bool:
    view = editor.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.adjusted(-1, -1, 1, 1).contains(editor.scene.itemsBoundingRect())


def _fills_view(editor: CanvasEditor) -> bool:
    """The drawing spans most of the viewport in one direction (fitted, not just tiny)."""
    view = editor.view
    drawn: QRectF = view.mapFromScene(editor.scene.itemsBoundingRect()).boundingRect()
    port = view.viewport().rect()
    return drawn.width() > 0.7 * port.width() or drawn.height() > 0.7 * port.height()


def test_first_show_fits_the_drawing(fresh: CanvasEditor) -> None:
    assert fresh.view.fits_automatically()
    assert fresh.view.scale_factor() < 0.5  # the e-commerce drawing is far wider than 420 px
    assert _drawing_in_view(fresh) and _fills_view(fresh)


def test_resizing_refits_until_the_user_zooms(qtbot: QtBot, fresh: CanvasEditor) -> None:
    view = fresh.view
    small = view.scale_factor()
    view.resize(840, 600)
    qtbot.waitUntil(lambda: view.scale_factor() > small * 1.5)
    assert _drawing_in_view(fresh) and _fills_view(fresh)
    fresh.actions["zoom_in"].trigger()
    zoomed = view.scale_factor()
    assert not view.fits_automatically()
    view.resize(500, 360)
    qtbot.wait(20)
    assert view.scale_factor() == pytest.approx(zoomed)  # the user's zoom is kept
    fresh.actions["fit"].trigger()  # Fit Drawing: follows the size again
    assert view.fits_automatically()
    fitted = view.scale_factor()
    view.resize(900, 640)
    qtbot.waitUntil(lambda: view.scale_factor() > fitted * 1.3)


def test_panning_stops_refitting_and_loading_restarts_it(
    qtbot: QtBot, fresh: CanvasEditor, session: DocumentSession
) -> None:
    view = fresh.view
    view.resize(300, 220)
    qtbot.waitUntil(lambda: _fills_view(fresh))
    view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    view.horizontalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    assert not view.fits_automatically()
    before = view.scale_factor()
    view.resize(700, 500)
    qtbot.wait(20)
    assert view.scale_factor() == pytest.approx(before)
    view.centerOn(0, 0)
    session.load(load_template("migration"), None)  # a new design fits again
    assert view.fits_automatically() and _drawing_in_view(fresh)
