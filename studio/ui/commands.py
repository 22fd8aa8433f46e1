"""QUndoCommands: each wraps one model operation and nothing else."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from studio.model import Design, Operation, SetField, describe

#: Commands that edit one field merge while the user keeps typing in it.
_MERGE_ID = 0x5E7


class OperationCommand(QUndoCommand):
    """Applies an operation on redo and its inverse on undo, through the model."""

    def __init__(
        self,
        design: Design,
        op: Operation,
        *,
        merge: bool = False,
        applied: bool = False,
        typing_session: int = 0,
    ) -> None:
        super().__init__(describe(op))
        self._design = design
        self.op = op
        self._merge = merge and isinstance(op, SetField)
        #: Which typing session the edit belongs to: edits merge only within one, so leaving
        #: a field and coming back to it later starts a new undo step.
        self.typing_session = typing_session
        #: The session applies an edit before pushing it, so a refused edit never
        #: reaches the stack; the push's own redo() then has nothing to do.
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._design.apply(self.op)

    def undo(self) -> None:
        self._design.apply(self.op.inverse())

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, OperationCommand) or not other._merge:
            return False
        if other.typing_session != self.typing_session:
            return False
        mine, theirs = self.op, other.op
        if not (isinstance(mine, SetField) and isinstance(theirs, SetField)) or mine.path != theirs.path:
            return False
        self.op = SetField(mine.path, mine.old, theirs.new, mine.label)
        return True
