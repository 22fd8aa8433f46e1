"""The SQL dialect the schema views show: one choice shared by the schema and DDL docks.

It follows the design's configured database until the user picks another dialect in the
preview; loading another design goes back to following its configuration.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from studio.model import Operation
from studio.sql.dialects import CONFIG_DATABASES, DEFAULT_DIALECT, DIALECTS, known_types
from studio.ui.session import DocumentSession


def configured_dialect(database: str) -> str:
    """The dialect for an ``.agentconfig.json`` database value (PostgreSQL when not SQL)."""
    return CONFIG_DATABASES.get(database.strip().lower(), DEFAULT_DIALECT)


class DialectChoice(QObject):
    changed = Signal(str)

    def __init__(self, session: DocumentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._chosen: str | None = None
        self.name = self._configured()
        session.replaced.connect(self._design_replaced)
        session.changed.connect(self._design_changed)

    def _configured(self) -> str:
        return configured_dialect(self.session.design.document.agent_config.database)

    def choose(self, name: str) -> None:
        """The user's pick; ``None``-like empty text returns to the configured database."""
        self._chosen = name if name in DIALECTS else None
        self._update()

    def _update(self) -> None:
        name = self._chosen or self._configured()
        if name != self.name:
            self.name = name
            self.changed.emit(name)

    def _design_replaced(self) -> None:
        self._chosen = None
        self._update()

    def _design_changed(self, op: Operation) -> None:
        if op.path[:2] == ("agent_config", "database") or op.path == ("agent_config",):
            self._update()

    # -- what the editors offer ------------------------------------------------------------
    def type_suggestions(self) -> list[str]:
        """The dialect's common types, then the schema's enum types."""
        enums = [e.name for e in self.session.design.document.schema.enums if e.name]
        return [*known_types(self.name), *enums]

    def index_methods(self) -> list[str]:
        return ["", *DIALECTS[self.name].capabilities.index_methods]
