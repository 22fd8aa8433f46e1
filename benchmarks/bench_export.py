"""Export benchmark: the full design pack of the large design (target 5 s)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable

from benchmarks.large_design import make_large_design


def export_pack_large_s() -> float:
    """Median seconds to export every writer's files for the 1,000-component design."""
    from studio.export.diagrams.system_render import ensure_gui
    from studio.export.pack import export_pack

    ensure_gui()
    document = make_large_design()
    times = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            result = export_pack(document, folder)
            times.append(time.perf_counter() - start)
            if result.failures:
                raise RuntimeError("; ".join(f"{f.kind}: {f.message}" for f in result.failures))
    return statistics.median(times)


BENCHMARKS: dict[str, Callable[[], float]] = {"export_pack_large_s": export_pack_large_s}
