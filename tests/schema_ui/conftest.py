"""A session on the e-commerce template with the schema dock and the DDL preview around it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from studio.model import DesignDocument
from studio.ui.ddl_preview.dock import DdlPreviewDock
from studio.ui.schema.dialect_choice import DialectChoice
from studio.ui.schema.dock import SchemaDock
from studio.ui.session import DocumentSession


@pytest.fixture
def session(qtbot, ecommerce: DesignDocument) -> Iterator[DocumentSession]:  # type: ignore[no-untyped-def]
    s = DocumentSession()
    s.load(ecommerce, None)
    yield s
    s.close()


@pytest.fixture
def dialect(session: DocumentSession) -> DialectChoice:
    return DialectChoice(session, session)


@pytest.fixture
def dock(qtbot, session: DocumentSession, dialect: DialectChoice) -> Iterator[SchemaDock]:  # type: ignore[no-untyped-def]
    widget = SchemaDock(session, dialect)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.teardown()


@pytest.fixture
def preview(
    qtbot, session: DocumentSession, dialect: DialectChoice, dock: SchemaDock
) -> Iterator[DdlPreviewDock]:  # type: ignore[no-untyped-def]
    widget = DdlPreviewDock(session, dialect)
    qtbot.addWidget(widget)
    dock.table_selected.connect(widget.follow_table)
    widget.follow_table(dock.tables.current_table_id())
    widget.resize(700, 700)
    widget.show()
    yield widget
    widget.teardown()
