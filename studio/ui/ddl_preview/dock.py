"""The live DDL preview: the schema as one dialect's statements, with the Problems list.

Each model change marks the touched tables in the generator's per-table cache and asks for
one refresh at the end of the event-loop turn, so a batch of leaf operations renders once
and only the tables that changed are rendered again. The generator (and sqlglot with it)
is loaded when first needed; at start-up the first text and lint wait until the window has
been drawn (``studio.ui.startup``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.model import Operation, Path, PathError
from studio.sql.dialects import DIALECTS
from studio.sql.notes import ConversionNote, comment_block
from studio.ui.ddl_preview.highlighter import SqlHighlighter
from studio.ui.ddl_preview.problems import ProblemsList
from studio.ui.ddl_preview.text_sync import sync_text
from studio.ui.schema.dialect_choice import DialectChoice
from studio.ui.session import DocumentSession
from studio.ui.startup import after_first_paint, starting

if TYPE_CHECKING:
    from studio.sql.ddl import DdlRenderer

SHOW_TABLE, SHOW_SCHEMA = "table", "schema"


class DdlPreviewDock(QDockWidget):
    #: Emitted after the preview text is updated (benchmarks and tests wait for it).
    refreshed = Signal()

    def __init__(
        self, session: DocumentSession, dialect: DialectChoice, parent: QWidget | None = None
    ) -> None:
        super().__init__("DDL preview", parent)
        self.setObjectName("DdlPreviewDock")
        self.session = session
        self.dialect = dialect
        self.table_id = ""
        self._renderer: DdlRenderer | None = None  # see the ``renderer`` property
        self._shown = ""
        #: ``_shown`` split into statements while the whole schema is shown (saves a split per edit).
        self._shown_chunks: list[str] | None = None
        self._scroll_pending = False
        self.on_activate: Callable[[Path], None] | None = None

        body = QWidget(self)
        self.dialect_combo = QComboBox(body)
        for name, d in DIALECTS.items():
            self.dialect_combo.addItem(d.label, name)
        self.dialect_combo.setToolTip("SQL dialect (defaults to the design's configured database)")
        self.dialect_combo.activated.connect(lambda _i: dialect.choose(self.dialect_combo.currentData()))
        self.scope_combo = QComboBox(body)
        self.scope_combo.addItem("Selected table", SHOW_TABLE)
        self.scope_combo.addItem("Whole schema", SHOW_SCHEMA)
        self.scope_combo.activated.connect(lambda _i: self._scope_changed())
        copy_table = QPushButton("Copy table", body)
        copy_table.setToolTip("Copy the selected table's statements")
        copy_table.clicked.connect(self.copy_table)
        copy_all = QPushButton("Copy all", body)
        copy_all.setToolTip("Copy the whole schema's DDL")
        copy_all.clicked.connect(self.copy_all)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.dialect_combo)
        bar.addWidget(self.scope_combo)
        bar.addStretch(1)
        bar.addWidget(copy_table)
        bar.addWidget(copy_all)

        self.text = QPlainTextEdit(body)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.document().setUndoRedoEnabled(False)
        dark = self.palette().base().color().lightness() < 128
        self.highlighter = SqlHighlighter(self.text.document(), dark)
        self.problems = ProblemsList(session, lambda: dialect.name, body)
        self.problems.notes_source = self.conversion_notes
        self.problems.element_activated.connect(self._activate)
        self.problems_label = QLabel("Problems", body)
        self.problems.counts_changed.connect(self._show_counts)
        lower = QWidget(body)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.setSpacing(2)
        lower_layout.addWidget(self.problems_label)
        lower_layout.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.addWidget(self.text)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self._on_replaced)
        dialect.changed.connect(self._dialect_changed)
        self._sync_combo()
        self.refresh()
        self.problems.relint()

    @property
    def renderer(self) -> DdlRenderer:
        """The per-table caching generator, made when first needed (it loads sqlglot)."""
        if self._renderer is None:
            from studio.sql.ddl import DdlRenderer

            self._renderer = DdlRenderer(lambda: self.session.design.document.schema, self.dialect.name)
        return self._renderer

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A theme switch changes the palette: recolour the SQL to match."""
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_dark(self.palette().base().color().lightness() < 128)
        super().changeEvent(event)

    # -- what is shown ---------------------------------------------------------------------
    def scope(self) -> str:
        return self.scope_combo.currentData()

    def set_scope(self, scope: str) -> None:
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(scope)))
        self._scope_changed()

    def _scope_changed(self) -> None:
        self.refresh()
        self.problems.schedule()

    def follow_table(self, table_id: str) -> None:
        """Show (or scroll to) the table selected in the schema dock or the ERD.

        Deferred like an edit: the selection may change while the model is still telling
        its listeners about an operation the renderer has not seen yet.
        """
        self.table_id = table_id
        self._scroll_pending = True
        self._timer.start()
        self.problems.schedule()

    def _table_name(self) -> str:
        try:
            return (
                self.session.design.get(("schema", "tables", self.table_id, "name")) if self.table_id else ""
            )
        except PathError:
            return ""

    def current_text(self, notes: list[ConversionNote] | None = None) -> str:
        if self.scope() == SHOW_SCHEMA:
            return self.renderer.full_script()
        if not self._table_name():
            return "-- Select a table in the schema dock to see its DDL.\n"
        return self.table_script(notes)

    def table_script(self, notes: list[ConversionNote] | None = None) -> str:
        """The selected table's statements, under its conversion notes when they are at hand."""
        header = comment_block(notes or [], DIALECTS[self.renderer.dialect].label)
        body = self.renderer.table_text(self.table_id)
        return f"{header}\n\n{body}" if header else body

    def refresh(self) -> None:
        """Bring the text up to date; only re-rendered statements are replaced in the editor."""
        self._timer.stop()
        if starting():
            after_first_paint(self.refresh)
            return
        text = self.current_text(self._cheap_table_notes())
        if text != self._shown:
            document: QTextDocument = self.text.document()
            if self.scope() == SHOW_SCHEMA:
                self._shown_chunks = sync_text(document, self._shown, text, self._shown_chunks)
            else:
                document.setPlainText(text)
                self._shown_chunks = None
            self._shown = text
        if self._scroll_pending and self.scope() == SHOW_SCHEMA:
            self._scroll_to_table()
        self._scroll_pending = False
        self.refreshed.emit()

    def _cheap_table_notes(self) -> list[ConversionNote] | None:
        """The table's notes if the generator keeps them per table; None would cost a full script."""
        per_table = getattr(self.renderer, "table_notes", None)
        if self.scope() == SHOW_TABLE and self._table_name() and callable(per_table):
            return list(per_table(self.table_id))
        return None

    def conversion_notes(self) -> list[tuple[str, str]]:
        """The notes of what is shown, for the Problems list (which asks after typing pauses)."""
        notes = self.renderer.notes()
        if self.scope() == SHOW_TABLE:
            name = self._table_name()
            notes = [n for n in notes if n.table == name] if name else []
        return [(n.table, n.message) for n in notes]

    def _scroll_to_table(self) -> None:
        name = self._table_name()
        if not name:
            return
        found = self.text.document().find(f"CREATE TABLE {self._quoted_guess(name)}")
        if found.isNull():
            found = self.text.document().find(name)
        if not found.isNull():
            cursor = QTextCursor(found)
            cursor.clearSelection()
            self.text.setTextCursor(cursor)
            self.text.centerCursor()

    def _quoted_guess(self, name: str) -> str:
        quote = {"mysql": "`", "tsql": "["}.get(self.renderer.dialect, '"')
        close = "]" if quote == "[" else quote
        return f"{quote}{name}{close}"

    # -- copying ---------------------------------------------------------------------------
    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.renderer.full_script())

    def copy_table(self) -> None:
        if self._table_name():
            name = self._table_name()
            notes = [n for n in self.renderer.notes() if n.table == name]
            QGuiApplication.clipboard().setText(self.table_script(notes))

    # -- events ----------------------------------------------------------------------------
    def _on_changed(self, op: Operation) -> None:
        if op.path[:1] == ("schema",):
            if self._renderer is not None:  # otherwise nothing is cached yet
                self._renderer.apply(op)
            self._timer.start()
        self.problems.schedule()

    def _on_replaced(self) -> None:
        if self._renderer is not None:
            self._renderer.invalidate(None)
        # The schema dock may already have chosen a table of the new design (views hear
        # ``replaced`` in turn); keep it rather than showing "select a table".
        if not self._table_name():
            self.table_id = ""
        self.refresh()
        self.problems_label.setText("Problems")
        self.problems.relint_soon()

    def _dialect_changed(self, name: str) -> None:
        if self._renderer is not None:  # otherwise made with the dialect chosen by then
            self._renderer.dialect = name
        self._sync_combo()
        self.refresh()
        self.problems.relint()

    def _sync_combo(self) -> None:
        self.dialect_combo.setCurrentIndex(max(0, self.dialect_combo.findData(self.dialect.name)))

    def _show_counts(self, errors: int, warnings: int) -> None:
        parts = [
            f"{errors} error{'s' if errors != 1 else ''}",
            f"{warnings} warning{'s' if warnings != 1 else ''}",
        ]
        self.problems_label.setText("Problems: " + ", ".join(parts))

    def _activate(self, path: Path) -> None:
        if self.on_activate is not None:
            self.on_activate(path)

    def teardown(self) -> None:
        self._timer.stop()
        self.session.changed.disconnect(self._on_changed)
        self.session.replaced.disconnect(self._on_replaced)
