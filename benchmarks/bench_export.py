"""Export benchmark: the full design pack of the large design (target 5 s)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable

from benchmarks.large_design import make_large_design


def _median_export_s(document: object, repeats: int) -> float:
    from studio.export.diagrams.system_render import ensure_gui
    from studio.export.pack import export_pack

    ensure_gui()
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            result = export_pack(document, folder)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
            if result.failures:
                raise RuntimeError("; ".join(f"{f.kind}: {f.message}" for f in result.failures))
    return statistics.median(times)


def export_pack_large_s() -> float:
    """Median seconds to export every writer's files for the 1,000-component design."""
    return _median_export_s(make_large_design(), 3)


def export_pack_ecommerce_s() -> float:
    """Median seconds for the whole pack of the e-commerce template (a real design's size)."""
    from studio.io.gallery import load_template

    return _median_export_s(load_template("ecommerce"), 5)


BENCHMARKS: dict[str, Callable[[], float]] = {
    "export_pack_large_s": export_pack_large_s,
    "export_pack_ecommerce_s": export_pack_ecommerce_s,
}
