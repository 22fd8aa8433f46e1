"""Canvas and auto-layout benchmarks (DESIGN.md targets: open <= 1 s, drag frame <= 16 ms,
layout of 200 nodes <= 1 s with crossings no worse than Graphviz dot).

Each function returns the median of its own repetitions. The canvas runs offscreen.
"""

from __future__ import annotations

import gc
import os
import random
import shutil
import statistics
import time
from collections.abc import Callable

from benchmarks import SkipBenchmark
from benchmarks.large_design import make_large_design

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _app() -> object:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def canvas_open_large_s() -> float:
    """Seconds from loading the 1,000/3,000 design to the first painted frame (fit to window)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from studio.ui.canvas.editor import CanvasEditor
    from studio.ui.session import DocumentSession

    app = _app()
    document = make_large_design()
    times = []
    for _ in range(5):
        doc = document.model_copy(deep=True)
        session = DocumentSession()
        start = time.perf_counter()
        session.load(doc, None)
        editor = CanvasEditor(session)
        editor.view.resize(1400, 900)
        editor.view.show()
        editor.view.fit_all()
        frame = editor.view.viewport().grab()  # one complete frame, painted synchronously
        times.append(time.perf_counter() - start)
        assert not frame.isNull()
        app.processEvents()  # type: ignore[attr-defined]
        editor.teardown()
        editor.view.close()
        editor.view.deleteLater()
        session.close()
        # Free this round's scene before the next one is timed (no event loop runs here).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        del editor, session
        gc.collect()
    return _median(times)


def _drag_frames(zoom: Callable[[object], None]) -> float:
    from PySide6.QtCore import QPointF

    from studio.model import Connection
    from studio.ui.canvas.editor import CanvasEditor
    from studio.ui.session import DocumentSession

    app = _app()
    document = make_large_design()
    hub = document.components[500].id
    degree = sum(1 for c in document.connections if hub in (c.source, c.target))
    rng = random.Random(1)
    extra = [
        Connection(id=f"con-hub-{k}", source=hub, target=document.components[rng.randrange(1000)].id)
        for k in range(max(0, 20 - degree))
    ]
    document.connections.extend(c for c in extra if c.target != hub)
    session = DocumentSession()
    session.load(document, None)
    editor = CanvasEditor(session)
    editor.view.resize(1400, 900)
    editor.view.show()
    zoom(editor)
    item = editor.scene.components[hub]
    editor.view.centerOn(item.node_rect().center())
    editor.view.viewport().repaint()
    app.processEvents()  # type: ignore[attr-defined]
    editor.scene.dragging = True
    editor.scene.select_ids([hub])
    editor.scene.begin_live_drag()  # what the first mouse move of a drag does
    times = []
    for k in range(40):
        start = time.perf_counter()
        item.setPos(item.pos() + QPointF(4 if k % 20 < 10 else -4, 3))
        editor.view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    editor.scene.end_live_drag()
    editor.scene.dragging = False
    editor.teardown()
    editor.view.close()
    session.close()
    return _median(times)


def canvas_drag_frame_ms() -> float:
    """One node with 20 connections moved one step and the view repainted, at 100% zoom."""
    return _drag_frames(lambda editor: editor.view.reset_zoom())  # type: ignore[attr-defined]


def canvas_drag_frame_fit_ms() -> float:
    """The same drag with the whole 1,000-component drawing in view (the worst case)."""
    return _drag_frames(lambda editor: editor.view.fit_all())  # type: ignore[attr-defined]


def architecture_graph(
    nodes: int = 200, seed: int = 11
) -> tuple[list[str], list[tuple[str, str]], dict[str, str]]:
    """A tiered system like the studio's designs: clients, edge, services, data, workers.

    Returns node ids, edges and a group per service cluster (bounded contexts).
    """
    rng = random.Random(seed)
    tiers = {"client": nodes // 20, "edge": nodes // 20, "service": nodes // 2, "data": nodes // 4}
    tiers["worker"] = nodes - sum(tiers.values())
    ids = {t: [f"{t}-{i}" for i in range(n)] for t, n in tiers.items()}
    edges: list[tuple[str, str]] = []
    for c in ids["client"]:
        edges += [(c, e) for e in rng.sample(ids["edge"], 2)]
    for e in ids["edge"]:
        edges += [(e, s) for s in rng.sample(ids["service"], 5)]
    services = ids["service"]
    for i, s in enumerate(services):
        edges += [
            (s, services[j])
            for j in rng.sample(range(i + 1, len(services)), min(2, len(services) - i - 1))
            if j - i < 25
        ]
        edges += [(s, d) for d in rng.sample(ids["data"], 1 + (i % 2))]
    for w in ids["worker"]:
        edges += [(rng.choice(ids["data"]), w), (w, rng.choice(ids["data"]))]
    groups = {s: f"ctx-{i // 10}" for i, s in enumerate(services)}
    order = [n for t in ids.values() for n in t]
    return order, list(dict.fromkeys(edges)), groups


def _layout_inputs() -> tuple[list[str], list[tuple[str, str]], dict[str, tuple[float, float]], object]:
    from studio.layout import LayeredLayout
    from studio.layout.system import NODE_HEIGHT, NODE_WIDTH

    nodes, edges, groups = architecture_graph()
    return nodes, edges, {n: (NODE_WIDTH, NODE_HEIGHT) for n in nodes}, LayeredLayout(groups=groups)


def layout_200_s() -> float:
    """Seconds for the pure-Python layered engine (the offline path) on 200 nodes."""
    from studio.layout import layered_positions

    nodes, edges, sizes, options = _layout_inputs()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        layered_positions(nodes, edges, sizes, options)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    return _median(times)


def layout_200_crossings_vs_dot() -> float:
    """Crossings of the pure-Python engine / crossings of Graphviz dot, same graph, same count."""
    if shutil.which("dot") is None:
        raise SkipBenchmark("Graphviz dot is not installed")
    from studio.layout import count_crossings, layered_positions
    from studio.layout.graphviz import dot_positions

    nodes, edges, sizes, options = _layout_inputs()
    ours = count_crossings(layered_positions(nodes, edges, sizes, options), edges)  # type: ignore[arg-type]
    theirs_pos = dot_positions(nodes, edges, sizes, options)  # type: ignore[arg-type]
    if theirs_pos is None:
        raise SkipBenchmark("Graphviz dot failed on the benchmark graph")
    theirs = count_crossings(theirs_pos, edges)
    return ours / max(theirs, 1)


BENCHMARKS: dict[str, Callable[[], float]] = {
    "canvas_open_large_s": canvas_open_large_s,
    "canvas_drag_frame_ms": canvas_drag_frame_ms,
    "canvas_drag_frame_fit_ms": canvas_drag_frame_fit_ms,
    "layout_200_s": layout_200_s,
    "layout_200_crossings_vs_dot": layout_200_crossings_vs_dot,
}
