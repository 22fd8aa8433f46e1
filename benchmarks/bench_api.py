"""API designer and config benchmarks on the large design (300 endpoints, 500 tables).

The live OpenAPI preview and the problem list follow every edit, so they must stay well
under a frame budget for interactive use; the config merge must be instant.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from benchmarks.large_design import make_large_design


def _median_ms(run: Callable[[], object], repeat: int = 15) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def openapi_build_large_ms() -> float:
    """Median ms to build the OpenAPI dict of the large design."""
    from studio.export.openapi import build_openapi

    document = make_large_design()
    return _median_ms(lambda: build_openapi(document))


def openapi_yaml_large_ms() -> float:
    """Median ms to build and dump the OpenAPI YAML of the large design (what the preview does)."""
    from studio.export.openapi import openapi_yaml

    document = make_large_design()
    return _median_ms(lambda: openapi_yaml(document), repeat=7)


def openapi_preview_after_edit_large_ms() -> float:
    """Median ms for the preview to rebuild its YAML after one edit (only changed pieces dumped)."""
    from studio.export.openapi import YamlFragments, build_openapi

    document = make_large_design()
    fragments = YamlFragments()
    fragments.render(build_openapi(document))
    endpoint = document.api.endpoints[100]
    counter = iter(range(10**6))

    def edit_and_render() -> None:
        endpoint.summary = f"summary {next(counter)}"
        fragments.render(build_openapi(document))

    return _median_ms(edit_and_render)


def endpoint_problems_large_ms() -> float:
    """Median ms to check the 300 endpoints (done after each endpoint edit)."""
    from studio.ui.api.problems import endpoint_problems

    document = make_large_design()
    return _median_ms(lambda: endpoint_problems(document))


def config_merge_ms() -> float:
    """Median ms to merge the section into a 200-section config file of ~60 KB."""
    from studio.io.agent_config_file import merge_section_text
    from studio.model import AgentConfig

    others = ",\n".join(
        f'  "assistant-{i}": {{"k": [1, 2, {{"n": "é{i}"}}], "on": true}}' for i in range(200)
    )
    text = "{\n" + others + ',\n  "backend-architect": {"database": "mysql"}\n}\n'
    section = AgentConfig().section()
    return _median_ms(lambda: merge_section_text(text, section))


def api_panel_edit_ms() -> float:
    """Median ms from an endpoint edit to the dock being up to date (tree + problems, not preview)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from studio.ui.api.dock import ApiPanel
    from studio.ui.session import DocumentSession

    app = QApplication.instance() or QApplication([])
    session = DocumentSession()
    session.load(make_large_design(), None)
    panel = ApiPanel(session)
    panel.resize(1200, 700)
    panel.show()
    app.processEvents()
    endpoint = session.design.document.api.endpoints[150]
    times = []
    for i in range(15):
        op = session.design.set_op(("api", "endpoints", endpoint.id, "summary"), f"summary {i}")
        start = time.perf_counter()
        session.push(op)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    panel.close()
    session.close()
    return statistics.median(times)


BENCHMARKS: dict[str, Callable[[], float]] = {
    "openapi_build_large_ms": openapi_build_large_ms,
    "openapi_yaml_large_ms": openapi_yaml_large_ms,
    "openapi_preview_after_edit_large_ms": openapi_preview_after_edit_large_ms,
    "endpoint_problems_large_ms": endpoint_problems_large_ms,
    "config_merge_ms": config_merge_ms,
    "api_panel_edit_ms": api_panel_edit_ms,
}
