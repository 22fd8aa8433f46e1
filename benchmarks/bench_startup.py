"""Start-up benchmarks of the real ``studio`` process, offscreen, with private settings.

``startup_window_s``: from just before the process is spawned until the main window has
been shown with the e-commerce design and the event loop has drawn it (target 1.5 s).
``memory_large_mb``: peak resident memory of a studio process with the large design open
in the window, every view installed, after the work deferred past the first paint
(``studio.ui.startup``: DDL preview, lint) has run too (target 400 MB).

A small driver runs ``studio.cli.main`` unchanged; it only hooks the window's first
``showEvent`` to print the moment (CLOCK_MONOTONIC, shared by all processes on Linux)
and the peak RSS, waits for the deferred start-up work and prints the peak RSS again,
then closes the window.

Bytecode is written even where ``PYTHONDONTWRITEBYTECODE`` is set (as in the team's
shells): an installed studio has compiled bytecode, and without it every start would
recompile each module changed since the last write, which is not what a user waits for.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import SkipBenchmark
from benchmarks.large_design import make_large_design
from studio.io.design_file import save_design

ROOT = Path(__file__).resolve().parents[1]

DRIVER = r"""
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studio.ui import main_window, startup

_show = main_window.MainWindow.showEvent

def _rss_mb():
    # VmHWM is this process image's own peak. ru_maxrss is not: Linux carries the parent's
    # peak across fork/vfork + exec, so a benchmark runner that has just exported a large
    # pack would be counted as the studio's memory.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def _report(window):
    QApplication.processEvents()
    print(f"shown {time.monotonic()!r} {_rss_mb()!r}", flush=True)
    _settle(window, time.monotonic() + 60)

def _settle(window, deadline):
    if startup.starting() and time.monotonic() < deadline:
        QTimer.singleShot(10, lambda: _settle(window, deadline))
        return
    QApplication.processEvents()
    print(f"settled {time.monotonic()!r} {_rss_mb()!r}", flush=True)
    window.session.undo_stack.setClean()
    window.close()
    QApplication.quit()

def showEvent(self, event):
    _show(self, event)
    if not getattr(self, "_bench_reported", False):
        self._bench_reported = True
        QTimer.singleShot(0, lambda: _report(self))

main_window.MainWindow.showEvent = showEvent
from studio.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _run(args: list[str], folder: Path) -> tuple[float, float]:
    """(seconds from spawn to shown, peak RSS in MB once settled) of one studio process."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CACHE_HOME=str(folder / "cache"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # see the module docstring
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    shown = [line.split() for line in result.stdout.splitlines() if line.startswith("shown ")]
    settled = [line.split() for line in result.stdout.splitlines() if line.startswith("settled ")]
    if result.returncode != 0 or not shown or not settled:
        raise SkipBenchmark(
            f"the studio did not start (exit {result.returncode}): {result.stderr.strip()[-300:]}"
        )
    return float(shown[0][1]) - start, float(settled[0][2])


def startup_window_s(repeats: int = 5) -> float:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _run([], folder)  # warm the disk cache and the bytecode, as a second start would
        return statistics.median(_run([], folder)[0] for _ in range(repeats))


def memory_large_mb(repeats: int = 3) -> float:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "large.json"
        save_design(make_large_design(), path)
        return statistics.median(_run([str(path)], folder)[1] for _ in range(repeats))


BENCHMARKS: dict[str, Callable[[], float]] = {
    "startup_window_s": startup_window_s,
    "memory_large_mb": memory_large_mb,
}
