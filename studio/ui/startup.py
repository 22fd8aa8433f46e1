"""Start-up work that may wait until the first window has been drawn.

The window should appear as soon as the process starts. Some views fill themselves with
costly content the first paint does not need: the DDL preview and its lint (sqlglot), the
component graph (networkx). They hand that work to :func:`after_first_paint`.

Only ``run_app`` opens the start-up phase (:func:`begin`, then :func:`watch` for its main
window; :func:`end` when its event loop is over). While it is open, deferred work runs in
the event-loop turn after the window's first paint, in the order it was asked for, each job
once. Outside
it (tests, designs opened later, windows built by scripts) the work runs at once, so every
caller behaves exactly as it would without deferral.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Job = Callable[[], object]


class _StartupGate(QObject):
    """Holds the deferred jobs and watches the main window for its first paint."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("studio-startup-gate")
        self.jobs: list[Job] = []
        self.window: QWidget | None = None

    def watch(self, window: QWidget) -> None:
        self.window = window
        window.installEventFilter(self)  # the window's own events only: cheap

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self.window = None
            # The paint in progress finishes first; the jobs run in the next event-loop turn.
            QTimer.singleShot(0, self.run)
        return False

    def run(self) -> None:
        global _gate
        if _gate is self:
            _gate = None  # from now on work runs at once
        jobs, self.jobs = self.jobs, []
        for job in jobs:
            try:
                job()
            except Exception:  # one broken view must not keep the others empty
                log.exception("deferred start-up job %r failed", job)
        self.deleteLater()


_gate: _StartupGate | None = None


def begin(app: QCoreApplication) -> None:
    """Open the start-up phase: deferred work waits for the first window paint."""
    global _gate
    if _gate is None:
        _gate = _StartupGate(app)


def watch(window: QWidget) -> None:
    """Run the deferred work after ``window`` has been painted for the first time."""
    if _gate is not None:
        _gate.watch(window)


def starting() -> bool:
    """True while deferred work is waiting for the first window paint."""
    return _gate is not None


def after_first_paint(job: Job) -> None:
    """Run ``job`` after the first window paint while starting up, else at once.

    Asking again for a job already waiting (the same function or bound method) keeps one.
    """
    if _gate is None:
        job()
    elif job not in _gate.jobs:
        _gate.jobs.append(job)


def end() -> None:
    """Close the start-up phase; work still waiting is dropped (no window was ever drawn)."""
    global _gate
    gate, _gate = _gate, None
    if gate is not None:
        gate.jobs.clear()
        if gate.window is not None:
            gate.window.removeEventFilter(gate)
            gate.window = None
        gate.deleteLater()
