"""Design file benchmarks on the large design (1,000 components, 3,000 connections, 500 tables).

``file_open_large_ms``: read, parse, validate and check the file, then build the live model
(document + component graph), as opening a design does. ``file_save_large_ms``: write the
canonical form atomically (temporary file, fsync, rename). Target: 300 ms each.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.large_design import make_large_design
from studio.io.design_file import load_design, save_design
from studio.model import Design

REPEATS = 9


def _median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    action()  # warm-up: pydantic and networkx build their caches on first use
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def file_open_large_ms() -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.json"
        save_design(make_large_design(), path)
        return _median_ms(lambda: Design(load_design(path)))


def file_save_large_ms() -> float:
    document = make_large_design()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.json"
        return _median_ms(lambda: save_design(document, path))


BENCHMARKS: dict[str, Callable[[], float]] = {
    "file_open_large_ms": file_open_large_ms,
    "file_save_large_ms": file_save_large_ms,
}
