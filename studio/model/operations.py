"""Reversible edit operations: plain values that the model applies and inverts.

A path walks the document from its root: a name selects a field, and after a list field
the next element is the ``id`` of an item in that list. Examples::

    ("overview", "title")
    ("components", "cmp-1", "name")
    ("schema", "tables", "tbl-users", "columns")          # a list, for insert/remove
    ("schema", "tables", "tbl-users", "columns", "col-1")  # an item, for remove

Applying an operation and then its inverse restores the document exactly, order and ids
included. Values held by an operation are private copies: later edits of the document
never change what an undo will put back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

Path = tuple[str, ...]


@dataclass(frozen=True)
class SetField:
    path: Path
    old: Any
    new: Any
    label: str = ""

    def inverse(self) -> SetField:
        return SetField(self.path, self.new, self.old, self.label)


@dataclass(frozen=True)
class InsertItem:
    """Insert ``item`` at ``index`` of the list at ``path``."""

    path: Path
    index: int
    item: Any
    label: str = ""

    def inverse(self) -> RemoveItem:
        return RemoveItem(self.path, self.index, self.item, self.label)


@dataclass(frozen=True)
class RemoveItem:
    """Remove ``item`` (found at ``index``) from the list at ``path``."""

    path: Path
    index: int
    item: Any
    label: str = ""

    def inverse(self) -> InsertItem:
        return InsertItem(self.path, self.index, self.item, self.label)


@dataclass(frozen=True)
class MoveItem:
    """Move the item at ``old_index`` of the list at ``path`` to ``new_index``."""

    path: Path
    old_index: int
    new_index: int
    label: str = ""

    def inverse(self) -> MoveItem:
        return MoveItem(self.path, self.new_index, self.old_index, self.label)


@dataclass(frozen=True)
class Batch:
    """Several operations applied as one edit (one undo step)."""

    ops: tuple[Operation, ...]
    label: str = ""

    def inverse(self) -> Batch:
        return Batch(tuple(op.inverse() for op in reversed(self.ops)), self.label)


Operation = Union[SetField, InsertItem, RemoveItem, MoveItem, Batch]


def leaves(op: Operation) -> list[Operation]:
    """The non-batch operations of ``op`` in the order they are applied."""
    if isinstance(op, Batch):
        out: list[Operation] = []
        for child in op.ops:
            out.extend(leaves(child))
        return out
    return [op]


def describe(op: Operation) -> str:
    """A short human label for an undo history entry."""
    if op.label:
        return op.label
    if isinstance(op, SetField):
        return f"Change {op.path[-1].replace('_', ' ')}"
    if isinstance(op, InsertItem):
        return f"Add {_noun(op.path)}"
    if isinstance(op, RemoveItem):
        return f"Delete {_noun(op.path)}"
    if isinstance(op, MoveItem):
        return f"Reorder {_noun(op.path)}"
    return "Edit"


def _noun(path: Path) -> str:
    name = path[-1].replace("_", " ")
    return name[:-1] if name.endswith("s") else name
