"""The open document as the window sees it: the design, its undo stack, its file.

``DocumentSession`` bridges the Qt-free model to Qt: model change events become the
``changed`` signal, and edits arrive as operations pushed onto the undo stack. Views hold
a session, read ``session.design`` and reconnect when ``replaced`` fires.

Typing pushes with ``merge=True`` so that consecutive edits of one field are one undo
step. A typing session ends when the view calls ``end_merge()`` (on ``editingFinished``, or
on focus-out through ``end_merge_on_focus_out``) and on undo or redo; the next edit of the
same field then starts a new step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
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
        self._typing_session = 0
        self._pushing = False
        self.undo_stack.indexChanged.connect(self._index_changed)

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
        command = OperationCommand(
            self.design, op, merge=merge, applied=True, typing_session=self._typing_session
        )
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        return True

    def end_merge(self) -> None:
        """End the current typing session: the next ``merge=True`` edit is a new undo step."""
        self._typing_session += 1

    def end_merge_on_focus_out(self, editor: QObject) -> None:
        """For editors without ``editingFinished`` (text boxes): leaving them ends the typing."""
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut:
            self.end_merge()
        return False

    def _index_changed(self, _index: int) -> None:
        if not self._pushing:  # undo, redo or a jump in the history view
            self.end_merge()

    def close(self) -> None:
        """Explicit teardown: no signal may fire into half-destroyed views."""
        self._unsubscribe()
        self.undo_stack.clear()
