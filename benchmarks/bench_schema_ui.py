"""Schema UI benchmarks: the live DDL preview after one edit in the 500-table design.

``ddl_edit_large_ms``: change one column's type through the session (one undo step) with
the schema dock and the DDL preview open on that table, until the preview text is updated
(target 16 ms, one frame). ``ddl_edit_large_schema_ms``: the same with the preview showing
the whole 500-table script. ``lint_large_ms``: all lint rules over the large design (the
Problems list runs it debounced, after typing pauses). ``erd_relayout_large_ms``: the ERD
layout of the large design after one column edit.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from benchmarks.large_design import make_large_design

REPEATS = 40


def _window():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from studio.ui.ddl_preview.dock import DdlPreviewDock
    from studio.ui.schema.dialect_choice import DialectChoice
    from studio.ui.schema.dock import SchemaDock
    from studio.ui.session import DocumentSession

    app = QApplication.instance() or QApplication([])
    session = DocumentSession()
    session.load(make_large_design(), None)
    dialect = DialectChoice(session, session)
    dock = SchemaDock(session, dialect)
    preview = DdlPreviewDock(session, dialect)
    dock.table_selected.connect(preview.follow_table)
    table_id = "tbl-250"
    dock.tables.select_table(table_id)
    preview.follow_table(table_id)
    dock.show()
    preview.show()
    preview.refresh()
    app.processEvents()
    return app, session, dock, preview, table_id


def _edit_until_shown(scope: str) -> float:
    app, session, dock, preview, table_id = _window()
    preview.set_scope(scope)
    app.processEvents()
    path = ("schema", "tables", table_id, "columns", "col-250-3", "type")
    samples = []
    try:
        for n in range(REPEATS):
            new_type = f"VARCHAR({100 + n})"
            start = time.perf_counter()
            session.push(session.design.set_op(path, new_type))
            preview.refresh()  # what the zero-delay timer runs at the end of this event turn
            samples.append((time.perf_counter() - start) * 1000)
            assert f"VARCHAR({100 + n})" in preview.text.toPlainText()
            app.processEvents()
    finally:
        preview.teardown()
        dock.teardown()
        session.close()
        preview.deleteLater()
        dock.deleteLater()
        app.processEvents()
    return statistics.median(samples)


def ddl_edit_large_ms() -> float:
    return _edit_until_shown("table")


def ddl_edit_large_schema_ms() -> float:
    return _edit_until_shown("schema")


def lint_large_ms() -> float:
    from studio.lint import lint_design

    document = make_large_design()
    samples = []
    for _ in range(7):
        start = time.perf_counter()
        lint_design(document, "postgres")
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def erd_relayout_large_ms() -> float:
    """The ERD layout of the 500-table design after one column edit (group layouts cached)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from studio.export.diagrams import ensure_gui
    from studio.export.diagrams.erd_layout import layout_erd

    ensure_gui()
    document = make_large_design()
    layout_erd(document)
    samples = []
    for n in range(REPEATS // 4):
        document.schema.tables[250].columns[3].type = f"VARCHAR({100 + n})"
        start = time.perf_counter()
        layout_erd(document)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


BENCHMARKS: dict[str, Callable[[], float]] = {
    "ddl_edit_large_ms": ddl_edit_large_ms,
    "ddl_edit_large_schema_ms": ddl_edit_large_schema_ms,
    "lint_large_ms": lint_large_ms,
    "erd_relayout_large_ms": erd_relayout_large_ms,
}

if __name__ == "__main__":
    for name, bench in BENCHMARKS.items():
        print(f"{name}: {bench():.2f}")
