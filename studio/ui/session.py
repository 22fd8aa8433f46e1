"""The open document as the window sees it: the design, its undo stack, its file.

``DocumentSession`` bridges the Qt-free model to Qt: model change events become the
``changed`` signal, and edits arrive as operations pushed onto the undo stack. Views hold
a session, read ``session.design`` and reconnect when ``replaced`` fires.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from studio.model import Batch, Design, DesignDocument, ModelError, Operation
from studio.ui.commands import OperationCommand


class DocumentSession(QObject):
    #: One applied leaf operation (model change event), after the model has changed.
    changed = Signal(object)
    #: A different document was loaded; views rebuild from ``session.design``.
    replaced = Signal()
    #: The file path changed (Save As, Open); may be None for an unsaved design.
    path_changed = Signal(object)
    #: A refused edit, with the model's reason.
    edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.design = Design()
        self.path: Path | None = None
        self._unsubscribe = self.design.subscribe(self.changed.emit)

    def load(self, document: DesignDocument, path: Path | None) -> None:
        """Replace the open design; the undo history starts afresh."""
        self._unsubscribe()
        self.undo_stack.clear()
        self.design = Design(document)
        self._unsubscribe = self.design.subscribe(self.changed.emit)
        self.set_path(path)
        self.undo_stack.setClean()
        self.replaced.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit(path)

    def push(self, op: Operation, *, merge: bool = False) -> bool:
        """Apply ``op`` as one undo step; False (and ``edit_refused``) if the model refuses it."""
        if isinstance(op, Batch) and not op.ops:
            return False
        try:
            self.design.apply(op)
        except ModelError as exc:
            self.edit_refused.emit(str(exc))
            return False
        self.undo_stack.push(OperationCommand(self.design, op, merge=merge, applied=True))
        return True

    def close(self) -> None:
        """Explicit teardown: no signal may fire into half-destroyed views."""
        self._unsubscribe()
        self.undo_stack.clear()
