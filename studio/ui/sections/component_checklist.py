"""A checklist of the canvas's components bound to a list of component ids.

Used for "components this scaling phase adds": ticking a component is one undoable
``SetField`` of the id list (order kept, new ids appended).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from studio.model import COMPONENT_KIND_LABELS, Operation, Path, PathError
from studio.ui.session import DocumentSession

_ID_ROLE = Qt.ItemDataRole.UserRole


class ComponentChecklist(QListWidget):
    def __init__(
        self, session: DocumentSession, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self._updating = False
        self.itemChanged.connect(self._item_changed)
        session.changed.connect(self._on_changed)
        session.replaced.connect(self.rebuild)
        self.set_path(path)

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.rebuild()

    def ids(self) -> list[str]:
        if self.path is None:
            return []
        try:
            value = self.session.design.get(self.path)
        except PathError:
            return []
        return list(value) if isinstance(value, list) else []

    def rebuild(self) -> None:
        self._updating = True
        try:
            self.clear()
            chosen = set(self.ids())
            for component in self.session.design.document.components:
                label = f"{component.name or component.id}  ({COMPONENT_KIND_LABELS[component.kind]})"
                item = QListWidgetItem(label, self)
                item.setData(_ID_ROLE, component.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if component.id in chosen else Qt.CheckState.Unchecked
                )
            self.setEnabled(self.path is not None)
        finally:
            self._updating = False

    def set_checked(self, component_id: str, on: bool) -> bool:
        """Add or remove one component (one undo step)."""
        if self.path is None:
            return False
        old = self.ids()
        if on == (component_id in old):
            return False
        new = old + [component_id] if on else [i for i in old if i != component_id]
        return self.session.push(self.session.design.set_op(self.path, new, "Change components added"))

    def _item_changed(self, item: QListWidgetItem) -> None:
        if not self._updating:
            self.set_checked(item.data(_ID_ROLE), item.checkState() == Qt.CheckState.Checked)

    def _on_changed(self, op: Operation) -> None:
        op_path: Path = op.path  # type: ignore[union-attr]
        path = self.path
        # Moving components on the canvas changes nothing here; adding, removing or renaming does.
        listed = op_path == ("components",) or (
            op_path[:1] == ("components",) and op_path[-1] in ("name", "kind")
        )
        if listed or (path is not None and path[: len(op_path)] == op_path):
            self.rebuild()
