"""How a grid column shows and edits one field of a schema item (column, index, key...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from studio.model import Operation


class FieldKind(Enum):
    TEXT = auto()
    #: A checkbox; space toggles it.
    BOOL = auto()
    #: One of ``choices()``; ``editable`` allows free text too.
    CHOICE = auto()
    #: An ordered list of names, shown and typed as ``a, b, c``.
    LIST = auto()
    #: A SQL expression checked with sqlglot as the user types.
    SQL = auto()


@dataclass(frozen=True)
class FieldSpec:
    key: str
    header: str
    kind: FieldKind = FieldKind.TEXT
    tooltip: str = ""
    width: int = 0
    choices: Callable[[], list[str]] | None = None
    editable: bool = True
    #: Empty text stores None (column defaults).
    empty_is_none: bool = False
    #: A computed field: reads the shown value from the item...
    read: Callable[[Any], Any] | None = None
    #: ...and turns an edit into an operation, from (item id, new value).
    write: Callable[[str, Any], Operation | None] | None = None
    #: Error text for a value the model must not take, or None.
    validate: Callable[[str], str | None] | None = None


def plain_tooltip(text: str) -> str:
    """User text for a tooltip or message box, which would otherwise guess it is HTML."""
    from PySide6.QtGui import Qt

    return Qt.convertFromPlainText(text) if text else ""


def split_list(text: str) -> list[str]:
    """``"a, b ,c"`` -> ``["a", "b", "c"]``: how list fields are typed."""
    return [part.strip() for part in text.split(",") if part.strip()]
