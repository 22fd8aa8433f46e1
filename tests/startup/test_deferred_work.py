"""Work deferred past the first paint: it waits while starting, then runs once, in order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from studio.ui import startup
from studio.ui.main_window import MainWindow


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    startup.end()  # a failing test must not leave the phase open for the next one


def test_outside_start_up_work_runs_at_once(app: QApplication) -> None:
    ran: list[str] = []
    startup.after_first_paint(lambda: ran.append("now"))
    assert ran == ["now"] and not startup.starting()


def test_work_waits_for_the_first_paint_then_runs_once_in_order(app: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    ran: list[str] = []

    def first() -> None:
        ran.append("first")

    startup.begin(app)
    window = QMainWindow()
    qtbot.addWidget(window)
    startup.watch(window)
    startup.after_first_paint(first)
    startup.after_first_paint(lambda: ran.append("second"))
    startup.after_first_paint(first)  # asked again while waiting: still once
    app.processEvents()
    assert ran == [] and startup.starting()
    window.show()
    qtbot.waitUntil(lambda: not startup.starting())
    assert ran == ["first", "second"]
    startup.after_first_paint(first)  # after start-up: at once
    assert ran == ["first", "second", "first"]


def test_a_failing_job_does_not_stop_the_others(app: QApplication, qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    ran: list[str] = []
    startup.begin(app)
    window = QMainWindow()
    qtbot.addWidget(window)
    startup.watch(window)
    startup.after_first_paint(lambda: 1 / 0)
    startup.after_first_paint(lambda: ran.append("after"))
    window.show()
    qtbot.waitUntil(lambda: not startup.starting())
    assert ran == ["after"] and "deferred start-up job" in caplog.text


def test_end_drops_work_of_a_window_never_drawn(app: QApplication) -> None:
    ran: list[str] = []
    startup.begin(app)
    startup.after_first_paint(lambda: ran.append("never"))
    startup.end()
    assert not startup.starting()
    app.processEvents()
    assert ran == []


def test_the_ddl_preview_and_problems_fill_in_after_the_first_paint(  # type: ignore[no-untyped-def]
    app: QApplication, qtbot, ecommerce
) -> None:
    startup.begin(app)
    window = MainWindow()
    qtbot.addWidget(window)
    startup.watch(window)
    window.show()
    window.load_document(ecommerce, None)
    preview = window.ddl_preview_dock  # type: ignore[attr-defined]
    assert preview.text.toPlainText() == "" and preview.problems.topLevelItemCount() == 0
    qtbot.waitUntil(lambda: not startup.starting())
    assert preview.text.toPlainText().strip()  # the selected table's DDL or the hint to pick one
    rules = {preview.problems.topLevelItem(i).text(2) for i in range(preview.problems.topLevelItemCount())}
    assert "schema.redundant-index" in rules
    assert preview.problems_label.text().startswith("Problems: ")
    window.session.undo_stack.setClean()
    window.session.close()
