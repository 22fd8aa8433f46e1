"""The Problems list: lint findings (and the DDL's conversion notes) kept live under the preview.

The lint rules (and sqlglot with them) are loaded at the first run, which at start-up waits
until the window has been drawn (``studio.ui.startup``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from studio.model import Path
from studio.ui.schema.fields import plain_tooltip
from studio.ui.session import DocumentSession
from studio.ui.startup import after_first_paint, starting

if TYPE_CHECKING:
    from studio.lint import Finding

PathRole = Qt.ItemDataRole.UserRole + 1
#: Lint is debounced: a burst of keystrokes lints once, after the typing pauses.
LINT_DELAY_MS = 250


class ProblemsList(QTreeWidget):
    #: The user asked to see the element of a finding (double-click or Enter).
    element_activated = Signal(object)
    #: (errors, warnings) after each lint run.
    counts_changed = Signal(int, int)

    def __init__(
        self, session: DocumentSession, dialect: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._dialect = dialect
        self.findings: list[Finding] = []
        self.notes: list[tuple[str, str]] = []
        #: The DDL generator's conversion notes for what the preview shows, as (table, message).
        self.notes_source: Callable[[], list[tuple[str, str]]] = list
        self.setColumnCount(3)
        self.setHeaderLabels(["Element", "Problem", "Rule"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.setColumnWidth(0, 180)
        self.itemActivated.connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LINT_DELAY_MS)
        self._timer.timeout.connect(self.relint)

    def schedule(self) -> None:
        self._timer.start()

    def relint_soon(self) -> None:
        """Another design was opened: its findings replace the old ones after the debounce.

        The old list goes at once (its elements are gone); linting a large design and
        rendering its DDL for the notes takes a few tenths of a second, which the new
        design's first paint should not wait for.
        """
        self.findings, self.notes = [], []
        self.clear()
        self.schedule()

    def relint(self) -> None:
        """Lint now (the debounce timer calls this; tests may too)."""
        self._timer.stop()
        if starting():
            after_first_paint(self.relint)
            return
        from studio.lint import lint_design

        self.findings = lint_design(self.session.design.document, self._dialect())
        self.notes = self.notes_source()
        self._fill()

    def _fill(self) -> None:
        from studio.lint import Severity

        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            Severity.INFO: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        self.setUpdatesEnabled(False)
        self.clear()
        items = []
        for finding in self.findings:
            item = QTreeWidgetItem([finding.element_label, finding.message, finding.rule_id])
            item.setIcon(0, icons[finding.severity])
            item.setToolTip(1, plain_tooltip(finding.message))
            item.setData(0, PathRole, finding.element_path)
            items.append(item)
        for table, message in self.notes:
            item = QTreeWidgetItem([table or "schema", message, "ddl.conversion"])
            item.setIcon(0, icons[Severity.INFO])
            item.setToolTip(1, plain_tooltip(message))
            items.append(item)
        self.addTopLevelItems(items)
        self.setUpdatesEnabled(True)
        errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in self.findings if f.severity is Severity.WARNING)
        self.counts_changed.emit(errors, warnings)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        path: Path | None = item.data(0, PathRole)
        if path:
            self.element_activated.emit(tuple(path))
